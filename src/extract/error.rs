//! Extraction errors: every problem found in the report text, each with where it is.
//!
//! Follows the error-summary pattern: one error value holding every problem at once, so a
//! force's web team fixes a report in one pass. Each problem's location (input line, area id)
//! is data, and its message is lowercase with the location last.

use std::fmt;

/// Why extraction failed: one or more problems, in the order they were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractError {
    problems: Vec<ExtractProblem>,
}

/// One thing wrong with the report text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractProblem {
    /// What is wrong.
    pub kind: ExtractProblemKind,
    /// The 1-based input line it was found on, when there is one.
    pub line: Option<usize>,
}

/// The kinds of problem the extractor reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractProblemKind {
    /// Nothing but whitespace.
    Empty,
    /// Bytes that are not UTF-8 text.
    NotUtf8 { offset: usize, byte: u8 },
    /// A control character that text never holds (NUL and the like).
    Binary { offset: usize, byte: u8 },
    /// The cover's first line (the force name) is missing or is not a name.
    NoForce,
    /// No "<Title> <Month> <Year>" line on the cover.
    NoCoverDate,
    /// No "Summary of Judgements" table.
    NoSummary,
    /// No area headings ("1A Title" followed by a Grade line) at all.
    NoAreas,
    /// A run of areas listed in the summary table with no section (with the domains among
    /// them that are missing whole), and where in the text those sections were expected. The
    /// problem's line is where they should have started.
    MissingSections {
        domains: Vec<String>,
        areas: Vec<String>,
        place: Place,
    },
    /// An area section that the summary table does not list.
    NotInSummary { area: String },
    /// A grade word that is not Excellent, Good, Fair, Poor or Not Graded.
    BadGrade { area: String, word: String },
    /// A direction word that is not Improved, Stable, Declined or Not Graded.
    BadDirection { area: String, word: String },
    /// The Grade / Direction of Travel lines are missing after an area heading.
    NoGrade { area: String },
    /// The National Grade Distribution is missing or unreadable.
    NoDistribution { area: String, detail: String },
    /// A national distribution whose counts do not add up to the forces assessed.
    BadSum {
        area: String,
        sum: i64,
        expected: i64,
    },
    /// The area's own grade has a count of zero in its national distribution.
    OwnGradeUncounted { area: String, grade: String },
    /// The summary table and the area's own section disagree.
    SummaryMismatch {
        area: String,
        summary: String,
        summary_line: usize,
        section: String,
    },
    /// A summary-table row that cannot be read.
    BadSummaryRow { text: String },
    /// An area section read a second time (a repeated page), which would give two areas one id.
    RepeatedArea { area: String, first_line: usize },
    /// A domain's areas resume after another domain's (sections out of order), which would give
    /// two domains one id.
    RepeatedDomain { domain: String, first_line: usize },
}

/// Where missing sections were expected, by the sections present around them (area ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Before the given section, after another one (or, with `None`, at the start).
    Between(Option<String>, String),
    /// After the last section present (or with `None`, where the first would be), before the
    /// glossary.
    BeforeGlossary(Option<String>),
    /// After the last section present, where the text ends: the report is truncated.
    End(Option<String>),
}

impl ExtractError {
    pub(crate) fn new(problems: Vec<ExtractProblem>) -> ExtractError {
        ExtractError { problems }
    }

    pub(crate) fn one(kind: ExtractProblemKind, line: Option<usize>) -> ExtractError {
        ExtractError {
            problems: vec![ExtractProblem { kind, line }],
        }
    }

    /// Every problem, in the order found.
    pub fn problems(&self) -> &[ExtractProblem] {
        &self.problems
    }
}

impl ExtractProblem {
    pub(crate) fn at(kind: ExtractProblemKind, line: usize) -> ExtractProblem {
        ExtractProblem {
            kind,
            line: Some(line),
        }
    }
}

impl fmt::Display for ExtractProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ExtractProblemKind::*;
        match self {
            Empty => write!(f, "the report text is empty"),
            NotUtf8 { offset, byte } => write!(
                f,
                "the input is not UTF-8 text: invalid byte 0x{byte:02x} at byte offset {offset}"
            ),
            Binary { offset, byte } => write!(
                f,
                "the input looks binary, not report text: control byte 0x{byte:02x} at byte offset {offset}"
            ),
            NoForce => write!(f, "no force name found: the report should start with the force's name"),
            NoCoverDate => write!(
                f,
                "no cover line such as \"Baseline Assessment October 2006\" (title, month, year) found"
            ),
            NoSummary => write!(
                f,
                "no \"Summary of Judgements\" table found (a line \"Summary of Judgements<TAB>Grade<TAB>Direction of Travel\")"
            ),
            NoAreas => write!(
                f,
                "no graded areas found: expected headings such as \"1A Fairness and Equality in Service Delivery\" followed by a Grade line"
            ),
            MissingSections { domains, areas, place } => {
                if matches!(place, Place::End(_)) {
                    write!(f, "the report is truncated: ")?;
                }
                if !domains.is_empty() {
                    let word = if domains.len() == 1 { "domain" } else { "domains" };
                    write!(f, "{word} {} and ", domains.join(", "))?;
                }
                let (word, has, it) = if areas.len() == 1 {
                    ("area", "has no section", "it")
                } else {
                    ("areas", "have no sections", "they")
                };
                write!(
                    f,
                    "{word} {} listed in the summary of judgements {has}: {it} should come ",
                    areas.join(", ")
                )?;
                match place {
                    Place::Between(Some(after), before) => write!(f, "between {after} and {before}"),
                    Place::Between(None, before) => write!(f, "before {before}"),
                    Place::BeforeGlossary(Some(after)) => write!(f, "after {after}, before the glossary"),
                    Place::BeforeGlossary(None) => write!(f, "before the glossary"),
                    Place::End(Some(after)) => write!(f, "after {after}, where the text ends"),
                    Place::End(None) => write!(f, "where the text ends"),
                }
            }
            NotInSummary { area } => {
                write!(f, "area {area}: not listed in the summary of judgements")
            }
            BadGrade { area, word } => write!(
                f,
                "area {area}: unrecognised grade \"{word}\" (expected Excellent, Good, Fair, Poor or Not Graded)"
            ),
            BadDirection { area, word } => write!(
                f,
                "area {area}: unrecognised direction of travel \"{word}\" (expected Improved, Stable, Declined or Not Graded)"
            ),
            NoGrade { area } => write!(
                f,
                "area {area}: no \"Grade<TAB>Direction of Travel\" lines after the heading"
            ),
            NoDistribution { area, detail } => {
                write!(f, "area {area}: national grade distribution {detail}")
            }
            BadSum { area, sum, expected } => write!(
                f,
                "area {area}: national grade distribution sums to {sum}, not {expected} like the other areas"
            ),
            OwnGradeUncounted { area, grade } => write!(
                f,
                "area {area}: graded {grade} but the national grade distribution counts no {grade} forces"
            ),
            SummaryMismatch { area, summary, summary_line, section } => write!(
                f,
                "area {area}: summary of judgements says {summary} (line {summary_line}) but the area section says {section}"
            ),
            BadSummaryRow { text } => {
                write!(f, "summary of judgements row \"{text}\" has no readable grade")
            }
            RepeatedArea { area, first_line } => write!(
                f,
                "area {area}: its section appears a second time (first at line {first_line}); the text may repeat a page"
            ),
            RepeatedDomain { domain, first_line } => write!(
                f,
                "domain {domain}: its areas resume after another domain's (first at line {first_line}); sections are out of order"
            ),
        }
    }
}

impl fmt::Display for ExtractProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} (line {line})", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "{one}"),
            many => {
                write!(f, "{} problems:", many.len())?;
                for p in many {
                    write!(f, "\n  - {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ExtractError {}
