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
