//! Report types, parsing and validation. No yew imports: everything here tests natively.

mod ids;
pub mod parse;
mod report;
pub mod tree;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub use parse::parse_report;
#[cfg(not(target_arch = "wasm32"))]
pub use parse::load_value;
pub use parse::MAX_REPORT_BYTES;
pub use tree::load_tree;
pub use ids::{area_id_domain, is_area_id, is_domain_id};
pub use report::*;
pub use validate::{validate, Problem};
