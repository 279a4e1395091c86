//! A JS value (the browser's `JSON.parse` output, or the object a page passed to `mount`) as a
//! serde [`Deserializer`], for the report reader (`model::load_value`). It answers the four
//! calls that reader makes of its inner deserializer (`deserialize_any`, `deserialize_option`,
//! `deserialize_identifier` and `deserialize_ignored_any`) as serde-wasm-bindgen 0.6 does:
//! null and undefined are unit, a safe integer is an `i64`, any other number an `f64`, an
//! array a sequence. Any other object is a map of its own enumerable keys (`Object.entries`),
//! which is all `JSON.parse` makes; serde-wasm-bindgen also read a `Map`'s entries and a BigInt,
//! which no report holds. Functions, symbols and BigInts are refused with their JS type.
//!
//! Why not serde-wasm-bindgen's `Deserializer`, which did this before: its error path formats
//! the value it did not expect through serde's `Unexpected`, and the float arm of that links all
//! of Rust's float formatting (Grisu, Dragon4 and their tables), about 6.6 KB brotli of a wasm
//! that never prints a float (docs/PERFORMANCE.md, "Issue 26: the lean core's cuts"). This
//! one's errors name what they met by its JS type and never format a number.

use std::fmt;

use js_sys::{Array, Object};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// A JS value to read.
pub struct JsDe(pub JsValue);

/// What went wrong reading a JS value: a message, as serde-wasm-bindgen's error is.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    // serde's defaults write the unexpected value itself (`floating point `1.5``); these name
    // only what was expected, so no float is ever formatted.
    fn invalid_type(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!("invalid type: expected {expected}"))
    }

    fn invalid_value(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!("invalid value: expected {expected}"))
    }
}

impl JsDe {
    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    /// A value no report holds (a function, a symbol, a BigInt), refused with its JS type.
    fn refuse<'de, V: Visitor<'de>>(&self, visitor: &V) -> Error {
        let kind = self.0.js_typeof().as_string().unwrap_or_default();
        Error(format!("invalid type: {kind}, expected {}", visitor as &dyn de::Expected))
    }
}

impl<'de> Deserializer<'de> for JsDe {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let v = &self.0;
        if self.is_nullish() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = v.as_f64() {
            // `Number.isSafeInteger`, worked out here rather than asked of JS.
            if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
                visitor.visit_i64(n as i64)
            } else {
                visitor.visit_f64(n)
            }
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(v) {
            let array: Array = self.0.unchecked_into();
            visitor.visit_seq(Elements { len: array.length(), array, next: 0 })
        } else if v.is_object() {
            let entries = Object::entries(v.unchecked_ref());
            visitor.visit_map(Entries { len: entries.length(), entries, next: 0, value: None })
        } else {
            Err(self.refuse(&visitor))
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.is_nullish() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Skipped values (unknown fields the reader has already noted) are not looked at.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
    }
}

/// An array's elements, by index.
struct Elements {
    array: Array,
    len: u32,
    next: u32,
}

impl<'de> SeqAccess<'de> for Elements {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let value = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(JsDe(value)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}

/// An object's `[key, value]` pairs, from `Object.entries`.
struct Entries {
    entries: Array,
    len: u32,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let pair: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = Some(pair.get(1));
        seed.deserialize(JsDe(pair.get(0))).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        // The reader asks for a value only after its key.
        seed.deserialize(JsDe(self.value.take().unwrap_or(JsValue::UNDEFINED)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}
