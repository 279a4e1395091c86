//! Report types, reading and validation. No yew imports: everything here tests natively.

pub(crate) mod excerpt;
mod ids;
pub mod parse;
pub mod problem;
pub mod read;
mod report;
mod resolve;
pub mod scale;
mod words;
#[cfg(schema)]
pub mod schema;
pub mod validate;
mod walk;

#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
pub use parse::parse_report;
#[cfg(not(target_arch = "wasm32"))]
pub use parse::parse_report_bytes;
pub use parse::{load_value, MAX_REPORT_BYTES};
pub use problem::{ReportPath, ReportProblem, ReportProblemKind, Step};
pub use ids::{area_id_domain, is_area_id, is_area_slug, is_domain_id};
pub use report::*;
pub use validate::validate;
