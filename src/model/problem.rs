//! What can be wrong with a report's JSON: one [`ReportProblem`] type holding a typed
//! [`ReportPath`] and a [`ReportProblemKind`], with a `Display` message, in the manner of
//! serde_json's `Error` and `Category`. Reading (the CLI from text, the widget from a JS value)
//! and validation both give these; nothing parses a message back into structure.
//!
//! Messages are lowercase and specific; the path comes first when displayed:
//! `domains[1].areas[0].national.good: expected an integer, found a string`.

use std::borrow::Cow;
use std::fmt;

pub use super::excerpt::Excerpt;
use super::excerpt::Wide;

use super::SCHEMA_VERSION;

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(Cow<'static, str>),
    Index(usize),
}

/// Where a problem is, from the top of the document: `domains[2].areas[0].grade`. Empty for
/// the whole document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ReportPath(pub Vec<Step>);

impl ReportPath {
    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    pub fn is_document(&self) -> bool {
        self.0.is_empty()
    }
}

/// `domains[2].areas[0].grade`; keys that are not plain identifiers (only possible for unknown
/// fields) are written `["odd key"]` so the path stays unambiguous. Empty for the document.
impl fmt::Display for ReportPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Index(n) => write!(f, "[{n}]")?,
                Step::Key(k) if is_plain(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Step::Key(k) => write!(f, "[{}]", super::excerpt::Quoted(k))?,
            }
        }
        Ok(())
    }
}

fn is_plain(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// One problem found in a report: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportProblem {
    pub path: ReportPath,
    pub kind: ReportProblemKind,
}

impl ReportProblem {
    pub fn new(path: ReportPath, kind: ReportProblemKind) -> ReportProblem {
        ReportProblem { path, kind }
    }

    /// A problem about the whole document (empty path).
    pub fn document(kind: ReportProblemKind) -> ReportProblem {
        ReportProblem { path: ReportPath::default(), kind }
    }

    /// The path as people read it: `(document)` for the whole document.
    pub fn place(&self) -> String {
        if self.path.is_document() {
            "(document)".to_owned()
        } else {
            self.path.to_string()
        }
    }

    /// The message alone, without the path.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// `domains[2].areas[0].grade: unknown grade "great"; ...`
impl fmt::Display for ReportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.kind)
    }
}

/// What kind of value the format wants at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
    /// Any value (only where the reader takes whatever is there).
    Value,
    /// A grade scale: a built-in scale's name or a scale object.
    Scale,
}

/// What kind of value was found instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Null,
    Boolean,
    Integer,
    /// A number with a fraction (or too large to be a whole number the format holds).
    Decimal,
    String,
    Array,
    Object,
    /// Something JSON cannot hold (a JS function, symbol, byte array).
    Other,
}

/// Which list is longer than its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Domains,
    Areas,
    GlossaryEntries,
    Blocks,
}

/// Which kind of text is empty, for the hint after "must not be empty".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    /// Required text or a required list.
    Required,
    /// An optional string: null or leaving the field out says "none".
    Optional,
    /// A group's sub-heading: null says "no sub-heading".
    Heading,
}

/// Every kind of problem, from reading (the JSON text or value does not have the format's
/// shape) and from validation (it has the shape but breaks a rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportProblemKind {
    // Reading the input.
    /// The input is larger than the limit; `bytes` is None when reading stopped at the limit.
    TooLarge { bytes: Option<usize>, limit: usize },
    /// Nothing but white space.
    EmptyInput,
    /// Bytes that are not UTF-8 (the CLI reads files).
    NotUtf8 { offset: usize },
    /// Not JSON: the parser's own words, and where (line and column are 0 when the parser
    /// gives none, as the browser's `JSON.parse` does not).
    MalformedJson { detail: String, line: usize, column: usize },
    /// A value of the wrong type.
    WrongType { expected: Expected, found: Found },
    /// A whole number outside what the field holds.
    OutOfRange { min: i128, max: i128, found: i128 },
    /// A value of the right type that the reader refuses for another reason.
    BadValue { expected: Expected, found: Found },
    /// A required field is absent (the path ends with the field).
    MissingField,
    /// The same field twice in one object (the path ends with the field).
    DuplicateField,
    /// A field the format does not have (usually a misspelling).
    UnknownField,
    /// Anything else the JSON reader reports, in its own words.
    Other(String),

    // Validation rules.
    UnsupportedVersion { found: u32 },
    Blank(Blank),
    TooLong { bytes: usize, limit: usize },
    BadYearMonth { found: Excerpt },
    NoForces,
    TooManyForces { found: u32, limit: u32 },
    TooMany { what: Counted, found: usize, limit: usize },
    NoDomains,
    NoAreas,
    BadDomainId { found: Excerpt },
    DuplicateDomainId { id: Excerpt, first: usize },
    BadAreaId { found: Excerpt, example: String },
    AreaOutsideDomain { id: Excerpt, domain: String },
    DuplicateAreaId { id: Excerpt, first: (usize, usize) },
    /// A grade that is not one of the scale's ids; `lowercase` when only the letter case is
    /// wrong; `allowed` the scale's ids, lowest first.
    UnknownGrade { word: Excerpt, lowercase: Option<String>, allowed: Vec<String> },
    UnknownDirection { word: Excerpt, lowercase: Option<String>, allowed: Vec<String> },
    /// A direction of travel on a scale that has none.
    NoDirections,
    /// A national count under a key that is not one of the scale's grade ids.
    UnknownCount { id: Excerpt, allowed: Vec<String> },
    /// `scale` names no built-in scale.
    UnknownScale { name: Excerpt, known: String },
    /// A scale given in full breaks a rule (see `Scale::problems`): the rule in words.
    BadScale(String),
    /// Both `domains` and a flat `areas` list.
    DomainsAndAreas,
    /// An area id that is not a short slug.
    BadSlug { found: Excerpt },
    NegativeCount { found: i64 },
    /// The national counts do not add up to `forces_assessed` (2006 scale).
    CountsDoNotAddUp { total: i64, forces: u32 },
    /// The national counts add up to more than `forces_assessed` (other scales).
    CountsOverForces { total: i64, forces: u32 },
    /// The area's own grade (its id) has a count of 0, though the counts include this force.
    OwnGradeUncounted { grade: String },
    BadLevel { found: u8 },
    /// More problems than are listed.
    MoreProblems { more: usize, shown: usize },
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Boolean => "a boolean",
            Expected::Integer => "an integer",
            Expected::Number => "a number",
            Expected::String => "a string",
            Expected::Array => "an array",
            Expected::Object => "an object",
            Expected::Value => "a value",
            Expected::Scale => "a built-in scale's name or a scale object",
        })
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Found::Null => "null",
            Found::Boolean => "a boolean",
            Found::Integer => "an integer",
            Found::Decimal => "a decimal number",
            Found::String => "a string",
            Found::Array => "an array",
            Found::Object => "an object",
            Found::Other => "a value json cannot hold",
        })
    }
}

use self::Blank as BlankText;

const MIB: usize = 1024 * 1024;

impl fmt::Display for ReportProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ReportProblemKind::*;
        match self {
            TooLarge { bytes: Some(n), limit } => {
                write!(f, "the report is {n} bytes; the limit is {limit} bytes ({} MiB)", limit / MIB)
            }
            TooLarge { bytes: None, limit } => {
                write!(f, "the report is more than {limit} bytes ({} MiB), the limit", limit / MIB)
            }
            EmptyInput => f.write_str("the input is empty; expected a report json object"),
            NotUtf8 { offset } => write!(f, "not utf-8 text: invalid byte at offset {offset}"),
            MalformedJson { detail, line: 0, .. } => write!(f, "malformed json: {detail}"),
            MalformedJson { detail, line, column } => {
                write!(f, "malformed json: {detail} at line {line} column {column}")
            }
            WrongType { expected, found } | BadValue { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            OutOfRange { min, max, found } => {
                write!(f, "expected an integer from {} to {}, found {}", Wide(*min), Wide(*max), Wide(*found))
            }
            MissingField => f.write_str("missing required field"),
            DuplicateField => f.write_str("field appears more than once"),
            UnknownField => {
                f.write_str("unknown field; it is not part of the report format (check its spelling)")
            }
            Other(message) => f.write_str(message),
            UnsupportedVersion { found } => {
                write!(f, "unsupported schema_version {found}; this reader understands {SCHEMA_VERSION}")
            }
            Blank(BlankText::Required) => f.write_str("must not be empty"),
            Blank(BlankText::Optional) => f.write_str("must not be empty; use null or leave the field out"),
            Blank(BlankText::Heading) => {
                f.write_str("must not be empty; use null for text without a sub-heading")
            }
            TooLong { bytes, limit } => write!(f, "is {bytes} bytes long; the limit is {limit} bytes"),
            BadYearMonth { found } => {
                write!(f, "expected a year and month as YYYY-MM, e.g. \"2006-10\", found {found}")
            }
            NoForces => f.write_str("must be at least 1"),
            TooManyForces { found, limit } => write!(f, "is {found}; the limit is {limit}"),
            TooMany { what, found, limit } => {
                let what = match what {
                    Counted::Domains => "domains",
                    Counted::Areas => "areas in all",
                    Counted::GlossaryEntries => "entries",
                    Counted::Blocks => "text blocks in all",
                };
                write!(f, "has {found} {what}; the limit is {limit}")
            }
            NoDomains => f.write_str("must list at least one domain"),
            NoAreas => f.write_str("must list at least one area"),
            BadDomainId { found } => write!(f, "expected a domain number such as \"1\", found {found}"),
            DuplicateDomainId { id, first } => {
                write!(f, "duplicate domain id {id}; first used at domains[{first}]")
            }
            BadAreaId { found, example } => write!(
                f,
                "malformed area id {found}; expected the domain id followed by one capital letter, e.g. \"{example}\""
            ),
            AreaOutsideDomain { id, domain } => write!(
                f,
                "area id {id} does not belong to domain \"{domain}\"; expected \"{domain}\" followed by one capital letter"
            ),
            // The flat list's areas have no domain (usize::MAX).
            DuplicateAreaId { id, first: (usize::MAX, a) } => {
                write!(f, "duplicate area id {id}; first used at areas[{a}]")
            }
            DuplicateAreaId { id, first: (d, a) } => {
                write!(f, "duplicate area id {id}; first used at domains[{d}].areas[{a}]")
            }
            UnknownGrade { word, lowercase, allowed } => {
                unknown_word(f, "grade", word, lowercase.as_deref(), allowed)
            }
            UnknownDirection { word, lowercase, allowed } => {
                unknown_word(f, "direction", word, lowercase.as_deref(), allowed)
            }
            NoDirections => f.write_str("this report's grade scale has no directions of travel; use null or leave the field out"),
            UnknownCount { id, allowed } => {
                write!(f, "unknown grade {id} for a count; expected ")?;
                list(f, allowed)
            }
            UnknownScale { name, known } => write!(f, "unknown grade scale {name}; expected one of {known}, or a scale object"),
            BadScale(what) => f.write_str(what),
            DomainsAndAreas => f.write_str("give either domains or a flat areas list, not both"),
            BadSlug { found } => write!(
                f,
                "malformed area id {found}; expected letters, digits and hyphens, starting with a letter or digit, at most 40, e.g. \"investigating-crime\""
            ),
            CountsOverForces { total, forces } => {
                write!(f, "counts sum to {total}, more than forces_assessed ({forces})")
            }
            NegativeCount { found } => write!(f, "must not be negative, found {found}"),
            CountsDoNotAddUp { total, forces } => {
                write!(f, "counts sum to {total} but forces_assessed is {forces}")
            }
            OwnGradeUncounted { grade } => {
                write!(f, "is 0 but this area's grade is {grade}; the counts include this force")
            }
            BadLevel { found } => {
                write!(f, "must be 0 (paragraph), 1 (bullet) or 2 (nested bullet), found {found}")
            }
            MoreProblems { more, shown } => {
                write!(f, "{more} more problems not listed; only the first {shown} are shown")
            }
        }
    }
}

/// `unknown grade "great"; expected "poor", "fair", "good", "excellent" or null`, or, when only
/// the letter case is wrong, `unknown grade "Good"; grade words are lowercase: "good"`.
fn unknown_word(
    f: &mut fmt::Formatter<'_>,
    what: &str,
    word: &Excerpt,
    lowercase: Option<&str>,
    allowed: &[String],
) -> fmt::Result {
    if let Some(fixed) = lowercase {
        return write!(f, "unknown {what} {word}; {what} words are lowercase: \"{fixed}\"");
    }
    write!(f, "unknown {what} {word}; expected ")?;
    list(f, allowed)?;
    f.write_str(" or null")
}

/// `"poor", "fair", "good", "excellent"`.
fn list(f: &mut fmt::Formatter<'_>, allowed: &[String]) -> fmt::Result {
    for (i, w) in allowed.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "\"{w}\"")?;
    }
    Ok(())
}
