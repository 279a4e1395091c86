//! The panic hook: a bug must never leave a dead, empty box on the host's page. On a panic every
//! mounted widget shows a short message (as text, through DOM calls only) and fires `error`
//! with `type: "panic"`; the details go to the console.
//!
//! A stable build uses `panic = "abort"`, so after the hook the wasm instance traps and no
//! widget can run again until the page reloads; the message says so. The release build's
//! `-Cpanic=immediate-abort` (scripts/build.sh) traps at once and runs no hook, so there the
//! loader reports the trap instead, and `install`, `register` and `unregister` do nothing (the
//! hook, its formatting and its DOM calls would be wasm that never runs).
#![cfg_attr(panic = "immediate-abort", allow(dead_code, unused_variables))]

use std::cell::RefCell;
use std::sync::Once;

use web_sys::{Element, HtmlElement};

use super::events;
use crate::load_state::{ErrorKind, LoadError};

thread_local! {
    /// Every mounted widget: (id, host, container). Only ever borrowed briefly, and with
    /// `try_borrow` in the hook, so a panic while it is borrowed cannot panic again.
    static MOUNTED: RefCell<Vec<(u32, HtmlElement, Element)>> = const { RefCell::new(Vec::new()) };
}

static INSTALL: Once = Once::new();

/// Installs the hook once, before the first render (else Yew installs its own console-only hook).
pub fn install() {
    #[cfg(not(panic = "immediate-abort"))]
    INSTALL.call_once(|| yew::set_custom_panic_hook(Box::new(|info| on_panic(&info.to_string()))));
}

pub fn register(id: u32, host: &HtmlElement, container: &Element) {
    #[cfg(not(panic = "immediate-abort"))]
    MOUNTED.with(|m| m.borrow_mut().push((id, host.clone(), container.clone())));
}

pub fn unregister(id: u32) {
    #[cfg(not(panic = "immediate-abort"))]
    MOUNTED.with(|m| m.borrow_mut().retain(|(i, _, _)| *i != id));
}

fn on_panic(details: &str) {
    web_sys::console::error_1(&format!("grade-widget: {details}").into());
    let widgets = MOUNTED.with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default());
    let err = LoadError::new(
        ErrorKind::Panic,
        "the widget stopped because of an internal error; reload the page to try again".to_owned(),
    );
    for (_, host, container) in widgets {
        show(&container, &err.message);
        events::error(&host, &err);
    }
}

/// Replaces the container's content with the message. Plain DOM calls: Yew may be mid-render.
fn show(container: &Element, message: &str) {
    container.set_text_content(None);
    let Some(document) = container.owner_document() else {
        return;
    };
    let Ok(note) = document.create_element("p") else {
        return;
    };
    let _ = note.set_attribute("role", "alert");
    let _ = note.set_attribute("class", "gw-error");
    let _ = note.set_attribute("data-testid", "error");
    note.set_text_content(Some(message));
    let _ = container.append_child(&note);
}
