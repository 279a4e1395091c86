//! Report types, parsing and validation. No yew imports: everything here tests natively.

mod report;
pub mod validate;

pub use report::*;
pub use validate::{validate, Problem};
