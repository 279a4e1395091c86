//! One widget's loads: starting one for the current source (`load.rs` gets the report in),
//! dropping any that a newer load or `destroy()` has overtaken, and showing the result and
//! firing `load` or `error`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use web_sys::AbortController;
use yew::Callback;

use super::config::Source;
use super::widget::{render, Inner, Life};
use super::{events, load};
use crate::components::slices;
use crate::load_state::{ErrorKind, LoadError, LoadState};
use crate::model::Report;

/// Starts loading the current source. Objects and inline JSON are decoded at once; a `src`
/// shows "loading" and is fetched in the background, through the loader's request when it made
/// one for the same URL (`early`; cancelled when the source turned out to be another).
pub(super) fn start_load(rc: &Rc<RefCell<Inner>>, early: Option<load::Prefetched>) {
    let (source, generation, timeout_ms, host) = {
        let mut inner = rc.borrow_mut();
        inner.generation = inner.generation.wrapping_add(1);
        if let Some(abort) = inner.abort.take() {
            abort.abort();
        }
        (
            inner.config.source.clone(),
            inner.generation,
            inner.config.timeout_ms,
            inner.host.clone(),
        )
    };
    let early = match (&source, early) {
        (Source::Src(_), early) => early,
        (_, Some(early)) => {
            early.abort.abort();
            None
        }
        (_, None) => None,
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
                Err(err) => {
                    if let Some(early) = early {
                        early.abort.abort();
                    }
                    return set_state(rc, LoadState::Failed(err));
                }
            };
            let early = early.and_then(|e| e.is_for(&url));
            let abort = match &early {
                Some(early) => Some(early.abort.clone()),
                None => AbortController::new().ok(),
            };
            rc.borrow_mut().abort = abort.clone();
            set_state(rc, LoadState::Loading);
            let weak = Rc::downgrade(rc);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match &abort {
                    Some(abort) => load::fetch_json(&url, abort, timeout_ms, early).await,
                    None => Err(LoadError::new(
                        ErrorKind::Fetch,
                        "this browser cannot cancel requests (no AbortController)".to_owned(),
                    )),
                };
                // Destroyed (then the widget is gone), or overtaken by a newer load: drop the
                // result unread.
                let Some(rc) = weak.upgrade() else { return };
                if rc.borrow().generation != generation {
                    return;
                }
                rc.borrow_mut().abort = None;
                let result =
                    result.and_then(|value| load::decode(value, &format!("from {url}"), true));
                set_state(&rc, loaded(result));
            });
        }
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
    let sliced = {
        let mut inner = rc.borrow_mut();
        inner.state = state.clone();
        let sliced = matches!(state, LoadState::Ready(_)) && slices::watcher(inner.id).is_some();
        inner.load_pending = sliced;
        sliced
    };
    render(rc);
    if sliced {
        return;
    }
    let host = {
        let inner = rc.borrow();
        // Moving the static copy into the shadow root moves focus with it, and a host listener
        // of that may have destroyed the widget.
        if let Life::Destroyed = inner.life {
            return;
        }
        inner.host.clone()
    };
    match &state {
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
