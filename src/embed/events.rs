//! The DOM events the widget fires on its host element: `load`, `select` and `error`, each a
//! `CustomEvent` with a plain-object `detail`.
//!
//! `load` and `select` bubble (so a page can listen once on `document`); `error` does not,
//! because a bubbling `error` would reach `window` and look like a script error to the host's
//! `window.onerror` and error-monitoring tools. All are `composed`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

use crate::components::LoadError;
use crate::model::Report;

/// `load`: detail `{ force, areas }` (areas is the number of graded areas).
pub fn load(host: &EventTarget, report: &Report) {
    let detail = object(&[
        ("force", JsValue::from_str(&report.force)),
        ("areas", JsValue::from(report.areas().count() as u32)),
    ]);
    dispatch(host, "load", &detail, true);
}

/// `select`: detail `{ area }`, the selected area's id ("3A").
pub fn select(host: &EventTarget, area: &str) {
    dispatch(
        host,
        "select",
        &object(&[("area", JsValue::from_str(area))]),
        true,
    );
}

/// `error`: detail `{ type, message, problems: [{ path, message }], retryable }`.
pub fn error(host: &EventTarget, err: &LoadError) {
    let problems: Array = err
        .problems
        .iter()
        .map(|(path, message)| {
            JsValue::from(object(&[
                ("path", JsValue::from_str(path)),
                ("message", JsValue::from_str(message)),
            ]))
        })
        .collect();
    let detail = object(&[
        ("type", JsValue::from_str(&err.kind)),
        ("message", JsValue::from_str(&err.message)),
        ("problems", problems.into()),
        ("retryable", JsValue::from_bool(err.retryable)),
    ]);
    dispatch(host, "error", &detail, false);
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let obj = Object::new();
    for (key, value) in pairs {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = Reflect::set(&obj, &JsValue::from_str(key), value);
    }
    obj
}

fn dispatch(host: &EventTarget, name: &str, detail: &JsValue, bubbles: bool) {
    let init = CustomEventInit::new();
    init.set_bubbles(bubbles);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing listener is reported by the browser; it must not stop the widget.
        let _ = host.dispatch_event(&event);
    }
}
