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
//! `deserialize_any` (or `deserialize_option`) with a [`Wrap`]ped visitor. The wrapper keeps the
//! path in shared [`Track`] state as it enters maps and sequences, notes unknown fields (serde
//! skips them with `deserialize_ignored_any`), and hands the real visitor our error type. When
//! a typed problem has to cross the inner deserializer (whose error type it cannot be), it is
//! placed in the shared state and a stand-in error of the inner type travels instead; an error
//! of the inner deserializer itself (JSON syntax) is kept in a typed slot on the stack and
//! returned as it was, so serde_json's line and column survive.
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
    let result = T::deserialize(Tracked { inner: d, track: &track, slot: &slot });
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
            DeError::Raised(raised) => self.place(raised, want),
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
    /// Raised by a visitor; not yet placed at its path.
    Raised(Raised),
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
            DeError::Raised(raised) => raised.kind(want),
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
        DeError::Raised(Raised::Other(msg.to_string()))
    }
    fn invalid_type(unexp: Unexpected, _: &dyn de::Expected) -> Self {
        DeError::Raised(Raised::WrongType(found(&unexp)))
    }
    fn invalid_value(unexp: Unexpected, _: &dyn de::Expected) -> Self {
        let number = match unexp {
            Unexpected::Signed(n) => Some(i128::from(n)),
            Unexpected::Unsigned(n) => Some(i128::from(n)),
            _ => None,
        };
        DeError::Raised(Raised::Value(found(&unexp), number))
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        DeError::Raised(Raised::Length)
    }
    fn missing_field(field: &'static str) -> Self {
        DeError::Raised(Raised::Missing(field))
    }
    fn duplicate_field(field: &'static str) -> Self {
        DeError::Raised(Raised::Duplicate(field))
    }
}

/// The deserializer the derived types see: one value of the inner deserializer `D`, whose
/// error type is `E`.
struct Tracked<'a, D, E> {
    inner: D,
    track: &'a Track,
    slot: &'a Cell<Option<E>>,
}

impl<'a, 'de, D: Deserializer<'de>> Tracked<'a, D, D::Error> {
    fn any<V: Visitor<'de>>(self, want: Want, visitor: V) -> Result<V::Value, DeError> {
        let (track, slot) = (self.track, self.slot);
        self.inner.deserialize_any(Wrap { real: visitor, track, want }).map_err(|e| track.lower(e, slot))
    }

    /// Reads with a visitor wrapper that hands the real visitor only what it can take.
    fn narrow<W: Visitor<'de>>(self, wrap: W) -> Result<W::Value, DeError> {
        let (track, slot) = (self.track, self.slot);
        self.inner.deserialize_any(wrap).map_err(|e| track.lower(e, slot))
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

macro_rules! narrow {
    ($($method:ident => $kind:ident, $want:expr;)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            let track = self.track;
            self.narrow(Narrow::<V, $kind>::new(visitor, track, $want))
        })*
    };
}

macro_rules! wants {
    ($($method:ident => $want:expr;)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            self.any($want, visitor)
        })*
    };
}

const fn int(min: i128, max: i128) -> Want {
    Want::Int { min, max }
}

impl<'a, 'de, D: Deserializer<'de>> Deserializer<'de> for Tracked<'a, D, D::Error> {
    type Error = DeError;

    wants! {
        deserialize_any => Want::Any;
        deserialize_bool => Want::Bool;
        deserialize_f32 => Want::Number;
        deserialize_f64 => Want::Number;
        deserialize_char => Want::Str;
        deserialize_identifier => Want::Str;
        deserialize_bytes => Want::Any;
        deserialize_byte_buf => Want::Any;
        deserialize_unit => Want::Any;
        deserialize_map => Want::Object;
    }
    narrow! {
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
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (track, slot) = (self.track, self.slot);
        let wrap = Narrow::<V, Nullable>::new(visitor, track, Want::Any);
        self.inner.deserialize_option(wrap).map_err(|e| track.lower(e, slot))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, DeError> {
        self.any(Want::Any, visitor)
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
        self.any(Want::Seq, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.any(Want::Seq, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let track = self.track;
        self.narrow(Narrow::<V, Object>::new(visitor, track, Want::Object))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.any(Want::Any, visitor)
    }

    /// serde skips a field its type does not name with this: an unknown field. `$schema` at the
    /// top lets editors find the JSON Schema; it is allowed.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (track, slot) = (self.track, self.slot);
        let is_schema = matches!(track.path.borrow().as_slice(), [Step::Key(k)] if k == "$schema");
        if !is_schema {
            track.note(ReportProblem::new(track.path(), Kind::UnknownField));
        }
        self.inner.deserialize_ignored_any(IgnoredAny).map_err(|e| track.lower(e, slot))?;
        visitor.visit_unit()
    }
}

/// The real visitor, handed our error type, with the path kept as it enters maps and
/// sequences. Its error type `E` is the inner deserializer's.
struct Wrap<'a, V> {
    real: V,
    track: &'a Track,
    want: Want,
}

/// Hands a result of the real visitor back to the inner deserializer.
fn out<T, E: de::Error>(track: &Track, want: Want, r: Result<T, DeError>) -> Result<T, E> {
    r.map_err(|e| track.raise(e, want, &Cell::new(None)))
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $t:ty)?);)*) => {
        $(fn $method<E: de::Error>(self, $($arg: $t)?) -> Result<V::Value, E> {
            let Wrap { real, track, want } = self;
            out(track, want, real.$method($($arg)?))
        })*
    };
}

/// -2^63 and 2^64: the whole numbers from the first up to (not including) the second are the
/// ones serde_json reads from text as integers. Both are exact as `f64`.
const I64_MIN: f64 = -9_223_372_036_854_775_808.0;
const U64_END: f64 = 18_446_744_073_709_551_616.0;

impl<'a, 'de, V: Visitor<'de>> Visitor<'de> for Wrap<'a, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.real.expecting(f)
    }

    forward! {
        visit_bool(v: bool);
        visit_i64(v: i64);
        visit_u64(v: u64);
        visit_str(v: &str);
        visit_borrowed_str(v: &'de str);
        visit_string(v: String);
        visit_bytes(v: &[u8]);
        visit_unit();
        visit_none();
    }

    /// A whole number held as a double (every JS number; `3.0` or `1e3` in JSON text) is read
    /// as the integer it is, so the CLI and the widget agree.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        let Wrap { real, track, want } = self;
        let r = if v.fract() == 0.0 && (I64_MIN..0.0).contains(&v) {
            real.visit_i64(v as i64)
        } else if v.fract() == 0.0 && (0.0..U64_END).contains(&v) {
            real.visit_u64(v as u64)
        } else {
            real.visit_f64(v)
        };
        out(track, want, r)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.real.visit_some(Tracked { inner: d, track, slot: &slot });
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.real.visit_newtype_struct(Tracked { inner: d, track, slot: &slot });
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<V::Value, A::Error> {
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.real.visit_seq(Elements { inner: &mut seq, track, slot: &slot, index: 0 });
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.real.visit_map(Fields { inner: map, track, slot: &slot });
        r.map_err(|e| track.raise(e, want, &slot))
    }
}

/// The elements of an array, each read through [`Tracked`] at its index.
struct Elements<'a, 's, A, E> {
    inner: &'s mut A,
    track: &'a Track,
    slot: &'a Cell<Option<E>>,
    index: usize,
}

impl<'a, 's, 'de, A: SeqAccess<'de>> SeqAccess<'de> for Elements<'a, 's, A, A::Error> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, DeError> {
        let track = self.track;
        track.path.borrow_mut().push(Step::Index(self.index));
        self.index += 1;
        let r = self.inner.next_element_seed(Seed { real: seed, track });
        track.path.borrow_mut().pop();
        r.map_err(|e| track.lower(e, self.slot))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The fields of an object, each value read through [`Tracked`] under its key.
struct Fields<'a, A, E> {
    inner: A,
    track: &'a Track,
    slot: &'a Cell<Option<E>>,
}

impl<'a, 'de, A: MapAccess<'de>> MapAccess<'de> for Fields<'a, A, A::Error> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let track = self.track;
        self.inner.next_key_seed(Key { real: seed, track }).map_err(|e| track.lower(e, self.slot))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, DeError> {
        let track = self.track;
        let key = track.key.take().map_or(Cow::Borrowed("?"), Cow::Owned);
        track.path.borrow_mut().push(Step::Key(key));
        let r = self.inner.next_value_seed(Seed { real: seed, track });
        track.path.borrow_mut().pop();
        r.map_err(|e| track.lower(e, self.slot))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A value of a map or sequence, read through [`Tracked`].
struct Seed<'a, S> {
    real: S,
    track: &'a Track,
}

impl<'a, 'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'a, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let slot = Cell::new(None);
        let track = self.track;
        let r = self.real.deserialize(Tracked { inner: d, track, slot: &slot });
        r.map_err(|e| track.raise(e, Want::Any, &slot))
    }
}

/// A map key: read by the inner deserializer as it is (keys never fail in this format), and
/// kept as the next path step.
struct Key<'a, K> {
    real: K,
    track: &'a Track,
}

impl<'a, 'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for Key<'a, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        self.real.deserialize(KeyName { inner: d, track: self.track })
    }
}

struct KeyName<'a, D> {
    inner: D,
    track: &'a Track,
}

impl<'a, 'de, D: Deserializer<'de>> Deserializer<'de> for KeyName<'a, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(KeyVisitor { real: visitor, track: self.track })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_identifier(KeyVisitor { real: visitor, track: self.track })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum ignored_any
    }
}

struct KeyVisitor<'a, V> {
    real: V,
    track: &'a Track,
}

impl<'a, 'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'a, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.real.expecting(f)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.track.key.borrow_mut() = Some(v.to_owned());
        self.real.visit_str(v)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.track.key.borrow_mut() = Some(v.to_owned());
        self.real.visit_borrowed_str(v)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.track.key.borrow_mut() = Some(v.clone());
        self.real.visit_string(v)
    }
}

/// A visitor wrapper for one kind of value (`K`: [`Object`], [`Array`], [`Text`], [`Integer`],
/// [`Nullable`]). It hands the real visitor only the value kinds that the kind takes and
/// refuses every other kind itself, with the same typed problem the real visitor would raise.
/// The point is size: the real visitors' methods for kinds they never take (a struct read from
/// an array, a string visitor shown a map) are never called, so their code is never generated.
/// For the same reason an object written as an array of its field values is refused (serde's
/// derived readers would accept it; the schema never did).
struct Narrow<'a, V, K> {
    real: V,
    track: &'a Track,
    want: Want,
    kind: PhantomData<K>,
}

impl<'a, V, K> Narrow<'a, V, K> {
    fn new(real: V, track: &'a Track, want: Want) -> Self {
        Narrow { real, track, want, kind: PhantomData }
    }

    fn refuse<T, E: de::Error>(self, found: Found) -> Result<T, E> {
        self.track.place(Raised::WrongType(found), self.want);
        Err(E::custom("the report does not have the expected shape"))
    }
}

struct Object;
struct Array;
struct Text;
struct Integer;
struct Nullable;

/// Every value kind a deserializer can show, refused with its [`Found`], except the ones a
/// wrapper kind lists itself.
macro_rules! refuse {
    ($($method:ident($($arg:ident: $t:ty)?) => $found:expr;)*) => {
        $(fn $method<E: de::Error>(self, $(_: $t)?) -> Result<V::Value, E> {
            self.refuse($found)
        })*
    };
}

macro_rules! refuse_compound {
    (seq) => {
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
            self.refuse(Found::Array)
        }
    };
    (map) => {
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
            self.refuse(Found::Object)
        }
    };
}

impl<'a, 'de, V: Visitor<'de>> Visitor<'de> for Narrow<'a, V, Object> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.real.expecting(f)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.real.visit_map(Fields { inner: map, track, slot: &slot });
        r.map_err(|e| track.raise(e, want, &slot))
    }
    refuse_compound!(seq);
    refuse! {
        visit_bool(v: bool) => Found::Boolean;
        visit_i64(v: i64) => Found::Integer;
        visit_u64(v: u64) => Found::Integer;
        visit_f64(v: f64) => Found::Decimal;
        visit_str(v: &str) => Found::String;
        visit_bytes(v: &[u8]) => Found::Other;
        visit_unit() => Found::Null;
        visit_none() => Found::Null;
    }
}

impl<'a, 'de, V: Visitor<'de>> Visitor<'de> for Narrow<'a, V, Array> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.real.expecting(f)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<V::Value, A::Error> {
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.real.visit_seq(Elements { inner: &mut seq, track, slot: &slot, index: 0 });
        r.map_err(|e| track.raise(e, want, &slot))
    }
    refuse_compound!(map);
    refuse! {
        visit_bool(v: bool) => Found::Boolean;
        visit_i64(v: i64) => Found::Integer;
        visit_u64(v: u64) => Found::Integer;
        visit_f64(v: f64) => Found::Decimal;
        visit_str(v: &str) => Found::String;
        visit_bytes(v: &[u8]) => Found::Other;
        visit_unit() => Found::Null;
        visit_none() => Found::Null;
    }
}

impl<'a, 'de, V: Visitor<'de>> Visitor<'de> for Narrow<'a, V, Text> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.real.expecting(f)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        out(self.track, self.want, self.real.visit_str(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        out(self.track, self.want, self.real.visit_borrowed_str(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        out(self.track, self.want, self.real.visit_string(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.refuse(if v.fract() == 0.0 { Found::Integer } else { Found::Decimal })
    }
    refuse_compound!(seq);
    refuse_compound!(map);
    refuse! {
        visit_bool(v: bool) => Found::Boolean;
        visit_i64(v: i64) => Found::Integer;
        visit_u64(v: u64) => Found::Integer;
        visit_bytes(v: &[u8]) => Found::Other;
        visit_unit() => Found::Null;
        visit_none() => Found::Null;
    }
}

impl<'a, 'de, V: Visitor<'de>> Visitor<'de> for Narrow<'a, V, Integer> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.real.expecting(f)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        out(self.track, self.want, self.real.visit_i64(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        out(self.track, self.want, self.real.visit_u64(v))
    }
    /// A whole number held as a double (every JS number; `3.0` or `1e3` in JSON text) is read
    /// as the integer it is, so the CLI and the widget agree.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        let r = if v.fract() == 0.0 && (I64_MIN..0.0).contains(&v) {
            self.real.visit_i64(v as i64)
        } else if v.fract() == 0.0 && (0.0..U64_END).contains(&v) {
            self.real.visit_u64(v as u64)
        } else {
            return self.refuse(Found::Decimal);
        };
        out(self.track, self.want, r)
    }
    refuse_compound!(seq);
    refuse_compound!(map);
    refuse! {
        visit_bool(v: bool) => Found::Boolean;
        visit_str(v: &str) => Found::String;
        visit_bytes(v: &[u8]) => Found::Other;
        visit_unit() => Found::Null;
        visit_none() => Found::Null;
    }
}

/// `Option<T>`: `deserialize_option` shows only these two.
impl<'a, 'de, V: Visitor<'de>> Visitor<'de> for Narrow<'a, V, Nullable> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.real.expecting(f)
    }
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        out(self.track, self.want, self.real.visit_none())
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        out(self.track, self.want, self.real.visit_none())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.real.visit_some(Tracked { inner: d, track, slot: &slot });
        r.map_err(|e| track.raise(e, want, &slot))
    }
}
