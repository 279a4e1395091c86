//! For `tests/bench/run.mjs` only, behind the `bench` cargo feature: `make bench` builds a
//! second wasm with it into target/bench-pkg/, and the production build in pkg/ has no such
//! export (tests/e2e/package.spec.mjs checks).

use wasm_bindgen::prelude::*;

/// Reads and validates a report from a parsed JS value through the widget's own decode step,
/// so the bench can time decode + validate in wasm without a render. Returns the number of
/// areas, or 0 when the report has problems.
#[wasm_bindgen(js_name = __benchLoadReport)]
pub fn bench_load_report(value: JsValue) -> u32 {
    super::load::decode(value, "passed to the bench", false).map_or(0, |r| r.areas().count() as u32)
}
