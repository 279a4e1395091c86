//! The sentences the view model states for each area, built from one language's words: the
//! comparison under its chart and the chart's accessible name.

use crate::i18n::{fill, Lang};
use crate::model::{Grade, NationalDistribution};
use crate::standing::Standing;

/// The sentence under an area's chart, e.g. "One of 4 forces graded Excellent; 39 forces were
/// graded lower." `standing` is None when this force was not graded in the area.
pub fn comparison_sentence(lang: Lang, grade: Option<&Grade>, standing: Option<Standing>, total: u32) -> String {
    let s = lang.strings();
    let (grade, st) = match (grade, standing) {
        (Some(g), Some(st)) => (lang.graded(g), st),
        _ => return s.s_ungraded.to_string(),
    };
    let mut out = match st.same {
        n if n <= 1 => fill(&s.s_only, [grade]),
        _ if st.lower == 0 && st.higher == 0 => fill(&s.s_all, [&total.to_string(), grade]),
        n => fill(&s.s_one_of, [&n.to_string(), grade]),
    };
    let counted = |forms, n: i64| (n > 0).then(|| fill(lang.count(forms, n as u64), [&n.to_string()]));
    match (counted(&s.s_lower, st.lower), counted(&s.s_higher, st.higher)) {
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

/// The accessible name of an area's chart: every count in words, and this force's grade.
pub fn chart_label(lang: Lang, id: &str, d: &NationalDistribution, grade: Option<&Grade>, total: u32) -> String {
    let [p, f, g, e] = [d.poor, d.fair, d.good, d.excellent].map(|n| n.to_string());
    fill(&lang.strings().chart_label, [id, &total.to_string(), &p, &f, &g, &e, lang.grade(grade)])
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(comparison_sentence(lang, grade, standing, 43), want);
        }
    }

    #[test]
    fn chart_labels_state_every_count() {
        let d = NationalDistribution { poor: 5, fair: 17, good: 17, excellent: 4 };
        assert_eq!(
            chart_label(Lang::En, "3A", &d, Some(&Grade::Excellent), 43),
            "3A: of 43 forces, 5 Poor, 17 Fair, 17 Good, 4 Excellent. This force: Excellent."
        );
        assert_eq!(
            chart_label(Lang::Cy, "3A", &d, None, 43),
            "3A: o'r 43 heddlu, 5 Gwael, 17 Teg, 17 Da, 4 Rhagorol. Yr heddlu hwn: Heb ei raddio."
        );
    }
}
