//! The real visitors, erased ([`Erased`]): one [`Sink`] per kind of value a `deserialize_*`
//! method asks for, so that only the visitor methods for that kind are ever generated.

use std::fmt;
use std::marker::PhantomData;

use serde::de::Visitor;

use super::erased::{Accept, Seen, Sink};
use super::error::DeError;
use super::track::Track;
use super::tracked::{Elements, Fields, Tracked};

/// A real visitor behind [`Sink`], for one kind of value (`K`: [`AnyKind`], [`Object`],
/// [`Array`], [`Text`], [`Integer`], [`Nullable`]). [`deliver`](super::erased::deliver) hands
/// it only the value kinds that `K` accepts, so it calls only the real visitor's methods for
/// those. The point is size: the real visitors' methods for kinds they never take (a struct
/// read from an array, a string visitor shown a map) are never called, so their code is never
/// generated. For the same reason an object written as an array of its field values is refused
/// (serde's derived readers would accept it; the schema never did).
pub(super) struct Erased<'de, V: Visitor<'de>, K> {
    real: Option<V>,
    pub(super) out: Option<V::Value>,
    kind: PhantomData<K>,
}

impl<'de, V: Visitor<'de>, K> Erased<'de, V, K> {
    pub(super) fn new(real: V) -> Self {
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
pub(super) fn put<T>(slot: &mut Option<T>, value: T) {
    std::mem::forget(slot.replace(value));
}

pub(super) trait SinkKind {
    const ACCEPT: Accept;
}

pub(super) struct AnyKind;
pub(super) struct Object;
pub(super) struct Array;
pub(super) struct Text;
pub(super) struct Integer;
pub(super) struct Nullable;

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
