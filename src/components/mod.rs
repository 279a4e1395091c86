//! The widget's Yew components, one per file. Rendered in the browser (csr) and
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
#[cfg(test)]
mod css_min;
mod dom;
mod error_box;
mod export;
mod filters;
mod findings;
mod fingerprint;
mod glance;
mod glance_item;
mod header;
mod heading;
mod loading;
mod prepared;
mod profile;
mod report_view;
mod summary_table;
mod symbols;

pub use abbr::{Glossary, Segment};
pub use export::{file_name, grades_csv, standalone_svg};
pub use fingerprint::fingerprint;
pub use app::{App, AppProps, LoadError, LoadState, Options, View};
pub use prepared::{percent, Profile};

/// The widget's whole stylesheet, for the shadow root (a constructable stylesheet, so no
/// `<style>` element and no `style-src 'unsafe-inline'`). In the wasm it is `style.css`
/// minified by build.rs (see css_min.rs; about 1 KB brotli less); natively it is the source as
/// written, which the SSR tests and `grade-widget render` read.
#[cfg(not(target_arch = "wasm32"))]
pub const STYLESHEET: &str = include_str!("style.css");
#[cfg(target_arch = "wasm32")]
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// [`STYLESHEET`] for markup outside a shadow root (the static HTML `grade-widget render`
/// prints, read with JavaScript off): each `:host` / `:host(X)` becomes `tag` / `tagX`, so the
/// same defaults, themes and layout apply to the element in the page. Native only (build
/// tooling), so it costs the wasm bundle nothing.
#[cfg(not(target_arch = "wasm32"))]
pub fn light_dom_stylesheet(tag: &str) -> String {
    let mut out = String::with_capacity(STYLESHEET.len());
    let mut rest = STYLESHEET;
    while let Some(i) = rest.find(":host") {
        out.push_str(&rest[..i]);
        out.push_str(tag);
        rest = &rest[i + ":host".len()..];
        if let Some(inner) = rest.strip_prefix('(') {
            let mut depth = 1usize;
            let close = inner.char_indices().find_map(|(j, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                (depth == 0).then_some(j)
            });
            if let Some(j) = close {
                out.push_str(&inner[..j]);
                rest = &inner[j + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}
