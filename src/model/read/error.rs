//! The error type the derived visitors see ([`DeError`]): serde's error constructors build a
//! typed problem ([`Raised`]) directly, which becomes a problem kind once what the format wanted
//! ([`Want`]) is known.

use std::fmt;

use serde::de::{self, Unexpected};

use crate::model::problem::{Expected, Found, ReportProblemKind as Kind};

/// What the type being read asked for, from the `deserialize_*` method it called.
#[derive(Clone, Copy)]
pub(super) enum Want {
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
    pub(super) fn kind(self, want: Want) -> Kind {
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
    pub(super) fn kind(self, want: Want) -> Kind {
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
