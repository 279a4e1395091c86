//! Drawing a fresh full report in slices, so that no task of the widget's blocks the host page
//! for long (issue 27). Yew renders a tree in one run: the first slice is what a reader sees
//! first (header, profile, filters and the findings), then the table's rows and the cards at a
//! glance follow a few per task, in page order, each task after a yield.
//!
//! Who slices is the widget's choice, per mounted app ([`watch`], keyed by the app's
//! `instance`): a widget drawing afresh in the browser asks for it and is told, through the
//! callback, when everything is drawn (it fires `load` then). Nothing else slices: the static
//! render (SSR, `grade-widget render`, instance 0) and the hydration of a pre-rendered copy
//! draw the whole tree in one run, as hydration must meet the whole copy.

use std::cell::RefCell;

use yew::Callback;

thread_local! {
    static WATCHED: RefCell<Vec<(u32, Callback<()>)>> = const { RefCell::new(Vec::new()) };
}

/// Table rows or cards at a glance drawn per slice: each slice's render stays well under the 50 ms of a long
/// task on Lighthouse's 4x slower mobile CPU (measured in docs/PERFORMANCE.md, "Issue 27").
pub const STEP: usize = 6;

/// The app `instance` draws its reports in slices and calls `drawn` once each is whole.
pub fn watch(instance: u32, drawn: Callback<()>) {
    unwatch(instance);
    WATCHED.with(|w| w.borrow_mut().push((instance, drawn)));
}

/// Stops slicing for `instance` (its widget was destroyed; the app goes to the pool).
pub fn unwatch(instance: u32) {
    WATCHED.with(|w| w.borrow_mut().retain(|(i, _)| *i != instance));
}

/// The callback of an app that draws in slices, if `instance` is one.
pub fn watcher(instance: u32) -> Option<Callback<()>> {
    WATCHED.with(|w| w.borrow().iter().find(|(i, _)| *i == instance).map(|(_, cb)| cb.clone()))
}

/// Runs `f` in a later task: a zero timeout, which lets the browser handle input and paint
/// between slices.
#[cfg(target_arch = "wasm32")]
pub fn later(f: impl FnOnce() + 'static) {
    after(0, f);
}

/// Runs `f` in a task after the next frame: a zero timeout from an animation frame callback, so
/// that frame is painted first (a timeout alone may run before it).
/// Boxed by its callers: one instance of the code for all of them.
#[cfg(target_arch = "wasm32")]
pub fn after_frame(f: Box<dyn FnOnce()>) {
    use wasm_bindgen::JsCast;
    let run = task(move || later(f));
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(run.unchecked_ref());
    }
}

/// Runs `f` in a task after `ms` milliseconds. The timer is never cleared: `f` is freed once it
/// has run, so a caller whose wait may end sooner makes `f` check that it is still wanted.
#[cfg(target_arch = "wasm32")]
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let run = task(f);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), ms);
    }
}

/// `f` as a JS function to be called once. One closure type for every caller: each type of
/// its own would add its glue to the wasm.
#[cfg(target_arch = "wasm32")]
pub fn task(f: impl FnOnce() + 'static) -> wasm_bindgen::JsValue {
    let f: Box<dyn FnOnce()> = Box::new(f);
    wasm_bindgen::closure::Closure::once_into_js(f)
}

/// Natively no effect runs, so nothing is ever scheduled.
#[cfg(not(target_arch = "wasm32"))]
pub fn later(_f: impl FnOnce() + 'static) {}

#[cfg(not(target_arch = "wasm32"))]
pub fn after_frame(_f: Box<dyn FnOnce()>) {}
