//! The widget's shadow root: one open shadow root per host, the shared stylesheet adopted into
//! it, and a container element for Yew to render into.
//!
//! The stylesheet is a constructable `CSSStyleSheet` built once and shared by every widget, so
//! a strict Content-Security-Policy (`style-src 'self'`) has nothing to block: no `<style>`
//! element, no style attributes. Host CSS cannot reach inside; ours cannot leak out.

use std::cell::OnceCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::components::STYLESHEET;

/// Isolation of the container from the host page. Shadow DOM stops selectors, but inherited
/// properties (font size, line height, colour, letter spacing, text transform …) still flow in
/// from the host element, where a page's `* { … !important }` rules land. `all: initial` cuts
/// them off; custom properties are untouched by `all`, so `--gw-*` theming still inherits, and
/// the font family follows the host on purpose (README: theming), and so does `color-scheme`:
/// the widget is light or dark as the host page declares (see style.css, `light-dark()`).
const BASE: &str = ".gw-container{all:initial;display:block;font-family:inherit;color-scheme:inherit}";

thread_local! {
    /// [`BASE`] and the components' [`STYLESHEET`], built on first use; `None` when the browser
    /// lacks constructable stylesheets.
    static SHEETS: OnceCell<Option<Array>> = const { OnceCell::new() };
}

/// The container Yew renders into, and the fingerprint of the pre-rendered markup it holds when
/// the host brought some (`grade-widget render`).
pub struct MountPoint {
    pub container: Element,
    pub prerendered: Option<String>,
}

/// Attaches (or reuses, after a re-mount) the host's open shadow root, adopts the stylesheet
/// and puts a container for Yew in it. Errors when the host cannot take a shadow root (e.g. an
/// `<img>` or `<input>` passed to `mount`).
///
/// When the host holds pre-rendered markup (a child `.gw-container` stamped `data-gw-hydrate`),
/// that very element is moved into the shadow root and becomes the container: the reader keeps
/// seeing the grades, now under the widget's own stylesheet, while the report loads, and the
/// widget can then hydrate those nodes rather than draw new ones. Moving keeps the nodes
/// themselves (no copy, no HTML parsing).
///
/// `spare` is an idle container to use instead of a new one (see `widget.rs`); it is left
/// unused when the host brought pre-rendered markup.
pub fn prepare(host: &HtmlElement, spare: Option<&Element>) -> Result<MountPoint, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => {
            let init = ShadowRootInit::new(ShadowRootMode::Open);
            host.attach_shadow(&init)?
        }
    };
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("grade-widget: host has no document"))?;
    adopt(&shadow, &document)?;
    let prerendered = host.query_selector(":scope > .gw-container[data-gw-hydrate]")?;
    if let Some(container) = prerendered {
        let stamp = container.get_attribute("data-gw-hydrate");
        shadow.append_child(&container)?;
        return Ok(MountPoint { container, prerendered: stamp });
    }
    let container = match spare {
        Some(container) => container.clone(),
        None => {
            let container = document.create_element("div")?;
            container.set_attribute("class", "gw-container")?;
            container
        }
    };
    shadow.append_child(&container)?;
    Ok(MountPoint { container, prerendered: None })
}

fn adopt(shadow: &ShadowRoot, document: &web_sys::Document) -> Result<(), JsValue> {
    let sheets = SHEETS.with(|cell| {
        cell.get_or_init(|| {
            let base = CssStyleSheet::new().ok()?;
            base.replace_sync(BASE).ok()?;
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(STYLESHEET).ok()?;
            Some(Array::of2(&base, &sheet))
        })
        .clone()
    });
    match sheets {
        Some(sheets) => {
            Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
        }
        None if shadow.query_selector("style")?.is_none() => {
            // Browsers without constructable stylesheets (Safari before 16.4) get a <style>
            // element instead; only those would need 'unsafe-inline' under a strict CSP.
            let style = document.create_element("style")?;
            style.set_text_content(Some(&format!("{BASE}{STYLESHEET}")));
            shadow.append_child(&style)?;
        }
        None => {}
    }
    Ok(())
}
