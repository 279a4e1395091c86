//! Resolving a report's grade ids against its scale, once the whole report is read: the scale
//! it names or gives, each area's grade and direction, each national distribution's counts by
//! rank. The ids can only be checked here, not while reading, because the scale may come after
//! the areas in the JSON. Every unknown id is reported with its path, all at once; the
//! validator (validate.rs) then checks the resolved report.

use std::borrow::Cow;

use super::problem::{Excerpt, ReportPath, ReportProblem, ReportProblemKind as Kind, Step};
use super::scale::{Scale, ScaleChoice, BUILTIN_LIST};
use super::{Area, Report};

impl Report {
    /// The report with its ids resolved (for code that builds one whose ids are known good).
    pub fn resolved(mut self) -> Report {
        self.resolve();
        self
    }

    /// Fills the resolved fields (`grades`, each area's `grade` and `direction`, each national
    /// distribution's `counts`) from the ids, and returns what is wrong with them. Run by every
    /// reader after reading; code that builds or changes a report runs it again.
    pub fn resolve(&mut self) -> Vec<ReportProblem> {
        let mut found = Vec::new();
        let (scale, scale_ok) = match &self.scale {
            None => (Scale::default(), true),
            Some(ScaleChoice::Named(name)) => match Scale::builtin(name) {
                Some(s) => (s, true),
                None => {
                    let kind = Kind::UnknownScale { name: Excerpt::new(name), known: BUILTIN_LIST.to_owned() };
                    found.push(ReportProblem::new(path(&["scale"]), kind));
                    (Scale::default(), false)
                }
            },
            Some(ScaleChoice::Given(s)) => {
                let problems = s.problems();
                for (inside, what) in &problems {
                    let mut steps = vec![Step::Key(Cow::Borrowed("scale"))];
                    steps.extend(inside.iter().cloned());
                    found.push(ReportProblem::new(ReportPath(steps), Kind::BadScale(what.clone())));
                }
                (s.clone(), problems.is_empty())
            }
        };
        let places: Vec<_> = self.places().collect();
        for place in places {
            let at = area_path(place);
            let area = match place {
                (Some(d), a) => &mut self.domains[d].areas[a],
                (None, a) => &mut self.areas[a],
            };
            // Ids of a scale that is itself wrong say nothing reliable: not checked.
            area_ids(area, &scale, scale_ok, &at, &mut found);
        }
        self.grades = scale;
        found
    }
}

fn area_ids(area: &mut Area, scale: &Scale, check: bool, at: &[Step], found: &mut Vec<ReportProblem>) {
    let under = |key: &'static str| {
        let mut p = at.to_vec();
        p.push(Step::Key(Cow::Borrowed(key)));
        p
    };
    let allowed = |defs: &[super::GradeDef]| defs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    let loose = |defs: &[super::GradeDef], word: &str| {
        defs.iter().find(|d| d.id.eq_ignore_ascii_case(word.trim())).map(|d| d.id.clone())
    };
    area.grade = area.grade_id.as_deref().and_then(|id| scale.grade_of_id(id));
    if let (Some(id), None, true) = (&area.grade_id, area.grade, check) {
        let kind = Kind::UnknownGrade {
            word: Excerpt::new(id),
            lowercase: loose(&scale.grades, id),
            allowed: lowest_first(allowed(&scale.grades)),
        };
        found.push(ReportProblem::new(ReportPath(under("grade")), kind));
    }
    area.direction = area.direction_id.as_deref().and_then(|id| scale.direction_of_id(id));
    if let (Some(id), None, true) = (&area.direction_id, area.direction, check) {
        let kind = match &scale.directions {
            Some(dirs) => Kind::UnknownDirection { word: Excerpt::new(id), lowercase: loose(dirs, id), allowed: allowed(dirs) },
            None => Kind::NoDirections,
        };
        found.push(ReportProblem::new(ReportPath(under("direction")), kind));
    }
    let Some(national) = &mut area.national else { return };
    national.counts = vec![0; scale.len()];
    let mut seen = vec![false; scale.len()];
    let national_at = under("national");
    let key_at = |id: &str| {
        let mut p = national_at.clone();
        p.push(Step::Key(Cow::Owned(id.to_owned())));
        ReportPath(p)
    };
    for (id, count) in &national.given {
        match scale.grade_of_id(id) {
            Some(g) if seen[g.rank()] => {
                if check {
                    found.push(ReportProblem::new(key_at(id), Kind::DuplicateField));
                }
            }
            Some(g) => {
                seen[g.rank()] = true;
                national.counts[g.rank()] = *count;
            }
            None if check => {
                let kind = Kind::UnknownCount { id: Excerpt::new(id), allowed: lowest_first(allowed(&scale.grades)) };
                found.push(ReportProblem::new(key_at(id), kind));
            }
            None => {}
        }
    }
    if check {
        // Every grade given, as the four named fields were required before scales: a count left
        // out is more likely a mistake than a 0.
        for g in scale.ranks() {
            if !seen[g.rank()] {
                let id = scale.def(g).map_or("", |d| &d.id);
                found.push(ReportProblem::new(key_at(id), Kind::MissingField));
            }
        }
    }
}

/// Grade ids lowest first, as messages have always listed them ("poor", "fair", …).
fn lowest_first(mut ids: Vec<String>) -> Vec<String> {
    ids.reverse();
    ids
}

fn path(keys: &[&'static str]) -> ReportPath {
    ReportPath(keys.iter().map(|k| Step::Key(Cow::Borrowed(*k))).collect())
}

/// `domains[d].areas[a]` or `areas[a]`.
pub(crate) fn area_path(place: (Option<usize>, usize)) -> Vec<Step> {
    let mut p = Vec::new();
    if let Some(d) = place.0 {
        p.push(Step::Key(Cow::Borrowed("domains")));
        p.push(Step::Index(d));
    }
    p.push(Step::Key(Cow::Borrowed("areas")));
    p.push(Step::Index(place.1));
    p
}
