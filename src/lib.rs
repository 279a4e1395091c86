//! grade-widget: police inspection grades as an embeddable WebAssembly widget, plus the data
//! tooling (extract, validate, render) that produces and checks its report JSON.
//!
//! Layout: `model` (types, validation; no yew), `extract` (report text to model), `components`
//! (Yew, rendered in the browser and natively to static HTML), `embed` (browser only: the
//! custom element, JS API and events), `prerender` (the components as static HTML, for
//! `grade-widget render` and the report builder).

pub mod charts;
pub mod components;
pub mod extract;
pub mod i18n;
pub mod model;
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub mod prerender;
pub mod state;

// Behind the default `widget` feature: the builder's wasm (builder/) is built without it and so
// carries none of the widget's exports.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod embed;
