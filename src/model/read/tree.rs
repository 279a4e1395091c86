//! JSON text as the reader's [`Source`]: serde_json parses the text into a [`Tree`] (keeping
//! every key in its order, a key given twice included, so that the reader can say so), and
//! serde_json's own `Value` is a source too (tests and the fuzz pass read the same report from
//! text and from a `Value` and require the same problems). Never in the widget's wasm.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Source, Value};

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Arr(Vec<Tree>),
    Obj(Vec<(String, Tree)>),
}

impl Tree {
    /// Parses JSON text: the value, and nothing but white space after it.
    pub fn parse(text: &str) -> Result<Tree, serde_json::Error> {
        serde_json::from_str(text)
    }
}

impl<'a> Source for &'a Tree {
    fn value(self) -> Value<&'a Tree> {
        match self {
            Tree::Null => Value::Null,
            Tree::Bool(_) => Value::Bool,
            Tree::Int(n) => Value::Int(*n),
            Tree::Float(n) => Value::number(*n),
            Tree::Str(s) => Value::Str(s.clone()),
            Tree::Arr(items) => Value::Arr(items.iter().collect()),
            Tree::Obj(entries) => Value::Obj(entries.iter().map(|(k, v)| (k.clone(), v)).collect()),
        }
    }
}

impl<'a> Source for &'a serde_json::Value {
    fn value(self) -> Value<&'a serde_json::Value> {
        use serde_json::Value as J;
        match self {
            J::Null => Value::Null,
            J::Bool(_) => Value::Bool,
            J::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(n), _) => Value::Int(n.into()),
                (_, Some(n)) => Value::Int(n.into()),
                _ => Value::number(n.as_f64().unwrap_or(f64::NAN)),
            },
            J::String(s) => Value::Str(s.clone()),
            J::Array(items) => Value::Arr(items.iter().collect()),
            J::Object(entries) => Value::Obj(entries.iter().map(|(k, v)| (k.clone(), v)).collect()),
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::Int(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Tree>()? {
            entries.push((key, value));
        }
        Ok(Tree::Obj(entries))
    }
}
