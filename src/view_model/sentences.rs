//! The sentences the view model states for each area, built from one language's words: the
//! comparison under its chart and the chart's accessible name.

use super::Words;
use crate::i18n::fill;
use crate::model::{Grade, NationalDistribution};
use crate::standing::Standing;

/// The sentence under an area's chart, e.g. "One of 4 forces graded Excellent; 39 forces were
/// graded lower." `standing` is None when this force was not graded in the area. `total` is the
/// area's own total. What is compared is named by the report's `compared` (forces by default).
pub fn comparison_sentence(w: &Words, grade: Option<&Grade>, standing: Option<Standing>, total: i64) -> String {
    let lang = w.lang;
    let s = lang.strings();
    let (grade, st) = match (grade, standing) {
        (Some(g), Some(st)) => (w.graded(g), st),
        _ => return fill(&s.n_ungraded, [w.this_after(s.n_ungraded[0])]),
    };
    let count = |n: i64| n.max(0) as u64;
    let mut out = match st.same {
        n if n <= 1 => fill(&s.n_only, [w.thing(), grade]),
        _ if st.lower == 0 && st.higher == 0 => fill(&s.n_all, [&total.to_string(), w.noun(count(total)), grade]),
        n => fill(&s.n_one_of, [&n.to_string(), w.noun(count(n)), grade]),
    };
    let counted = |texts, n: i64| (n > 0).then(|| fill(lang.count(texts, n as u64), [&n.to_string(), w.noun(n as u64)]));
    match (counted(&s.n_lower, st.lower), counted(&s.n_higher, st.higher)) {
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
    let mut out = fill(&s.n_chart, [id, &total.to_string(), w.noun(total.max(0) as u64)]);
    out.push_str(&counts(w, d));
    out.push_str(&fill(&s.n_chart_own, [w.this_after(s.n_chart_own[0]), w.grade(grade)]));
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
            "victims: of 15 services, 1 Inadequate, 2 Requires improvement, 3 Adequate, 4 Good, 5 Outstanding. This service: Outstanding."
        );
        assert_eq!(comparison_sentence(&en, Some(&outstanding), st(5, 10, 0), 15), "One of 5 services graded Outstanding; 10 services were graded lower.");
        assert_eq!(comparison_sentence(&en, Some(&Grade(2)), st(1, 1, 1), 3), "The only service graded Adequate; 1 service was graded lower and 1 service was graded higher.");
        assert_eq!(comparison_sentence(&cy, Some(&Grade(2)), st(2, 0, 2), 4), "Un o 2 wasanaeth a raddiwyd yn Ddigonol; graddiwyd 2 wasanaeth yn uwch.");
        assert_eq!(comparison_sentence(&cy, Some(&Grade(3)), st(1, 3, 0), 4), "Yr unig wasanaeth a raddiwyd yn Dda; graddiwyd 3 gwasanaeth yn is.");
        // What the report is about is named as what it compares, never "this force".
        assert_eq!(comparison_sentence(&en, None, None, 4), "This service was not graded in this area.");
        // Welsh without the report's own phrase: the neutral one, not a guessed mutation.
        assert_eq!(comparison_sentence(&cy, None, None, 4), "Ni chafodd y sefydliad hwn ei raddio yn y maes hwn.");
        assert_eq!(
            chart_label(&cy, "victims", &d, Some(&outstanding), 15),
            "victims: o'r 15 gwasanaeth, 1 Annigonol, 2 Angen gwella, 3 Digonol, 4 Da, 5 Rhagorol. Y sefydliad hwn: Rhagorol."
        );
        let own = words(Lang::Cy, &PEEL.replace(r#""cy":"gwasanaeth"}"#, r#""cy":"gwasanaeth","cy_this":"y gwasanaeth hwn"}"#));
        assert_eq!(comparison_sentence(&own, None, None, 4), "Ni chafodd y gwasanaeth hwn ei raddio yn y maes hwn.");
        assert_eq!(
            chart_label(&own, "victims", &d, None, 15),
            "victims: o'r 15 gwasanaeth, 1 Annigonol, 2 Angen gwella, 3 Digonol, 4 Da, 5 Rhagorol. Y gwasanaeth hwn: Heb ei raddio."
        );
    }
}
