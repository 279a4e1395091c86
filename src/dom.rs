//! The two places the components touch the DOM directly: reading a `<select>`'s value and
//! moving focus. Browser only; natively (SSR) no event or effect ever runs, so the native
//! versions do nothing. Done through `Element` (a web-sys feature yew already enables) rather
//! than `HtmlSelectElement`, to keep the web-sys feature list short.

use yew::prelude::*;

/// The value of the option chosen in the `<select>` that fired `e`.
#[cfg(target_arch = "wasm32")]
pub fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::Element>()
        .and_then(|el| el.query_selector("option:checked").ok().flatten())
        .and_then(|opt| opt.get_attribute("value"))
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn select_value(_e: &Event) -> String {
    String::new()
}

/// Moves keyboard focus to `node` (an element with `tabindex="-1"`).
#[cfg(target_arch = "wasm32")]
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus(_node: &NodeRef) {}

/// Offers `content` to the reader as a file download named `name`.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, mime: &str, content: &str) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoke later: some browsers read the blob after click() returns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}

#[cfg(not(target_arch = "wasm32"))]
pub fn download(_name: &str, _mime: &str, _content: &str) {}

/// The markup of the first `<svg>` inside `node`.
#[cfg(target_arch = "wasm32")]
pub fn svg_markup(node: &NodeRef) -> Option<String> {
    let el = node.cast::<web_sys::Element>()?;
    Some(el.query_selector("svg").ok()??.outer_html())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn svg_markup(_node: &NodeRef) -> Option<String> {
    None
}

/// Sets a form control's `value` property. The `selected` attributes yew writes only set each
/// option's default, which a browser ignores once the reader has used the control; this keeps
/// the visible choice in step with the state (for example after "Show all areas").
#[cfg(target_arch = "wasm32")]
pub fn set_value(node: &NodeRef, value: &str) {
    if let Some(el) = node.get() {
        let _ = js_sys::Reflect::set(&el, &wasm_bindgen::JsValue::from_str("value"), &wasm_bindgen::JsValue::from_str(value));
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn set_value(_node: &NodeRef, _value: &str) {}
