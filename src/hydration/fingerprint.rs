//! Which report and options a pre-rendered copy was drawn from.
//!
//! `grade-widget render` stamps this on the static markup's container; the live widget adopts
//! (hydrates) that markup only when its own report and options give the same value. Yew's
//! hydration walks the existing nodes expecting exactly the tree the first render makes, and a
//! mismatch (an older copy of the report, another view or language) would end in a panic; with
//! a different fingerprint the widget renders afresh instead.
//!
//! The markup's version (a hash of the components' sources, made by build.rs) is part of it too:
//! markup rendered by another build may differ in shape even for the same report.
//!
//! FNV-1a (`super::fnv`) over the derived `Hash` of the report.

use std::hash::{Hash, Hasher};

use super::fnv::Fnv;

use crate::options::{Level, Options};
use crate::model::Report;

/// Sixteen hex digits naming the build of the components, the report and everything in
/// `options` that shapes the first render: view, area (case-insensitively, as the widget
/// resolves it), language, link, heading level and area link template. (`fallback_href` is
/// left out: it only shapes the error box, which is never hydrated.)
pub fn fingerprint(report: &Report, options: &Options) -> String {
    let mut h = Fnv::new();
    env!("GW_MARKUP_VERSION").hash(&mut h);
    report.hash(&mut h);
    options.view.as_str().hash(&mut h);
    options.area.as_ref().map(|a| a.to_ascii_uppercase()).hash(&mut h);
    options.lang.code().hash(&mut h);
    options.link.hash(&mut h);
    Level::new(options.heading_level).hash(&mut h);
    options.area_href.hash(&mut h);
    hex(h.finish())
}

/// The prefix of the ids in the summary table (its cells name their group's heading with
/// `headers`): "gw" and eight hex digits from the report's identity and the language. The live
/// widget's ids are scoped by its shadow root, but the static copy from `grade-widget render`
/// sits in the page itself, beside other widgets' copies, where a shared id would point a
/// cell at another table's heading. The same report in the same language gives the same
/// prefix, so two copies of one report on a page do share ids; their headings say the same.
pub fn id_prefix(report: &Report, lang: crate::i18n::Lang) -> String {
    let mut h = Fnv::new();
    report.force.hash(&mut h);
    report.title.hash(&mut h);
    report.published.hash(&mut h);
    report.period.hash(&mut h);
    lang.hash(&mut h);
    let mut prefix = String::from("gw");
    prefix.push_str(&hex(h.finish())[8..]);
    prefix
}

/// `n` as sixteen lower-case hex digits.
pub(super) fn hex(n: u64) -> String {
    (0..16)
        .rev()
        .map(|i| char::from(b"0123456789abcdef"[(n >> (i * 4)) as usize & 15]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::View;
    use crate::model::parse_report;

    fn met() -> Report {
        parse_report(include_str!("../../www/data/metropolitan-2006.json")).expect("valid report")
    }

    fn options(view: View, area: Option<&str>, lang: &str) -> Options {
        Options { view, area: area.map(str::to_owned), lang: crate::i18n::Lang::parse(lang), ..Options::default() }
    }

    #[test]
    fn same_inputs_same_value_and_every_input_counts() {
        let report = met();
        let base = fingerprint(&report, &options(View::Summary, None, "en"));
        assert_eq!(base.len(), 16);
        assert!(base.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(base, fingerprint(&report, &options(View::Summary, None, "en")));
        // The area is compared as the widget finds it: without regard to case.
        assert_eq!(
            fingerprint(&report, &options(View::Area, Some("3a"), "en")),
            fingerprint(&report, &options(View::Area, Some("3A"), "en"))
        );
        let others = [
            fingerprint(&report, &options(View::Full, None, "en")),
            fingerprint(&report, &options(View::Summary, None, "cy")),
            fingerprint(&report, &options(View::Summary, Some("3A"), "en")),
            fingerprint(
                &report,
                &Options { link: Some("/report".into()), ..options(View::Summary, None, "en") },
            ),
            fingerprint(&report, &Options { heading_level: 3, ..options(View::Summary, None, "en") }),
            fingerprint(
                &report,
                &Options { area_href: Some("/grades/{id}".into()), ..options(View::Summary, None, "en") },
            ),
        ];
        // An out-of-range level draws the default, so it stamps the same value.
        assert_eq!(base, fingerprint(&report, &Options { heading_level: 9, ..options(View::Summary, None, "en") }));
        assert_eq!(base, fingerprint(&report, &Options { fallback_href: Some("/r".into()), ..options(View::Summary, None, "en") }));
        for other in &others {
            assert_ne!(&base, other);
        }
        // One changed grade, or one changed word of findings text, changes the value.
        let mut regraded = report.clone();
        let last = regraded.domains.last_mut().and_then(|d| d.areas.last_mut()).expect("an area");
        last.direction = None;
        assert_ne!(base, fingerprint(&regraded, &options(View::Summary, None, "en")));
        let mut reworded = report.clone();
        reworded.force.push('.');
        assert_ne!(base, fingerprint(&reworded, &options(View::Summary, None, "en")));
    }
}
