//! The report reader: one serde deserializer adapter, generic over the inner deserializer, that
//! both the CLI (serde_json over text) and the widget (serde-wasm-bindgen over a JS value) read
//! reports through, so they give the same path and the same typed problem for the same mistake
//! by construction.
//!
//! Why an adapter of our own rather than serde_path_to_error + serde_ignored, which did this
//! before: those keep the inner deserializer's error type, so a mistake arrives as serde's
//! message string and has to be parsed back into structure (which one wording change in serde
//! or serde-wasm-bindgen would break). Here the derived visitors see our own error type
//! ([`DeError`]): `invalid_type`, `invalid_value`, `invalid_length`, `missing_field`,
//! `duplicate_field` and `custom` build typed kinds directly, and what the format wanted comes
//! from which `deserialize_*` method the type called. One adapter also does the work of two
//! crates (path, unknown fields), and gives the wasm one set of wrappers instead of two.
//!
//! How it works: every value is read through [`Tracked`], which asks the inner deserializer for
//! `deserialize_any` (or `deserialize_option`) with one visitor of ours ([`Values`]). The path
//! is kept in shared [`Track`] state as reading enters maps and sequences, unknown fields are
//! noted (serde skips them with `deserialize_ignored_any`), and the real visitor is handed our
//! error type. When a typed problem has to cross the inner deserializer (whose error type it
//! cannot be), it is placed in the shared state and a stand-in error of the inner type travels
//! instead; an error of the inner deserializer itself (JSON syntax) is kept in a typed slot on
//! the stack and returned as it was, so serde_json's line and column survive.
//!
//! Why it is type-erased: the two sides meet only through trait objects ([`Source`],
//! [`SeqSource`], [`MapSource`] for the inner deserializer; [`Sink`], [`Seed`], [`KeySeed`]
//! for the real visitors and seeds) and one value enum ([`Seen`]). So the code that talks to
//! the inner deserializer exists once per inner type (for the widget: serde-wasm-bindgen's),
//! the code that talks to the real visitors once per visitor type, and the derived readers
//! are instantiated once, against [`Tracked`]. A generic adapter instead instantiated the
//! inner deserializer's `deserialize_any` and the wrappers once per visitor type: about 80
//! instances and 35 KB more raw wasm (docs/PERFORMANCE.md, "The serde path"). Each real visitor is
//! erased for the one kind of value its `deserialize_*` method asks for ([`Erased`]), so only
//! its methods for that kind are ever called and generated; the other kinds are refused in
//! [`deliver`], once.
//!
//! Reading everything through `deserialize_any` also makes the two inputs agree where they
//! differ: whole numbers are whole numbers whether serde_json read `3` or the browser holds the
//! double `3` (a JS value cannot tell `3.0` from `3`, so neither does the CLI, as in JSON
//! Schema), an object must be an object (serde's derived readers would also take an array of
//! its field values; the schema never did), and an object is read from all of its keys (serde-wasm-bindgen's own
//! `deserialize_struct` reads only the names a struct declares, which would hide misspellings).
//! Grade and direction words are read leniently here: an unknown word is noted as a problem and
//! read as null, so every one is reported at once and a report that reads without problems
//! holds only real grades.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};

use super::problem::{Expected, Found, ReportPath, ReportProblem, ReportProblemKind as Kind, Step};
use super::report::{DIRECTION_WORD, GRADE_WORD};
use super::{Direction, Grade};
use super::validate::MAX_PROBLEMS;

/// What reading gave: the value, or the one problem it stopped at (or the inner deserializer's
/// own error), plus the problems noted on the way (unknown fields, unknown words).
pub struct Outcome<T, E> {
    pub result: Result<T, Stop<E>>,
    pub noted: Vec<ReportProblem>,
    /// Noted problems past [`MAX_PROBLEMS`], counted, not kept.
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

/// The state shared by every wrapper of one read. Not generic, so its code exists once.
#[derive(Default)]
struct Track {
    path: RefCell<Vec<Step>>,
    /// The key just read by a map, until its value is read.
    key: RefCell<Option<String>>,
    noted: RefCell<Vec<ReportProblem>>,
    dropped: Cell<usize>,
    /// The typed problem that stopped reading, once placed.
    failure: Cell<Option<ReportProblem>>,
    /// Where the inner deserializer's own error happened.
    inner_at: Cell<Option<ReportPath>>,
}

impl Track {
    fn path(&self) -> ReportPath {
        ReportPath(self.path.borrow().clone())
    }

    /// Enters an array element (its index) or an object field (the key just read). Out of
    /// line, so that the code reading each element or field type only calls it.
    #[inline(never)]
    fn enter(&self, index: Option<usize>) {
        let step = match index {
            Some(index) => Step::Index(index),
            None => Step::Key(self.key.take().map_or(Cow::Borrowed("?"), Cow::Owned)),
        };
        self.path.borrow_mut().push(step);
    }

    #[inline(never)]
    fn leave(&self) {
        self.path.borrow_mut().pop();
    }

    fn failed(&self) -> bool {
        let failure = self.failure.take();
        let failed = failure.is_some();
        self.failure.set(failure);
        failed
    }

    fn note(&self, problem: ReportProblem) {
        let mut noted = self.noted.borrow_mut();
        if noted.len() >= MAX_PROBLEMS {
            self.dropped.set(self.dropped.get() + 1);
        } else {
            noted.push(problem);
        }
    }

    /// Places a typed problem raised by a visitor reading the value at the current path.
    fn place(&self, raised: Raised, want: Want) {
        if self.failed() {
            return;
        }
        let mut path = self.path();
        let kind = match raised {
            Raised::Missing(field) | Raised::Duplicate(field) => {
                path.0.push(Step::Key(Cow::Borrowed(field)));
                if matches!(raised, Raised::Missing(_)) {
                    Kind::MissingField
                } else {
                    Kind::DuplicateField
                }
            }
            other => other.kind(want),
        };
        self.failure.set(Some(ReportProblem::new(path, kind)));
    }

    /// Turns an error of the inner deserializer into ours: a stand-in for a problem already
    /// placed, or the inner error itself, kept in `slot` for the frame that owns that type.
    fn lower<E>(&self, e: E, slot: &Cell<Option<E>>) -> DeError {
        if self.failed() {
            DeError::Placed
        } else {
            if slot.replace(Some(e)).is_none() {
                self.inner_at.set(Some(self.path()));
            }
            DeError::Inner
        }
    }

    /// Turns our error into the inner deserializer's type on the way out of a wrapper.
    fn raise<E: de::Error>(&self, e: DeError, want: Want, slot: &Cell<Option<E>>) -> E {
        match e {
            DeError::Raised(raised) => self.place(*raised, want),
            DeError::Inner => {
                if let Some(inner) = slot.take() {
                    return inner;
                }
            }
            DeError::Placed => {}
        }
        E::custom("the report does not have the expected shape")
    }
}

/// What the type being read asked for, from the `deserialize_*` method it called.
#[derive(Clone, Copy)]
enum Want {
    Any,
    Bool,
    Int { min: i128, max: i128 },
    Number,
    Str,
    Seq,
    Object,
}

impl Want {
    fn expected(self) -> Expected {
        match self {
            Want::Any => Expected::Value,
            Want::Bool => Expected::Boolean,
            Want::Int { .. } => Expected::Integer,
            Want::Number => Expected::Number,
            Want::Str => Expected::String,
            Want::Seq => Expected::Array,
            Want::Object => Expected::Object,
        }
    }
}

/// The error type the derived visitors see while reading through the adapter.
#[derive(Debug)]
pub enum DeError {
    /// Raised by a visitor; not yet placed at its path. Boxed: errors are rare, and a small
    /// error type keeps every `Result` the derived readers move around small (`Raised` holds an
    /// `i128`; unboxed, the copies cost 9.5 KB of wasm, 1.6 KB brotli).
    Raised(Box<Raised>),
    /// A typed problem already placed in the shared state.
    Placed,
    /// The inner deserializer's own error, kept in a typed slot.
    Inner,
}

/// A problem as a visitor raises it, before its path and expectation are known.
#[derive(Debug)]
pub enum Raised {
    WrongType(Found),
    /// `invalid_value`: a number out of range keeps the number.
    Value(Found, Option<i128>),
    /// `invalid_length`: an array of the wrong length where a fixed-length one belongs (the
    /// format has none; kept so that no serde error goes untyped).
    Length,
    Missing(&'static str),
    Duplicate(&'static str),
    Other(String),
}

impl Raised {
    fn kind(self, want: Want) -> Kind {
        let expected = want.expected();
        match (self, want) {
            (Raised::Value(_, Some(found)), Want::Int { min, max }) => Kind::OutOfRange { min, max, found },
            (Raised::WrongType(found), _) => Kind::WrongType { expected, found },
            (Raised::Value(found, _), _) => Kind::BadValue { expected, found },
            (Raised::Length, _) => Kind::WrongType { expected, found: Found::Array },
            (Raised::Missing(_), _) => Kind::MissingField,
            (Raised::Duplicate(_), _) => Kind::DuplicateField,
            (Raised::Other(message), _) => Kind::Other(message),
        }
    }
}

impl DeError {
    fn kind(self, want: Want) -> Kind {
        match self {
            DeError::Raised(raised) => (*raised).kind(want),
            _ => Kind::Other("the report could not be read".to_owned()),
        }
    }
}

fn found(u: &Unexpected) -> Found {
    match u {
        Unexpected::Bool(_) => Found::Boolean,
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => Found::Integer,
        Unexpected::Float(_) => Found::Decimal,
        Unexpected::Char(_) | Unexpected::Str(_) => Found::String,
        Unexpected::Unit | Unexpected::Option => Found::Null,
        Unexpected::Seq => Found::Array,
        Unexpected::Map | Unexpected::StructVariant => Found::Object,
        _ => Found::Other,
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the report does not have the expected shape")
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::Raised(Box::new(Raised::Other(msg.to_string())))
    }
    fn invalid_type(unexp: Unexpected, _: &dyn de::Expected) -> Self {
        DeError::Raised(Box::new(Raised::WrongType(found(&unexp))))
    }
    fn invalid_value(unexp: Unexpected, _: &dyn de::Expected) -> Self {
        let number = match unexp {
            Unexpected::Signed(n) => Some(i128::from(n)),
            Unexpected::Unsigned(n) => Some(i128::from(n)),
            _ => None,
        };
        DeError::Raised(Box::new(Raised::Value(found(&unexp), number)))
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        DeError::Raised(Box::new(Raised::Length))
    }
    fn missing_field(field: &'static str) -> Self {
        DeError::Raised(Box::new(Raised::Missing(field)))
    }
    fn duplicate_field(field: &'static str) -> Self {
        DeError::Raised(Box::new(Raised::Duplicate(field)))
    }
}

/// Which value kinds a `deserialize_*` method takes, so that the real visitor is only ever
/// shown those (see [`Erased`]); the others are refused here, once, with the typed problem the
/// real visitor would raise.
#[derive(Clone, Copy, PartialEq)]
enum Accept {
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
enum Seen<'a, 'de> {
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
fn deliver<'de>(
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
/// deserializer type ([`Inner`]), not per visitor.
trait Source<'de> {
    /// Reads the value (`deserialize_option` for [`Accept::Nullable`], else `deserialize_any`)
    /// and hands what it holds to `sink`.
    fn value(&mut self, sink: &mut dyn Sink<'de>, accept: Accept, want: Want, track: &Track) -> Result<(), DeError>;
    /// Reads a map key (`deserialize_identifier` or `deserialize_any`) as a string.
    fn key(&mut self, sink: &mut dyn Sink<'de>, identifier: bool, track: &Track) -> Result<(), DeError>;
    /// Skips the value (an unknown field).
    fn ignore(&mut self, track: &Track) -> Result<(), DeError>;
}

/// The elements of an inner sequence, erased.
trait SeqSource<'de> {
    fn next(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<bool, DeError>;
    fn size_hint(&self) -> Option<usize>;
}

/// The entries of an inner map, erased.
trait MapSource<'de> {
    fn next_key(&mut self, seed: &mut dyn KeySeed<'de>, track: &Track) -> Result<bool, DeError>;
    fn next_value(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<(), DeError>;
    fn size_hint(&self) -> Option<usize>;
}

/// A real visitor, erased: what it is expecting (for the inner deserializer's own messages),
/// and the value handed to it.
trait Sink<'de> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn take(&mut self, seen: Seen<'_, 'de>, track: &Track) -> Result<(), DeError>;
}

/// A real seed (an element's or a field value's type), erased.
trait Seed<'de> {
    fn read(&mut self, d: Tracked<'_, 'de>) -> Result<(), DeError>;
}

/// A real key seed (a struct's field names), erased.
trait KeySeed<'de> {
    fn read(&mut self, d: KeyName<'_, 'de>) -> Result<(), DeError>;
}

/// The deserializer the derived types see: one value, behind an erased [`Source`]. Not
/// generic, so the derived readers are instantiated once, whatever the inner deserializer.
struct Tracked<'a, 'de> {
    src: &'a mut dyn Source<'de>,
    track: &'a Track,
}

impl<'a, 'de> Tracked<'a, 'de> {
    /// Reads through the sink kind `K`, which hands the real visitor only what `K` accepts.
    fn read<V: Visitor<'de>, K: SinkKind>(self, want: Want, visitor: V) -> Result<V::Value, DeError>
    where
        Erased<'de, V, K>: Sink<'de>,
    {
        let mut sink = Erased::<V, K>::new(visitor);
        self.src.value(&mut sink, K::ACCEPT, want, self.track)?;
        sink.out.ok_or(DeError::Placed)
    }

    /// A grade or direction word: an unknown one is noted and read as null.
    fn word<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        let track = self.track;
        let word: Option<String> = de::Deserialize::deserialize(self)?;
        let Some(word) = word else { return visitor.visit_none() };
        let kind = if name == GRADE_WORD {
            Grade::from_word(&word).is_none().then(|| Kind::UnknownGrade {
                word: super::problem::Excerpt::new(&word),
                lowercase: Grade::parse(&word),
            })
        } else {
            Direction::from_word(&word).is_none().then(|| Kind::UnknownDirection {
                word: super::problem::Excerpt::new(&word),
                lowercase: Direction::parse(&word),
            })
        };
        match kind {
            None => visitor.visit_str(&word),
            Some(kind) => {
                track.note(ReportProblem::new(track.path(), kind));
                visitor.visit_none()
            }
        }
    }
}

macro_rules! reads {
    ($($method:ident => $kind:ident, $want:expr;)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            self.read::<V, $kind>($want, visitor)
        })*
    };
}

const fn int(min: i128, max: i128) -> Want {
    Want::Int { min, max }
}

impl<'a, 'de> Deserializer<'de> for Tracked<'a, 'de> {
    type Error = DeError;

    reads! {
        deserialize_any => AnyKind, Want::Any;
        deserialize_bool => AnyKind, Want::Bool;
        deserialize_f32 => AnyKind, Want::Number;
        deserialize_f64 => AnyKind, Want::Number;
        deserialize_char => AnyKind, Want::Str;
        deserialize_identifier => AnyKind, Want::Str;
        deserialize_bytes => AnyKind, Want::Any;
        deserialize_byte_buf => AnyKind, Want::Any;
        deserialize_unit => AnyKind, Want::Any;
        deserialize_map => AnyKind, Want::Object;
        deserialize_i8 => Integer, int(i8::MIN as i128, i8::MAX as i128);
        deserialize_i16 => Integer, int(i16::MIN as i128, i16::MAX as i128);
        deserialize_i32 => Integer, int(i32::MIN as i128, i32::MAX as i128);
        deserialize_i64 => Integer, int(i64::MIN as i128, i64::MAX as i128);
        deserialize_u8 => Integer, int(0, u8::MAX as i128);
        deserialize_u16 => Integer, int(0, u16::MAX as i128);
        deserialize_u32 => Integer, int(0, u32::MAX as i128);
        deserialize_u64 => Integer, int(0, u64::MAX as i128);
        deserialize_str => Text, Want::Str;
        deserialize_string => Text, Want::Str;
        deserialize_seq => Array, Want::Seq;
        deserialize_option => Nullable, Want::Any;
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Any, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if name == GRADE_WORD || name == DIRECTION_WORD {
            return self.word(name, visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Seq, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Seq, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.read::<V, Object>(Want::Object, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Any, visitor)
    }

    /// serde skips a field its type does not name with this: an unknown field. `$schema` at the
    /// top lets editors find the JSON Schema; it is allowed.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let track = self.track;
        let is_schema = matches!(track.path.borrow().as_slice(), [Step::Key(k)] if k == "$schema");
        if !is_schema {
            track.note(ReportProblem::new(track.path(), Kind::UnknownField));
        }
        self.src.ignore(track)?;
        visitor.visit_unit()
    }
}

/// A map key: read by the inner deserializer as it is (keys never fail in this format), and
/// kept as the next path step.
struct KeyName<'a, 'de> {
    src: &'a mut dyn Source<'de>,
    track: &'a Track,
}

impl<'a, 'de> KeyName<'a, 'de> {
    fn read<V: Visitor<'de>>(self, identifier: bool, visitor: V) -> Result<V::Value, DeError> {
        let mut sink = Erased::<V, Text>::new(visitor);
        self.src.key(&mut sink, identifier, self.track)?;
        sink.out.ok_or(DeError::Placed)
    }
}

impl<'a, 'de> Deserializer<'de> for KeyName<'a, 'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.read(false, visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.read(true, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum ignored_any
    }
}

/// The elements of an array, each read through [`Tracked`] at its index.
struct Elements<'a, 'de> {
    src: &'a mut dyn SeqSource<'de>,
    track: &'a Track,
    index: usize,
}

impl<'a, 'de> SeqAccess<'de> for Elements<'a, 'de> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, DeError> {
        let track = self.track;
        track.enter(Some(self.index));
        self.index += 1;
        let mut seed = SeedSlot::new(seed);
        let r = self.src.next(&mut seed, track);
        track.leave();
        match r? {
            true => seed.out.ok_or(DeError::Placed).map(Some),
            false => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.src.size_hint()
    }
}

/// The fields of an object, each value read through [`Tracked`] under its key.
struct Fields<'a, 'de> {
    src: &'a mut dyn MapSource<'de>,
    track: &'a Track,
}

impl<'a, 'de> MapAccess<'de> for Fields<'a, 'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let mut seed = SeedSlot::new(seed);
        match self.src.next_key(&mut seed, self.track)? {
            true => seed.out.ok_or(DeError::Placed).map(Some),
            false => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, DeError> {
        let track = self.track;
        track.enter(None);
        let mut seed = SeedSlot::new(seed);
        let r = self.src.next_value(&mut seed, track);
        track.leave();
        r?;
        seed.out.ok_or(DeError::Placed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.src.size_hint()
    }
}

/// A real seed and, once read, its value.
struct SeedSlot<'de, S: DeserializeSeed<'de>> {
    real: Option<S>,
    out: Option<S::Value>,
}

impl<'de, S: DeserializeSeed<'de>> SeedSlot<'de, S> {
    fn new(real: S) -> Self {
        SeedSlot { real: Some(real), out: None }
    }
}

impl<'de, S: DeserializeSeed<'de>> Seed<'de> for SeedSlot<'de, S> {
    fn read(&mut self, d: Tracked<'_, 'de>) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        put(&mut self.out, real.deserialize(d)?);
        Ok(())
    }
}

impl<'de, S: DeserializeSeed<'de>> KeySeed<'de> for SeedSlot<'de, S> {
    fn read(&mut self, d: KeyName<'_, 'de>) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        put(&mut self.out, real.deserialize(d)?);
        Ok(())
    }
}

/// A real visitor behind [`Sink`], for one kind of value (`K`: [`AnyKind`], [`Object`],
/// [`Array`], [`Text`], [`Integer`], [`Nullable`]). [`deliver`] hands it only the value kinds
/// that `K` accepts, so it calls only the real visitor's methods for those. The point is size:
/// the real visitors' methods for kinds they never take (a struct read from an array, a string
/// visitor shown a map) are never called, so their code is never generated. For the same
/// reason an object written as an array of its field values is refused (serde's derived
/// readers would accept it; the schema never did).
struct Erased<'de, V: Visitor<'de>, K> {
    real: Option<V>,
    out: Option<V::Value>,
    kind: PhantomData<K>,
}

impl<'de, V: Visitor<'de>, K> Erased<'de, V, K> {
    fn new(real: V) -> Self {
        Erased { real: Some(real), out: None, kind: PhantomData }
    }

    fn expect(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.real {
            Some(real) => real.expecting(f),
            None => Ok(()),
        }
    }
}

/// Stores a value read into its (always empty) slot. `replace` + `forget` rather than
/// assignment: assigning would drop the old value, and the drop code of every report type
/// would be generated for a value that is never there.
fn put<T>(slot: &mut Option<T>, value: T) {
    std::mem::forget(slot.replace(value));
}

trait SinkKind {
    const ACCEPT: Accept;
}

struct AnyKind;
struct Object;
struct Array;
struct Text;
struct Integer;
struct Nullable;

impl SinkKind for AnyKind {
    const ACCEPT: Accept = Accept::Any;
}
impl SinkKind for Object {
    const ACCEPT: Accept = Accept::Object;
}
impl SinkKind for Array {
    const ACCEPT: Accept = Accept::Array;
}
impl SinkKind for Text {
    const ACCEPT: Accept = Accept::Text;
}
impl SinkKind for Integer {
    const ACCEPT: Accept = Accept::Integer;
}
impl SinkKind for Nullable {
    const ACCEPT: Accept = Accept::Nullable;
}

impl<'de, V: Visitor<'de>> Sink<'de> for Erased<'de, V, AnyKind> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expect(f)
    }
    fn take(&mut self, seen: Seen<'_, 'de>, track: &Track) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        let value = match seen {
            Seen::Bool(v) => real.visit_bool(v),
            Seen::I64(v) => real.visit_i64(v),
            Seen::U64(v) => real.visit_u64(v),
            Seen::F64(v) => real.visit_f64(v),
            Seen::Str(v) => real.visit_str(v),
            Seen::Borrowed(v) => real.visit_borrowed_str(v),
            Seen::String(v) => real.visit_string(v),
            Seen::Bytes(v) => real.visit_bytes(v),
            Seen::Unit => real.visit_unit(),
            Seen::None => real.visit_none(),
            Seen::Some(src) => real.visit_some(Tracked { src, track }),
            Seen::Newtype(src) => real.visit_newtype_struct(Tracked { src, track }),
            Seen::Seq(src) => real.visit_seq(Elements { src, track, index: 0 }),
            Seen::Map(src) => real.visit_map(Fields { src, track }),
        }?;
        put(&mut self.out, value);
        Ok(())
    }
}

impl<'de, V: Visitor<'de>> Sink<'de> for Erased<'de, V, Object> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expect(f)
    }
    fn take(&mut self, seen: Seen<'_, 'de>, track: &Track) -> Result<(), DeError> {
        let (Some(real), Seen::Map(src)) = (self.real.take(), seen) else { return Err(DeError::Placed) };
        put(&mut self.out, real.visit_map(Fields { src, track })?);
        Ok(())
    }
}

impl<'de, V: Visitor<'de>> Sink<'de> for Erased<'de, V, Array> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expect(f)
    }
    fn take(&mut self, seen: Seen<'_, 'de>, track: &Track) -> Result<(), DeError> {
        let (Some(real), Seen::Seq(src)) = (self.real.take(), seen) else { return Err(DeError::Placed) };
        put(&mut self.out, real.visit_seq(Elements { src, track, index: 0 })?);
        Ok(())
    }
}

impl<'de, V: Visitor<'de>> Sink<'de> for Erased<'de, V, Text> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expect(f)
    }
    fn take(&mut self, seen: Seen<'_, 'de>, _: &Track) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        let value = match seen {
            Seen::Str(v) => real.visit_str(v),
            Seen::Borrowed(v) => real.visit_borrowed_str(v),
            Seen::String(v) => real.visit_string(v),
            _ => Err(DeError::Placed),
        }?;
        put(&mut self.out, value);
        Ok(())
    }
}

impl<'de, V: Visitor<'de>> Sink<'de> for Erased<'de, V, Integer> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expect(f)
    }
    fn take(&mut self, seen: Seen<'_, 'de>, _: &Track) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        let value = match seen {
            Seen::I64(v) => real.visit_i64(v),
            Seen::U64(v) => real.visit_u64(v),
            _ => Err(DeError::Placed),
        }?;
        put(&mut self.out, value);
        Ok(())
    }
}

/// `Option<T>`: `deserialize_option` shows only none (or unit) and some.
impl<'de, V: Visitor<'de>> Sink<'de> for Erased<'de, V, Nullable> {
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expect(f)
    }
    fn take(&mut self, seen: Seen<'_, 'de>, track: &Track) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        let value = match seen {
            Seen::None => real.visit_none(),
            Seen::Some(src) => real.visit_some(Tracked { src, track }),
            _ => Err(DeError::Placed),
        }?;
        put(&mut self.out, value);
        Ok(())
    }
}

/// One value of the inner deserializer `D`. Its errors are kept in `slot`, typed, owned by the
/// frame that hands them back to the inner deserializer (or to [`read`]).
struct Inner<'s, 'de, D: Deserializer<'de>> {
    d: Option<D>,
    slot: &'s Cell<Option<D::Error>>,
}

impl<'s, 'de, D: Deserializer<'de>> Source<'de> for Inner<'s, 'de, D> {
    fn value(&mut self, sink: &mut dyn Sink<'de>, accept: Accept, want: Want, track: &Track) -> Result<(), DeError> {
        let d = self.d.take().ok_or(DeError::Placed)?;
        let visitor = Values { sink, track, accept, want };
        let r = if accept == Accept::Nullable { d.deserialize_option(visitor) } else { d.deserialize_any(visitor) };
        r.map_err(|e| track.lower(e, self.slot))
    }

    fn key(&mut self, sink: &mut dyn Sink<'de>, identifier: bool, track: &Track) -> Result<(), DeError> {
        let d = self.d.take().ok_or(DeError::Placed)?;
        let visitor = Keys { sink, track };
        let r = if identifier { d.deserialize_identifier(visitor) } else { d.deserialize_any(visitor) };
        r.map_err(|e| track.lower(e, self.slot))
    }

    fn ignore(&mut self, track: &Track) -> Result<(), DeError> {
        let d = self.d.take().ok_or(DeError::Placed)?;
        d.deserialize_ignored_any(IgnoredAny).map(drop).map_err(|e| track.lower(e, self.slot))
    }
}

/// The elements of the inner sequence `A`.
struct InnerSeq<'s, 'de, A: SeqAccess<'de>> {
    inner: A,
    slot: &'s Cell<Option<A::Error>>,
    de: PhantomData<&'de ()>,
}

impl<'s, 'de, A: SeqAccess<'de>> SeqSource<'de> for InnerSeq<'s, 'de, A> {
    fn next(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<bool, DeError> {
        let r = self.inner.next_element_seed(ValueSeed { seed, track });
        r.map(|got| got.is_some()).map_err(|e| track.lower(e, self.slot))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The entries of the inner map `A`.
struct InnerMap<'s, 'de, A: MapAccess<'de>> {
    inner: A,
    slot: &'s Cell<Option<A::Error>>,
    de: PhantomData<&'de ()>,
}

impl<'s, 'de, A: MapAccess<'de>> MapSource<'de> for InnerMap<'s, 'de, A> {
    fn next_key(&mut self, seed: &mut dyn KeySeed<'de>, track: &Track) -> Result<bool, DeError> {
        let r = self.inner.next_key_seed(KeyValueSeed { seed, track });
        r.map(|got| got.is_some()).map_err(|e| track.lower(e, self.slot))
    }

    fn next_value(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<(), DeError> {
        self.inner.next_value_seed(ValueSeed { seed, track }).map_err(|e| track.lower(e, self.slot))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An erased seed handed to the inner deserializer: reads the value it is given through
/// [`Tracked`].
struct ValueSeed<'a, 'de> {
    seed: &'a mut dyn Seed<'de>,
    track: &'a Track,
}

impl<'a, 'de> DeserializeSeed<'de> for ValueSeed<'a, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let slot = Cell::new(None);
        let track = self.track;
        let r = self.seed.read(Tracked { src: &mut Inner { d: Some(d), slot: &slot }, track });
        r.map_err(|e| track.raise(e, Want::Any, &slot))
    }
}

/// The same for a map key, read through [`KeyName`].
struct KeyValueSeed<'a, 'de> {
    seed: &'a mut dyn KeySeed<'de>,
    track: &'a Track,
}

impl<'a, 'de> DeserializeSeed<'de> for KeyValueSeed<'a, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let slot = Cell::new(None);
        let track = self.track;
        let r = self.seed.read(KeyName { src: &mut Inner { d: Some(d), slot: &slot }, track });
        r.map_err(|e| track.raise(e, Want::Any, &slot))
    }
}

/// The visitor handed to the inner deserializer for a value: hands what it is shown to the
/// erased real visitor through [`deliver`], with the path kept as it enters maps and
/// sequences. Its error type `E` is the inner deserializer's.
struct Values<'a, 'de> {
    sink: &'a mut dyn Sink<'de>,
    track: &'a Track,
    accept: Accept,
    want: Want,
}

impl<'a, 'de> Values<'a, 'de> {
    fn give<E: de::Error>(self, seen: Seen<'_, 'de>) -> Result<(), E> {
        let Values { sink, track, accept, want } = self;
        deliver(sink, track, accept, want, seen).map_err(|e| track.raise(e, want, &Cell::new(None)))
    }

    /// `deserialize_option` shows only none and some: anything else is refused as serde's
    /// default visitor methods would, with the inner deserializer's own error.
    fn optional<E: de::Error>(&self, what: Unexpected) -> Result<(), E> {
        match self.accept {
            Accept::Nullable => Err(E::invalid_type(what, self)),
            _ => Ok(()),
        }
    }
}

impl<'a, 'de> Visitor<'de> for Values<'a, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.sink.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.optional(Unexpected::Bool(v))?;
        self.give(Seen::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.optional(Unexpected::Signed(v))?;
        self.give(Seen::I64(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.optional(Unexpected::Unsigned(v))?;
        self.give(Seen::U64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.optional(Unexpected::Float(v))?;
        self.give(Seen::F64(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.optional(Unexpected::Str(v))?;
        self.give(Seen::Str(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.optional(Unexpected::Str(v))?;
        self.give(Seen::Borrowed(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        self.optional(Unexpected::Str(&v))?;
        self.give(Seen::String(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.optional(Unexpected::Bytes(v))?;
        self.give(Seen::Bytes(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.give(Seen::Unit)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.give(Seen::None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if !matches!(self.accept, Accept::Any | Accept::Nullable) {
            return Err(de::Error::invalid_type(Unexpected::Option, &self));
        }
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Some(&mut Inner { d: Some(d), slot: &slot }));
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.accept != Accept::Any {
            return Err(de::Error::invalid_type(Unexpected::NewtypeStruct, &self));
        }
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Newtype(&mut Inner { d: Some(d), slot: &slot }));
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.optional(Unexpected::Seq)?;
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Seq(&mut InnerSeq { inner: seq, slot: &slot, de: PhantomData }));
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.optional(Unexpected::Map)?;
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Map(&mut InnerMap { inner: map, slot: &slot, de: PhantomData }));
        r.map_err(|e| track.raise(e, want, &slot))
    }
}

impl<'a, 'de> Values<'a, 'de> {
    /// [`deliver`] for a compound value, whose errors the caller raises with its own slot.
    fn give_compound(self, seen: Seen<'_, 'de>) -> Result<(), DeError> {
        deliver(self.sink, self.track, self.accept, self.want, seen)
    }
}

/// The visitor handed to the inner deserializer for a map key: keeps the key as the next path
/// step and hands it to the real visitor. Anything but a string is refused as serde's default
/// visitor methods would, with the inner deserializer's own error.
struct Keys<'a, 'de> {
    sink: &'a mut dyn Sink<'de>,
    track: &'a Track,
}

impl<'a, 'de> Keys<'a, 'de> {
    fn give<E: de::Error>(self, seen: Seen<'_, 'de>) -> Result<(), E> {
        let track = self.track;
        self.sink.take(seen, track).map_err(|e| track.raise(e, Want::Any, &Cell::new(None)))
    }
}

impl<'a, 'de> Visitor<'de> for Keys<'a, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.sink.expecting(f)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        *self.track.key.borrow_mut() = Some(v.to_owned());
        self.give(Seen::Str(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        *self.track.key.borrow_mut() = Some(v.to_owned());
        self.give(Seen::Borrowed(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        *self.track.key.borrow_mut() = Some(v.clone());
        self.give(Seen::String(v))
    }
}
