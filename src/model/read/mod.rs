//! The report reader: one serde deserializer adapter, generic over the inner deserializer, that
//! both the CLI (serde_json over text) and the widget (`embed::js_value::JsDe` over a JS value) read
//! reports through, so they give the same path and the same typed problem for the same mistake by
//! construction.
//!
//! Why an adapter of our own rather than serde_path_to_error + serde_ignored, which did this
//! before: those keep the inner deserializer's error type, so a mistake arrives as serde's message
//! string and has to be parsed back into structure (which one wording change in serde or
//! serde-wasm-bindgen would break). Here the derived visitors see our own error type
//! ([`DeError`](error::DeError)): `invalid_type`, `invalid_value`, `invalid_length`,
//! `missing_field`, `duplicate_field` and `custom` build typed kinds directly, and what the format
//! wanted comes from which `deserialize_*` method the type called. One adapter also does the work
//! of two crates (path, unknown fields), and gives the wasm one set of wrappers instead of two.
//!
//! How it works: every value is read through [`Tracked`](tracked::Tracked), which asks the inner
//! deserializer for `deserialize_any` (or `deserialize_option`) with one visitor of ours
//! ([`Values`](inner::Values)). The path is kept in shared [`Track`](track::Track) state as reading
//! enters maps and sequences, unknown fields are noted (serde skips them with
//! `deserialize_ignored_any`), and the real visitor is handed our error type. When a typed problem
//! has to cross the inner deserializer (whose error type it cannot be), it is placed in the shared
//! state and a stand-in error of the inner type travels instead; an error of the inner deserializer
//! itself (JSON syntax) is kept in a typed slot on the stack and returned as it was, so
//! serde_json's line and column survive.
//!
//! Why it is type-erased: the two sides meet only through trait objects
//! ([`Source`](erased::Source), [`SeqSource`](erased::SeqSource), [`MapSource`](erased::MapSource)
//! for the inner deserializer; [`Sink`](erased::Sink), [`Seed`](erased::Seed),
//! [`KeySeed`](erased::KeySeed) for the real visitors and seeds) and one value enum
//! ([`Seen`](erased::Seen)). So the code that talks to the inner deserializer exists once per inner
//! type (for the widget: `JsDe`'s), the code that talks to the real visitors once per
//! visitor type, and the derived readers are instantiated once, against
//! [`Tracked`](tracked::Tracked). A generic adapter instead instantiated the inner deserializer's
//! `deserialize_any` and the wrappers once per visitor type: about 80 instances and 35 KB more raw
//! wasm (docs/PERFORMANCE.md, "The serde path"). Each real visitor is erased for the one kind of
//! value its `deserialize_*` method asks for ([`Erased`](sink::Erased)), so only its methods for
//! that kind are ever called and generated; the other kinds are refused in
//! [`deliver`](erased::deliver), once.
//!
//! Reading everything through `deserialize_any` also makes the two inputs agree where they differ:
//! whole numbers are whole numbers whether serde_json read `3` or the browser holds the double `3`
//! (a JS value cannot tell `3.0` from `3`, so neither does the CLI, as in JSON Schema), an object
//! must be an object (serde's derived readers would also take an array of its field values; the
//! schema never did), and an object is read from all of its keys (a deserializer's own
//! `deserialize_struct` may read only the names a struct declares, as serde-wasm-bindgen's did,
//! which would hide misspellings).
//! Grade and direction ids are read here as plain strings: which ids exist depends on the
//! report's scale, which may come after its areas, so they are checked once the whole report is
//! read (src/model/resolve.rs), every unknown one reported at once.
//!
//! The files, one job each:
//!
//! - `track.rs`: the state one read shares (path, noted problems, the stopping problem);
//! - `error.rs`: the error type the derived visitors see, and what the format wanted;
//! - `erased.rs`: the value enum and the traits where the two sides meet, and `deliver`;
//! - `tracked.rs`: the deserializers the derived types see, and their sequence and map access;
//! - `sink.rs`: the real visitors erased, one sink per kind of value;
//! - `inner.rs`: the inner deserializer's side, and the visitors handed to it.

mod erased;
mod error;
mod inner;
mod sink;
mod track;
mod tracked;

use std::cell::Cell;

use serde::de::{self, Deserializer};

use super::problem::{ReportPath, ReportProblem};
use error::Want;
use inner::Inner;
use track::Track;
use tracked::Tracked;

/// What reading gave: the value, or the one problem it stopped at (or the inner deserializer's
/// own error), plus the problems noted on the way (unknown fields, unknown words).
pub struct Outcome<T, E> {
    pub result: Result<T, Stop<E>>,
    pub noted: Vec<ReportProblem>,
    /// Noted problems past [`MAX_PROBLEMS`](crate::model::validate::MAX_PROBLEMS), counted, not kept.
    pub dropped: usize,
}

/// Why reading stopped.
pub enum Stop<E> {
    /// A typed problem (wrong type, missing field, …).
    Problem(ReportProblem),
    /// The inner deserializer's own error (for serde_json: malformed text), and where.
    Input(E, ReportPath),
}

/// Reads a `T` from `d` through the adapter.
pub fn read<'de, T: de::Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Outcome<T, D::Error> {
    let track = Track::default();
    let slot = Cell::new(None);
    let result = T::deserialize(Tracked { src: &mut Inner { d: Some(d), slot: &slot }, track: &track });
    let result = match result {
        Ok(value) => Ok(value),
        Err(e) => Err(match (track.failure.take(), slot.take()) {
            (Some(problem), _) => Stop::Problem(problem),
            (None, Some(inner)) => Stop::Input(inner, track.inner_at.take().unwrap_or_default()),
            // A problem raised before anything was read (no wrapper placed it).
            (None, None) => Stop::Problem(ReportProblem::new(track.path(), e.kind(Want::Any))),
        }),
    };
    Outcome { result, noted: track.noted.into_inner(), dropped: track.dropped.get() }
}
