//! The widget's Yew components, one per file. Rendered in the browser (csr) and
//! natively to static HTML (ssr) by `grade-widget render` and the snapshot tests.
//!
//! Contract with `crate::embed` (the custom element / JS API side): embed owns fetching,
//! parsing, events and the shadow root; it renders [`App`] with an [`AppProps`] and re-renders
//! when the load state changes. Everything visible is built here, and styled only by
//! `crate::styles` (classes, no style attributes, so it runs under a strict CSP).
//!
//! Each run of text is one text node: `{ format!("{share}%") }`, not `{ share }{ "%" }`, and no
//! empty text. The HTML parser merges adjacent text and makes no node for an empty one, so Yew's
//! hydration of pre-rendered markup would insert and rewrite text nodes, and the browser lays out
//! again every table cell they sit in (tests/e2e/shadowroot.spec.mjs, `textsMade`).

mod abbr;
mod app;
mod area_chart;
mod area_detail;
mod area_row;
mod badge;
mod error_box;
mod filters;
mod findings;
mod glance;
mod glance_item;
mod header;
mod heading;
mod loading;
mod profile;
mod report_view;
pub mod slices;
mod summary_table;
mod symbols;

pub use app::{App, AppProps};
// The findings of one area, drawn on their own over a held copy (`crate::embed::glimpse`).
pub use area_detail::AreaDetail;
// The types of the app's props, defined beside `crate::state` (the components only read them),
// and named here too for those who render the app (the CLI, the builder, the tests).
pub use crate::load_state::{LoadError, LoadState};
pub use crate::options::{Options, View};
