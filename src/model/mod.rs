//! Report types, reading and validation. No yew imports: everything here tests natively.

pub mod parse;
pub mod problem;
mod read;
mod report;
#[cfg(schema)]
pub mod schema;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub use parse::{parse_report, parse_report_bytes};
pub use parse::{load_value, MAX_REPORT_BYTES};
pub use problem::{ReportPath, ReportProblem, ReportProblemKind, Step};
pub use report::*;
pub use validate::validate;
