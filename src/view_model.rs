//! Everything derived from a report that more than one component needs, computed once per
//! report and language (the components re-render on every filter change; this does not).
//! Shared behind an `Rc`; equality is identity, so props holding it compare in O(1).

use std::rc::Rc;

use crate::i18n::fill;
use crate::standing::standing;
use crate::i18n::Lang;
use crate::model::{Area, Report};

mod glossary;
mod sentences;
mod words;

pub use glossary::{Glossary, Segment};
pub use words::{soft_mutation, Words};

pub use sentences::counts;
use sentences::{chart_label, comparison_sentence};

pub struct PreparedReport {
    pub report: Rc<Report>,
    pub lang: Lang,
    /// One per area, in report order.
    pub areas: Vec<AreaInfo>,
    pub profile: Profile,
    pub glossary: Glossary,
    /// The words for the report's grades, directions and what it compares.
    pub words: Words,
    /// The national column's header: "All forces (Poor, Fair, Good, Excellent)".
    pub col_national: yew::AttrValue,
    /// Said after this force's count in the national column: " (this force)".
    pub nat_own: yew::AttrValue,
    /// What the summary table's ids start with (see [`crate::hydration::id_prefix`]).
    pub id_prefix: String,
    /// Whether the area ids are the report's own references (the 2006 reports' `3A`): see
    /// [`PreparedReport::reference`].
    pub refs: bool,
}

/// Identity, not contents: one `PreparedReport` is built per report and language.
impl PartialEq for PreparedReport {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub struct AreaInfo {
    /// Where the area is: (index into `report.domains`, index into its `areas`), or (None,
    /// index into the flat `report.areas`).
    pub place: (Option<usize>, usize),
    /// This force's grade as a chart column (0 the lowest grade), None when not graded.
    pub own: Option<usize>,
    /// "One of 4 forces graded Excellent; 39 forces were graded lower."
    pub sentence: String,
    /// The chart's accessible name, stating every count.
    pub label: String,
}

/// The grade profile: this force's areas per grade and the national totals over all areas.
#[derive(Debug, PartialEq, Eq)]
pub struct Profile {
    /// By grade, lowest first.
    pub force: Vec<u32>,
    pub ungraded: u32,
    /// Sum over all areas with national counts, by grade, lowest first.
    pub national: Vec<i64>,
    /// Whether any area has national counts (without them the profile has no national column).
    pub has_national: bool,
}

impl Profile {
    pub fn new(report: &Report) -> Profile {
        let n = report.grades.len();
        let mut p = Profile { force: vec![0; n], ungraded: 0, national: vec![0; n], has_national: false };
        for area in report.areas() {
            match area.grade.as_ref().map(|g| g.rank()).filter(|r| *r < n) {
                Some(r) => p.force[r] += 1,
                None => p.ungraded += 1,
            }
            if let Some(d) = &area.national {
                p.has_national = true;
                for (slot, c) in p.national.iter_mut().zip(&d.counts) {
                    *slot = slot.saturating_add((*c).max(0));
                }
            }
        }
        p
    }

    pub fn areas(&self) -> u32 {
        self.force.iter().sum::<u32>() + self.ungraded
    }

    pub fn national_total(&self) -> i64 {
        self.national.iter().fold(0i64, |a, b| a.saturating_add(*b))
    }
}

/// `part` of `whole` as a whole percentage, rounded half up; 0 for an empty whole.
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part.max(0).saturating_mul(200) + whole) / (2 * whole)
    }
}

impl PreparedReport {
    pub fn new(report: Rc<Report>, lang: Lang) -> PreparedReport {
        let words = Words::new(&report, lang);
        let refs = report.areas().all(|a| crate::model::is_area_id(&a.id));
        let mut areas = Vec::new();
        for place in report.places() {
            let area = report.area_at(place);
            let grade = area.grade.as_ref();
            let (sentence, label) = match &area.national {
                Some(n) => {
                    // Each area's own total: not every force is graded in every area (on the
                    // 2006 scale it is always forces_assessed).
                    let total = n.total();
                    (comparison_sentence(&words, grade, standing(n, grade), total), chart_label(&words, if refs { &area.id } else { &area.title }, n, grade, total))
                }
                None => (lang.strings().n_no_counts.to_owned(), String::new()),
            };
            areas.push(AreaInfo { place, own: grade.map(|g| g.rank()), sentence, label });
        }
        let id_prefix = crate::hydration::id_prefix(&report, lang);
        let s = lang.strings();
        // The grade words pushed one by one: a `join` over `&str` is code of its own in the wasm.
        let mut grades = String::new();
        for (i, g) in words.grades.iter().enumerate() {
            if i > 0 {
                grades.push_str(", ");
            }
            grades.push_str(g);
        }
        let col_national = fill(&s.n_col_national, [words.things(), &grades]).into();
        let nat_own = fill(&s.n_nat_own, [words.this_after(s.n_nat_own[0])]).into();
        PreparedReport { profile: Profile::new(&report), glossary: Glossary::new(&report.glossary), areas, lang, words, col_national, nat_own, id_prefix, refs, report }
    }

    /// What the Ref. column, the cards and the findings' heading show for area `i`.
    pub fn reference(&self, i: usize) -> String {
        reference(self.refs, &self.area(i).id, i)
    }

    /// Area `i` in report order. Indices come from `areas`/`arrange`, so they are in range.
    pub fn area(&self, i: usize) -> &Area {
        self.report.area_at(self.areas[i].place)
    }

    /// The index of the area with this id (any letter case, for deep links like `#3a`).
    pub fn find(&self, id: &str) -> Option<usize> {
        (0..self.areas.len()).find(|i| self.area(*i).id.eq_ignore_ascii_case(id))
    }
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percents() {
        let cases = [(1, 3, 33), (2, 3, 67), (1, 2, 50), (0, 5, 0), (5, 0, 0), (-1, 5, 0), (43, 43, 100), (1, 200, 1), (1, 201, 0)];
        for (part, whole, want) in cases {
            assert_eq!(percent(part, whole), want, "{part}/{whole}");
        }
    }
}

/// Area `i`'s id where ids are the report's own references (`3A`), else its place in the report
/// (1, 2, …): a slug such as `protecting-vulnerable-people` is for deep links, not for readers,
/// and would take a wide column of its own.
fn reference(refs: bool, id: &str, i: usize) -> String {
    if refs {
        id.to_owned()
    } else {
        (i + 1).to_string()
    }
}
