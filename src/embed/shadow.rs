//! The widget's shadow root: one open shadow root per host, the shared stylesheet adopted into
//! it, and a container element for Yew to render into.
//!
//! The stylesheet is a constructable `CSSStyleSheet` built once and shared by every widget, so
//! a strict Content-Security-Policy (`style-src 'self'`) has nothing to block: no `<style>`
//! element, no style attributes. Host CSS cannot reach inside; ours cannot leak out.

use std::cell::OnceCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, DocumentFragment, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::hydration::FINGERPRINT_ATTR;
use crate::styles::SHADOW;

thread_local! {
    /// The widget's stylesheet ([`SHADOW`]: the container's wall and the components' rules),
    /// built on first use; `None` when the browser lacks constructable stylesheets.
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
/// that very element becomes the container, but stays where it is, laid out as it already is
/// under the static stylesheet the page links (the widget's own), until the report arrives, and
/// the host gets no shadow root before then. Attaching one re-parents the light children in the
/// rendering (even through a `<slot>`), and moving the copy in put it under the shadow root's
/// stylesheet: either way the browser laid the whole copy out again (about 100 ms for the full
/// report on the development machine, with the report's response waiting behind it), and once
/// more after hydration. [`take_in`] attaches the root and moves the copy in when the widget is
/// about to hydrate it or draw afresh, in the same task, so the copy is laid out once, not twice.
/// A host that already has a shadow root (a re-mount) shows the copy through a `<slot>` meanwhile.
///
/// Markup in a declarative shadow root (`grade-widget render --shadow-root`) is already where
/// the widget needs it: the container is taken where it is, and nothing moves. When that markup
/// arrived as an inert `<template>` (inserted with `innerHTML`, which does not build shadow
/// roots), the template's content is moved into a shadow root attached now.
///
/// `spare` is an idle container to use instead of a new one (see `pool.rs`); it is left
/// unused when the host brought pre-rendered markup.
pub fn prepare(host: &HtmlElement, spare: Option<&Element>) -> Result<MountPoint, JsValue> {
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("grade-widget: host has no document"))?;
    // The stylesheet is parsed now, at mount. Over a copy it is adopted only in the task that
    // hydrates (`take_in`), which then no longer parses it too (about 3 ms on the development
    // machine; issue 27).
    sheets();
    // Markup in a declarative shadow root (`render --shadow-root`): the parser has built the
    // root and laid the copy out under the stylesheet it links, so it is hydrated where it is.
    // The widget's own sheet is adopted by `take_in`, in the hydration's task: adopting it now
    // would restyle the whole copy once more while the report loads.
    if let Some(shadow) = host.shadow_root() {
        if let Some(container) = hydratable_child(&shadow) {
            let stamp = container.get_attribute(FINGERPRINT_ATTR);
            return Ok(MountPoint { container, prerendered: stamp });
        }
    }
    // The same markup put in with `innerHTML`, or by a browser without declarative shadow DOM,
    // or with the attribute stripped: an inert `<template>`, shown by no one. Its content
    // becomes the shadow root's now, so the grades show while the report loads.
    if let Some(template) = host.query_selector(":scope > template")? {
        let content: DocumentFragment = Reflect::get(&template, &JsValue::from_str("content"))?.unchecked_into();
        if let Some(container) = hydratable_child(&content) {
            // Moving the fragment moves its nodes: `container` is then the shadow root's.
            shadow_of(host, &document)?.append_child(&content)?;
            template.remove();
            let stamp = container.get_attribute(FINGERPRINT_ATTR);
            return Ok(MountPoint { container, prerendered: stamp });
        }
    }
    if let Some(container) = host.query_selector(":scope > .gw-container[data-gw-hydrate]")? {
        let stamp = container.get_attribute(FINGERPRINT_ATTR);
        if let Some(shadow) = host.shadow_root() {
            if shadow.query_selector("slot")?.is_none() {
                let slot = document.create_element("slot")?;
                shadow.append_child(&slot)?;
            }
        }
        return Ok(MountPoint { container, prerendered: stamp });
    }
    let shadow = shadow_of(host, &document)?;
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

/// The first child element of `parent` that is a pre-rendered container. Children are walked
/// rather than queried with `:scope >`, which matches nothing in a document fragment.
fn hydratable_child(parent: &DocumentFragment) -> Option<Element> {
    let mut child = parent.first_element_child();
    while let Some(element) = child {
        if element.matches(".gw-container[data-gw-hydrate]").unwrap_or(false) {
            return Some(element);
        }
        child = element.next_element_sibling();
    }
    None
}

/// Moves a pre-rendered container from the host's light DOM into its shadow root, attached now
/// (see [`prepare`]), in place of the `<slot>` that showed it after a re-mount; a container
/// already in the shadow root (a declarative one) stays, and only the stylesheet is adopted.
/// Moving keeps the nodes themselves (no copy, no HTML parsing), so Yew can hydrate them. Focus
/// inside the copy (a reader tabbing through its links while the report loads) is lost by the
/// move and given back to the same element.
pub fn take_in(host: &HtmlElement, container: &Element) -> Result<(), JsValue> {
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("grade-widget: host has no document"))?;
    let focused = document
        .active_element()
        .filter(|active| container.contains(Some(active)))
        .and_then(|active| active.dyn_into::<HtmlElement>().ok());
    let shadow = shadow_of(host, &document)?;
    if container.parent_node().is_some_and(|parent| parent == **shadow) {
        return Ok(());
    }
    release_slot(host);
    shadow.append_child(container)?;
    if let Some(focused) = focused {
        let _ = focused.focus();
    }
    Ok(())
}

/// The host's open shadow root, attached now or reused after a re-mount, with the stylesheet
/// adopted. Errors when the host cannot take one (e.g. an `<img>` or `<input>` passed to
/// `mount`).
fn shadow_of(host: &HtmlElement, document: &web_sys::Document) -> Result<ShadowRoot, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    adopt(&shadow, document)?;
    Ok(shadow)
}

/// Removes the `<slot>` [`prepare`] put in for pre-rendered markup, if it is still there: after
/// [`take_in`], and on destroy (else the host's other light children would show again).
pub fn release_slot(host: &HtmlElement) {
    if let Some(slot) = host.shadow_root().and_then(|s| s.query_selector("slot").ok().flatten()) {
        slot.remove();
    }
}

/// The shared stylesheet, parsed on first use: `None` without constructable stylesheets.
fn sheets() -> Option<Array> {
    SHEETS.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(SHADOW).ok()?;
            Some(Array::of1(&sheet))
        })
        .clone()
    })
}

fn adopt(shadow: &ShadowRoot, document: &web_sys::Document) -> Result<(), JsValue> {
    match sheets() {
        Some(sheets) => {
            Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
        }
        None if shadow.query_selector("style")?.is_none() => {
            // Browsers without constructable stylesheets (Safari before 16.4) get a <style>
            // element instead; only those would need 'unsafe-inline' under a strict CSP.
            let style = document.create_element("style")?;
            style.set_text_content(Some(SHADOW));
            shadow.append_child(&style)?;
        }
        None => {}
    }
    Ok(())
}
