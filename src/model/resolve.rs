//! Resolving a report's grade ids against its scale, once the whole report is read: the scale
//! it names or gives, each area's grade and direction, each national distribution's counts by
//! rank. The ids can only be checked here, not while reading, because the scale may come after
//! the areas in the JSON. Every unknown id is reported with its path, all at once; the
//! validator (validate.rs) then checks the resolved report.

use std::borrow::Cow;

use super::problem::{Excerpt, ReportProblem, ReportProblemKind as Kind, Step};
use super::scale::{Scale, ScaleChoice, BUILTIN_LIST};
use super::walk::At;
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
        let root = At::Root;
        let (scale, scale_ok) = match &self.scale {
            None => (Scale::default(), true),
            Some(ScaleChoice::Named(name)) => match Scale::builtin(name) {
                Some(s) => (s, true),
                None => {
                    let kind = Kind::UnknownScale { name: Excerpt::new(name), known: BUILTIN_LIST.to_owned() };
                    found.push(ReportProblem::new(root.key("scale").path(), kind));
                    (Scale::default(), false)
                }
            },
            Some(ScaleChoice::Given(s)) => {
                let problems = s.problems();
                for (inside, what) in &problems {
                    let mut path = root.key("scale").path();
                    path.0.extend(inside.iter().cloned());
                    found.push(ReportProblem::new(path, Kind::BadScale(what.clone())));
                }
                (s.clone(), problems.is_empty())
            }
        };
        // Ids of a scale that is itself wrong say nothing reliable: not checked. Paths are kept
        // on the stack (walk.rs's `At`), as the validator keeps them, and written only for a
        // problem.
        let domains = root.key("domains");
        for (d, domain) in self.domains.iter_mut().enumerate() {
            let at = domains.index(d);
            let areas = at.key("areas");
            for (a, area) in domain.areas.iter_mut().enumerate() {
                area_ids(area, &scale, scale_ok, &areas.index(a), &mut found);
            }
        }
        let flat = root.key("areas");
        for (a, area) in self.areas.iter_mut().enumerate() {
            area_ids(area, &scale, scale_ok, &flat.index(a), &mut found);
        }
        self.grades = scale;
        found
    }
}

fn area_ids(area: &mut Area, scale: &Scale, check: bool, at: &At, found: &mut Vec<ReportProblem>) {
    area.grade = area.grade_id.as_deref().and_then(|id| scale.grade_of_id(id));
    if let (Some(id), None, true) = (&area.grade_id, area.grade, check) {
        let (word, lowercase, allowed) = unknown(&scale.grades, id, true);
        let kind = Kind::UnknownGrade { word, lowercase, allowed };
        found.push(ReportProblem::new(at.key("grade").path(), kind));
    }
    area.direction = area.direction_id.as_deref().and_then(|id| scale.direction_of_id(id));
    if let (Some(id), None, true) = (&area.direction_id, area.direction, check) {
        let kind = match &scale.directions {
            Some(dirs) => {
                let (word, lowercase, allowed) = unknown(dirs, id, false);
                Kind::UnknownDirection { word, lowercase, allowed }
            }
            None => Kind::NoDirections,
        };
        found.push(ReportProblem::new(at.key("direction").path(), kind));
    }
    let Some(national) = &mut area.national else { return };
    national.counts = vec![0; scale.len()];
    let mut seen = vec![false; scale.len()];
    let national_at = at.key("national");
    let key_at = |id: &str| {
        let mut p = national_at.path();
        p.0.push(Step::Key(Cow::Owned(id.to_owned())));
        p
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
                let (word, _, allowed) = unknown(&scale.grades, id, true);
                let kind = Kind::UnknownCount { id: word, allowed };
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

/// An id the scale's grades or directions do not have, for a message: the id as quoted, the id
/// it matches but for letter case and surrounding spaces, and the ids to list (grades lowest
/// first, as messages have always listed them: "poor", "fair", …). One function for the three
/// messages, rather than the pieces built at each.
fn unknown(defs: &[super::GradeDef], id: &str, lowest_first: bool) -> (Excerpt, Option<String>, Vec<String>) {
    let lowercase = defs.iter().find(|d| d.id.eq_ignore_ascii_case(id.trim())).map(|d| d.id.clone());
    let mut ids: Vec<String> = defs.iter().map(|d| d.id.clone()).collect();
    if lowest_first {
        ids.reverse();
    }
    (Excerpt::new(id), lowercase, ids)
}
