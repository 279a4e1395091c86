//! One widget's loads: starting one for the current source (`load.rs` gets the report in),
//! dropping any that a newer load or `destroy()` has overtaken, and showing the result and
//! firing `load` or `error`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::Callback;

use super::config::Source;
use super::shared::{self, Joined};
use super::widget::{render, Inner, Life};
use super::{events, hydrate, load};
use crate::components::slices;
use crate::load_state::{LoadError, LoadState};
use crate::model::Report;

/// Starts loading the current source. Objects and inline JSON are decoded at once; a `src`
/// shows "loading" and is fetched in the background, once for every widget that shows it
/// (`shared.rs`), through the loader's request when it made one for the same URL (`early`).
pub(super) fn start_load(rc: &Rc<RefCell<Inner>>, early: Option<load::Prefetched>) {
    let (source, generation, timeout_ms, host) = {
        let mut inner = rc.borrow_mut();
        inner.generation = inner.generation.wrapping_add(1);
        // Leaves the load in flight, if any (cancelled when no other widget waits for it).
        inner.load = None;
        (
            inner.config.source.clone(),
            inner.generation,
            inner.config.timeout_ms,
            inner.host.clone(),
        )
    };
    match source {
        Source::Object(value) => {
            // The element's `report` property and `mount()` both pass an object; the message
            // names the one the page used.
            let from = if host.local_name() == "grade-widget" {
                "set on the element's report property"
            } else {
                "passed to mount"
            };
            set_state(rc, loaded(load::decode(value, from, false)))
        }
        Source::Inline => {
            let result = load::inline_json(&host).and_then(|value| {
                load::decode(
                    value,
                    "in the page's <script type=\"application/json\">",
                    false,
                )
            });
            set_state(rc, loaded(result));
        }
        Source::Src(src) => {
            let url = match load::resolve(&src) {
                Ok(url) => url,
                Err(err) => return set_state(rc, LoadState::Failed(err)),
            };
            // The loader's request serves only the URL it asked for; one no load takes, the
            // loader cancels.
            let early = early.filter(|e| e.url == url);
            match shared::join(&url, Rc::downgrade(rc), generation, timeout_ms, early) {
                // A widget already shows this URL's report: the same one, read once.
                Joined::Ready(report) => set_state(rc, LoadState::Ready(report)),
                Joined::Waiting(ticket) => {
                    rc.borrow_mut().load = Some(ticket);
                    set_state(rc, LoadState::Loading);
                }
            }
        }
    }
}

/// Shows a shared load's result in the widget `weak`, if it still waits for it (not destroyed,
/// given another source, or timed out meanwhile).
pub(super) fn deliver(weak: &Weak<RefCell<Inner>>, generation: u32, state: &LoadState) {
    finish(weak, generation, || state.clone())
}

/// The widget's own timeout ran out while it waited: it alone fails, and leaves the load.
pub(super) fn timed_out(weak: &Weak<RefCell<Inner>>, generation: u32, err: LoadError) {
    finish(weak, generation, || LoadState::Failed(err));
}

/// Ends the widget's wait with `state`, if the widget is still there and still waits for the
/// load of this `generation` (its ticket is held): the load and the widget's timer both come
/// here, and the second to come does nothing.
fn finish(weak: &Weak<RefCell<Inner>>, generation: u32, state: impl FnOnce() -> LoadState) {
    let Some(rc) = weak.upgrade() else { return };
    let ticket = {
        let mut inner = rc.borrow_mut();
        if inner.generation != generation {
            return;
        }
        inner.load.take()
    };
    if ticket.is_some() {
        set_state(&rc, state());
    }
}

fn loaded(result: Result<Report, LoadError>) -> LoadState {
    match result {
        Ok(report) => LoadState::Ready(Rc::new(report)),
        Err(err) => LoadState::Failed(err),
    }
}

/// Stores the new state, re-renders, then fires `load` or `error`; a report drawn in slices
/// fires `load` once its last slice is drawn instead ([`on_drawn`]), so that `load` still means
/// "everything is drawn".
fn set_state(rc: &Rc<RefCell<Inner>>, state: LoadState) {
    let (sliced, hydrate, held) = {
        let mut inner = rc.borrow_mut();
        inner.state = state.clone();
        let ready = matches!(state, LoadState::Ready(_));
        let sliced = ready && slices::watcher(inner.id).is_some();
        inner.load_pending = sliced;
        (sliced, ready && matches!(inner.life, Life::Static { .. }), inner.held)
    };
    if hydrate && held && hydrate::current(&rc.borrow()) {
        // The copy already shows this very report: it is the widget's picture of it, so `load`
        // now, and Yew's hydration (one long task, issue 27) waits for the reader's approach
        // (`Widget::wake`) or for something else to show (`render`).
        show_done(rc, &state);
        return;
    }
    if hydrate {
        // Over a pre-rendered copy, Yew's hydration (and `load` after it) comes in a task of
        // its own, after the one that read the report: on the demo page that makes two tasks of
        // about 6 ms and 30 ms instead of one, 4x each on a slow phone (issue 27). Meanwhile the
        // copy shows the same report, and anything that renders the widget hydrates it at once.
        let (weak, generation) = (Rc::downgrade(rc), rc.borrow().generation);
        slices::later(move || {
            let Some(rc) = weak.upgrade() else { return };
            if rc.borrow().generation == generation {
                render(&rc);
                show_done(&rc, &state);
            }
        });
        return;
    }
    render(rc);
    if !sliced {
        show_done(rc, &state);
    }
}

/// Fires `load` or `error` for `state`, unless the widget was destroyed.
fn show_done(rc: &Rc<RefCell<Inner>>, state: &LoadState) {
    let host = {
        let inner = rc.borrow();
        // Moving the static copy into the shadow root moves focus with it, and a host listener
        // of that may have destroyed the widget.
        if let Life::Destroyed = inner.life {
            return;
        }
        inner.host.clone()
    };
    match state {
        LoadState::Ready(report) => events::load(&host, report),
        LoadState::Failed(err) => events::error(&host, err),
        LoadState::Loading => {}
    }
}

/// The "Try again" button. Deferred to a microtask so the reload does not start inside Yew's
/// own event dispatch.
pub(super) fn on_retry(weak: Weak<RefCell<Inner>>) -> Callback<()> {
    Callback::from(move |()| {
        let weak = weak.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(rc) = weak.upgrade() {
                start_load(&rc, None);
            }
        });
    })
}

/// Called by the app when a report drawn in slices is whole: fires the `load` that `set_state`
/// held back (once; not for a report that a newer load or `destroy()` has replaced).
pub(super) fn on_drawn(weak: Weak<RefCell<Inner>>) -> Callback<()> {
    Callback::from(move |()| {
        let Some(rc) = weak.upgrade() else { return };
        let (host, report) = {
            let mut inner = rc.borrow_mut();
            if !std::mem::take(&mut inner.load_pending) || matches!(inner.life, Life::Destroyed) {
                return;
            }
            let LoadState::Ready(report) = &inner.state else { return };
            (inner.host.clone(), report.clone())
        };
        events::load(&host, &report);
    })
}
