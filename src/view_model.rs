//! Everything derived from a report that more than one component needs, computed once per
//! report and language (the components re-render on every filter change; this does not).
//! Shared behind an `Rc`; equality is identity, so props holding it compare in O(1).

use std::rc::Rc;

use crate::standing::standing;
use crate::i18n::Lang;
use crate::model::{Area, Report};

mod glossary;
mod sentences;

pub use glossary::{Glossary, Segment};

use sentences::{chart_label, comparison_sentence};

pub struct PreparedReport {
    pub report: Rc<Report>,
    pub lang: Lang,
    /// One per area, in report order.
    pub areas: Vec<AreaInfo>,
    pub profile: Profile,
    pub glossary: Glossary,
    /// What the summary table's ids start with (see [`crate::hydration::id_prefix`]).
    pub id_prefix: String,
}

/// Identity, not contents: one `PreparedReport` is built per report and language.
impl PartialEq for PreparedReport {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub struct AreaInfo {
    /// Index into `report.domains`.
    pub domain: usize,
    /// Index into that domain's `areas`.
    pub index: usize,
    /// This force's grade as a chart column (0 Poor … 3 Excellent), None when not graded.
    pub own: Option<usize>,
    /// "One of 4 forces graded Excellent; 39 forces were graded lower."
    pub sentence: String,
    /// The chart's accessible name, stating every count.
    pub label: String,
}

/// The grade profile: this force's areas per grade and the national totals over all areas.
#[derive(Debug, PartialEq, Eq)]
pub struct Profile {
    /// Poor, Fair, Good, Excellent.
    pub force: [u32; 4],
    pub ungraded: u32,
    /// Sum over all areas of the national counts, Poor … Excellent.
    pub national: [i64; 4],
}

impl Profile {
    pub fn new(report: &Report) -> Profile {
        let mut p = Profile { force: [0; 4], ungraded: 0, national: [0; 4] };
        for area in report.areas() {
            match area.grade.as_ref().map(|g| g.rank()) {
                Some(r) => p.force[r] += 1,
                None => p.ungraded += 1,
            }
            let n = &area.national;
            for (slot, c) in p.national.iter_mut().zip([n.poor, n.fair, n.good, n.excellent]) {
                *slot = slot.saturating_add(c.max(0));
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
        let total = report.forces_assessed;
        let mut areas = Vec::new();
        for (d, domain) in report.domains.iter().enumerate() {
            for (i, area) in domain.areas.iter().enumerate() {
                let grade = area.grade.as_ref();
                areas.push(AreaInfo {
                    domain: d,
                    index: i,
                    own: grade.map(|g| g.rank()),
                    sentence: comparison_sentence(lang, grade, standing(&area.national, grade), total),
                    label: chart_label(lang, &area.id, &area.national, grade, total),
                });
            }
        }
        let id_prefix = crate::hydration::id_prefix(&report, lang);
        PreparedReport { profile: Profile::new(&report), glossary: Glossary::new(&report.glossary), areas, lang, id_prefix, report }
    }

    /// Area `i` in report order. Indices come from `areas`/`arrange`, so they are in range.
    pub fn area(&self, i: usize) -> &Area {
        let info = &self.areas[i];
        &self.report.domains[info.domain].areas[info.index]
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
