//! The widget's Yew components, one per file. Rendered in the browser (csr + hydration) and
//! natively to static HTML (ssr) by `grade-widget render` and the snapshot tests.
//!
//! Contract with `crate::embed` (the custom element / JS API side): embed owns fetching,
//! parsing, events and the shadow root; it renders [`App`] with an [`AppProps`] and re-renders
//! when the load state changes. Everything visible is built here, and styled only by
//! [`STYLESHEET`] (classes, no style attributes, so it runs under a strict CSP).

mod abbr;
mod app;
mod area_chart;
mod area_detail;
mod area_row;
mod badge;
mod dom;
mod error_box;
mod export;
mod filters;
mod findings;
mod glance;
mod glance_item;
mod header;
mod loading;
mod prepared;
mod profile;
mod report_view;
mod summary_table;
mod symbols;

pub use abbr::{Glossary, Segment};
pub use export::{file_name, grades_csv, standalone_svg};
pub use app::{App, AppProps, LoadError, LoadState, Options, View};
pub use prepared::{percent, Profile};

/// The widget's whole stylesheet, for the shadow root (a constructable stylesheet, so no
/// `<style>` element and no `style-src 'unsafe-inline'`).
pub const STYLESHEET: &str = include_str!("style.css");
