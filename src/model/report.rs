//! The report JSON format, schema version 1: the types every other part reads.
//!
//! These types are the one definition of the format: the readers (the CLI's and the widget's,
//! through src/model/read/) deserialise them, `grade-widget extract` serialises them, and the
//! JSON Schema `www/schema/report.schema.json` is generated from them (`grade-widget schema`,
//! with schemars; the `schemars` attributes below, compiled natively only, add what serde does
//! not say: text must not be blank, ranges, id patterns, list lengths). Field names are fixed:
//! other tools and the tests rely on them.
//!
//! Grade and direction words are read leniently by the report reader: an unknown word is
//! reported with its path and read as null, so every one is reported at once, and a report
//! that reads without problems holds only the real words ([`Grade`] has no "unknown" value).

use serde::{Deserialize, Serialize};

pub use super::words::{Direction, Grade};
pub(crate) use super::words::{DIRECTION_WORD, GRADE_WORD};
use super::words::word;

#[cfg(schema)]
use schemars::JsonSchema;
#[cfg(schema)]
use super::schema::Text;

/// The schema version this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One inspection report for one force: its graded areas grouped by domain, each with the
/// national grade distribution and the findings behind the grade. Written by `grade-widget
/// extract`, checked by `grade-widget validate`, read by the widget. Unknown fields are refused
/// (a misspelt optional field such as `grdae` would otherwise be silently ignored), except
/// `$schema` at the top. Rules a schema cannot express are checked by `grade-widget validate`
/// and by the widget, not by a schema validator: national counts sum to `forces_assessed`; the
/// area's own grade is counted at least once; area ids are unique and start with their domain's
/// id; domain ids are unique; at most 1000 areas and 100000 text blocks in all; strings at most
/// 2 MiB of UTF-8.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
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
    /// How many forces were graded nationally (43 in England and Wales); every area's national
    /// counts sum to this.
    #[cfg_attr(schema, schemars(title = "Forces assessed", range(min = 1, max = 1000)))]
    pub forces_assessed: u32,
    /// The domains in report order, each holding its graded areas.
    #[cfg_attr(schema, schemars(title = "Domains", length(min = 1, max = 50)))]
    pub domains: Vec<Domain>,
    /// The front part's force overview and context sections, in report order. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Overview"))]
    pub overview: Vec<OverviewSection>,
    /// The appendix glossary of abbreviations. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(schema, schemars(title = "Glossary", length(max = 10000)))]
    pub glossary: Vec<GlossaryEntry>,
}

/// A domain such as "1 Citizen Focus (Domain A)".
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "domain", title = "Domain"))]
pub struct Domain {
    /// The domain number as the report gives it: "1" … "7".
    #[cfg_attr(schema, schemars(title = "Domain id", regex(pattern = r"^[0-9]+$")))]
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

/// A graded area such as "3A Managing Critical Incidents and Major Crime". Only id, title and
/// national are required, so a grades-only report is valid.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "area", title = "Area"))]
pub struct Area {
    /// The domain id followed by one capital letter, e.g. "3A"; unique in the report. Also the
    /// widget's deep-link fragment (#3A).
    #[cfg_attr(schema, schemars(title = "Area id", regex(pattern = r"^[0-9]+[A-Z]$")))]
    pub id: String,
    /// The area's title as its own section gives it.
    #[cfg_attr(schema, schemars(title = "Area title", with = "Text"))]
    pub title: String,
    /// The service delivery grade, lowercase; null (or omitted) when the area was not graded.
    #[serde(default, deserialize_with = "word")]
    #[cfg_attr(schema, schemars(title = "Grade", with = "Option<Grade>"))]
    pub grade: Option<Grade>,
    /// Change since the previous assessment, lowercase; null (or omitted) for "Not Graded" or
    /// "No direction of travel allocated".
    #[serde(default, deserialize_with = "word")]
    #[cfg_attr(schema, schemars(title = "Direction of travel", with = "Option<Direction>"))]
    pub direction: Option<Direction>,
    /// How all forces were graded in this area.
    pub national: NationalDistribution,
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
}

/// A text section: groups in report order. The first group's heading is usually null; a
/// sub-heading in the report ("Firearms", "Child Abuse Investigations") starts a new group.
pub type Section = Vec<Group>;

/// A run of text under one optional sub-heading.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
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

/// How many forces were graded at each grade in this area, in the report's column order Poor,
/// Fair, Good, Excellent. The counts sum to forces_assessed and include this force, so the
/// area's own grade has a count of at least 1.
// Signed so that a negative count in a hand-written file is reported by validation rather than
// failing to read with a less helpful message (not in the doc comment: that is the schema's
// description, which editors and docs/json-format.md show to people writing reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "national", title = "National grade distribution"))]
pub struct NationalDistribution {
    /// Forces graded Poor.
    #[cfg_attr(schema, schemars(title = "Poor", range(min = 0)))]
    pub poor: i64,
    /// Forces graded Fair.
    #[cfg_attr(schema, schemars(title = "Fair", range(min = 0)))]
    pub fair: i64,
    /// Forces graded Good.
    #[cfg_attr(schema, schemars(title = "Good", range(min = 0)))]
    pub good: i64,
    /// Forces graded Excellent.
    #[cfg_attr(schema, schemars(title = "Excellent", range(min = 0)))]
    pub excellent: i64,
}

impl NationalDistribution {
    /// The count for one grade.
    pub fn count(&self, grade: Grade) -> i64 {
        match grade {
            Grade::Poor => self.poor,
            Grade::Fair => self.fair,
            Grade::Good => self.good,
            Grade::Excellent => self.excellent,
        }
    }

    /// Sum of the four counts (saturating, so absurd input cannot overflow).
    pub fn total(&self) -> i64 {
        self.poor
            .saturating_add(self.fair)
            .saturating_add(self.good)
            .saturating_add(self.excellent)
    }
}

impl Report {
    /// Every area in report order.
    pub fn areas(&self) -> impl Iterator<Item = &Area> {
        self.domains.iter().flat_map(|d| d.areas.iter())
    }

    /// The area with this id ("3A"), if any. Case-insensitive so deep links like `#3a` work.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas().find(|a| a.id.eq_ignore_ascii_case(id))
    }
}
