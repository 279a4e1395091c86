//! The report builder's wasm (www/builder.html, run in www/builder-worker.js): the project's own
//! extractor, national table import and validator, and the pre-rendered markup of `grade-widget
//! render`, for a web team with only a browser.
//!
//! A bundle of its own (pkg/builder/): the widget never loads it, and it is built from the
//! library without the widget's exports (`default-features = false`). Each export is one request
//! of the worker; results cross to JavaScript as plain objects (serde-wasm-bindgen), and the
//! report JSON as the very string `grade-widget extract` writes.

mod outcome;
mod report;
mod settings;
mod table;

use grade_widget::extract::extract_bytes;
use grade_widget::model::{validate, MAX_REPORT_BYTES};
use grade_widget::prerender;
use wasm_bindgen::prelude::*;

use outcome::{Outcome, ProblemView};

/// The largest input the builder reads, in bytes: the limit `grade-widget validate` and `render`
/// put on a report file (8 MiB). The seed report's text is about 410 KB.
#[wasm_bindgen(js_name = maxBytes)]
pub fn max_bytes() -> usize {
    MAX_REPORT_BYTES
}

/// Report text (as bytes: a file's own, or the text box's as UTF-8) to the report JSON, or
/// every problem with its line. Never throws on any input.
#[wasm_bindgen]
pub fn extract(bytes: &[u8]) -> JsValue {
    to_js(&outcome(bytes))
}

fn outcome(bytes: &[u8]) -> Outcome {
    if bytes.len() > MAX_REPORT_BYTES {
        return Outcome::failed(vec![ProblemView::document(format!(
            "the text is {} bytes, more than the limit of {MAX_REPORT_BYTES} bytes (8 MiB)",
            bytes.len()
        ))]);
    }
    let report = match extract_bytes(bytes) {
        Ok(report) => report,
        Err(e) => {
            let problems = e.problems().iter().map(|p| outcome::problem_view(p, bytes));
            return Outcome::failed(problems.collect());
        }
    };
    // The extractor means to write only valid reports; should one slip through, the builder
    // says so rather than hand out JSON the widget would refuse.
    let invalid = validate(&report);
    if !invalid.is_empty() {
        return Outcome::failed(invalid.iter().map(outcome::validation_view).collect());
    }
    // `grade-widget extract`'s serializer settings (src/bin/grade-widget/extract.rs): pretty,
    // two-space indent, one newline at the end.
    match serde_json::to_string_pretty(&report) {
        Ok(mut json) => {
            json.push('\n');
            Outcome::ready(&report, json)
        }
        Err(e) => Outcome::failed(vec![ProblemView::document(format!("cannot write JSON: {e}"))]),
    }
}

/// A national table's shape: `{ status: "table", names, areas }` (its rows' names for the force
/// picker, its areas) or `{ status: "problems", problems }`, each with its row (= line).
/// `format`: detect, csv or tsv. Never throws.
#[wasm_bindgen(js_name = readTable)]
pub fn read_table(bytes: &[u8], format: String) -> JsValue {
    to_js(&table::shape(bytes, table::format(&format)))
}

/// One force's report from a national table, as `grade-widget import TABLE --scale SCALE --force
/// NAME [--title …] [--published …] [--compared-en … --compared-cy … [--compared-en-one …]
/// [--compared-en-this …] [--compared-cy-this …]]` writes it: the same
/// outcome as `extract` gives (`ready` with the JSON, or the problems). `scale` a built-in
/// scale's name, or `scale_file` a scale file's text. Never throws.
#[wasm_bindgen(js_name = importTable)]
#[allow(clippy::too_many_arguments)] // one per CLI option, as the worker passes them
pub fn import_table(
    bytes: &[u8],
    format: String,
    scale: Option<String>,
    scale_file: Option<String>,
    force: String,
    title: Option<String>,
    published: Option<String>,
    compared_en: Option<String>,
    compared_cy: Option<String>,
    compared_en_one: Option<String>,
    compared_en_this: Option<String>,
    compared_cy_this: Option<String>,
) -> JsValue {
    if bytes.len() > MAX_REPORT_BYTES {
        return to_js(&Outcome::failed(vec![ProblemView::document(format!(
            "the table is {} bytes, more than the limit of {MAX_REPORT_BYTES} bytes (8 MiB)",
            bytes.len()
        ))]));
    }
    let request = table::Request {
        format: table::format(&format),
        scale: scale.as_deref(),
        scale_file: scale_file.as_deref(),
        force: &force,
        title,
        published: published.as_deref(),
        compared_en,
        compared_cy,
        compared_en_one,
        compared_en_this,
        compared_cy_this,
    };
    to_js(&table::outcome(bytes, request))
}

/// The built-in grade scales, `[{ name, words }]`: what `import --scale NAME` takes.
#[wasm_bindgen]
pub fn scales() -> JsValue {
    to_js(&table::scales())
}

/// The markup `grade-widget render` writes for this report JSON and these options (`view`:
/// full, summary, area or badge; `area`: an area id, for view=area; `lang`: en or cy; `href`:
/// the badge's link; `heading_level`: 2 to 6; `area_href`: the summary's link template;
/// `shadow_root`: the stylesheet's URL, for `render --shadow-root URL`'s output). Rejects
/// with a message when the JSON or an option is not usable: for the JSON, every problem the
/// shared reader finds, one per line (src/report.rs).
#[wasm_bindgen]
pub async fn render(
    json: String,
    view: String,
    area: Option<String>,
    lang: String,
    href: Option<String>,
    heading_level: Option<u8>,
    area_href: Option<String>,
    shadow_root: Option<String>,
) -> Result<String, JsValue> {
    let report = report::read(&json).map_err(|problems| JsValue::from_str(&report::problems_message(&problems)))?;
    let options = settings::options(
        &report,
        &view,
        area.as_deref(),
        &lang,
        href.as_deref(),
        heading_level,
        area_href.as_deref(),
    )
        .map_err(|e| JsValue::from_str(&e))?;
    let markup = prerender::markup(report, options).await;
    // The CLI refuses an empty URL (it would link the page itself as the stylesheet).
    Ok(match shadow_root.as_deref() {
        Some("") => return Err(JsValue::from_str("shadow root: the stylesheet's URL is empty")),
        Some(href) => prerender::in_shadow_root(&markup, href),
        None => markup,
    })
}

/// The CSS for the pre-rendered markup outside a shadow root: `grade-widget render --stylesheet`.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    prerender::stylesheet()
}

/// The CSS for the markup in a declarative shadow root: `render --shadow-root URL --stylesheet`.
#[wasm_bindgen(js_name = shadowStylesheet)]
pub fn shadow_stylesheet() -> String {
    prerender::shadow_stylesheet()
}

fn to_js(outcome: &impl serde::Serialize) -> JsValue {
    // Plain objects, not Maps: the page reads `result.problems[0].line`.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    outcome.serialize(&serializer)
        .unwrap_or_else(|e| JsValue::from_str(&format!("cannot pass the result to the page: {e}")))
}
