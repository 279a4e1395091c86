//! The DOM events the widget fires on its host element: `load`, `select` and `error`, each a
//! `CustomEvent` with a plain-object `detail`.
//!
//! `load` and `select` bubble (so a page can listen once on `document`); `error` does not,
//! because a bubbling `error` would reach `window` and look like a script error to the host's
//! `window.onerror` and error-monitoring tools. All are `composed`.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

use crate::load_state::LoadError;
use crate::model::Report;

/// `load`'s detail: the force and the number of graded areas.
#[derive(Serialize)]
struct LoadDetail<'a> {
    force: &'a str,
    areas: u32,
}

/// `select`'s detail: the selected area's id ("3A").
#[derive(Serialize)]
struct SelectDetail<'a> {
    area: &'a str,
}

/// `error`'s detail: `{ type, message, problems: [{ path, message }], retryable }`.
#[derive(Serialize)]
struct ErrorDetail<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    message: &'a str,
    problems: Vec<ProblemDetail<'a>>,
    retryable: bool,
}

#[derive(Serialize)]
struct ProblemDetail<'a> {
    path: &'a str,
    message: &'a str,
}

pub fn load(host: &EventTarget, report: &Report) {
    let detail = LoadDetail { force: &report.force, areas: report.areas().count() as u32 };
    dispatch(host, "load", &detail, true);
}

pub fn select(host: &EventTarget, area: &str) {
    dispatch(host, "select", &SelectDetail { area }, true);
}

pub fn error(host: &EventTarget, err: &LoadError) {
    let problems = err.problems.iter().map(|(path, message)| ProblemDetail { path, message }).collect();
    let detail = ErrorDetail { kind: err.kind.as_str(), message: &err.message, problems, retryable: err.retryable() };
    dispatch(host, "error", &detail, false);
}

/// The detail as a plain JS object (serde-wasm-bindgen writes structs as objects).
fn dispatch(host: &EventTarget, name: &str, detail: &impl Serialize, bubbles: bool) {
    // Plain strings, numbers and booleans always serialise.
    let detail = serde_wasm_bindgen::to_value(detail).unwrap_or(JsValue::NULL);
    fire(host, name, &detail, bubbles);
}

fn fire(host: &EventTarget, name: &str, detail: &JsValue, bubbles: bool) {
    let init = CustomEventInit::new();
    init.set_bubbles(bubbles);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing listener is reported by the browser; it must not stop the widget.
        let _ = host.dispatch_event(&event);
    }
}
