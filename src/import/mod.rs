//! A national table into one report per force (`grade-widget import`, and the report builder):
//! a CSV or tab-separated table with one row per force (or service), its name first, then one
//! column per graded area, the header row giving the areas' titles and the cells their grades.
//! Each force's report holds its own grades and, for every area, the national counts taken from
//! the whole table (empty cells are not graded and not counted).
//!
//! Natively always; on wasm32 only with the `import` feature (the builder), never in the widget.
//! Steps: table.rs (the CSV and its shape), cells.rs (grades and counts), slug.rs (ids),
//! report.rs (each row's report and its JSON).

mod cells;
mod error;
mod report;
mod slug;
mod table;

pub use cells::{find_row, grade_cells, Graded};
pub use error::{column_letters, Column, ImportError, ImportProblem};
pub use report::{import, published_month, Imported, Settings, DEFAULT_TITLE};
pub use slug::{key, slug, unique_slugs};
pub use table::{read_table, Format, Table, MAX_ROWS};
