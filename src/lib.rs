//! grade-widget: police inspection grades as an embeddable WebAssembly widget, plus the data
//! tooling (extract, validate, render) that produces and checks its report JSON.
//!
//! Layout: `model` (types, validation; no yew), `extract` (report text to model), `components`
//! (Yew, rendered in the browser and natively to static HTML), `embed` (browser only: the
//! custom element, JS API and events).

pub mod charts;
pub mod components;
pub mod extract;
pub mod i18n;
pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod embed;
