//! The sentences the view model states for each area, built from one language's words: the
//! comparison under its chart and the chart's accessible name.

use super::Words;
use crate::i18n::fill;
use crate::model::{Grade, NationalDistribution};
use crate::standing::Standing;

/// The sentence under an area's chart, e.g. "One of 4 forces graded Excellent; 39 forces were
/// graded lower." `standing` is None when this force was not graded in the area. `total` is the
/// area's own total. A 2006 report of forces says it with the 2006 texts, word for word; any
/// other with the `n_` texts, naming what is compared.
pub fn comparison_sentence(w: &Words, grade: Option<&Grade>, standing: Option<Standing>, total: i64) -> String {
    let lang = w.lang;
    let s = lang.strings();
    let (grade, st) = match (grade, standing) {
        (Some(g), Some(st)) => (w.graded(g), st),
        _ => return s.s_ungraded.to_string(),
    };
    let count = |n: i64| n.max(0) as u64;
    let mut out = match st.same {
        n if n <= 1 && w.generic => fill(&s.n_only, [w.thing(), grade]),
        n if n <= 1 => fill(&s.s_only, [grade]),
        _ if st.lower == 0 && st.higher == 0 && w.generic => fill(&s.n_all, [&total.to_string(), w.noun(count(total)), grade]),
        _ if st.lower == 0 && st.higher == 0 => fill(&s.s_all, [&total.to_string(), grade]),
        n if w.generic => fill(&s.n_one_of, [&n.to_string(), w.noun(count(n)), grade]),
        n => fill(&s.s_one_of, [&n.to_string(), grade]),
    };
    let counted = |old, new, n: i64| {
        (n > 0).then(|| match w.generic {
            true => fill(lang.count(new, n as u64), [&n.to_string(), w.noun(n as u64)]),
            false => fill(lang.count(old, n as u64), [&n.to_string()]),
        })
    };
    match (counted(&s.s_lower, &s.n_lower, st.lower), counted(&s.s_higher, &s.n_higher, st.higher)) {
        (Some(l), Some(h)) => {
            out.push_str("; ");
            out.push_str(&l);
            out.push_str(s.s_and);
            out.push_str(&h);
        }
        (Some(k), None) | (None, Some(k)) => {
            out.push_str("; ");
            out.push_str(&k);
        }
        (None, None) => {}
    }
    out.push('.');
    out
}

/// The accessible name of an area's chart: every count in words, and this force's grade:
/// "3A: of 43 forces, 5 Poor, 17 Fair, 17 Good, 4 Excellent. This force: Excellent."
pub fn chart_label(w: &Words, id: &str, d: &NationalDistribution, grade: Option<&Grade>, total: i64) -> String {
    let s = w.lang.strings();
    if let (false, [p, f, g, e]) = (w.generic, &d.counts[..]) {
        let [p, f, g, e] = [p, f, g, e].map(|n| n.to_string());
        return fill(&s.chart_label, [id, &total.to_string(), &p, &f, &g, &e, w.grade(grade)]);
    }
    let mut out = fill(&s.n_chart, [id, &total.to_string(), w.noun(total.max(0) as u64)]);
    out.push_str(&counts(w, d));
    out.push_str(&fill(&s.n_chart_own, [w.grade(grade)]));
    out
}

/// "5 Poor, 17 Fair, 17 Good, 4 Excellent": every count with its grade, lowest first.
// Written piece by piece: `format!` and `join` over a `Vec<String>` each linked code of their
// own into the widget's wasm for this one text (docs/PERFORMANCE.md, "Issue 29").
pub fn counts(w: &Words, d: &NationalDistribution) -> String {
    let mut out = String::new();
    for (i, (g, n)) in w.grades.iter().zip(&d.counts).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&n.to_string());
        out.push(' ');
        out.push_str(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Report;

    fn words(lang: Lang, json: &str) -> Words {
        // Read, not validated: these reports leave out what the sentences do not use.
        let tree = crate::model::read::tree::Tree::parse(json).unwrap();
        let mut r: Report = crate::model::read::read_report(&tree).result.unwrap();
        assert_eq!(r.resolve(), []);
        Words::new(&r, lang)
    }

    const BASELINE: &str = r#"{"schema_version":1,"force":"F","title":"T","areas":[{"id":"a","title":"A"}]}"#;
    const PEEL: &str = r#"{"schema_version":1,"force":"F","title":"T","scale":"peel-2021",
        "compared":{"en":"services","cy":"gwasanaeth"},"areas":[{"id":"a","title":"A"}]}"#;

    fn st(same: i64, lower: i64, higher: i64) -> Option<Standing> {
        Some(Standing { same, lower, higher })
    }

    #[test]
    fn comparison_sentences() {
        let e = Some(&Grade::Excellent);
        let g = Some(&Grade::Good);
        let cases: [(Lang, Option<&Grade>, Option<Standing>, &str); 11] = [
            (Lang::En, e, st(4, 39, 0), "One of 4 forces graded Excellent; 39 forces were graded lower."),
            (Lang::En, e, st(1, 42, 0), "The only force graded Excellent; 42 forces were graded lower."),
            (Lang::En, g, st(17, 22, 4), "One of 17 forces graded Good; 22 forces were graded lower and 4 forces were graded higher."),
            (Lang::En, g, st(20, 1, 22), "One of 20 forces graded Good; 1 force was graded lower and 22 forces were graded higher."),
            (Lang::En, Some(&Grade::Poor), st(8, 0, 35), "One of 8 forces graded Poor; 35 forces were graded higher."),
            (Lang::En, Some(&Grade::Poor), st(42, 0, 1), "One of 42 forces graded Poor; 1 force was graded higher."),
            (Lang::En, g, st(43, 0, 0), "All 43 forces graded Good."),
            (Lang::En, None, None, "This force was not graded in this area."),
            (Lang::Cy, e, st(4, 39, 0), "Un o 4 heddlu a raddiwyd yn Rhagorol; graddiwyd 39 heddlu yn is."),
            (Lang::Cy, g, st(1, 2, 40), "Yr unig heddlu a raddiwyd yn Dda; graddiwyd 2 heddlu yn is a graddiwyd 40 heddlu yn uwch."),
            (Lang::Cy, None, None, "Ni chafodd yr heddlu hwn ei raddio yn y maes hwn."),
        ];
        for (lang, grade, standing, want) in cases {
            assert_eq!(comparison_sentence(&words(lang, BASELINE), grade, standing, 43), want);
        }
    }

    #[test]
    fn chart_labels_state_every_count() {
        let d = NationalDistribution { given: Vec::new(), counts: vec![5, 17, 17, 4] };
        assert_eq!(
            chart_label(&words(Lang::En, BASELINE), "3A", &d, Some(&Grade::Excellent), 43),
            "3A: of 43 forces, 5 Poor, 17 Fair, 17 Good, 4 Excellent. This force: Excellent."
        );
        assert_eq!(
            chart_label(&words(Lang::Cy, BASELINE), "3A", &d, None, 43),
            "3A: o'r 43 heddlu, 5 Gwael, 17 Teg, 17 Da, 4 Rhagorol. Yr heddlu hwn: Heb ei raddio."
        );
    }

    #[test]
    fn five_grades_and_services() {
        let en = words(Lang::En, PEEL);
        let cy = words(Lang::Cy, PEEL);
        let outstanding = Grade(4);
        let d = NationalDistribution { given: Vec::new(), counts: vec![1, 2, 3, 4, 5] };
        assert_eq!(
            chart_label(&en, "victims", &d, Some(&outstanding), 15),
            "victims: of 15 services, 1 Inadequate, 2 Requires improvement, 3 Adequate, 4 Good, 5 Outstanding. This force: Outstanding."
        );
        assert_eq!(comparison_sentence(&en, Some(&outstanding), st(5, 10, 0), 15), "One of 5 services graded Outstanding; 10 services were graded lower.");
        assert_eq!(comparison_sentence(&en, Some(&Grade(2)), st(1, 1, 1), 3), "The only service graded Adequate; 1 service was graded lower and 1 service was graded higher.");
        assert_eq!(comparison_sentence(&cy, Some(&Grade(2)), st(2, 0, 2), 4), "Un o 2 wasanaeth a raddiwyd yn Ddigonol; graddiwyd 2 wasanaeth yn uwch.");
        assert_eq!(comparison_sentence(&cy, Some(&Grade(3)), st(1, 3, 0), 4), "Yr unig wasanaeth a raddiwyd yn Dda; graddiwyd 3 gwasanaeth yn is.");
    }
}
