//! An area's text sections: National Context / Position, Contextual Factors, Strengths, Work
//! in Progress, Areas for Improvement (each a list of groups under optional sub-headings) and
//! GOOD PRACTICE case studies.
//!
//! Section headings are matched on their leading name only, so "Strengths (incorporating the
//! Audit Commission's use of resources assessment)" is a Strengths heading whose suffix becomes
//! the first group's heading, and "Contextual Factors***Firearms***" is a Contextual Factors
//! heading whose glued sub-heading starts the first group.

use crate::model::{Block, GoodPractice, Group, Section};

use super::areas::RawArea;
use super::blocks::{self, heading_like, Piece};
use super::lines::Item;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    National,
    Context,
    Strengths,
    WorkInProgress,
    Improvement,
    GoodPractice,
}

const NAMES: [(&str, SectionKind); 7] = [
    ("National Context", SectionKind::National),
    ("National Position", SectionKind::National),
    ("Contextual Factors", SectionKind::Context),
    ("Strengths", SectionKind::Strengths),
    ("Work in Progress", SectionKind::WorkInProgress),
    ("Areas for Improvement", SectionKind::Improvement),
    ("Good Practice", SectionKind::GoodPractice),
];

/// The text sections of one area.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Sections {
    pub national_context: Section,
    pub context: Section,
    pub strengths: Section,
    pub work_in_progress: Section,
    pub areas_for_improvement: Section,
    pub good_practice: Vec<GoodPractice>,
}

/// A section heading line: its kind and the first group's heading, if the line carries one.
fn section_heading(text: &str) -> Option<(SectionKind, Option<String>)> {
    let t = text.trim();
    for (name, kind) in NAMES {
        let Some(head) = t.get(..name.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(name) {
            continue;
        }
        let rest = t.get(name.len()..).unwrap_or("").trim();
        if rest.is_empty() {
            return Some((kind, None));
        }
        if rest.starts_with('*') {
            let sub = blocks::tidy(rest.trim_matches('*'));
            return Some((kind, (!sub.is_empty()).then_some(sub)));
        }
        if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            return Some((kind, Some(capitalise(inner.trim()))));
        }
    }
    None
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Splits the area's items at section headings and structures each section.
pub(crate) fn read(area: &RawArea) -> Sections {
    let mut out = Sections::default();
    let mut current: Option<(SectionKind, Option<String>, usize)> = None;
    let items = &area.items;
    let flush = |out: &mut Sections, cur: &Option<(SectionKind, Option<String>, usize)>, end: usize| {
        if let Some((kind, first, start)) = cur {
            let part = items.get(start + 1..end).unwrap_or(&[]);
            add(out, *kind, first.clone(), part);
        }
    };
    let mut leading_end = items.len();
    for (i, item) in items.iter().enumerate() {
        if let Some((kind, first)) = section_heading(&item.text) {
            if current.is_none() {
                leading_end = i;
            }
            flush(&mut out, &current, i);
            current = Some((kind, first, i));
        }
    }
    flush(&mut out, &current, items.len());
    // Text before any section heading (not in this layout): kept as context, never dropped.
    if let Some(lead) = items.get(..leading_end).filter(|l| !l.is_empty()) {
        let mut groups = groups(lead, None);
        groups.append(&mut out.context);
        out.context = groups;
    }
    out
}

fn add(out: &mut Sections, kind: SectionKind, first: Option<String>, items: &[Item]) {
    let target = match kind {
        SectionKind::National => &mut out.national_context,
        SectionKind::Context => &mut out.context,
        SectionKind::Strengths => &mut out.strengths,
        SectionKind::WorkInProgress => &mut out.work_in_progress,
        SectionKind::Improvement => &mut out.areas_for_improvement,
        SectionKind::GoodPractice => {
            good_practice(items, &mut out.good_practice);
            return;
        }
    };
    target.extend(groups(items, first));
}

/// Paragraphs and bullets under sub-headings; `first` heads the first group.
pub(crate) fn groups(items: &[Item], first: Option<String>) -> Section {
    blocks::titled(blocks::pieces(items, true), first)
        .into_iter()
        .map(|(heading, blocks)| Group { heading, blocks })
        .collect()
}

/// Case studies: a title line, body text, then "Contact:" with the contact on the same line
/// or the next. A further heading-like line after a contact starts another case study.
fn good_practice(items: &[Item], out: &mut Vec<GoodPractice>) {
    let mut i = 0;
    while let Some(title) = items.get(i) {
        let body_start = i + 1;
        let mut j = body_start;
        while items
            .get(j)
            .is_some_and(|it| contact_text(&it.text).is_none())
        {
            j += 1;
        }
        let body: Vec<Block> = body_blocks(items.get(body_start..j).unwrap_or(&[])).collect();
        let mut contact = None;
        if let Some(line) = items.get(j).and_then(|it| contact_text(&it.text)) {
            j += 1;
            if line.is_empty() {
                if let Some(next) = items.get(j) {
                    contact = Some(blocks::tidy(next.trimmed()));
                    j += 1;
                }
            } else {
                contact = Some(blocks::tidy(line));
            }
        }
        out.push(GoodPractice {
            title: blocks::tidy(title.trimmed()),
            body,
            contact,
        });
        i = j;
        // Trailing text that does not open another case study stays with this one.
        while let Some(extra) = items.get(i) {
            let text = extra.trimmed();
            let contact = contact_text(text);
            if contact.is_none() && heading_like(text) {
                break;
            }
            if let Some(last) = out.last_mut() {
                match contact {
                    Some(c) if last.contact.is_none() && !c.is_empty() => {
                        last.contact = Some(blocks::tidy(c))
                    }
                    _ => last.body.extend(body_blocks(std::slice::from_ref(extra))),
                }
            }
            i += 1;
        }
    }
    // A case study always has a body; one whose text is missing shows its title there.
    for gp in out.iter_mut().filter(|g| g.body.is_empty()) {
        gp.body.push(Block {
            text: gp.title.clone(),
            level: 0,
        });
    }
}

fn body_blocks(items: &[Item]) -> impl Iterator<Item = Block> {
    blocks::pieces(items, false)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Block(b) => Some(b),
            Piece::Heading(_) => None,
        })
}

/// The text after "Contact:" (possibly empty), or None when the line is not a contact line.
fn contact_text(line: &str) -> Option<&str> {
    let t = line.trim();
    let head = t.get(..8)?;
    head.eq_ignore_ascii_case("contact:")
        .then(|| t.get(8..).unwrap_or("").trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_section_headings() {
        let cases = [
            ("Strengths", Some((SectionKind::Strengths, None))),
            ("Contextual Factors***Firearms***", Some((SectionKind::Context, Some("Firearms".to_string())))),
            (
                "Areas for Improvement (incorporating the Audit Commission's use of resources assessment)",
                Some((SectionKind::Improvement, Some("Incorporating the Audit Commission's use of resources assessment".to_string()))),
            ),
            ("GOOD PRACTICE", Some((SectionKind::GoodPractice, None))),
            ("Strengths of the force are many.", None),
        ];
        for (line, want) in cases {
            assert_eq!(section_heading(line), want, "{line}");
        }
    }
}
