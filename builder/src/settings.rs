//! The pre-rendered markup's options as the page sends them (strings), checked and turned into
//! the widget's [`Options`] the same way `grade-widget render` does (src/prerender.rs).

use grade_widget::components::{Options, View};
use grade_widget::i18n::Lang;
use grade_widget::model::Report;
use grade_widget::prerender;

/// `view` full / summary / area / badge; `lang` en / cy; `area` must name one of the report's
/// areas (as `render --area` requires); `heading_level` 2 to 6 (as `render --heading-level`);
/// `area_href` the summary's link template (as `render --area-href`). Errors name the option
/// and what it may be.
pub fn options(
    report: &Report,
    view: &str,
    area: Option<&str>,
    lang: &str,
    href: Option<&str>,
    heading_level: Option<u8>,
    area_href: Option<&str>,
) -> Result<Options, String> {
    let view = match view {
        "full" => View::Full,
        "summary" => View::Summary,
        "area" => View::Area,
        "badge" => View::Badge,
        other => return Err(format!("view {other:?}: expected full, summary, area or badge")),
    };
    let lang = match lang {
        "en" => Lang::En,
        "cy" => Lang::Cy,
        _ => return Err(format!("lang {lang:?}: expected en or cy")),
    };
    if let Some(id) = area {
        if report.area(id).is_none() {
            return Err(format!("area {id:?}: the report has no such area"));
        }
    }
    if let Some(level) = heading_level {
        if !(2..=6).contains(&level) {
            return Err(format!("heading level {level}: expected 2 to 6"));
        }
    }
    // 0 is "not given", as `grade-widget render` without --heading-level: the widget's h2.
    Ok(prerender::options(view, area, lang, href, heading_level.unwrap_or(0), area_href))
}
