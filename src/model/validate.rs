//! Validation of a deserialised report: every problem at once, each with its JSON path.
//! (Owned by the validation work; this placeholder keeps the crate building meanwhile.)

use super::Report;

/// One problem found in a report: where (a JSON path such as `domains[3].areas[1].national`)
/// and what, as a plain lowercase message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// Every problem in the report, in document order; empty when valid.
pub fn validate(_report: &Report) -> Vec<Problem> {
    Vec::new()
}
