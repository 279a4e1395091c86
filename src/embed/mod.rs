//! Browser embedding: the wasm entry point [`mount`] behind `www/grade-widget.js` (the
//! `<grade-widget>` custom element and its JS API), plus loading, DOM events and the panic hook.
//!
//! Flow: JS calls [`mount`] with a host element and a plain config object. We attach an open
//! shadow root with the shared constructable stylesheet, render [`crate::components::App`],
//! load the report (a JS object, a `src` URL, or a child `<script type="application/json">`)
//! and fire `load` / `select` / `error` on the host. The returned [`Widget`] handle re-renders
//! on `update(config)` and frees everything on `destroy()`.

#[cfg(feature = "bench")]
mod bench;
mod config;
mod deep_link;
mod events;
mod glimpse;
mod hydrate;
mod js_value;
mod load;
mod loading;
mod panic;
mod pool;
mod shadow;
mod shared;
mod widget;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

pub use widget::Widget;

/// Called once by the loader before any `mount`: its walk over a pre-rendered copy, which the
/// widget checks before hydrating it (`crate::hydration::dom_shape`).
#[wasm_bindgen]
pub fn walker(walk: js_sys::Function) {
    crate::hydration::set_walker(walk);
}

/// Mounts a widget into `host` (any element that can carry a shadow root, or `<grade-widget>`).
///
/// `config` is a plain object: `{ report | src, view, area, lang, deepLink, timeout }`; every
/// key is optional (see the README's JS API table). Errors only when the host cannot take a
/// shadow root; every data problem is shown inside the widget and fired as `error` instead.
/// `prefetched` is the loader's request for `src`, started while the wasm loaded (or undefined).
/// `hold`: over a pre-rendered copy of the very report, keep the copy as it is once the report is
/// read, and adopt it only at [`Widget::wake`] or when the widget must show something else (the
/// element's default: Yew's hydration is one long task, issue 27).
#[wasm_bindgen]
pub fn mount(host: HtmlElement, config: JsValue, prefetched: JsValue, hold: bool) -> Result<Widget, JsValue> {
    panic::install();
    Widget::mount(host, &config, &prefetched, hold)
}
