//! Report types, parsing and validation. No yew imports: everything here tests natively.

pub mod parse;
mod report;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub use parse::parse_report;
pub use parse::{load_value, MAX_REPORT_BYTES};
pub use report::*;
pub use validate::{validate, Problem};
