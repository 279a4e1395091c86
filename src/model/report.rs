//! The report JSON format, schema version 1: the types every other part reads.
//!
//! The shape is documented in `www/schema/report.schema.json` and the README. Field names are
//! fixed: other tools and the tests rely on them. Deserialisation is deliberately lenient where a
//! value can be wrong in more than one place (grades, directions): unknown words are kept as
//! [`Grade::Unknown`] / [`Direction::Unknown`] so that validation can report every one of them
//! with its path instead of stopping at the first.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The schema version this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One inspection report for one force.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`]; anything else is refused by validation.
    pub schema_version: u32,
    /// The force's name as the report gives it, e.g. "Metropolitan Police Service".
    pub force: String,
    /// The assessment's title, e.g. "Baseline Assessment".
    pub title: String,
    /// Year and month of publication, `YYYY-MM`, e.g. "2006-10".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The assessed period, e.g. "2005/06".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// How many forces were graded nationally; each area's national counts sum to this.
    pub forces_assessed: u32,
    /// The domains in report order.
    pub domains: Vec<Domain>,
    /// The front part's force overview and context sections, in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overview: Vec<OverviewSection>,
    /// The appendix glossary of abbreviations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
}

/// A domain such as "1 Citizen Focus (Domain A)".
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Domain {
    /// "1" … "7".
    pub id: String,
    /// "Citizen Focus".
    pub title: String,
    /// The PPAF domain label, "Domain A", or null when the report gives none.
    #[serde(default)]
    pub ppaf: Option<String>,
    pub areas: Vec<Area>,
}

/// A graded area such as "3A Managing Critical Incidents and Major Crime".
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Area {
    /// Domain id followed by one capital letter: "3A".
    pub id: String,
    pub title: String,
    /// Null when the area was not graded.
    #[serde(default)]
    pub grade: Option<Grade>,
    /// Null for "Not Graded" or "No direction of travel allocated".
    #[serde(default)]
    pub direction: Option<Direction>,
    /// How all forces were graded in this area.
    pub national: NationalDistribution,
    /// "National Context" or "National Position": prose, optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub national_context: Section,
    /// "Contextual Factors": prose, possibly with sub-headings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Section,
    /// "Strengths": bullets, possibly with sub-headings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengths: Section,
    /// "Work in Progress": bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work_in_progress: Section,
    /// "Areas for Improvement": bullets, possibly with sub-headings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas_for_improvement: Section,
    /// "GOOD PRACTICE" case studies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub good_practice: Vec<GoodPractice>,
}

/// A text section: groups in report order. The first group's heading is usually null; a
/// sub-heading in the report ("Firearms", "Child Abuse Investigations") starts a new group.
pub type Section = Vec<Group>;

/// A run of text under one (optional) sub-heading.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Group {
    #[serde(default)]
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// One paragraph or one bullet. `level` 0 is a paragraph, 1 a bullet, 2 a bullet nested in the
/// one before it. Flat and ordered, so a renderer groups consecutive bullets into a list.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Block {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub level: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// A good practice case study.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct GoodPractice {
    pub title: String,
    pub body: Vec<Block>,
    /// The contact line without its "Contact:" label.
    #[serde(default)]
    pub contact: Option<String>,
}

/// A titled section of the front part, e.g. "Geographical Description of Force Area".
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct OverviewSection {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// One glossary line, e.g. `{"abbr": "MPS", "meaning": "Metropolitan Police Service"}`.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub abbr: String,
    pub meaning: String,
}

/// Counts of forces at each grade, in the report's column order Poor, Fair, Good, Excellent.
/// Signed so that a negative count in a hand-written file is reported by validation rather than
/// failing deserialisation with a less helpful message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct NationalDistribution {
    pub poor: i64,
    pub fair: i64,
    pub good: i64,
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
            Grade::Unknown(_) => 0,
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

/// A service delivery grade. Ordered from lowest to highest.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    Poor,
    Fair,
    Good,
    Excellent,
    /// A word that is not a grade; only ever present before validation.
    Unknown(String),
}

impl Grade {
    /// The four real grades, lowest first (the report's column order).
    pub const ALL: [Grade; 4] = [Grade::Poor, Grade::Fair, Grade::Good, Grade::Excellent];

    /// The JSON word: "poor", "fair", "good", "excellent".
    pub fn as_str(&self) -> &str {
        match self {
            Grade::Poor => "poor",
            Grade::Fair => "fair",
            Grade::Good => "good",
            Grade::Excellent => "excellent",
            Grade::Unknown(s) => s,
        }
    }

    /// Reads a grade word in any letter case ("Excellent", "good"); None if it is not one.
    pub fn parse(word: &str) -> Option<Grade> {
        let w = word.trim();
        Grade::ALL.into_iter().find(|g| g.as_str().eq_ignore_ascii_case(w))
    }

    /// 0 for Poor … 3 for Excellent; None for Unknown.
    pub fn rank(&self) -> Option<usize> {
        Grade::ALL.iter().position(|g| g == self)
    }
}

/// Direction of travel since the previous assessment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Direction {
    Improved,
    Stable,
    Declined,
    /// A word that is not a direction; only ever present before validation.
    Unknown(String),
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Improved, Direction::Stable, Direction::Declined];

    /// The JSON word: "improved", "stable", "declined".
    pub fn as_str(&self) -> &str {
        match self {
            Direction::Improved => "improved",
            Direction::Stable => "stable",
            Direction::Declined => "declined",
            Direction::Unknown(s) => s,
        }
    }

    /// Reads a direction word in any letter case; None if it is not one.
    pub fn parse(word: &str) -> Option<Direction> {
        let w = word.trim();
        Direction::ALL.into_iter().find(|d| d.as_str().eq_ignore_ascii_case(w))
    }
}

macro_rules! word_serde {
    ($t:ident) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = String::deserialize(d)?;
                // Exact lowercase words only; anything else is kept for validation to report.
                Ok($t::ALL
                    .into_iter()
                    .find(|v| v.as_str() == word)
                    .unwrap_or($t::Unknown(word)))
            }
        }
    };
}
word_serde!(Grade);
word_serde!(Direction);

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
