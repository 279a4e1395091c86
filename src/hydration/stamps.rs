//! What a pre-rendered copy was rendered with, written on its container.
//!
//! A page that renders its copy with `render --view summary` and then writes
//! `<grade-widget src=…>` without `view` would otherwise ask for the full view: the fingerprint
//! would differ, and the widget would throw the copy away and draw afresh (the page jumps). So
//! `render` writes the options on the copy's container (`data-gw-view` and the rest, beside the
//! container's own `lang`), and the loader takes them up wherever the element (or `mount()`)
//! says nothing itself, and warns where it says something else (www/loader/copy.js). That side
//! is JavaScript, not wasm: the same in Rust cost about 1.4 KB brotli of the widget's size
//! budget (docs/cli.md, "The copy says what it was rendered with").

use crate::options::{Level, Options};

/// The copy's view (`full`, `summary`, `area`, `badge`). Always written: a copy without it was
/// made before the stamps existed, and nothing is adopted from it. The loader removes every
/// stamp once it has read them: from then on the widget owns the container.
pub const VIEW_ATTR: &str = "data-gw-view";
/// The copy's area (`--area`), when it had one.
pub const AREA_ATTR: &str = "data-gw-area";
/// The badge's link (`--href`), when it had one.
pub const HREF_ATTR: &str = "data-gw-href";
/// The top heading's level (`--heading-level`), when it was not the default, 2.
pub const LEVEL_ATTR: &str = "data-gw-heading-level";
/// The summary's area link template (`--area-href`), when it had one.
pub const AREA_HREF_ATTR: &str = "data-gw-area-href";
/// The stamps for a copy drawn with `options`, as attributes for its container: each one with a
/// leading space, values escaped for a double-quoted attribute. The language is not here: the
/// container's `lang` says it already.
pub fn stamp(options: &Options) -> String {
    let mut out = String::new();
    let mut put = |name: &str, value: &str| {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_attr(&mut out, value);
        out.push('"');
    };
    put(VIEW_ATTR, options.view.as_str());
    if let Some(area) = &options.area {
        put(AREA_ATTR, area);
    }
    if let Some(href) = &options.link {
        put(HREF_ATTR, href);
    }
    if (3..=6).contains(&options.heading_level) {
        put(LEVEL_ATTR, Level::new(options.heading_level).tag(0).trim_start_matches('h'));
    }
    if let Some(template) = &options.area_href {
        put(AREA_HREF_ATTR, template);
    }
    out
}

/// Appends `value` to `out` escaped for a double-quoted attribute value.
pub fn escape_attr(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::options::View;

    #[test]
    fn stamps() {
        let cases = [
            (Options::default(), " data-gw-view=\"full\""),
            // The language is the container's `lang`; a level past the range is the default.
            (Options { view: View::Summary, lang: Lang::Cy, heading_level: 9, ..Options::default() }, " data-gw-view=\"summary\""),
            (Options { view: View::Area, area: Some("3A".into()), ..Options::default() }, " data-gw-view=\"area\" data-gw-area=\"3A\""),
            (
                Options { view: View::Badge, link: Some("/r?a=1&b=\"2\"<x>".into()), ..Options::default() },
                " data-gw-view=\"badge\" data-gw-href=\"/r?a=1&amp;b=&quot;2&quot;&lt;x&gt;\"",
            ),
            (
                Options { view: View::Summary, heading_level: 3, area_href: Some("/grades/{id}".into()), ..Options::default() },
                " data-gw-view=\"summary\" data-gw-heading-level=\"3\" data-gw-area-href=\"/grades/{id}\"",
            ),
        ];
        for (options, want) in cases {
            assert_eq!(stamp(&options), want, "{options:?}");
        }
    }
}
