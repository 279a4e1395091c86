//! The DOM events the widget fires on its host element: `load`, `select` and `error`, each a
//! `CustomEvent` with a plain-object `detail`.
//!
//! `load` and `select` bubble (so a page can listen once on `document`); `error` does not,
//! because a bubbling `error` would reach `window` and look like a script error to the host's
//! `window.onerror` and error-monitoring tools. All are `composed`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

use crate::load_state::LoadError;
use crate::model::Report;

/// `load`'s detail: `{ force, areas }`, the force and the number of graded areas.
pub fn load(host: &EventTarget, report: &Report) {
    let areas = JsValue::from(report.areas().count() as u32);
    fire(host, "load", &object(&[("force", report.force.as_str().into()), ("areas", areas)]), true);
}

/// `select`'s detail: `{ area }`, the selected area's id ("3A").
pub fn select(host: &EventTarget, area: &str) {
    fire(host, "select", &object(&[("area", area.into())]), true);
}

/// `error`'s detail: `{ type, message, problems: [{ path, message }], retryable }`.
pub fn error(host: &EventTarget, err: &LoadError) {
    let problems: Array =
        err.problems.iter().map(|(path, message)| object(&[("path", path.into()), ("message", message.into())])).collect();
    let detail = object(&[
        ("type", err.kind.as_str().into()),
        ("message", err.message.as_str().into()),
        ("problems", problems.into()),
        ("retryable", err.retryable().into()),
    ]);
    fire(host, "error", &detail, false);
}

/// A plain JS object with these keys, in this order. Written here rather than through
/// serde-wasm-bindgen's serializer: four flat details did not earn its code in the wasm.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let detail = Object::new();
    for (key, value) in fields {
        // Setting a key on a fresh plain object cannot fail.
        let _ = Reflect::set(&detail, &JsValue::from_str(key), value);
    }
    detail.into()
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
