//! The report reader: one hand-written reader that the CLI (JSON text, through a small tree that
//! serde_json builds, `tree.rs`) and the widget (the browser's `JSON.parse` output or the page's
//! own object, `embed/js_value.rs`) both read reports through, so they give the same path and
//! the same typed problem for the same mistake by construction.
//!
//! Why by hand rather than with serde's derived readers, which did this before (through an
//! erased adapter of our own): each derived reader, its field visitor, its `Vec` and `Option`
//! wrappers and their seeds were instantiated per type, about 50 KB of the widget's raw wasm in
//! all, and every new field of the format (the grade scale, what is compared) added more
//! (docs/PERFORMANCE.md, "Issue 29: the scale's cost"). Here a type's reader is one function
//! that matches its field names; everything that could be shared (types, lists, paths,
//! problems) is written once in [`Reader`]. The input is seen through [`Source`], one small
//! trait asked only for the kind of one value at a time, so a reader never walks into what it
//! does not read (an unknown field's value is never looked at, however deep).
//!
//! What reading checks, as serde's readers did (so every message is the one it was):
//! - the type of every value: an object must be an object (not an array of its field values),
//!   whole numbers are whole numbers however they are held (`3`, `3.0`, the JS double `3`), and
//!   integers are within the field's range;
//! - fields in the order they come: the first value of the wrong type stops reading; a field
//!   given twice stops reading where it comes again; unknown fields are noted and reading goes
//!   on (`$schema` at the top is allowed); required fields left out are reported once the
//!   object has been read, in the order the format lists them.
//!
//! Grade and direction ids are read as plain strings: which ids exist depends on the report's
//! scale, which may come after its areas, so they are checked once the whole report is read
//! (src/model/resolve.rs), every unknown one reported at once.
//!
//! The files: this one holds what reading shares (the value kinds, the path, the problems);
//! `report.rs` the format's types, one function each; `tree.rs` the CLI's text input.

mod report;
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
pub mod tree;

use std::borrow::Cow;

use super::problem::{Expected, Found, ReportPath, ReportProblem, ReportProblemKind as Kind, Step};
use super::validate::MAX_PROBLEMS;
use super::Report;

pub use report::scale;

/// Where reading gets its values: one value, asked for its kind. Implemented for the JS value
/// (the widget), for the CLI's parsed text ([`tree::Tree`]) and natively for serde_json's
/// `Value`.
pub trait Source: Sized {
    fn value(self) -> Value<Self>;
}

/// What one value is. Arrays and objects hold their elements and entries, in order, unread.
pub enum Value<S> {
    Null,
    Bool,
    /// A whole number, however it was held.
    Int(i128),
    /// A number with a fraction, or too large for the format's integers.
    Decimal,
    Str(String),
    Arr(Vec<S>),
    /// Entries in the order given; a key may come twice (JSON text allows it).
    Obj(Vec<(String, S)>),
    /// Something JSON cannot hold (a JS function, symbol or BigInt).
    Other,
}

/// -2^63 and 2^64: the whole numbers from the first up to (not including) the second are the
/// ones JSON text is read as integers. Both are exact as `f64`.
const I64_MIN: f64 = -9_223_372_036_854_775_808.0;
const U64_END: f64 = 18_446_744_073_709_551_616.0;

impl<S> Value<S> {
    /// A number held as a double: a whole number in the integers' range is an integer (a JS value
    /// cannot tell `3.0` from `3`, so neither does the CLI, as in JSON Schema).
    pub fn number(n: f64) -> Value<S> {
        if n.fract() == 0.0 && (I64_MIN..U64_END).contains(&n) {
            Value::Int(n as i128)
        } else {
            Value::Decimal
        }
    }

    fn found(&self) -> Found {
        match self {
            Value::Null => Found::Null,
            Value::Bool => Found::Boolean,
            Value::Int(_) => Found::Integer,
            Value::Decimal => Found::Decimal,
            Value::Str(_) => Found::String,
            Value::Arr(_) => Found::Array,
            Value::Obj(_) => Found::Object,
            Value::Other => Found::Other,
        }
    }
}

/// Reading stopped: the problem is in [`Reader::stop`]. Zero-sized, so every `Result` the
/// readers pass around is as small as the value it holds.
pub struct Stopped;

pub type Read<T> = Result<T, Stopped>;

/// What reads one field's value of an object, given the field's index in its list of names.
pub type FieldReader<'a, S> = dyn FnMut(&mut Reader, usize, Value<S>) -> Read<()> + 'a;

/// What reading gave: the value, or the one problem it stopped at, plus the problems noted on
/// the way (unknown fields).
pub struct Outcome<T> {
    pub result: Result<T, ReportProblem>,
    pub noted: Vec<ReportProblem>,
    /// Noted problems past [`MAX_PROBLEMS`], counted, not kept.
    pub dropped: usize,
}

/// The state of one read: where it is, what it noted, and the problem it stopped at. Not
/// generic, so its code exists once.
#[derive(Default)]
pub struct Reader {
    path: Vec<Step>,
    noted: Vec<ReportProblem>,
    dropped: usize,
    stop: Option<ReportProblem>,
}

/// Reads a report from `v`.
pub fn read_report<S: Source>(v: S) -> Outcome<Report> {
    run(|r| report::report(r, v.value()))
}

/// Runs one read.
pub fn run<T>(f: impl FnOnce(&mut Reader) -> Read<T>) -> Outcome<T> {
    let mut r = Reader::default();
    let result = match f(&mut r) {
        Ok(value) => Ok(value),
        Err(Stopped) => Err(r.stop.take().unwrap_or_else(|| ReportProblem::document(Kind::MissingField))),
    };
    Outcome { result, noted: r.noted, dropped: r.dropped }
}

impl Reader {
    fn here(&self) -> ReportPath {
        ReportPath(self.path.clone())
    }

    /// Stops reading with `kind` at the current path.
    #[inline(never)]
    fn fail(&mut self, kind: Kind) -> Stopped {
        self.stop = Some(ReportProblem::new(self.here(), kind));
        Stopped
    }

    /// Stops reading: `found` where `expected` belongs.
    #[inline(never)]
    pub fn wrong<S>(&mut self, expected: Expected, found: &Value<S>) -> Stopped {
        self.fail(Kind::WrongType { expected, found: found.found() })
    }

    #[inline(never)]
    fn note(&mut self, key: String) {
        if self.noted.len() >= MAX_PROBLEMS {
            self.dropped += 1;
        } else {
            let mut path = self.here();
            path.0.push(Step::Key(Cow::Owned(key)));
            self.noted.push(ReportProblem::new(path, Kind::UnknownField));
        }
    }

    pub fn text<S>(&mut self, v: Value<S>) -> Read<String> {
        match v {
            Value::Str(s) => Ok(s),
            other => Err(self.wrong(Expected::String, &other)),
        }
    }

    /// Text, or null for none.
    pub fn opt_text<S>(&mut self, v: Value<S>) -> Read<Option<String>> {
        match v {
            Value::Null => Ok(None),
            other => self.text(other).map(Some),
        }
    }

    /// A whole number from `min` to `max`.
    pub fn int<S>(&mut self, v: Value<S>, min: i128, max: i128) -> Read<i128> {
        match v {
            Value::Int(n) if (min..=max).contains(&n) => Ok(n),
            Value::Int(found) => Err(self.fail(Kind::OutOfRange { min, max, found })),
            other => Err(self.wrong(Expected::Integer, &other)),
        }
    }

    /// An array, each element read by `f` at its index.
    pub fn list<S: Source, T>(&mut self, v: Value<S>, mut f: impl FnMut(&mut Self, Value<S>) -> Read<T>) -> Read<Vec<T>> {
        let mut out = Vec::new();
        self.each(v, &mut |r, item| {
            out.push(f(r, item)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The loop of [`Reader::list`], behind `dyn` so that its code exists once per source,
    /// not once per element type.
    fn each<S: Source>(&mut self, v: Value<S>, f: &mut dyn FnMut(&mut Self, Value<S>) -> Read<()>) -> Read<()> {
        let Value::Arr(items) = v else { return Err(self.wrong(Expected::Array, &v)) };
        for (i, item) in items.into_iter().enumerate() {
            self.path.push(Step::Index(i));
            f(self, item.value())?;
            self.path.pop();
        }
        Ok(())
    }

    /// An object of the fields `names`: `f` reads each known field's value as it comes, given
    /// its index in `names`. A field given twice stops reading; an unknown field is noted
    /// (`$schema` at the top is allowed). `dyn`, so that this code exists once per source.
    pub fn fields<S: Source>(
        &mut self,
        v: Value<S>,
        names: &'static [&'static str],
        f: &mut FieldReader<'_, S>,
    ) -> Read<()> {
        let Value::Obj(entries) = v else { return Err(self.wrong(Expected::Object, &v)) };
        let mut seen = 0u32;
        for (key, value) in entries {
            match names.iter().position(|n| *n == key) {
                Some(i) => {
                    let name = Cow::Borrowed(names[i]);
                    if seen & (1 << i) != 0 {
                        self.path.push(Step::Key(name));
                        return Err(self.fail(Kind::DuplicateField));
                    }
                    seen |= 1 << i;
                    self.path.push(Step::Key(name));
                    f(self, i, value.value())?;
                    self.path.pop();
                }
                None if self.path.is_empty() && key == "$schema" => {}
                None => self.note(key),
            }
        }
        Ok(())
    }

    /// Every entry of an object, each value read by `f` under its key (the national counts,
    /// keyed by grade id).
    pub fn entries<S: Source, T>(&mut self, v: Value<S>, mut f: impl FnMut(&mut Self, Value<S>) -> Read<T>) -> Read<Vec<(String, T)>> {
        let Value::Obj(entries) = v else { return Err(self.wrong(Expected::Object, &v)) };
        let mut out = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            self.path.push(Step::Key(Cow::Owned(key.clone())));
            let read = f(self, value.value())?;
            self.path.pop();
            out.push((key, read));
        }
        Ok(out)
    }

    /// A required field's value, or the problem of its absence.
    pub fn need<T>(&mut self, got: Option<T>, name: &'static str) -> Read<T> {
        match got {
            Some(value) => Ok(value),
            None => {
                self.path.push(Step::Key(Cow::Borrowed(name)));
                Err(self.fail(Kind::MissingField))
            }
        }
    }
}
