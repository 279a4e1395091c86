//! Reading a report from an already-parsed JSON tree (in the widget: the JS value that
//! `JSON.parse` or the host page made) with the JSON path of any structural error.
//!
//! This is the widget's loader, written by hand instead of through serde: serde's derived
//! visitors, monomorphised for one more deserializer and wrapped for path tracking, cost about
//! 60 KB of wasm (serde-wasm-bindgen + serde_path_to_error + serde_ignored cost more still).
//! Here each field is one call, the path is a stack of the keys and indexes being read, and no
//! number is ever formatted as an `f64` (the float formatter alone is about 20 KB of wasm).
//! Errors are worded in serde's terms and turned into the same plain messages as the text
//! parser's ([`parse_report`](super::parse_report)) by the same code; a test checks they agree.
//!
//! Differences from the text parser, all on purpose: unknown fields are not reported (the CLI's
//! `validate` reports them; like serde-wasm-bindgen before it, the widget reads only the fields
//! it knows) and there is no line and column (the input is not text). With several structural
//! mistakes in one object, the first in field order is reported, not the first in the file's
//! order. Like serde, an object may also be written as an array of its field values in order.
//!
//! Keep the readers below in step with the types in report.rs: the test that loads the demo
//! report both ways fails when a field is missed.

use std::borrow::Cow;

use super::parse::{checked, structural};
use super::validate::Step;
use super::{
    Area, Block, Direction, Domain, GlossaryEntry, GoodPractice, Grade, Group, NationalDistribution,
    OverviewSection, Problem, Report,
};

/// What a tree node holds.
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
}

/// Reads and validates a report from a JSON tree. Same problems, paths and messages as
/// [`parse_report`](super::parse_report), with the differences listed above.
pub fn load_tree<N: Node>(node: N) -> Result<Report, Vec<Problem>> {
    let mut path = Vec::new();
    match report(&node, &mut path) {
        Ok(report) => checked(report, Vec::new(), 0),
        Err(Error(raw)) => Err(structural(path, &raw, Vec::new(), 0)),
    }
}

/// serde's wording of a structural error (`invalid type: …, expected …`, `missing field `x``),
/// which [`structural`] turns into the plain message. The path is where reading stopped.
struct Error(String);

type Path = Vec<Step>;

/// -2^63 and 2^64: the whole numbers from the first up to (not including) the second are the
/// ones serde_json reads from text as integers. Both are exact as `f64`.
const I64_MIN: f64 = -9_223_372_036_854_775_808.0;
const U64_END: f64 = 18_446_744_073_709_551_616.0;
type Res<T> = Result<T, Error>;
type Read<N, T> = fn(&N, &mut Path) -> Res<T>;

/// What was found, as serde says it (the words [`structural`] knows). Numbers that are not
/// whole are never printed: the message says "a decimal number".
fn found(kind: &Kind) -> String {
    match kind {
        Kind::Null => "null".to_owned(),
        Kind::Bool(_) => "boolean `…`".to_owned(),
        Kind::Number(x) if x.fract() == 0.0 && (I64_MIN..0.0).contains(x) => {
            format!("integer `{}`", *x as i64)
        }
        Kind::Number(x) if x.fract() == 0.0 && (0.0..U64_END).contains(x) => {
            format!("integer `{}`", *x as u64)
        }
        Kind::Number(_) => "floating point `…`".to_owned(),
        Kind::Str(_) => "string \"…\"".to_owned(),
        Kind::Array(_) => "sequence".to_owned(),
        Kind::Object => "map".to_owned(),
        Kind::Other => "a value json cannot hold".to_owned(),
    }
}

fn wrong(kind: &Kind, expected: &str) -> Error {
    Error(format!("invalid type: {}, expected {expected}", found(kind)))
}

/// An object being read, field by field in the struct's order. serde also reads a struct from
/// an array of its field values in that order (so the text parser accepts one), and so does this.
struct Obj<'n, N> {
    node: &'n N,
    /// Some(length) when the object is written as an array.
    array: Option<u32>,
    /// Fields taken so far: the next array element.
    taken: u32,
}

impl<'n, N: Node> Obj<'n, N> {
    fn new(node: &'n N, name: &str) -> Res<Obj<'n, N>> {
        let array = match node.kind() {
            Kind::Object => None,
            Kind::Array(len) => Some(len),
            other => return Err(wrong(&other, name)),
        };
        Ok(Obj { node, array, taken: 0 })
    }

    /// The next field's value and its path step; None when absent (or past the array's end).
    fn take(&mut self, key: &'static str) -> Option<(Step, N)> {
        let i = self.taken;
        self.taken += 1;
        match self.array {
            None => self.node.field(key).map(|v| (Step::Key(Cow::Borrowed(key)), v)),
            Some(len) => (i < len).then(|| (Step::Index(i as usize), self.node.index(i))),
        }
    }

    /// A field that may be absent (then None); a present `null` goes to `read`, which refuses
    /// it unless the field's type allows null.
    fn get<T>(&mut self, key: &'static str, path: &mut Path, read: Read<N, T>) -> Res<Option<T>> {
        let Some((step, value)) = self.take(key) else { return Ok(None) };
        path.push(step);
        let out = read(&value, path)?;
        path.pop();
        Ok(Some(out))
    }

    /// An optional field (`Option<T>`): absent and `null` are both None.
    fn opt<T>(&mut self, key: &'static str, path: &mut Path, read: Read<N, T>) -> Res<Option<T>> {
        match self.take(key) {
            Some((step, value)) if !matches!(value.kind(), Kind::Null) => {
                path.push(step);
                let out = read(&value, path)?;
                path.pop();
                Ok(Some(out))
            }
            _ => Ok(None),
        }
    }

    /// After the last field: an array with more elements than the struct has fields is an
    /// error, as in serde ("expected an object, found an array").
    fn done(&self) -> Res<()> {
        match self.array {
            Some(len) if len > self.taken => Err(Error("invalid length ?, expected fewer elements in array".to_owned())),
            _ => Ok(()),
        }
    }

    /// A required field, checked after all the object's fields were read (serde's order too).
    fn req<T>(&self, value: Option<T>, key: &str) -> Res<T> {
        value.ok_or_else(|| match self.array {
            None => Error(format!("missing field `{key}`")),
            Some(_) => Error("invalid length ?, expected struct with more elements".to_owned()),
        })
    }
}

fn vec<N: Node, T>(node: &N, path: &mut Path, read: Read<N, T>) -> Res<Vec<T>> {
    let len = match node.kind() {
        Kind::Array(len) => len,
        other => return Err(wrong(&other, "a sequence")),
    };
    let mut out = Vec::with_capacity(len.min(1024) as usize);
    for i in 0..len {
        path.push(Step::Index(i as usize));
        out.push(read(&node.index(i), path)?);
        path.pop();
    }
    Ok(out)
}

fn string<N: Node>(node: &N, _: &mut Path) -> Res<String> {
    match node.kind() {
        Kind::Str(s) => Ok(s),
        other => Err(wrong(&other, "a string")),
    }
}

/// A whole number from `lo` up to (not including) `end`, which are powers of two and so exact
/// as `f64`. Out of range is serde's "invalid value" (the message shows the number); not whole,
/// or past what 64 bits hold, is "a decimal number", as serde_json reads such text.
fn int<N: Node>(node: &N, name: &str, lo: f64, end: f64) -> Res<f64> {
    match node.kind() {
        Kind::Number(x) if x.fract() == 0.0 && (I64_MIN..U64_END).contains(&x) => {
            if x >= lo && x < end {
                Ok(x)
            } else if x < 0.0 {
                Err(Error(format!("invalid value: integer `{}`, expected {name}", x as i64)))
            } else {
                Err(Error(format!("invalid value: integer `{}`, expected {name}", x as u64)))
            }
        }
        other => Err(wrong(&other, name)),
    }
}

fn u32_<N: Node>(node: &N, _: &mut Path) -> Res<u32> {
    int(node, "u32", 0.0, 4_294_967_296.0).map(|x| x as u32)
}

fn u8_<N: Node>(node: &N, _: &mut Path) -> Res<u8> {
    int(node, "u8", 0.0, 256.0).map(|x| x as u8)
}

fn i64_<N: Node>(node: &N, _: &mut Path) -> Res<i64> {
    int(node, "i64", I64_MIN, -I64_MIN).map(|x| x as i64)
}

/// Exact lowercase words only, as the serde reader: anything else is kept for validation.
fn grade<N: Node>(node: &N, path: &mut Path) -> Res<Grade> {
    let word = string(node, path)?;
    Ok(Grade::ALL.into_iter().find(|g| g.as_str() == word).unwrap_or(Grade::Unknown(word)))
}

fn direction<N: Node>(node: &N, path: &mut Path) -> Res<Direction> {
    let word = string(node, path)?;
    Ok(Direction::ALL.into_iter().find(|d| d.as_str() == word).unwrap_or(Direction::Unknown(word)))
}

fn report<N: Node>(n: &N, p: &mut Path) -> Res<Report> {
    let mut o = Obj::new(n, "struct Report")?;
    let schema_version = o.get("schema_version", p, u32_)?;
    let force = o.get("force", p, string)?;
    let title = o.get("title", p, string)?;
    let published = o.opt("published", p, string)?;
    let period = o.opt("period", p, string)?;
    let forces_assessed = o.get("forces_assessed", p, u32_)?;
    let domains = o.get("domains", p, |n, p| vec(n, p, domain))?;
    let overview = o.get("overview", p, |n, p| vec(n, p, overview_section))?;
    let glossary = o.get("glossary", p, |n, p| vec(n, p, glossary_entry))?;
    o.done()?;
    Ok(Report {
        schema_version: o.req(schema_version, "schema_version")?,
        force: o.req(force, "force")?,
        title: o.req(title, "title")?,
        published,
        period,
        forces_assessed: o.req(forces_assessed, "forces_assessed")?,
        domains: o.req(domains, "domains")?,
        overview: overview.unwrap_or_default(),
        glossary: glossary.unwrap_or_default(),
    })
}

fn domain<N: Node>(n: &N, p: &mut Path) -> Res<Domain> {
    let mut o = Obj::new(n, "struct Domain")?;
    let id = o.get("id", p, string)?;
    let title = o.get("title", p, string)?;
    let ppaf = o.opt("ppaf", p, string)?;
    let areas = o.get("areas", p, |n, p| vec(n, p, area))?;
    o.done()?;
    Ok(Domain { id: o.req(id, "id")?, title: o.req(title, "title")?, ppaf, areas: o.req(areas, "areas")? })
}

fn area<N: Node>(n: &N, p: &mut Path) -> Res<Area> {
    let mut o = Obj::new(n, "struct Area")?;
    let id = o.get("id", p, string)?;
    let title = o.get("title", p, string)?;
    let grade = o.opt("grade", p, grade)?;
    let direction = o.opt("direction", p, direction)?;
    let national = o.get("national", p, national)?;
    let section: Read<N, Vec<Group>> = |n, p| vec(n, p, group);
    let national_context = o.get("national_context", p, section)?;
    let context = o.get("context", p, section)?;
    let strengths = o.get("strengths", p, section)?;
    let work_in_progress = o.get("work_in_progress", p, section)?;
    let areas_for_improvement = o.get("areas_for_improvement", p, section)?;
    let good_practice = o.get("good_practice", p, |n, p| vec(n, p, good_practice))?;
    o.done()?;
    Ok(Area {
        id: o.req(id, "id")?,
        title: o.req(title, "title")?,
        grade,
        direction,
        national: o.req(national, "national")?,
        national_context: national_context.unwrap_or_default(),
        context: context.unwrap_or_default(),
        strengths: strengths.unwrap_or_default(),
        work_in_progress: work_in_progress.unwrap_or_default(),
        areas_for_improvement: areas_for_improvement.unwrap_or_default(),
        good_practice: good_practice.unwrap_or_default(),
    })
}

fn national<N: Node>(n: &N, p: &mut Path) -> Res<NationalDistribution> {
    let mut o = Obj::new(n, "struct NationalDistribution")?;
    let poor = o.get("poor", p, i64_)?;
    let fair = o.get("fair", p, i64_)?;
    let good = o.get("good", p, i64_)?;
    let excellent = o.get("excellent", p, i64_)?;
    o.done()?;
    Ok(NationalDistribution {
        poor: o.req(poor, "poor")?,
        fair: o.req(fair, "fair")?,
        good: o.req(good, "good")?,
        excellent: o.req(excellent, "excellent")?,
    })
}

fn group<N: Node>(n: &N, p: &mut Path) -> Res<Group> {
    let mut o = Obj::new(n, "struct Group")?;
    let heading = o.opt("heading", p, string)?;
    let blocks = o.get("blocks", p, |n, p| vec(n, p, block))?;
    o.done()?;
    Ok(Group { heading, blocks: o.req(blocks, "blocks")? })
}

fn block<N: Node>(n: &N, p: &mut Path) -> Res<Block> {
    let mut o = Obj::new(n, "struct Block")?;
    let text = o.get("text", p, string)?;
    let level = o.get("level", p, u8_)?;
    o.done()?;
    Ok(Block { text: o.req(text, "text")?, level: level.unwrap_or(0) })
}

fn good_practice<N: Node>(n: &N, p: &mut Path) -> Res<GoodPractice> {
    let mut o = Obj::new(n, "struct GoodPractice")?;
    let title = o.get("title", p, string)?;
    let body = o.get("body", p, |n, p| vec(n, p, block))?;
    let contact = o.opt("contact", p, string)?;
    o.done()?;
    Ok(GoodPractice { title: o.req(title, "title")?, body: o.req(body, "body")?, contact })
}

fn overview_section<N: Node>(n: &N, p: &mut Path) -> Res<OverviewSection> {
    let mut o = Obj::new(n, "struct OverviewSection")?;
    let title = o.get("title", p, string)?;
    let blocks = o.get("blocks", p, |n, p| vec(n, p, block))?;
    o.done()?;
    Ok(OverviewSection { title: o.req(title, "title")?, blocks: o.req(blocks, "blocks")? })
}

fn glossary_entry<N: Node>(n: &N, p: &mut Path) -> Res<GlossaryEntry> {
    let mut o = Obj::new(n, "struct GlossaryEntry")?;
    let abbr = o.get("abbr", p, string)?;
    let meaning = o.get("meaning", p, string)?;
    o.done()?;
    Ok(GlossaryEntry { abbr: o.req(abbr, "abbr")?, meaning: o.req(meaning, "meaning")? })
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
            ("/domains/0/areas/0/national", json!([1, "2", 3, 4])),
            ("/domains/0/areas/0/national", json!([1, 2, 3, 4, 5])),
            ("/domains/0/areas/0/strengths/0/blocks/0", json!(["text", 300])),
            ("/domains/0/areas/0/strengths/0/blocks/0", json!([])),
            ("/domains/0/areas/0/national", json!([1, 2])),
            ("/domains/0/areas/0/national/good", json!({})),
            ("/domains/0/areas/0/national/good", json!(9_300_000_000_000_000_000u64)),
            ("/domains/0/areas/0/national/good", json!(-9_000_000_000_000_000i64)),
            ("/domains/0/areas/1/national_context", json!(null)),
            ("/domains/2/areas/0/good_practice/0/body/0/text", json!(7)),
            ("/domains/2/areas/0/good_practice/0/title", json!(false)),
            ("/domains/0/ppaf", json!(["Domain A"])),
            ("/overview/0/blocks", json!("text")),
            ("/glossary/0/meaning", json!(null)),
            ("/published", json!(200610)),
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
