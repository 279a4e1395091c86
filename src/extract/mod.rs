//! Report text to [`crate::model::Report`]: the HMIC Baseline Assessment layout, read without
//! assuming anything about one force.
//!
//! Stages, one file each: `normalise` (bytes, line ends, characters), `cover` (force, title,
//! month, period), `lines` (page headers and footers out), `summary` (the Summary of Judgements
//! table), `areas` (domains, areas, grades, distributions), `sections`, `blocks` and
//! `emphasis` (text structure), `overview`, `glossary`. `extract` ties them together and
//! cross-checks the summary table, the distributions and the forces assessed.

mod areas;
mod blocks;
mod columns;
mod cover;
mod emphasis;
mod error;
mod glossary;
mod grades;
mod lines;
mod normalise;
mod overview;
mod sections;
mod summary;

pub use error::{ExtractError, ExtractProblem, ExtractProblemKind, Place};

use crate::model::{Area, Domain, Report, SCHEMA_VERSION};

use areas::{RawArea, RawDomain};
use error::ExtractProblem as P;
use summary::Summary;

/// Extracts a report from bytes as read from a file: UTF-8 (a BOM is allowed), else an error
/// giving the byte offset of the first bad byte.
pub fn extract_bytes(bytes: &[u8]) -> Result<Report, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::one(ExtractProblemKind::Empty, None));
    }
    // NUL first: a binary file is reported as binary even when it is also not UTF-8.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ExtractError::one(
            ExtractProblemKind::Binary { offset, byte: 0 },
            None,
        ));
    }
    extract(normalise::decode(bytes)?)
}

/// Extracts a report from its text. Every problem found is returned at once.
pub fn extract(text: &str) -> Result<Report, ExtractError> {
    normalise::check(text)?;
    let raw = normalise::lines(text);
    let cover = cover::read(&raw)?;
    let items = lines::items(&raw, &cover);
    let mut problems: Vec<P> = Vec::new();

    let summary = summary::read(&items, &mut problems);
    let body_start = summary.as_ref().map_or(0, |s| s.end);
    let body = items.get(body_start..).unwrap_or(&[]);
    let glossary_at = glossary::start(body).unwrap_or(body.len());
    let mut raw_domains = areas::scan(body.get(..glossary_at).unwrap_or(&[]), &mut problems);
    if let Some(s) = &summary {
        fill_domain_titles(&mut raw_domains, s);
    }

    if raw_domains.iter().all(|d| d.areas.is_empty()) {
        problems.push(P {
            kind: ExtractProblemKind::NoAreas,
            line: None,
        });
        return Err(ExtractError::new(problems));
    }
    repeated(&raw_domains, &mut problems);
    match &summary {
        Some(s) => {
            // Where the area sections stop: the glossary's heading, else the text's last line.
            let end = Ends {
                line: body.get(glossary_at).or(body.last()).map_or(s.line, |item| item.no),
                glossary: glossary_at < body.len(),
            };
            cross_check(s, &raw_domains, end, &mut problems);
        }
        None => problems.push(P {
            kind: ExtractProblemKind::NoSummary,
            line: None,
        }),
    }
    let forces_assessed = forces_assessed(&raw_domains, &mut problems);
    if !problems.is_empty() {
        return Err(ExtractError::new(problems));
    }

    let front = items
        .get(..summary.as_ref().map_or(0, |s| s.start))
        .unwrap_or(&[]);
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        force: cover.force.clone(),
        title: cover.title.clone(),
        published: Some(cover.published.clone()),
        period: cover::period(raw.iter().map(|l| l.text.as_str())),
        forces_assessed: Some(forces_assessed),
        domains: raw_domains.iter().map(domain).collect(),
        overview: overview::read(front),
        glossary: glossary::read(body.get(glossary_at + 1..).unwrap_or(&[])),
        ..Report::default()
    }
    .resolved())
}

fn domain(d: &RawDomain) -> Domain {
    Domain {
        id: d.id.clone(),
        title: d.title.clone(),
        ppaf: d.ppaf.clone(),
        areas: d.areas.iter().map(area).collect(),
    }
}

fn area(a: &RawArea) -> Area {
    let s = sections::read(a);
    Area {
        id: a.id.clone(),
        title: a.title.clone(),
        // The 2006 scale's ids; `resolved` fills the grade and direction from them.
        grade_id: a.grade.map(|g| g.as_str().to_owned()),
        direction_id: a.direction.map(|d| d.as_str().to_owned()),
        national: Some(a.national.clone()),
        national_context: s.national_context,
        context: s.context,
        strengths: s.strengths,
        work_in_progress: s.work_in_progress,
        areas_for_improvement: s.areas_for_improvement,
        good_practice: s.good_practice,
        ..Area::default()
    }
}

/// The number of forces is what the distributions sum to; an area whose row sums to anything
/// else (than what most rows agree on) is an error naming the area and its line.
fn forces_assessed(domains: &[RawDomain], problems: &mut Vec<P>) -> u32 {
    let rows: Vec<(&RawArea, usize, i64)> = domains
        .iter()
        .flat_map(|d| &d.areas)
        .filter_map(|a| a.national_line.map(|l| (a, l, a.national.total())))
        .collect();
    let mut tally: Vec<(i64, usize)> = Vec::new();
    for &(_, _, sum) in &rows {
        match tally.iter_mut().find(|(s, _)| *s == sum) {
            Some((_, n)) => *n += 1,
            None => tally.push((sum, 1)),
        }
    }
    // Most common sum; on a tie, the one met first.
    let expected = tally
        .iter()
        .fold(None::<(i64, usize)>, |best, &(s, n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((s, n)),
        });
    let Some((expected, _)) = expected else {
        return 0;
    };
    for &(a, line, sum) in &rows {
        // The distribution includes this force, so its own grade is counted at least once.
        if let Some(g) = a
            .grade
            .as_ref()
            .filter(|g| a.national.count(**g) < 1)
        {
            let grade = grades::describe(&Some(*g), &None);
            let grade = grade.split(',').next().unwrap_or_default().to_string();
            problems.push(P::at(
                ExtractProblemKind::OwnGradeUncounted {
                    area: a.id.clone(),
                    grade,
                },
                line,
            ));
        }
        if sum != expected {
            problems.push(P::at(
                ExtractProblemKind::BadSum {
                    area: a.id.clone(),
                    sum,
                    expected,
                },
                line,
            ));
        }
    }
    u32::try_from(expected).unwrap_or(0)
}

/// A section read twice (a repeated page) or a domain whose areas resume after another domain's
/// would give duplicate ids, which the report format refuses: say so here, with the lines,
/// instead of writing a report that `validate` rejects. (Found by the fuzz tests, tests/fuzz.)
fn repeated(domains: &[RawDomain], problems: &mut Vec<P>) {
    let mut areas: Vec<(&str, usize)> = Vec::new();
    let mut domain_ids: Vec<(&str, usize)> = Vec::new();
    for d in domains {
        let Some(first) = d.areas.first() else { continue };
        let mut new_areas = false;
        for a in &d.areas {
            match areas.iter().find(|(id, _)| *id == a.id) {
                Some(&(_, first_line)) => problems.push(P::at(
                    ExtractProblemKind::RepeatedArea { area: a.id.clone(), first_line },
                    a.line,
                )),
                None => {
                    areas.push((&a.id, a.line));
                    new_areas = true;
                }
            }
        }
        match domain_ids.iter().find(|(id, _)| *id == d.id) {
            // Only repeated areas: already said above.
            Some(_) if !new_areas => {}
            Some(&(_, first_line)) => problems.push(P::at(
                ExtractProblemKind::RepeatedDomain { domain: d.id.clone(), first_line },
                first.line,
            )),
            None => domain_ids.push((&d.id, first.line)),
        }
    }
}

/// Where the area sections end, for saying where a missing one was expected.
#[derive(Clone, Copy)]
struct Ends {
    /// The glossary heading's line, else the text's last line.
    line: usize,
    /// Whether the glossary follows the sections (else the text just stops).
    glossary: bool,
}

/// One summary-table row as [`cross_check`] found it: its section's id and heading line, or
/// missing (with the domain, on the first area of a domain that is missing entirely).
enum Slot {
    Found { id: String, line: usize },
    Missing { id: String, domain: Option<String> },
}

/// Each summary row against its area: domains by order, areas by tolerant title within the
/// domain, falling back to position. Each run of missing sections is one problem, placed where
/// the sections were expected (before the next section present, or where the sections end).
fn cross_check(summary: &Summary, domains: &[RawDomain], end: Ends, problems: &mut Vec<P>) {
    let mut slots = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (di, sd) in summary.domains.iter().enumerate() {
        let number = (di + 1).to_string();
        let domain = domains
            .iter()
            .find(|d| grades::title_key(&d.title) == grades::title_key(&sd.title))
            .or_else(|| domains.iter().find(|d| d.id == number));
        let Some(domain) = domain else {
            for (ai, _) in sd.areas.iter().enumerate() {
                let domain = (ai == 0).then(|| format!("{number} {}", sd.title));
                slots.push(Slot::Missing { id: format!("{number}{}", letter(ai)), domain });
            }
            continue;
        };
        for (ai, sa) in sd.areas.iter().enumerate() {
            let key = grades::title_key(&sa.title);
            let found = domain
                .areas
                .iter()
                .find(|a| grades::title_key(&a.title) == key)
                .or_else(|| {
                    domain.areas.get(ai).filter(|a| {
                        !sd.areas
                            .iter()
                            .any(|o| grades::title_key(&o.title) == grades::title_key(&a.title))
                    })
                });
            let Some(a) = found else {
                slots.push(Slot::Missing { id: format!("{}{}", domain.id, letter(ai)), domain: None });
                continue;
            };
            slots.push(Slot::Found { id: a.id.clone(), line: a.line });
            seen.push(&a.id);
            if a.grade_readable && (a.grade != sa.grade || a.direction != sa.direction) {
                let kind = ExtractProblemKind::SummaryMismatch {
                    area: a.id.clone(),
                    summary: grades::describe(&sa.grade, &sa.direction),
                    summary_line: sa.line,
                    section: grades::describe(&a.grade, &a.direction),
                };
                problems.push(P::at(kind, a.grade_line));
            }
        }
    }
    missing_sections(&slots, end, problems);
    for a in domains.iter().flat_map(|d| &d.areas) {
        if !seen.contains(&a.id.as_str()) {
            problems.push(P::at(
                ExtractProblemKind::NotInSummary { area: a.id.clone() },
                a.line,
            ));
        }
    }
}

/// One problem per run of missing sections in summary order, saying between which sections
/// present they belong; a run at the end is a truncated report (or one cut before the glossary).
fn missing_sections(slots: &[Slot], end: Ends, problems: &mut Vec<P>) {
    let mut after: Option<&str> = None;
    let mut i = 0;
    while i < slots.len() {
        match &slots[i] {
            Slot::Found { id, .. } => {
                after = Some(id);
                i += 1;
            }
            Slot::Missing { .. } => {
                let run_end = slots[i..]
                    .iter()
                    .position(|s| matches!(s, Slot::Found { .. }))
                    .map_or(slots.len(), |n| i + n);
                let (mut domains, mut areas) = (Vec::new(), Vec::new());
                for slot in &slots[i..run_end] {
                    if let Slot::Missing { id, domain } = slot {
                        areas.push(id.clone());
                        domains.extend(domain.clone());
                    }
                }
                let (place, line) = match slots.get(run_end) {
                    Some(Slot::Found { id, line }) => (Place::Between(after.map(str::to_owned), id.clone()), *line),
                    _ if end.glossary => (Place::BeforeGlossary(after.map(str::to_owned)), end.line),
                    _ => (Place::End(after.map(str::to_owned)), end.line),
                };
                problems.push(P::at(ExtractProblemKind::MissingSections { domains, areas, place }, line));
                i = run_end;
            }
        }
    }
}

/// A domain whose heading line is missing takes its title from the summary table row of the
/// same number.
fn fill_domain_titles(domains: &mut [RawDomain], summary: &Summary) {
    for d in domains.iter_mut().filter(|d| d.title.is_empty()) {
        let index = d.id.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
        if let Some(sd) = index.and_then(|i| summary.domains.get(i)) {
            d.title = sd.title.clone();
        }
    }
}

/// 0 -> 'A', 1 -> 'B', …
fn letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .and_then(|i| b'A'.checked_add(i))
        .map_or('?', char::from)
}
