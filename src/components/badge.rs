//! The compact badge for a sidebar: force, assessment, grade profile and a link to the full
//! report (when the host gives one).

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use super::heading::heading;
use crate::options::Level;
use crate::view_model::PreparedReport;
use super::symbols::grade_label;
use crate::i18n::fill;
use crate::model::Grade;

/// The host's link, unless it is a script URL (`javascript:`, `vbscript:`, `data:`): the badge
/// must not become a way to run script from an attribute.
pub fn safe_href(href: &str) -> Option<&str> {
    let h = href.trim();
    let scheme_end = h.find(':').filter(|i| !h[..*i].contains(['/', '?', '#']));
    match scheme_end.map(|i| h[..i].to_ascii_lowercase()) {
        Some(s) if !matches!(s.as_str(), "http" | "https" | "mailto") => None,
        _ if h.is_empty() => None,
        _ => Some(h),
    }
}

/// A plain function, not a component (see header.rs). `link`: the host's `href`, if any;
/// `target` (the heading) takes focus after "Try again".
pub fn badge(data: &Rc<PreparedReport>, link: Option<&AttrValue>, level: Level, target: &NodeRef) -> Html {
    let lang = data.lang;
    let r = &data.report;
    let p = &data.profile;
    let graded_n = p.force.iter().sum::<u32>();
    html! {
        <div class="gw-badge" part="badge" data-testid="badge">
            // The report's words (force, title, period): marked English in a Welsh widget.
            { heading(level, 0, "gw-h2 gw-badge__force", None, text_lang(lang), Some(target), html! { r.force.clone() }) }
            <p class="gw-badge__title" lang={text_lang(lang)}>
                { match &r.period {
                    Some(period) => format!("{} {period}", r.title),
                    None => r.title.to_string(),
                } }
            </p>
            <p class="gw-badge__count">{ fill(lang.count(&lang.strings().badge_areas, u64::from(graded_n)), [&graded_n.to_string()]) }</p>
            <ul class="gw-badge__profile" part="profile" data-testid="profile">
                { for (0..data.words.len()).rev().map(|rank| html! {
                    <li class="gw-badge__grade">
                        { grade_label(&data.words, Some(&Grade(rank as u8))) }
                        <strong class="gw-badge__n">{ p.force[rank].to_string() }</strong>
                    </li>
                }) }
            </ul>
            if let Some(href) = link.map(|l| l.as_str()).and_then(safe_href) {
                <a class="gw-badge__link" href={href.to_string()} data-testid="badge-link">{ lang.strings().badge_link }</a>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn hrefs() {
        let cases = [
            ("https://example.org/report", Some("https://example.org/report")),
            ("report.html#3A", Some("report.html#3A")),
            ("/grades?x=a:b", Some("/grades?x=a:b")),
            (" javascript:alert(1)", None),
            ("JavaScript:alert(1)", None),
            ("data:text/html,x", None),
            ("", None),
            ("mailto:a@b", Some("mailto:a@b")),
        ];
        for (href, want) in cases {
            assert_eq!(safe_href(href), want, "{href}");
        }
    }
}
