//! The widget's Yew components, one per file. Rendered in the browser (csr) and
//! natively to static HTML (ssr) by `grade-widget render` and the snapshot tests.
//!
//! Contract with `crate::embed` (the custom element / JS API side): embed owns fetching,
//! parsing, events and the shadow root; it renders [`App`] with an [`AppProps`] and re-renders
//! when the load state changes. Everything visible is built here, and styled only by
//! [`STYLESHEET`] (classes, no style attributes, so it runs under a strict CSP).
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
pub mod heading;
mod loading;
mod profile;
mod report_view;
mod summary_table;
mod symbols;

pub use abbr::{Glossary, Segment};
pub use app::{App, AppProps};
// The types of the app's props, defined beside `crate::state` (the components only read them),
// and named here too for those who render the app (the CLI, the builder, the tests).
pub use crate::load_state::{LoadError, LoadState};
pub use crate::options::{Options, View};

/// The rule of the container the widget renders into (src/embed/shadow.rs), its isolation from
/// the host page; also in the stylesheet `grade-widget render --shadow-root` links. Shadow DOM
/// stops selectors, but inherited properties (font size, line height, colour, letter spacing,
/// text transform …) still flow in from the host element, where a page's `* { … !important }`
/// rules land. `all: initial` cuts them off; custom properties are untouched by `all`, so
/// `--gw-*` theming still inherits, and the font family follows the host on purpose (README:
/// theming), and so does `color-scheme`: the widget is light or dark as the host page declares
/// (see style.css, `light-dark()`).
pub const CONTAINER_BASE: &str = ".gw-container{all:initial;display:block;font-family:inherit;color-scheme:inherit}";

/// The widget's whole stylesheet, for the shadow root (a constructable stylesheet, so no
/// `<style>` element and no `style-src 'unsafe-inline'`). In the wasm it is `style.css`
/// minified by build.rs (lightningcss; about 1 KB brotli less); natively it is the source as
/// written, which the SSR tests and `grade-widget render` read.
#[cfg(not(target_arch = "wasm32"))]
pub const STYLESHEET: &str = include_str!("style.css");
#[cfg(target_arch = "wasm32")]
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// `style.css` as written, for the stylesheets `grade-widget render` and the report builder
/// write (the same bytes from both).
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub const SOURCE: &str = include_str!("style.css");

/// [`STYLESHEET`] for markup outside a shadow root (the static HTML `grade-widget render`
/// prints, read with JavaScript off): each `:host` / `:host(X)` becomes `tag` / `tagX`, so the
/// same defaults, themes and layout apply to the element in the page. Native and the builder's
/// wasm only (the `ssr` feature), so it costs the widget's bundle nothing. From the source as
/// written, not the minified copy, so the builder's stylesheet is the CLI's byte for byte.
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub fn light_dom_stylesheet(tag: &str) -> String {
    let mut out = String::with_capacity(SOURCE.len());
    let mut rest = SOURCE;
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

#[cfg(test)]
mod tests {
    /// What build.rs minified for the wasm (the native build runs the same build script).
    const MINIFIED: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));
    const SOURCE: &str = include_str!("style.css");

    #[test]
    fn the_minified_stylesheet_keeps_what_the_shadow_root_needs() {
        assert!(MINIFIED.len() * 10 < SOURCE.len() * 8, "{} -> {} bytes", SOURCE.len(), MINIFIED.len());
        assert!(!MINIFIED.contains("/*") && !MINIFIED.contains('\n') && !MINIFIED.contains("  "));
        // The host element's rules, container queries, forced colours, print, dark mode (light-dark) and
        // reduced motion; spaces that are descendant combinators; generated content.
        for kept in [
            ":host{", ":host([hidden]){", ":host([theme=dark]){", "@container gw (", "@media (forced-colors:active){",
            "@media print{", "@supports (color:light-dark(", "@media (prefers-reduced-motion:reduce){",
            ".gw [tabindex=\"-1\"]:focus-visible", ".gw :focus", ":where(.gw) :where(", "attr(data-label) \": \"",
        ] {
            assert!(MINIFIED.contains(kept), "lost {kept:?}");
        }
        // Every theming custom property and every class the source styles is still there.
        for name in words(SOURCE, "--gw-").into_iter().chain(words(SOURCE, ".gw")) {
            assert!(MINIFIED.contains(&name), "lost {name}");
        }
        // As many container queries as the source has.
        assert_eq!(MINIFIED.matches("@container").count(), SOURCE.matches("@container").count());
    }

    /// Each distinct name in `css` starting with `prefix` (custom properties, class names).
    fn words(css: &str, prefix: &str) -> std::collections::BTreeSet<String> {
        let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        css.match_indices(prefix)
            .map(|(i, _)| css[i..].chars().take_while(|&c| c == '.' || is_name(c)).collect::<String>())
            .filter(|w| w.len() > prefix.len())
            .collect()
    }
}
