//! Reading a report from an already-parsed JSON tree (in the widget: the JS value that
//! `JSON.parse` or the host page made) with the JSON path of any structural error.
//!
//! This is the widget's loader. It does the job of serde-wasm-bindgen + serde_path_to_error in
//! far fewer wasm bytes: the path is the stack of keys and indexes being read, kept in one
//! place instead of wrapping every serde visitor, and errors are worded without serde's
//! `Unexpected` display (which drags the whole `f64` formatter into the wasm). The messages are
//! the same as the text parser's ([`parse_report`](super::parse_report)); a test checks.
//!
//! Like serde-wasm-bindgen, an object is read through the fields the struct names, so unknown
//! fields are not seen (the CLI's `validate` reports them; the widget ignores them).

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Expected, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::Deserialize;

use super::parse::{checked, structural};
use super::validate::Step;
use super::{Problem, Report};

/// What a tree node holds, as far as serde needs to know.
pub enum Kind {
    /// `null`, or a missing value (JS `undefined`).
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    /// An array of this many elements.
    Array(u32),
    Object,
    /// Anything JSON cannot hold (a JS function, symbol, bigint).
    Other,
}

/// A node of a JSON tree: `&serde_json::Value` natively, `JsValue` in the browser.
pub trait Node: Sized {
    fn kind(&self) -> Kind;
    /// Element `i` of an array.
    fn index(&self, i: u32) -> Self;
    /// Field `key` of an object; None when absent (or JS `undefined`).
    fn field(&self, key: &str) -> Option<Self>;
    /// Every key of an object, for a map read without a known set of fields.
    fn keys(&self) -> Vec<String>;
}

/// Reads and validates a report from a JSON tree. Same problems, paths and messages as
/// [`parse_report`](super::parse_report), except that unknown fields are not reported and there
/// is no line and column (the input is not text).
pub fn load_tree<N: Node>(node: N) -> Result<Report, Vec<Problem>> {
    let path = RefCell::new(Vec::new());
    match Report::deserialize(De { node, path: &path }) {
        Ok(report) => checked(report, Vec::new(), 0),
        Err(Error(raw)) => Err(structural(path.into_inner(), &raw, Vec::new(), 0)),
    }
}

/// serde's error text (`invalid type: …, expected …`, `missing field `x``), which
/// [`structural`] turns into the same plain message the text parser gives.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// serde's own wording for what was found, minus the number itself for decimals: formatting an
/// `f64` costs about 20 KB of wasm, and the message never shows it (`a decimal number`).
fn unexpected(u: &Unexpected) -> String {
    match *u {
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Float(_) => "floating point `…`".to_owned(),
        Unexpected::Bool(_) => "boolean `…`".to_owned(),
        Unexpected::Str(_) | Unexpected::Char(_) => "string \"…\"".to_owned(),
        Unexpected::Unit | Unexpected::Option => "null".to_owned(),
        Unexpected::Seq => "sequence".to_owned(),
        Unexpected::Map => "map".to_owned(),
        Unexpected::Other(o) => o.to_owned(),
        _ => "a value".to_owned(),
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
    fn invalid_type(u: Unexpected, exp: &dyn Expected) -> Self {
        Error(format!("invalid type: {}, expected {exp}", unexpected(&u)))
    }
    fn invalid_value(u: Unexpected, exp: &dyn Expected) -> Self {
        Error(format!("invalid value: {}, expected {exp}", unexpected(&u)))
    }
    fn missing_field(field: &'static str) -> Self {
        Error(format!("missing field `{field}`"))
    }
}

struct De<'p, N> {
    node: N,
    path: &'p RefCell<Vec<Step>>,
}

impl<'p, N: Node> De<'p, N> {
    fn at(&self, node: N) -> De<'p, N> {
        De { node, path: self.path }
    }

    /// Reads `node` as the value at `step`. The step stays on the path when reading fails, so
    /// after an error the path is exactly where it happened.
    fn child<'de, T: DeserializeSeed<'de>>(&self, step: Step, node: N, seed: T) -> Result<T::Value, Error> {
        self.path.borrow_mut().push(step);
        let value = seed.deserialize(self.at(node))?;
        self.path.borrow_mut().pop();
        Ok(value)
    }
}

impl<'de, N: Node> Deserializer<'de> for De<'_, N> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.kind() {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(b) => visitor.visit_bool(b),
            // Whole numbers go to serde as integers, so integer fields take them and range
            // errors name the value; 2^63 and 2^64 are the first values the casts cannot hold.
            Kind::Number(n) if n.fract() == 0.0 && n < 0.0 && n >= -9_223_372_036_854_775_808.0 => {
                visitor.visit_i64(n as i64)
            }
            Kind::Number(n) if n.fract() == 0.0 && n >= 0.0 && n < 18_446_744_073_709_551_616.0 => {
                visitor.visit_u64(n as u64)
            }
            Kind::Number(n) => visitor.visit_f64(n),
            Kind::Str(s) => visitor.visit_string(s),
            Kind::Array(len) => {
                let mut seq = Seq { de: &self, i: 0, len };
                let value = visitor.visit_seq(&mut seq)?;
                // serde reads an object from an array of its fields; extra elements are an error
                // (serde_json's text parser says the same, see parse.rs).
                if seq.i < len {
                    return Err(Error("invalid length ?, expected fewer elements in array".to_owned()));
                }
                Ok(value)
            }
            Kind::Object => {
                let keys = self.node.keys().into_iter();
                visitor.visit_map(Map { de: &self, keys, fields: [].iter(), current: None })
            }
            Kind::Other => Err(de::Error::invalid_type(Unexpected::Other("a value json cannot hold"), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.kind() {
            Kind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.node.kind() {
            Kind::Object => visitor.visit_map(Map { de: &self, keys: Vec::new().into_iter(), fields: fields.iter(), current: None }),
            Kind::Null => Err(de::Error::invalid_type(Unexpected::Unit, &visitor)),
            // Arrays too: serde (and so the text parser) reads a struct from its fields in order.
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier
    }
}

struct Seq<'a, 'p, N> {
    de: &'a De<'p, N>,
    i: u32,
    len: u32,
}

impl<'de, N: Node> SeqAccess<'de> for Seq<'_, '_, N> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.i >= self.len {
            return Ok(None);
        }
        let i = self.i;
        self.i += 1;
        self.de.child(Step::Index(i as usize), self.de.node.index(i), seed).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.i) as usize)
    }
}

/// An object read either through a struct's field names (`fields`) or through all its keys.
struct Map<'a, 'p, N> {
    de: &'a De<'p, N>,
    keys: std::vec::IntoIter<String>,
    fields: std::slice::Iter<'static, &'static str>,
    current: Option<(Step, N)>,
}

impl<'de, N: Node> MapAccess<'de> for Map<'_, '_, N> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        for &field in self.fields.by_ref() {
            if let Some(node) = self.de.node.field(field) {
                self.current = Some((Step::Key(Cow::Borrowed(field)), node));
                return seed.deserialize(de::value::BorrowedStrDeserializer::new(field)).map(Some);
            }
        }
        for key in self.keys.by_ref() {
            if let Some(node) = self.de.node.field(&key) {
                let value = seed.deserialize(de::value::StrDeserializer::<Error>::new(&key))?;
                self.current = Some((Step::Key(Cow::Owned(key)), node));
                return Ok(Some(value));
            }
        }
        Ok(None)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.current.take() {
            Some((step, node)) => self.de.child(step, node, seed),
            None => Err(de::Error::custom("a value was read before its key")),
        }
    }
}

/// Natively, for tests (and any caller with a `serde_json::Value`).
#[cfg(not(target_arch = "wasm32"))]
impl Node for &serde_json::Value {
    fn kind(&self) -> Kind {
        use serde_json::Value;
        match self {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            // Numbers as JS holds them: an f64.
            Value::Number(n) => n.as_f64().map_or(Kind::Other, Kind::Number),
            Value::String(s) => Kind::Str(s.clone()),
            Value::Array(a) => Kind::Array(u32::try_from(a.len()).unwrap_or(u32::MAX)),
            Value::Object(_) => Kind::Object,
        }
    }
    fn index(&self, i: u32) -> Self {
        &self[i as usize]
    }
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key)
    }
    fn keys(&self) -> Vec<String> {
        self.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
    }
}

/// In the browser: a JS value, read in place through js-sys (strings are copied in as they are
/// read; nothing else is).
#[cfg(target_arch = "wasm32")]
impl Node for wasm_bindgen::JsValue {
    fn kind(&self) -> Kind {
        use wasm_bindgen::JsCast;
        if self.is_null() || self.is_undefined() {
            Kind::Null
        } else if let Some(b) = self.as_bool() {
            Kind::Bool(b)
        } else if let Some(n) = self.as_f64() {
            Kind::Number(n)
        } else if let Some(s) = self.as_string() {
            Kind::Str(s)
        } else if let Some(a) = self.dyn_ref::<js_sys::Array>() {
            Kind::Array(a.length())
        } else if self.is_object() && !self.is_function() {
            Kind::Object
        } else {
            Kind::Other
        }
    }
    fn index(&self, i: u32) -> Self {
        js_sys::Reflect::get_u32(self, i).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
    }
    fn field(&self, key: &str) -> Option<Self> {
        let v = js_sys::Reflect::get(self, &wasm_bindgen::JsValue::from_str(key)).ok()?;
        (!v.is_undefined()).then_some(v)
    }
    fn keys(&self) -> Vec<String> {
        use wasm_bindgen::JsCast;
        js_sys::Object::keys(self.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect()
    }
}

/// For `tests/bench/run.mjs` only (not part of the widget's API, which is `grade-widget.js`):
/// reads and validates a report from a parsed JS value exactly as the widget does, so the bench
/// can time decode + validate in wasm without a render. Returns the number of areas, or 0 when
/// the report has problems. A few dozen bytes of wasm.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __benchLoadReport)]
pub fn bench_load_report(value: wasm_bindgen::JsValue) -> u32 {
    load_tree(value).map_or(0, |r| r.areas().count() as u32)
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::load_tree;
    use crate::model::parse_report;

    fn base() -> Value {
        serde_json::from_str(include_str!("../../www/data/metropolitan-2006.json")).unwrap()
    }

    fn at<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
        v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}"))
    }

    /// Every structural mistake gets the same path and message from the tree as from the text.
    #[test]
    fn agrees_with_the_text_parser() {
        let edits: Vec<(&str, Value)> = vec![
            ("/domains/0/areas/0/national/poor", json!("3")),
            ("/domains/0/areas/0/national/poor", json!(2.5)),
            ("/domains/0/areas/0/national/poor", json!(1e30)),
            ("/domains/0/areas/0/national", json!(null)),
            ("/domains/0/areas/0/national", json!([1, 2, 3, 4])),
            ("/domains/0/areas/0/national", json!([1, 2, 3, 4, 5])),
            ("/domains/0/areas/0/national", json!([1, 2])),
            ("/domains/1/areas/0/grade", json!("great")),
            ("/domains/1/areas/0/grade", json!(3)),
            ("/domains/1/areas/0/direction", json!(true)),
            ("/domains/2/areas/0/strengths/0/blocks/1/level", json!(300)),
            ("/domains/2/areas/0/strengths/0/blocks/1/level", json!(-1)),
            ("/domains/2/areas/0/strengths/0/blocks/1", json!({ "level": 1 })),
            ("/domains/2/areas/0/strengths/0/heading", json!(["x"])),
            ("/domains/3/areas", json!({})),
            ("/schema_version", json!(-1)),
            ("/schema_version", json!(2)),
            ("/forces_assessed", json!(5_000_000_000u64)),
            ("/force", json!("")),
            ("/glossary", json!("none")),
            ("", json!("report")),
            ("", json!([])),
        ];
        for (pointer, value) in edits {
            let mut v = base();
            *at(&mut v, pointer) = value;
            let from_text = parse_report(&v.to_string()).err().unwrap_or_default();
            let from_tree = load_tree(&v).err().unwrap_or_default();
            assert!(!from_text.is_empty(), "{pointer}: no problem found");
            assert_eq!(from_tree, from_text, "{pointer}");
        }
        for field in ["/schema_version", "/domains/0/areas/1/national", "/domains/0/areas/1/title"] {
            let mut v = base();
            let (parent, key) = field.rsplit_once('/').unwrap();
            at(&mut v, if parent.is_empty() { "" } else { parent }).as_object_mut().unwrap().remove(key);
            let from_text = parse_report(&v.to_string()).err().unwrap_or_default();
            let from_tree = load_tree(&v).err().unwrap_or_default();
            assert_eq!(from_tree, from_text, "missing {field}");
            assert!(from_tree[0].message.contains("missing required field"), "{from_tree:?}");
        }
    }

    #[test]
    fn loads_the_demo_report_like_the_text_parser() {
        let text = include_str!("../../www/data/metropolitan-2006.json");
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(load_tree(&v), parse_report(text));
        assert_eq!(load_tree(&v).map(|r| r.forces_assessed), Ok(43));
    }

    #[test]
    fn unknown_fields_are_ignored_as_in_serde_wasm_bindgen() {
        let mut v = base();
        at(&mut v, "/domains/0/areas/0").as_object_mut().unwrap().insert("grdae".into(), json!("good"));
        assert!(load_tree(&v).is_ok());
        assert!(parse_report(&v.to_string()).is_err(), "the CLI still reports them");
    }
}
