//! The report JSON format, schema version 1: the types every other part reads.
//!
//! These types are the one definition of the format: the reader (the CLI's and the widget's,
//! src/model/read/report.rs, one function per type, field names as serde writes them) builds
//! them, `grade-widget extract` serialises them (serde), and the
//! JSON Schema `www/schema/report.schema.json` is generated from them (`grade-widget schema`,
//! with schemars; the `schemars` attributes below, compiled natively only, add what serde does
//! not say: text must not be blank, ranges, id patterns, list lengths). Field names are fixed:
//! other tools and the tests rely on them.
//!
//! Grades are data: a report names its grade scale (src/model/scale.rs; omitted, the 2006
//! Baseline Assessment's), and areas and national counts hold that scale's grade ids. Which ids
//! exist depends on the scale, so they are read as strings and resolved once the report is read
//! ([`Report::resolve`], src/model/resolve.rs), which fills the `#[serde(skip)]` fields the rest
//! of the crate uses: the scale itself, each area's [`Grade`] and [`Direction`], each national
//! distribution's counts by rank.

use serde::Serialize;

pub use super::scale::{Compared, GradeDef, Scale, ScaleChoice};
pub use super::words::{Direction, Grade};

#[cfg(schema)]
use schemars::JsonSchema;
#[cfg(schema)]
use super::schema::Text;

/// The schema version this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One inspection report for one force: its graded areas, grouped by domain or in one flat list,
/// each with how all forces (or what else is compared) were graded and the findings behind the
/// grade. Written by `grade-widget
/// extract`, checked by `grade-widget validate`, read by the widget. Unknown fields are refused
/// (a misspelt optional field such as `grdae` would otherwise be silently ignored), except
/// `$schema` at the top. Rules a schema cannot express are checked by `grade-widget validate`
/// and by the widget, not by a schema validator: grade and direction ids are the scale's; when
/// `forces_assessed` is given, national counts sum to it (2006 scale) or to at most it (other
/// scales); the area's own grade is counted at least once; exactly one of `domains` and `areas`;
/// area ids are unique, and on the 2006 scale start with their domain's id; domain ids are
/// unique; at most 1000 areas and 100000 text blocks in all; strings at most
/// 2 MiB of UTF-8.
#[derive(Debug, Clone, PartialEq, Hash, Default, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(
    deny_unknown_fields,
    title = "Police inspection report (grade-widget report JSON, schema version 1)",
    transform = super::schema::allow_schema_reference,
))]
pub struct Report {
    /// Always 1 for this format; readers refuse any other version.
    #[cfg_attr(schema, schemars(title = "Schema version", extend("const" = 1)))]
    pub schema_version: u32,
    /// The force's name as the report gives it, e.g. "Metropolitan Police Service".
    #[cfg_attr(schema, schemars(title = "Force", with = "Text"))]
    pub force: String,
    /// The assessment's title, e.g. "Baseline Assessment".
    #[cfg_attr(schema, schemars(title = "Assessment title", with = "Text"))]
    pub title: String,
    /// Year and month of publication as YYYY-MM, e.g. "2006-10"; omitted or null when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "Published", regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])$")))]
    pub published: Option<String>,
    /// The period the assessment covers, e.g. "2005/06"; omitted or null when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "Assessed period", with = "Option<Text>"))]
    pub period: Option<String>,
    /// The grade scale: a built-in scale's name ("baseline-2006", "peel-2014", "peel-2021") or a
    /// scale in full. Omitted, "baseline-2006": excellent, good, fair, poor, with directions of
    /// travel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "Grade scale", with = "Option<ScaleChoice>"))]
    pub scale: Option<ScaleChoice>,
    /// What the report compares the force with, in both languages, e.g. services. Omitted,
    /// forces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "What is compared"))]
    pub compared: Option<Compared>,
    /// How many forces were graded nationally (43 in England and Wales). Optional: when given,
    /// every area's national counts sum to this on the 2006 scale, and to at most this on any
    /// other scale (not every force is graded in every area).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "Forces assessed", range(min = 1, max = 1000)))]
    pub forces_assessed: Option<u32>,
    /// The domains in report order, each holding its graded areas. Give either this or a flat
    /// `areas` list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Domains", length(max = 50)))]
    pub domains: Vec<Domain>,
    /// The graded areas in report order, without domains. Give either this or `domains`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Areas without domains", length(max = 1000)))]
    pub areas: Vec<Area>,
    /// The front part's force overview and context sections, in report order. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Overview"))]
    pub overview: Vec<OverviewSection>,
    /// The appendix glossary of abbreviations. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Glossary", length(max = 10000)))]
    pub glossary: Vec<GlossaryEntry>,
    /// The scale `scale` names or gives, once resolved (the 2006 scale until then).
    #[serde(skip)]
    pub grades: Scale,
}

/// A domain such as "1 Citizen Focus (Domain A)".
#[derive(Debug, Clone, PartialEq, Hash, Default, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "domain", title = "Domain"))]
pub struct Domain {
    /// The domain number as the report gives it: "1" … "7" (on the 2006 scale); any short slug
    /// on another scale.
    #[cfg_attr(schema, schemars(title = "Domain id", regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")))]
    pub id: String,
    /// The domain's title without its number or PPAF label: "Citizen Focus".
    #[cfg_attr(schema, schemars(title = "Domain title", with = "Text"))]
    pub title: String,
    /// The Policing Performance Assessment Framework label, "Domain A", or null (or omitted)
    /// when the report gives none.
    #[serde(default)]
    #[cfg_attr(schema, schemars(title = "PPAF domain", with = "Option<Text>"))]
    pub ppaf: Option<String>,
    /// The domain's graded areas in report order.
    #[cfg_attr(schema, schemars(title = "Areas", length(min = 1, max = 1000)))]
    pub areas: Vec<Area>,
}

/// A graded area such as "3A Managing Critical Incidents and Major Crime". Only id and title are
/// required, so a grades-only report is valid.
#[derive(Debug, Clone, PartialEq, Hash, Default, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "area", title = "Area"))]
pub struct Area {
    /// A short slug, unique in the report, e.g. "investigating-crime"; on the 2006 scale within
    /// domains, the domain id followed by one capital letter, e.g. "3A". Also the widget's
    /// deep-link fragment (#3A).
    #[cfg_attr(schema, schemars(title = "Area id", regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")))]
    pub id: String,
    /// The area's title as its own section gives it.
    #[cfg_attr(schema, schemars(title = "Area title", with = "Text"))]
    pub title: String,
    /// The grade, an id of the report's scale ("good"); null (or omitted) when the area was
    /// inspected but not graded.
    #[serde(default, rename = "grade")]
    #[cfg_attr(schema, schemars(title = "Grade", regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$")))]
    pub grade_id: Option<String>,
    /// Change since the previous assessment, an id of the scale's directions ("improved"); null
    /// (or omitted) for "Not Graded", "No direction of travel allocated", or a scale without
    /// directions.
    #[serde(default, rename = "direction")]
    #[cfg_attr(schema, schemars(title = "Direction of travel", regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$")))]
    pub direction_id: Option<String>,
    /// How all forces were graded in this area. Required on the 2006 scale (every force was
    /// graded in every area); on any other, omitted when not known, and the widget then shows
    /// no chart and says why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(with = "NationalDistribution"))]
    pub national: Option<NationalDistribution>,
    /// "National Context" or "National Position": prose. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "National context"))]
    pub national_context: Section,
    /// "Contextual Factors": prose, possibly with sub-headings. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Contextual factors"))]
    pub context: Section,
    /// "Strengths": bullets, possibly with sub-headings. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Strengths"))]
    pub strengths: Section,
    /// "Work in Progress": bullets. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Work in progress"))]
    pub work_in_progress: Section,
    /// "Areas for Improvement": bullets, possibly with sub-headings. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Areas for improvement"))]
    pub areas_for_improvement: Section,
    /// "GOOD PRACTICE" case studies. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Good practice"))]
    pub good_practice: Vec<GoodPractice>,
    /// `grade_id` resolved against the report's scale.
    #[serde(skip)]
    pub grade: Option<Grade>,
    /// `direction_id` resolved against the scale's directions.
    #[serde(skip)]
    pub direction: Option<Direction>,
}

/// A text section: groups in report order. The first group's heading is usually null; a
/// sub-heading in the report ("Firearms", "Child Abuse Investigations") starts a new group.
pub type Section = Vec<Group>;

/// A run of text under one optional sub-heading.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "group", title = "Group"))]
pub struct Group {
    /// The sub-heading, e.g. "Firearms", or null (or omitted) for text without one.
    #[serde(default)]
    #[cfg_attr(schema, schemars(title = "Sub-heading", with = "Option<Text>"))]
    pub heading: Option<String>,
    /// Paragraphs and bullets in order; at least one.
    #[cfg_attr(schema, schemars(title = "Blocks", length(min = 1)))]
    pub blocks: Vec<Block>,
}

/// One paragraph or one bullet. Flat and ordered: a renderer groups consecutive bullets into a
/// list.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "block", title = "Block"))]
pub struct Block {
    /// Plain text (never HTML), with page footers and line breaks of the source removed.
    #[cfg_attr(schema, schemars(title = "Text", with = "Text"))]
    pub text: String,
    /// 0 (or omitted) for a paragraph, 1 for a bullet, 2 for a bullet nested in the one before it.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[cfg_attr(schema, schemars(title = "Level", range(max = 2)))]
    pub level: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// A "GOOD PRACTICE" case study of an area.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "good_practice", title = "Good practice case study"))]
pub struct GoodPractice {
    /// The case study's title, e.g. "Operation Trident".
    #[cfg_attr(schema, schemars(title = "Case study title", with = "Text"))]
    pub title: String,
    /// The case study's paragraphs and bullets.
    #[cfg_attr(schema, schemars(title = "Case study body", length(min = 1)))]
    pub body: Vec<Block>,
    /// The contact line without its "Contact:" label, or null (or omitted) when there is none.
    #[serde(default)]
    #[cfg_attr(schema, schemars(title = "Contact", with = "Option<Text>"))]
    pub contact: Option<String>,
}

/// A titled section of the report's front part, e.g. "Geographical Description of Force Area".
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "overview_section", title = "Overview section"))]
pub struct OverviewSection {
    /// The section's title.
    #[cfg_attr(schema, schemars(title = "Section title", with = "Text"))]
    pub title: String,
    /// The section's paragraphs and bullets.
    #[cfg_attr(schema, schemars(title = "Blocks", length(min = 1)))]
    pub blocks: Vec<Block>,
}

/// One abbreviation and its meaning (the widget uses these for `<abbr>` titles), e.g.
/// `{"abbr": "MPS", "meaning": "Metropolitan Police Service"}`.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "glossary_entry", title = "Glossary entry"))]
pub struct GlossaryEntry {
    /// The abbreviation as written in the report.
    #[cfg_attr(schema, schemars(title = "Abbreviation", with = "Text"))]
    pub abbr: String,
    /// What it stands for.
    #[cfg_attr(schema, schemars(title = "Meaning", with = "Text"))]
    pub meaning: String,
}

/// How many forces were graded at each grade in this area: an object keyed by the scale's grade
/// ids, every grade given, e.g. `{"poor": 5, "fair": 17, "good": 17, "excellent": 4}`. The counts
/// include this force, so the area's own grade has a count of at least 1; their sum is the area's
/// own total (not every force is graded in every area).
// Signed so that a negative count in a hand-written file is reported by validation rather than
// failing to read with a less helpful message. Kept as given (ids and counts in the file's
// order, so a report is written back as it was read) and resolved by rank.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct NationalDistribution {
    /// Grade id → count, in the order given.
    pub given: Vec<(String, i64)>,
    /// The counts by rank, lowest grade first, once resolved against the scale.
    pub counts: Vec<i64>,
}

impl NationalDistribution {
    /// Counts by rank, lowest first, with their ids from `scale`: for building one in code.
    pub fn from_counts(scale: &Scale, counts: &[i64]) -> NationalDistribution {
        let given = scale.ranks().zip(counts).filter_map(|(g, c)| Some((scale.def(g)?.id.clone(), *c))).collect();
        NationalDistribution { given, counts: counts.to_vec() }
    }

    /// The count for one grade (0 for a grade the scale does not have).
    pub fn count(&self, grade: Grade) -> i64 {
        self.counts.get(grade.rank()).copied().unwrap_or(0)
    }

    /// Sum of the counts (saturating, so absurd input cannot overflow).
    pub fn total(&self) -> i64 {
        self.counts.iter().fold(0i64, |a, b| a.saturating_add(*b))
    }
}

impl Serialize for NationalDistribution {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.given.len()))?;
        for (id, count) in &self.given {
            map.serialize_entry(id, count)?;
        }
        map.end()
    }
}

impl Report {
    /// Every area in report order, in domains or in the flat list.
    pub fn areas(&self) -> impl Iterator<Item = &Area> {
        self.domains.iter().flat_map(|d| d.areas.iter()).chain(self.areas.iter())
    }

    /// Every area's place: (domain index, area index), the domain index `None` for the flat
    /// list.
    pub fn places(&self) -> impl Iterator<Item = (Option<usize>, usize)> + '_ {
        let nested = self.domains.iter().enumerate().flat_map(|(d, dom)| (0..dom.areas.len()).map(move |a| (Some(d), a)));
        nested.chain((0..self.areas.len()).map(|a| (None, a)))
    }

    /// The area at a place given by [`Report::places`].
    pub fn area_at(&self, place: (Option<usize>, usize)) -> &Area {
        match place {
            (Some(d), a) => &self.domains[d].areas[a],
            (None, a) => &self.areas[a],
        }
    }

    /// Whether the report uses the 2006 Baseline Assessment's scale (named, or by default).
    pub fn is_baseline(&self) -> bool {
        match &self.scale {
            None => true,
            Some(ScaleChoice::Named(n)) => n == super::scale::DEFAULT_SCALE,
            Some(ScaleChoice::Given(_)) => false,
        }
    }

    /// The area with this id ("3A"), if any. Case-insensitive so deep links like `#3a` work.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas().find(|a| a.id.eq_ignore_ascii_case(id))
    }
}
