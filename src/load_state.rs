//! What the widget is showing while it loads, once it has a report, or after a failure, and why
//! a load failed: the state the embedding (src/embed) hands the components as props.

use std::rc::Rc;

use crate::model::Report;

/// What the widget is showing. Modelled as one enum, not booleans.
#[derive(Clone)]
pub enum LoadState {
    /// Waiting for `src` to arrive (or for the element to come near the viewport).
    Loading,
    /// A valid report.
    Ready(Rc<Report>),
    /// Loading failed; `problems` lists every problem found, each with its place.
    Failed(LoadError),
}

/// The report by identity, not contents (issue 12): `Rc<Report>`'s own `==` compares the whole
/// report, every findings string included, and Yew compares the app's props on every update
/// (each selection, each hash change), so that walked all the report's text each time. One
/// report is decoded per load, so the same report is always the same `Rc`.
impl PartialEq for LoadState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LoadState::Loading, LoadState::Loading) => true,
            (LoadState::Ready(a), LoadState::Ready(b)) => Rc::ptr_eq(a, b),
            (LoadState::Failed(a), LoadState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Why loading failed, shown inside the widget and sent as the `error` event's detail.
#[derive(Clone, PartialEq, Debug)]
pub struct LoadError {
    /// What kind of failure: the event's `detail.type`, and whether "Try again" is offered.
    pub kind: ErrorKind,
    /// One sentence for the whole failure, e.g. "the report could not be fetched (HTTP 404)".
    pub message: String,
    /// Every individual problem as (path, message); empty when there is only the one message.
    pub problems: Vec<(String, String)>,
}

impl LoadError {
    /// A failure with no per-field problems.
    pub fn new(kind: ErrorKind, message: String) -> LoadError {
        LoadError { kind, message, problems: Vec::new() }
    }

    /// Whether a retry button makes sense (network faults yes, a bad file in the page no).
    pub fn retryable(&self) -> bool {
        self.kind.retryable()
    }
}

/// The kinds of failure, as docs/element.md lists them (`detail.type` of `error`). A report
/// that is too large, not JSON or not a valid report may be fixed on the server, so trying
/// again helps when it was fetched from `src` and not when the page itself holds it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ErrorKind {
    /// `src` is not a valid URL, or not http(s).
    Src,
    /// The request failed: server unreachable, connection refused, blocked by CSP, body broke off.
    Fetch,
    /// The server answered without letting this page read the answer.
    Cors,
    /// The server answered with an error status.
    Http,
    /// No complete answer within the timeout.
    Timeout,
    /// Over the size limit.
    Size { fetched: bool },
    /// Not valid JSON.
    Json { fetched: bool },
    /// Valid JSON but not a valid report; the problems say where.
    Schema { fetched: bool },
    /// No `report`, no `src` and no inline JSON.
    Source,
    /// An internal error (the panic hook).
    Panic,
}

impl ErrorKind {
    /// The `error` event's `detail.type` and the error box's `data-kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Src => "src",
            ErrorKind::Fetch => "fetch",
            ErrorKind::Cors => "cors",
            ErrorKind::Http => "http",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Size { .. } => "size",
            ErrorKind::Json { .. } => "json",
            ErrorKind::Schema { .. } => "schema",
            ErrorKind::Source => "source",
            ErrorKind::Panic => "panic",
        }
    }

    /// Whether trying again can help: network faults yes; a bad report only when it came from
    /// `src` (the file on the server may be fixed); a bad `src`, a missing source or a bug no.
    pub fn retryable(self) -> bool {
        match self {
            ErrorKind::Fetch | ErrorKind::Cors | ErrorKind::Http | ErrorKind::Timeout => true,
            ErrorKind::Size { fetched } | ErrorKind::Json { fetched } | ErrorKind::Schema { fetched } => fetched,
            ErrorKind::Src | ErrorKind::Source | ErrorKind::Panic => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind::{self, *};

    /// The names are the `error` event's `detail.type` (docs/element.md): they must not change.
    #[test]
    fn every_kind_keeps_its_name_and_offers_retry_as_documented() {
        let table: [(ErrorKind, &str, bool); 13] = [
            (Src, "src", false),
            (Fetch, "fetch", true),
            (Cors, "cors", true),
            (Http, "http", true),
            (Timeout, "timeout", true),
            (Size { fetched: true }, "size", true),
            (Size { fetched: false }, "size", false),
            (Json { fetched: true }, "json", true),
            (Json { fetched: false }, "json", false),
            (Schema { fetched: true }, "schema", true),
            (Schema { fetched: false }, "schema", false),
            (Source, "source", false),
            (Panic, "panic", false),
        ];
        for (kind, name, retry) in table {
            assert_eq!((kind.as_str(), kind.retryable()), (name, retry), "{kind:?}");
        }
    }
}
