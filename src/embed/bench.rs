//! For `tests/bench/run.mjs` only (not part of the widget's API, which is `grade-widget.js`):
//! reads and validates a report from a parsed JS value exactly as the widget does, so the bench
//! can time decode + validate in wasm without a render.

use wasm_bindgen::prelude::*;

/// The number of areas, or 0 when the report has problems.
#[wasm_bindgen(js_name = __benchLoadReport)]
pub fn bench_load_report(value: JsValue) -> u32 {
    crate::model::load_value(serde_wasm_bindgen::Deserializer::from(value)).map_or(0, |r| r.areas().count() as u32)
}
