//! Deep links (`deepLink`): the reader's selections become history entries (`#3A`) and `select`
//! events, and a changed hash (a link, Back, Forward) selects that area. Without deep links a
//! selection only fires `select`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use super::config;
use super::events;
use super::widget::{render, Inner};
use crate::load_state::LoadState;
use crate::components::slices;

/// A widget's deep linking: its hash listener and its queued selections.
#[derive(Default)]
pub(super) struct DeepLink {
    /// The `hashchange` + `popstate` listener on `window`, while `deepLink` is on.
    on_hash: Option<Closure<dyn FnMut()>>,
    /// The reader's selections whose history entry and `select` event wait until the frame
    /// showing them has been produced, oldest first (see [`on_select`]). A frame callback is
    /// asked for exactly while some entry is not yet `framed`.
    pending: Vec<Pending>,
}

impl DeepLink {
    /// On destroy: stops following the hash; selections still waiting for their history entry
    /// get none, and no `select` (a flush already asked for finds nothing to do).
    pub(super) fn stop(&mut self) {
        if let Some(listener) = self.on_hash.take() {
            unlisten_hash(&listener);
        }
        self.pending.clear();
    }
}

/// A selection waiting for its history entry and its `select` event.
struct Pending {
    area: String,
    /// False once the reader (or the page) moved to another hash before the entry was made:
    /// pushing it then would put an entry after the one they went to and show the wrong hash.
    push: bool,
    /// The frame after this selection has started: it may be flushed.
    framed: bool,
}

/// `select` event, and `location.hash` kept in step when the host asked for deep links.
///
/// With deep links the history entry is made after the frame that shows the selection, not in
/// the input's task (issue 12): `history.pushState` took about 8 ms of a selection's 33 ms of
/// script, all of it before the reader saw anything. The `select` event goes with the entry, just
/// after it, so a listener still finds `location.hash` naming the area it is told of (as it did
/// when both were in the input's task), and its own work is off the frame's path too. Without
/// deep links nothing waits: `select` fires in the input's task, after the render.
pub(super) fn on_select(weak: Weak<RefCell<Inner>>) -> Callback<String> {
    Callback::from(move |area: String| {
        if let Some(rc) = weak.upgrade() {
            chose(&rc, area, true);
        }
    })
}

/// The reader chose `area`: in the app (`draw`: the app's props follow), or on a held copy
/// (`glimpse.rs`, which has drawn it itself).
pub(super) fn chose(rc: &Rc<RefCell<Inner>>, area: String, draw: bool) {
    let rc = rc.clone();
    {
        let (host, deep_link) = {
            let mut inner = rc.borrow_mut();
            inner.selected = Some(area.clone());
            (inner.host.clone(), inner.config.options.deep_link)
        };
        // The app's `area` prop follows the selection, so that a later change back to the
        // previous `area` (a link to `#3A`, Back) is a change the app sees.
        if draw {
            render(&rc);
        }
        if deep_link {
            let ask = {
                let mut inner = rc.borrow_mut();
                let pending = &mut inner.deep_link.pending;
                // The first selection since the last frame asks for one; later ones share it.
                let ask = pending.iter().all(|p| p.framed);
                pending.push(Pending { area, push: true, framed: false });
                ask
            };
            if ask {
                after_next_frame(&rc);
            }
        } else {
            events::select(&host, &area);
        }
    }
}

/// Flushes the queued selections once the next frame has been produced: a frame callback
/// (which runs just before that frame's style, layout and paint) posts a background-priority
/// task (`scheduler.postTask`, else a zero timeout), which runs after the frame and after any
/// more urgent work. A tab hidden between the click and its frame runs the callback when it is
/// shown again, so the entry and the event wait until then. Without frame callbacks, nothing
/// waits.
fn after_next_frame(rc: &Rc<RefCell<Inner>>) {
    let weak = Rc::downgrade(rc);
    let on_frame = Closure::once_into_js(move || {
        let Some(rc) = weak.upgrade() else { return };
        // Only what was queued before this frame: a selection made after it (a click
        // between the frame and the task) waits for its own frame.
        for p in &mut rc.borrow_mut().deep_link.pending {
            p.framed = true;
        }
        let weak = Rc::downgrade(&rc);
        background_task(move || {
            if let Some(rc) = weak.upgrade() {
                flush_pending(&rc, false);
            }
        });
    });
    let asked = web_sys::window().is_some_and(|w| w.request_animation_frame(on_frame.unchecked_ref()).is_ok());
    if !asked {
        flush_pending(rc, true);
    }
}

/// Runs `f` in a task of background priority where the browser has `scheduler.postTask`, else
/// in a zero timeout (`slices::later`, whose one closure type it shares: less glue in the wasm).
fn background_task(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return f() };
    let Some(post) = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler"))
        .ok()
        .filter(|s| s.is_object())
        .and_then(|scheduler| Some((js_sys::Reflect::get(&scheduler, &JsValue::from_str("postTask")).ok()?.dyn_into::<js_sys::Function>().ok()?, scheduler)))
    else {
        return slices::later(f);
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("priority"), &JsValue::from_str("background"));
    let _ = post.0.call2(&post.1, &slices::task(f), &options);
}

/// Makes the queued selections' history entries and fires their `select` events, in the order
/// they were made: those whose frame has started, or all of them (`all`: no frame will come).
fn flush_pending(rc: &Rc<RefCell<Inner>>, all: bool) {
    loop {
        let (p, host, deep_link) = {
            let mut inner = rc.borrow_mut();
            // A `select` listener may have destroyed the widget (which emptied the queue) or
            // selected again: the loop reads the queue anew each time.
            let pending = &mut inner.deep_link.pending;
            if pending.first().is_none_or(|p| !(all || p.framed)) {
                return;
            }
            let p = pending.remove(0);
            (p, inner.host.clone(), inner.config.options.deep_link)
        };
        // One history entry per selection, as following a link to `#3A` would make, so Back
        // walks back through the areas read (popstate then selects each again). None when the
        // hash already names the area (clicking the area a link opened). pushState rather than
        // a hash assignment: no scroll jump to an element that happens to have that id.
        if deep_link && p.push && !config::hash_area().is_some_and(|h| h.eq_ignore_ascii_case(&p.area)) {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{}", p.area)));
            }
        }
        events::select(&host, &p.area);
    }
}

/// Adds or removes the `window` listener that makes a changed `#3A` (a link, Back, Forward)
/// select that area, so it matches `deepLink` as it is now. Called by mount and update only,
/// so never for a destroyed widget.
pub(super) fn follow_hash_changes(rc: &Rc<RefCell<Inner>>) {
    let mut inner = rc.borrow_mut();
    let on = inner.config.options.deep_link;
    let listener = &mut inner.deep_link.on_hash;
    match (on, listener.is_some()) {
        (true, false) => {
            let weak = Rc::downgrade(rc);
            let new = Closure::<dyn FnMut()>::new(move || {
                if let Some(rc) = weak.upgrade() {
                    on_hash(&rc);
                }
            });
            if let Some(window) = web_sys::window() {
                for event in HASH_EVENTS {
                    let _ = window.add_event_listener_with_callback(event, new.as_ref().unchecked_ref());
                }
            }
            *listener = Some(new);
        }
        (false, true) => {
            if let Some(old) = listener.take() {
                unlisten_hash(&old);
            }
        }
        _ => {}
    }
}

/// A fragment link fires `hashchange`; Back and Forward between entries made by `pushState`
/// fire `popstate` (and `hashchange` too when the hash differs). Both, so every path is
/// covered; the second call finds the area already selected and does nothing.
const HASH_EVENTS: [&str; 2] = ["hashchange", "popstate"];

fn unlisten_hash(listener: &Closure<dyn FnMut()>) {
    if let Some(window) = web_sys::window() {
        for event in HASH_EVENTS {
            let _ = window.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
}

/// The hash names an area other than the one shown: select it. Other hashes (a skip link's
/// `#main`, none at all) leave the selection as it is. While the report loads over a static
/// copy this only records the selection: `hydrate.rs` shows it once the copy is adopted.
fn on_hash(rc: &Rc<RefCell<Inner>>) {
    // The reader went somewhere (a link, Back) before a queued selection's entry was made: the
    // hash is now theirs, and an entry pushed after it would name another area than the one
    // shown. Those selections still fire `select`, with no entry.
    for p in &mut rc.borrow_mut().deep_link.pending {
        p.push = false;
    }
    let Some(area) = config::hash_area() else { return };
    {
        let mut inner = rc.borrow_mut();
        // A fragment that names no area of the report (a skip link's `#main`) is the page's.
        if let LoadState::Ready(report) = &inner.state {
            if report.area(&area).is_none() {
                return;
            }
        }
        let shown = inner.selected.as_ref().or(inner.config.options.area.as_ref());
        if shown.is_some_and(|s| s.eq_ignore_ascii_case(&area)) {
            return;
        }
        inner.selected = Some(area);
    }
    render(rc);
}
