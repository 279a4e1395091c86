//! Validation of a deserialised report: every problem at once, each with its JSON path, in
//! document order (issue 2 "Validation"), and the limits that keep absurd reports from freezing
//! a page (issue 6 "Hostile report content").

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use super::ids::{area_id_domain, is_domain_id};
use super::{Area, Block, Direction, Domain, Grade, Group, Report, SCHEMA_VERSION};

/// Most domains a report may have (the 2006 assessments have 7).
pub const MAX_DOMAINS: usize = 50;
/// Most areas a report may have, over all domains (the 2006 assessments have 23).
pub const MAX_AREAS: usize = 1_000;
/// Largest `forces_assessed` (England and Wales have 43 forces).
pub const MAX_FORCES_ASSESSED: u32 = 1_000;
/// Most text blocks (paragraphs and bullets) in the whole report, over every section, good
/// practice body and overview section (the Metropolitan 2006 report has 983).
pub const MAX_BLOCKS: usize = 100_000;
/// Most glossary entries.
pub const MAX_GLOSSARY: usize = 10_000;
/// Longest single string, in bytes of UTF-8. Large enough for a 1 MB paragraph.
pub const MAX_STRING_BYTES: usize = 2 * 1024 * 1024;
/// Most problems listed; past this a final problem says how many more there were, so a hostile
/// file cannot make the error list itself the thing that freezes a page.
pub const MAX_PROBLEMS: usize = 1_000;

/// One problem found in a report: where (a JSON path such as `domains[3].areas[1].national`,
/// empty for the whole document) and what, as a plain lowercase message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    /// A problem about the whole document (empty path).
    pub fn document(message: impl Into<String>) -> Problem {
        Problem { path: String::new(), message: message.into() }
    }

    /// The path as people read it: `(document)` for the whole document.
    pub fn place(&self) -> &str {
        if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        }
    }
}

/// `domains[2].areas[0].grade: unknown grade "Great"; ...`
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)
    }
}

/// Every problem in the report, in document order; empty when valid.
pub fn validate(report: &Report) -> Vec<Problem> {
    let (found, dropped) = check(report);
    finish(found, dropped)
}

/// The problems before sorting and rendering, and how many were dropped past [`MAX_PROBLEMS`].
pub(crate) fn check(report: &Report) -> (Vec<Found>, usize) {
    let mut checker = Checker::default();
    checker.report(report);
    (checker.found, checker.dropped)
}

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(Cow<'static, str>),
    Index(usize),
}

/// A problem whose path is still structured, so problems from different sources (unknown fields
/// found while deserialising, and the checks below) can be put into one document order.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub steps: Vec<Step>,
    pub message: String,
}

/// Sorts into document order, applies [`MAX_PROBLEMS`] and renders the paths.
pub(crate) fn finish(mut found: Vec<Found>, mut dropped: usize) -> Vec<Problem> {
    // Stable: problems at the same place keep the order they were found in.
    found.sort_by_cached_key(|f| order_key(&f.steps));
    if found.len() > MAX_PROBLEMS {
        dropped += found.len() - MAX_PROBLEMS;
        found.truncate(MAX_PROBLEMS);
    }
    let mut problems: Vec<Problem> =
        found.into_iter().map(|f| Problem { path: render(&f.steps), message: f.message }).collect();
    if dropped > 0 {
        problems.push(Problem::document(format!(
            "{dropped} more problems not listed; only the first {MAX_PROBLEMS} are shown"
        )));
    }
    problems
}

/// `domains[2].areas[0].grade`; keys that are not plain identifiers (only possible for unknown
/// fields) are written `["odd key"]` so the path stays unambiguous.
pub(crate) fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Index(i) => out.push_str(&format!("[{i}]")),
            Step::Key(k)
                if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') =>
            {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Key(k) => out.push_str(&format!("[{k:?}]")),
        }
    }
    out
}

/// Every field name of the format, in an order consistent with the field order of each object
/// (as `src/model/report.rs` declares and serialises them), so sorting by it gives document order.
const FIELD_ORDER: &[&str] = &[
    "$schema",
    "id",
    "schema_version",
    "force",
    "title",
    "ppaf",
    "published",
    "period",
    "forces_assessed",
    "domains",
    "areas",
    "grade",
    "direction",
    "national",
    "poor",
    "fair",
    "good",
    "excellent",
    "national_context",
    "context",
    "strengths",
    "work_in_progress",
    "areas_for_improvement",
    "good_practice",
    "heading",
    "body",
    "blocks",
    "text",
    "level",
    "contact",
    "overview",
    "glossary",
    "abbr",
    "meaning",
];

fn order_key(steps: &[Step]) -> Vec<(usize, usize)> {
    steps
        .iter()
        .map(|s| match s {
            Step::Index(i) => (0, *i),
            // Unknown fields sort after the known ones of their object.
            Step::Key(k) => (FIELD_ORDER.iter().position(|f| f == k).unwrap_or(FIELD_ORDER.len()), 0),
        })
        .collect()
}

/// Where the walk is: a path kept on the stack, turned into [`Step`]s only when a problem is
/// found, so checking a valid report allocates nothing for paths.
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'static str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, k: &'static str) -> At<'a> {
        At::Key(self, k)
    }
    fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }
    fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                At::Root => break,
                At::Key(parent, k) => {
                    steps.push(Step::Key(Cow::Borrowed(*k)));
                    at = parent;
                }
                At::Index(parent, i) => {
                    steps.push(Step::Index(*i));
                    at = parent;
                }
            }
        }
        steps.reverse();
        steps
    }
}

/// Shows a value from the report inside a message: quoted, escaped, and cut short so a 1 MB
/// string does not become a 1 MB message.
fn quote(s: &str) -> String {
    const LIMIT: usize = 40;
    match s.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{:?}…", &s[..cut]),
        None => format!("{s:?}"),
    }
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

const EMPTY: &str = "must not be empty";
const EMPTY_OPTIONAL: &str = "must not be empty; use null or leave the field out";

#[derive(Default)]
struct Checker<'r> {
    found: Vec<Found>,
    dropped: usize,
    /// Area id → (domain index, area index) of its first use.
    area_ids: HashMap<&'r str, (usize, usize)>,
    /// Domain id → index of its first use.
    domain_ids: HashMap<&'r str, usize>,
}

impl<'r> Checker<'r> {
    fn push(&mut self, at: &At, message: impl Into<String>) {
        if self.found.len() >= MAX_PROBLEMS {
            self.dropped += 1;
        } else {
            self.found.push(Found { steps: at.steps(), message: message.into() });
        }
    }

    /// A string that must have content.
    fn text(&mut self, at: &At, s: &str) {
        if is_blank(s) {
            self.push(at, EMPTY);
        }
        self.length(at, s);
    }

    /// An optional string: null is fine, an empty string is not.
    fn optional_text(&mut self, at: &At, s: Option<&str>) {
        if let Some(s) = s {
            if is_blank(s) {
                self.push(at, EMPTY_OPTIONAL);
            }
            self.length(at, s);
        }
    }

    fn length(&mut self, at: &At, s: &str) {
        if s.len() > MAX_STRING_BYTES {
            self.push(at, format!("is {} bytes long; the limit is {MAX_STRING_BYTES} bytes", s.len()));
        }
    }

    fn report(&mut self, r: &'r Report) {
        let root = At::Root;
        let blocks = count_blocks(r);
        if blocks > MAX_BLOCKS {
            self.push(&root, format!("has {blocks} text blocks in all; the limit is {MAX_BLOCKS}"));
        }
        if r.schema_version != SCHEMA_VERSION {
            self.push(
                &root.key("schema_version"),
                format!(
                    "unsupported schema_version {}; this reader understands {SCHEMA_VERSION}",
                    r.schema_version
                ),
            );
        }
        self.text(&root.key("force"), &r.force);
        self.text(&root.key("title"), &r.title);
        if let Some(p) = &r.published {
            if !is_year_month(p) {
                self.push(
                    &root.key("published"),
                    format!("expected a year and month as YYYY-MM, e.g. \"2006-10\", found {}", quote(p)),
                );
            }
        }
        self.optional_text(&root.key("period"), r.period.as_deref());
        let forces = r.forces_assessed;
        // Sums are only worth checking against a believable number of forces.
        let sums_checked = (1..=MAX_FORCES_ASSESSED).contains(&forces);
        if forces == 0 {
            self.push(&root.key("forces_assessed"), "must be at least 1");
        } else if forces > MAX_FORCES_ASSESSED {
            self.push(
                &root.key("forces_assessed"),
                format!("is {forces}; the limit is {MAX_FORCES_ASSESSED}"),
            );
        }
        self.domains(&root.key("domains"), r, sums_checked);
        let overview = root.key("overview");
        for (i, section) in r.overview.iter().enumerate() {
            let at = overview.index(i);
            self.text(&at.key("title"), &section.title);
            self.blocks(&at.key("blocks"), &section.blocks);
        }
        self.glossary(&root.key("glossary"), r);
    }

    fn domains(&mut self, at: &At, r: &'r Report, sums_checked: bool) {
        let areas: usize = r.domains.iter().map(|d| d.areas.len()).sum();
        // Over a limit, the list is refused whole rather than checked item by item: a file with
        // 10,000 areas gets one clear message, not thousands.
        if r.domains.is_empty() {
            self.push(at, "must list at least one domain");
        } else if r.domains.len() > MAX_DOMAINS {
            self.push(at, format!("has {} domains; the limit is {MAX_DOMAINS}", r.domains.len()));
        } else if areas > MAX_AREAS {
            self.push(at, format!("has {areas} areas in all; the limit is {MAX_AREAS}"));
        } else {
            for (d, domain) in r.domains.iter().enumerate() {
                self.domain(&at.index(d), d, domain, r.forces_assessed, sums_checked);
            }
        }
    }

    fn domain(&mut self, at: &At, d: usize, domain: &'r Domain, forces: u32, sums_checked: bool) {
        let id_at = at.key("id");
        self.text(&id_at, &domain.id);
        let id_ok = is_domain_id(&domain.id);
        if !id_ok && !is_blank(&domain.id) {
            self.push(&id_at, format!("expected a domain number such as \"1\", found {}", quote(&domain.id)));
        }
        if id_ok {
            if let Some(first) = self.domain_ids.get(domain.id.as_str()) {
                let message =
                    format!("duplicate domain id {}; first used at domains[{first}]", quote(&domain.id));
                self.push(&id_at, message);
            } else {
                self.domain_ids.insert(&domain.id, d);
            }
        }
        self.text(&at.key("title"), &domain.title);
        self.optional_text(&at.key("ppaf"), domain.ppaf.as_deref());
        let areas_at = at.key("areas");
        if domain.areas.is_empty() {
            self.push(&areas_at, "must list at least one area");
        }
        let domain_id = if id_ok { Some(domain.id.as_str()) } else { None };
        for (a, area) in domain.areas.iter().enumerate() {
            self.area(&areas_at.index(a), (d, a), domain_id, area, forces, sums_checked);
        }
    }

    fn area(
        &mut self,
        at: &At,
        place: (usize, usize),
        domain_id: Option<&str>,
        area: &'r Area,
        forces: u32,
        sums_checked: bool,
    ) {
        self.area_id(&at.key("id"), place, domain_id, &area.id);
        self.text(&at.key("title"), &area.title);
        if let Some(Grade::Unknown(word)) = &area.grade {
            let fixed = Grade::parse(word);
            let allowed = Grade::ALL.iter().map(|g| g.as_str()).collect::<Vec<_>>();
            let message = unknown_word("grade", word, fixed.as_ref().map(Grade::as_str), &allowed);
            self.push(&at.key("grade"), message);
        }
        if let Some(Direction::Unknown(word)) = &area.direction {
            let fixed = Direction::parse(word);
            let allowed = Direction::ALL.iter().map(|d| d.as_str()).collect::<Vec<_>>();
            let message = unknown_word("direction", word, fixed.as_ref().map(Direction::as_str), &allowed);
            self.push(&at.key("direction"), message);
        }
        self.national(&at.key("national"), area, forces, sums_checked);
        self.section(&at.key("national_context"), &area.national_context);
        self.section(&at.key("context"), &area.context);
        self.section(&at.key("strengths"), &area.strengths);
        self.section(&at.key("work_in_progress"), &area.work_in_progress);
        self.section(&at.key("areas_for_improvement"), &area.areas_for_improvement);
        let gp_at = at.key("good_practice");
        for (i, gp) in area.good_practice.iter().enumerate() {
            let at = gp_at.index(i);
            self.text(&at.key("title"), &gp.title);
            self.blocks(&at.key("body"), &gp.body);
            self.optional_text(&at.key("contact"), gp.contact.as_deref());
        }
    }

    fn area_id(&mut self, at: &At, place: (usize, usize), domain_id: Option<&str>, id: &'r str) {
        self.text(at, id);
        if is_blank(id) {
            return;
        }
        let Some(prefix) = area_id_domain(id) else {
            let example = format!("{}A", domain_id.unwrap_or("1"));
            self.push(
                at,
                format!(
                    "malformed area id {}; expected the domain id followed by one capital letter, e.g. \"{example}\"",
                    quote(id)
                ),
            );
            return;
        };
        if let Some(domain_id) = domain_id {
            if prefix != domain_id {
                self.push(
                    at,
                    format!(
                        "area id {} does not belong to domain \"{domain_id}\"; expected \"{domain_id}\" followed by one capital letter",
                        quote(id)
                    ),
                );
            }
        }
        if let Some((d, a)) = self.area_ids.get(id) {
            self.push(at, format!("duplicate area id {}; first used at domains[{d}].areas[{a}]", quote(id)));
        } else {
            self.area_ids.insert(id, place);
        }
    }

    fn national(&mut self, at: &At, area: &Area, forces: u32, sums_checked: bool) {
        let n = &area.national;
        for (grade, count) in Grade::ALL.iter().zip([n.poor, n.fair, n.good, n.excellent]) {
            if count < 0 {
                self.push(&at.key(grade_key(grade)), format!("must not be negative, found {count}"));
            }
        }
        let total = n.total();
        if sums_checked && total != i64::from(forces) {
            self.push(at, format!("counts sum to {total} but forces_assessed is {forces}"));
        }
        if let Some(own) = area.grade.as_ref().filter(|g| g.rank().is_some()) {
            if n.count(own.clone()) == 0 {
                self.push(
                    &at.key(grade_key(own)),
                    format!("is 0 but this area's grade is {}; the counts include this force", own.as_str()),
                );
            }
        }
    }

    fn section(&mut self, at: &At, groups: &[Group]) {
        for (i, group) in groups.iter().enumerate() {
            let at = at.index(i);
            if let Some(h) = &group.heading {
                if is_blank(h) {
                    self.push(
                        &at.key("heading"),
                        "must not be empty; use null for text without a sub-heading",
                    );
                }
                self.length(&at.key("heading"), h);
            }
            self.blocks(&at.key("blocks"), &group.blocks);
        }
    }

    fn blocks(&mut self, at: &At, blocks: &[Block]) {
        if blocks.is_empty() {
            self.push(at, EMPTY);
        }
        for (i, block) in blocks.iter().enumerate() {
            let at = at.index(i);
            self.text(&at.key("text"), &block.text);
            if block.level > 2 {
                self.push(
                    &at.key("level"),
                    format!("must be 0 (paragraph), 1 (bullet) or 2 (nested bullet), found {}", block.level),
                );
            }
        }
    }

    fn glossary(&mut self, at: &At, r: &Report) {
        if r.glossary.len() > MAX_GLOSSARY {
            self.push(at, format!("has {} entries; the limit is {MAX_GLOSSARY}", r.glossary.len()));
            return;
        }
        for (i, entry) in r.glossary.iter().enumerate() {
            let at = at.index(i);
            self.text(&at.key("abbr"), &entry.abbr);
            self.text(&at.key("meaning"), &entry.meaning);
        }
    }
}

/// The `national` field holding a grade's count. Only called for the four real grades (an
/// unknown word has no count and is reported on its own), which the `Unknown` arm merely keeps total.
fn grade_key(grade: &Grade) -> &'static str {
    match grade {
        Grade::Poor => "poor",
        Grade::Fair => "fair",
        Grade::Good => "good",
        Grade::Excellent | Grade::Unknown(_) => "excellent",
    }
}

/// `unknown grade "Great"; expected "poor", "fair", "good", "excellent" or null`, or, when only
/// the letter case is wrong, `unknown grade "Good"; grade words are lowercase: "good"`.
fn unknown_word(what: &str, word: &str, case_fix: Option<&str>, allowed: &[&str]) -> String {
    if let Some(fixed) = case_fix {
        return format!("unknown {what} {}; {what} words are lowercase: \"{fixed}\"", quote(word));
    }
    let list: Vec<String> = allowed.iter().map(|w| format!("\"{w}\"")).collect();
    format!("unknown {what} {}; expected {} or null", quote(word), list.join(", "))
}

fn count_blocks(r: &Report) -> usize {
    let section = |s: &[Group]| s.iter().map(|g| g.blocks.len()).sum::<usize>();
    let areas: usize = r
        .areas()
        .map(|a| {
            section(&a.national_context)
                + section(&a.context)
                + section(&a.strengths)
                + section(&a.work_in_progress)
                + section(&a.areas_for_improvement)
                + a.good_practice.iter().map(|g| g.body.len()).sum::<usize>()
        })
        .sum();
    areas + r.overview.iter().map(|o| o.blocks.len()).sum::<usize>()
}

/// `YYYY-MM` with a month from 01 to 12.
fn is_year_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..].iter().all(u8::is_ascii_digit)
        && matches!(
            &s[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}
