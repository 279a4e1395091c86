//! grade-widget: police inspection grades as an embeddable WebAssembly widget, plus the data
//! tooling (extract, validate, render) that produces and checks its report JSON.
//!
//! Layout: `model` (types, validation; no yew), `extract` (report text to model), `import` (a
//! national table to one report per force), `standing` (where a force stands among all forces),
//! `options` (the host's options), `load_state` (what
//! the widget shows: loading, a report or a failure), `state` (the reader's selection, filters
//! and sort), `view_model` (what the components derive from a report), `components` (Yew,
//! rendered in the browser and natively to static HTML), `charts` (scales and SVG marks),
//! `export` (CSV and SVG files), `dom` (the components' DOM side effects), `hydration` (the
//! contract between `grade-widget render` and the widget), `prerender` (the components as
//! static HTML, for `grade-widget render` and the report builder), `styles` (the stylesheets
//! build.rs makes from src/styles/*.css), `embed` (browser only: the custom element, JS API and
//! events).

pub mod charts;
pub mod components;
mod dom;
pub mod export;
pub mod extract;
pub mod hydration;
pub mod i18n;
// The national table import: natively (the CLI) and in the builder's wasm, never the widget's.
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
pub mod import;
pub mod load_state;
pub mod model;
pub mod options;
pub mod standing;
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub mod prerender;
pub mod state;
pub mod styles;
pub mod view_model;

// Behind the default `widget` feature: the builder's wasm (builder/) is built without it and so
// carries none of the widget's exports.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod embed;

// The widget's heap: talc instead of Rust's default dlmalloc, which is about 8 KB of code.
// The widget is single-threaded (no `atomics`), which talc's wasm cell requires.
#[cfg(all(target_arch = "wasm32", feature = "widget", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
