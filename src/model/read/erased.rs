//! Where the two sides meet, erased of their types: the value enum ([`Seen`]), the traits for
//! the inner deserializer ([`Source`], [`SeqSource`], [`MapSource`]) and for the real visitors
//! and seeds ([`Sink`], [`Seed`], [`KeySeed`]), and [`deliver`], which hands a value over or
//! refuses it.

use std::fmt;

use super::error::{DeError, Raised, Want};
use super::track::Track;
use super::tracked::{KeyName, Tracked};
use crate::model::problem::Found;

/// Which value kinds a `deserialize_*` method takes, so that the real visitor is only ever
/// shown those (see [`Erased`](super::sink::Erased)); the others are refused here, once, with
/// the typed problem the real visitor would raise.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Accept {
    /// Everything, as the inner deserializer shows it (whole doubles as integers).
    Any,
    Object,
    Array,
    Text,
    /// Integers, and doubles that are whole numbers in the `i64`/`u64` range.
    Integer,
    /// `deserialize_option`: none (or unit) and some.
    Nullable,
}

/// What the inner deserializer showed, erased of its types: the one currency between the
/// inner deserializer (code per inner type) and the real visitors (code per visitor type).
pub(super) enum Seen<'a, 'de> {
    Bool(bool),
    I64(i64),
    U64(u64),
    F64(f64),
    Str(&'a str),
    Borrowed(&'de str),
    String(String),
    Bytes(&'a [u8]),
    Unit,
    None,
    Some(&'a mut dyn Source<'de>),
    Newtype(&'a mut dyn Source<'de>),
    Seq(&'a mut dyn SeqSource<'de>),
    Map(&'a mut dyn MapSource<'de>),
}

impl Seen<'_, '_> {
    /// What a refusal says was found instead.
    fn found(&self) -> Found {
        match self {
            Seen::Bool(_) => Found::Boolean,
            Seen::I64(_) | Seen::U64(_) => Found::Integer,
            Seen::F64(_) => Found::Decimal,
            Seen::Str(_) | Seen::Borrowed(_) | Seen::String(_) => Found::String,
            Seen::Bytes(_) => Found::Other,
            Seen::Unit | Seen::None => Found::Null,
            Seen::Some(_) | Seen::Newtype(_) => Found::Other,
            Seen::Seq(_) => Found::Array,
            Seen::Map(_) => Found::Object,
        }
    }
}

/// -2^63 and 2^64: the whole numbers from the first up to (not including) the second are the
/// ones serde_json reads from text as integers. Both are exact as `f64`.
const I64_MIN: f64 = -9_223_372_036_854_775_808.0;
const U64_END: f64 = 18_446_744_073_709_551_616.0;

/// A whole number held as a double (every JS number; `3.0` or `1e3` in JSON text) is read as
/// the integer it is, so the CLI and the widget agree.
fn whole<'a, 'de>(v: f64) -> Option<Seen<'a, 'de>> {
    if v.fract() == 0.0 && (I64_MIN..0.0).contains(&v) {
        Some(Seen::I64(v as i64))
    } else if v.fract() == 0.0 && (0.0..U64_END).contains(&v) {
        Some(Seen::U64(v as u64))
    } else {
        None
    }
}

/// Hands what the inner deserializer showed to the sink if `accept` takes it; refuses it
/// otherwise, placing a wrong-type problem at the current path. Not generic: its code exists
/// once.
pub(super) fn deliver<'de>(
    sink: &mut dyn Sink<'de>,
    track: &Track,
    accept: Accept,
    want: Want,
    seen: Seen<'_, 'de>,
) -> Result<(), DeError> {
    let seen = match (accept, seen) {
        (Accept::Any | Accept::Integer, Seen::F64(v)) if whole(v).is_some() => whole(v).unwrap_or(Seen::Unit),
        (Accept::Any, seen) => seen,
        (Accept::Object, seen @ Seen::Map(_)) => seen,
        (Accept::Array, seen @ Seen::Seq(_)) => seen,
        (Accept::Text, seen @ (Seen::Str(_) | Seen::Borrowed(_) | Seen::String(_))) => seen,
        (Accept::Text, Seen::F64(v)) if v.fract() == 0.0 => return refuse(track, want, Found::Integer),
        (Accept::Integer, seen @ (Seen::I64(_) | Seen::U64(_))) => seen,
        (Accept::Nullable, seen @ (Seen::None | Seen::Some(_))) => seen,
        (Accept::Nullable, Seen::Unit) => Seen::None,
        (_, seen) => return refuse(track, want, seen.found()),
    };
    sink.take(seen, track)
}

fn refuse(track: &Track, want: Want, found: Found) -> Result<(), DeError> {
    track.place(Raised::WrongType(found), want);
    Err(DeError::Placed)
}

/// One value of the inner deserializer, erased of its type: implemented once per inner
/// deserializer type ([`Inner`](super::inner::Inner)), not per visitor.
pub(super) trait Source<'de> {
    /// Reads the value (`deserialize_option` for [`Accept::Nullable`], else `deserialize_any`)
    /// and hands what it holds to `sink`.
    fn value(&mut self, sink: &mut dyn Sink<'de>, accept: Accept, want: Want, track: &Track) -> Result<(), DeError>;
    /// Reads a map key (`deserialize_identifier` or `deserialize_any`) as a string.
    fn key(&mut self, sink: &mut dyn Sink<'de>, identifier: bool, track: &Track) -> Result<(), DeError>;
    /// Skips the value (an unknown field).
    fn ignore(&mut self, track: &Track) -> Result<(), DeError>;
}

/// The elements of an inner sequence, erased.
pub(super) trait SeqSource<'de> {
    fn next(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<bool, DeError>;
    fn size_hint(&self) -> Option<usize>;
}

/// The entries of an inner map, erased.
pub(super) trait MapSource<'de> {
    fn next_key(&mut self, seed: &mut dyn KeySeed<'de>, track: &Track) -> Result<bool, DeError>;
    fn next_value(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<(), DeError>;
    fn size_hint(&self) -> Option<usize>;
}

/// A real visitor, erased: what it is expecting (for the inner deserializer's own messages),
/// and the value handed to it.
pub(super) trait Sink<'de> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn take(&mut self, seen: Seen<'_, 'de>, track: &Track) -> Result<(), DeError>;
}

/// A real seed (an element's or a field value's type), erased.
pub(super) trait Seed<'de> {
    fn read(&mut self, d: Tracked<'_, 'de>) -> Result<(), DeError>;
}

/// A real key seed (a struct's field names), erased.
pub(super) trait KeySeed<'de> {
    fn read(&mut self, d: KeyName<'_, 'de>) -> Result<(), DeError>;
}
