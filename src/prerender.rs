//! Pre-rendered markup: the widget's own Yew components rendered to static HTML (SSR), so a page
//! can put it inside `<grade-widget>…</grade-widget>` and readers without JavaScript or
//! WebAssembly still see every grade. When the widget starts it adopts that markup (Yew
//! hydration) instead of drawing its own copy.
//!
//! One definition for both callers: `grade-widget render` (natively, under
//! `futures::executor::block_on`) and the report builder (builder/, in a Web Worker, driven by
//! `wasm_bindgen_futures`), so the builder's markup is the CLI's by construction.
//!
//! The output is markup only: no `<style>` element and no `style=` attribute, because a strict
//! CSP (`style-src 'self'`) blocks both. [`stylesheet`] gives the matching CSS for the page to
//! link instead.

use std::rc::Rc;

use yew::LocalServerRenderer;

use crate::components::{App, AppProps};
use crate::i18n::Lang;
use crate::load_state::LoadState;
use crate::options::{Options, View};
use crate::hydration::{fingerprint, markup_shape, stamps, FINGERPRINT_ATTR, SHAPE_ATTR};
use crate::model::Report;
use crate::styles::{STATIC_LIGHT, STATIC_SHADOW};

/// The element the markup is meant for; [`stylesheet`] has the `:host` rules on it (build.rs).
pub const TAG: &str = "grade-widget";

/// The live widget puts its app in a `.gw-container` whose rule walls off the host's inherited
/// text styles (font size, line height, …; src/styles/container.css). The static copy gets the
/// same wrapper and rule, so it reads the same as the live widget: without it the host's larger
/// body text made the grade profile overflow a 320 px screen.
const CONTAINER_CLASS: &str = "gw-container";

/// The options static markup is drawn with: the element's `view`, `area`, `lang`
/// and `href` (the badge's link to the full report, which the element must then say too),
/// `heading-level` (0 for the default, 2) and `area-href` (the summary's area link template).
/// No deep links: there is no script to read or write `location.hash` in static markup.
pub fn options(
    view: View,
    area: Option<&str>,
    lang: Lang,
    href: Option<&str>,
    heading_level: u8,
    area_href: Option<&str>,
) -> Options {
    Options {
        view,
        area: area.map(str::to_owned),
        lang,
        deep_link: false,
        link: href.map(str::to_owned),
        heading_level,
        area_href: area_href.map(str::to_owned),
        // Errors are never rendered ahead of time: a report that fails is refused first.
        fallback_href: None,
    }
}

/// The markup in its container, ending in a newline so it pastes cleanly. Hydratable: Yew's
/// comment markers around each component let the live widget adopt these nodes. The container
/// carries the fingerprint of the report and options and the shape of the markup itself, so the
/// widget adopts the markup only when it would draw exactly this and the markup reached the
/// page intact (src/hydration); otherwise it draws afresh. It also carries the options
/// themselves (`data-gw-view` and the rest, and `lang`; `hydration::stamps`), which the widget
/// takes up where its element is silent, so `<grade-widget src=…>` over a `--view summary`
/// copy draws the summary and keeps the copy.
///
/// The report should have passed validation: the components draw what they are given.
pub async fn markup(report: Report, options: Options) -> String {
    let stamp = fingerprint(&report, &options);
    let options_stamps = stamps::stamp(&options);
    // The container's `lang` as the widget sets it at mount, so that it finds it already set:
    // changing `lang` on an element that is laid out restyles and lays out all of it again.
    let lang = options.lang.code();
    let props = AppProps {
        state: LoadState::Ready(Rc::new(report)),
        options,
        onselect: Default::default(),
        onretry: Default::default(),
        instance: 0,
    };
    let app = LocalServerRenderer::<App>::with_props(props)
        .hydratable(true)
        .render()
        .await;
    let app = anonymous_markers(&app);
    let shape = markup_shape(&app);
    format!("<div class=\"{CONTAINER_CLASS}\" {FINGERPRINT_ATTR}=\"{stamp}\" {SHAPE_ATTR}=\"{shape}\"{options_stamps} lang=\"{lang}\">{app}</div>\n")
}

/// The stylesheet for markup in the page itself ([`markup`], read with JavaScript off): the
/// widget's own with `:host` as the element, the container's wall, a margin reset against host
/// element rules, and the controls quieted (src/styles, made by build.rs).
pub fn stylesheet() -> String {
    STATIC_LIGHT.to_owned()
}

/// The stylesheet for markup in a declarative shadow root ([`in_shadow_root`]): the live
/// widget's own plus the rules that quiet controls until the widget has started. No page rule
/// reaches the copy there, so no margin reset is needed. The quieting is scoped to the
/// container's fingerprint, which the widget removes once it has hydrated the copy: from then
/// on the buttons show and work, with no other sheet to change.
pub fn shadow_stylesheet() -> String {
    STATIC_SHADOW.to_owned()
}

/// [`markup`] inside a declarative shadow root (`<template shadowrootmode="open">`) that links
/// the stylesheet at `href` ([`shadow_stylesheet`], hosted by the page). The HTML parser builds
/// the element's shadow root itself, so the copy is laid out once, under the widget's own
/// rules, and the widget hydrates it where it is: nothing is moved into a shadow root at start,
/// which lays the whole copy out again. Only the parser does this: markup inserted with
/// `innerHTML` keeps an inert `<template>`, which the widget unpacks when it starts.
pub fn in_shadow_root(markup: &str, href: &str) -> String {
    let mut html = String::with_capacity(markup.len() + href.len() + 96);
    html.push_str("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"");
    stamps::escape_attr(&mut html, href);
    html.push_str("\">");
    html.push_str(markup.trim_end());
    html.push_str("</template>\n");
    html
}

/// Yew marks each component in hydratable output with a comment naming its Rust type
/// (`<!--<[grade_widget::components::app::App]>-->`). Hydration only checks the `<[` / `</[`
/// and `]>` around the name, so the names go: they are internals, and they would make up a
/// tenth of the markup.
fn anonymous_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<!--<") {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let open = if from.starts_with("<!--</[") { "<!--</[" } else { "<!--<[" };
        match (from.starts_with(open), from.find("]>-->")) {
            (true, Some(end)) => {
                out.push_str(open);
                out.push_str("]>-->");
                rest = &from[end + "]>-->".len()..];
            }
            _ => {
                out.push_str("<!--<");
                rest = &from["<!--<".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::anonymous_markers;

    #[test]
    fn drops_type_names_from_markers_only() {
        let cases = [
            ("<!--<[grade_widget::A]>--><p>x</p><!--</[grade_widget::A]>-->", "<!--<[]>--><p>x</p><!--</[]>-->"),
            // Not a marker: left as written.
            ("<!--<b>--><p>", "<!--<b>--><p>"),
            ("<!--<[unclosed", "<!--<[unclosed"),
            ("plain", "plain"),
        ];
        for (input, want) in cases {
            assert_eq!(anonymous_markers(input), want, "input {input:?}");
        }
    }
}
