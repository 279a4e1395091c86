//! The pre-rendered markup's options as the page sends them (strings), checked and turned into
//! the widget's [`Options`] the same way `grade-widget render` does (src/prerender.rs).

use grade_widget::components::{Options, View};
use grade_widget::model::Report;
use grade_widget::prerender;

/// `view` full / summary / area / badge; `lang` en / cy; `area` must name one of the report's
/// areas (as `render --area` requires). Errors name the option and what it may be.
pub fn options(
    report: &Report,
    view: &str,
    area: Option<&str>,
    lang: &str,
    href: Option<&str>,
) -> Result<Options, String> {
    let view = match view {
        "full" => View::Full,
        "summary" => View::Summary,
        "area" => View::Area,
        "badge" => View::Badge,
        other => return Err(format!("view {other:?}: expected full, summary, area or badge")),
    };
    if !matches!(lang, "en" | "cy") {
        return Err(format!("lang {lang:?}: expected en or cy"));
    }
    if let Some(id) = area {
        if report.area(id).is_none() {
            return Err(format!("area {id:?}: the report has no such area"));
        }
    }
    Ok(prerender::options(view, area, lang, href, 0, None))
}
