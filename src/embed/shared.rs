//! One fetch and one read per report URL, shared by every widget that shows it (issue 27): a
//! page of 43 badges of the same `report.json` fetches, parses and checks it once, not 43 times.
//!
//! A URL's entry is either a load in flight, which widgets join, or the report it gave, held
//! weakly: while any widget still shows it, a widget that starts later with the same `src` takes
//! it as it is; once none does, it is freed, and the next widget fetches the file again.
//! Failures are not kept, so "Try again" always asks the server anew.
//!
//! Each widget keeps its own timeout (counted, as before, from the loader's request when it made
//! one) and leaves the load when it is destroyed, given another source or timed out: its
//! [`Ticket`] is dropped. The request is cancelled when the last widget has left. The result
//! reaches the waiting widgets one per task, so that drawing 43 of them never makes one long task.
//!
//! A load and a widget's timer meet again only through the widget's `load` field and its
//! generation (`loading::finish`): whichever comes second finds the widget no longer waiting.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::UnwrapThrowExt;
use web_sys::AbortController;

use super::load::{self, Prefetched};
use super::loading::{deliver, timed_out};
use super::widget::Inner;
use crate::components::slices;
use crate::load_state::{ErrorKind, LoadError, LoadState};
use crate::model::Report;

/// A load: in flight, or done and holding its report weakly.
struct Flight {
    abort: AbortController,
    /// The widgets waiting for it, each with the generation of its load then.
    waiting: RefCell<Vec<(Weak<RefCell<Inner>>, u32)>>,
    /// The tickets alive: the widgets that have not left, or not yet been given the result.
    tickets: Cell<u32>,
    /// The report, once read: alive while a widget shows it.
    report: RefCell<Weak<Report>>,
}

thread_local! {
    static LOADS: RefCell<Vec<(String, Rc<Flight>)>> = const { RefCell::new(Vec::new()) };
}

/// A widget's place in a shared load, kept by the widget while it waits. Dropping it leaves
/// the load; the last one out cancels the request.
pub(super) struct Ticket(Rc<Flight>);

impl Drop for Ticket {
    fn drop(&mut self) {
        let left = self.0.tickets.get() - 1;
        self.0.tickets.set(left);
        if left == 0 {
            // Cancels the request (nothing, once it is done); the next `join` forgets the load
            // unless it holds a report still shown.
            self.0.abort.abort();
        }
    }
}

/// What a widget starting to load `url` gets: the report a widget already shows, or a ticket
/// for the load in flight (joined, or started with the loader's request `early`).
pub(super) enum Joined {
    Ready(Rc<Report>),
    Waiting(Ticket),
}

/// Joins the load of `url` for the widget `weak` (its load's `generation`), or starts it.
/// The widget's own timer (`timeout_ms`) starts here; with `early`, counted from its start.
pub(super) fn join(url: &str, weak: Weak<RefCell<Inner>>, generation: u32, timeout_ms: u32, early: Option<Prefetched>) -> Joined {
    let started = early.as_ref().map(|e| e.started);
    let found = LOADS.with(|loads| {
        let mut loads = loads.borrow_mut();
        // Drops loads that every widget has left (being cancelled) and reports that no widget
        // shows any more (freed).
        loads.retain(|(_, f)| f.tickets.get() > 0 || f.report.borrow().strong_count() > 0);
        loads.iter().find(|(u, _)| u == url).map(|(_, f)| f.clone())
    });
    let flight = match found {
        Some(flight) => {
            if let Some(report) = flight.report.borrow().upgrade() {
                return Joined::Ready(report);
            }
            flight
        }
        None => start(url, early),
    };
    flight.tickets.set(flight.tickets.get() + 1);
    flight.waiting.borrow_mut().push((weak.clone(), generation));
    // The widget's own timeout: it alone fails, and leaves the load. Not cleared when the load
    // ends first: it then finds the widget no longer waiting for this load, and does nothing.
    let url = url.to_owned();
    let spent = started.map_or(0.0, |s| (js_sys::Date::now() - s).max(0.0));
    slices::after((f64::from(timeout_ms) - spent).clamp(0.0, f64::from(i32::MAX)) as i32, move || {
        let secs = timeout_ms.div_ceil(1000);
        let unit = if secs == 1 { "second" } else { "seconds" };
        timed_out(&weak, generation, LoadError::new(ErrorKind::Timeout, format!("could not fetch the report from {url}: no complete answer within {secs} {unit}")));
    });
    Joined::Waiting(Ticket(flight))
}

/// Starts the request for `url` (the loader's, when it made one that no load has taken yet)
/// and its read, in a task of its own.
fn start(url: &str, early: Option<Prefetched>) -> Rc<Flight> {
    let (abort, response) = match early.and_then(Prefetched::take) {
        Some(early) => (early.abort, Some(early.response)),
        // Every browser that runs this wasm (reference types: Chrome 96, Firefox 79, Safari 15)
        // has AbortController, so this never throws.
        None => (AbortController::new().ok().unwrap_throw(), None),
    };
    let flight = Rc::new(Flight {
        abort,
        waiting: RefCell::new(Vec::new()),
        tickets: Cell::new(0),
        report: RefCell::new(Weak::new()),
    });
    LOADS.with(|loads| loads.borrow_mut().push((url.to_owned(), flight.clone())));
    let (url, this) = (url.to_owned(), flight.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let flight = this;
        let from = format!("from {url}");
        let result = load::fetch_json(&url, &from, &flight.abort, response)
            .await
            .and_then(|value| load::decode(value, &from, true))
            .map(Rc::new);
        // The report is kept, weakly; a failure is forgotten at once.
        let state = Rc::new(match result {
            Ok(report) => {
                *flight.report.borrow_mut() = Rc::downgrade(&report);
                LoadState::Ready(report)
            }
            Err(err) => {
                LOADS.with(|loads| loads.borrow_mut().retain(|(_, f)| !Rc::ptr_eq(f, &flight)));
                LoadState::Failed(err)
            }
        });
        // The first widget at once, as when each widget loaded alone; every other one in a task
        // of its own, in page order: drawing 43 badges is 43 short tasks, not one long one.
        for (i, (weak, generation)) in flight.waiting.take().into_iter().enumerate() {
            if i == 0 {
                deliver(&weak, generation, &state);
            } else {
                let state = state.clone();
                slices::later(move || deliver(&weak, generation, &state));
            }
        }
    });
    flight
}
