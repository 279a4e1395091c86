//! Loading a report: JSON text (CLI, native tests), any serde deserializer (natively), or a
//! parsed JSON tree ([`load_tree`](super::tree::load_tree), the widget's route), then
//! validation, with every problem given a JSON path.
//!
//! Structural errors (a string where a number belongs, a missing required field) stop
//! deserialisation, so at most one of those is reported, together with any unknown fields met
//! before it; a report that deserialises is then checked by [`validate`](super::validate()) in full.

use std::borrow::Cow;

#[cfg(not(target_arch = "wasm32"))]
use serde::Deserializer;

use super::validate::{check, finish, Found, Step};
#[cfg(not(target_arch = "wasm32"))]
use super::validate::MAX_PROBLEMS;
use super::{Problem, Report};

/// Largest report accepted, in bytes of JSON text (the Metropolitan 2006 report is 505 KB). Checked by [`parse_report`]; a fetcher should check it before reading the body.
pub const MAX_REPORT_BYTES: usize = 8 * 1024 * 1024;

/// Reads and validates a report from JSON text. `Err` holds every problem found, in document
/// order, each with a JSON path (empty for the whole document).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_report(json: &str) -> Result<Report, Vec<Problem>> {
    if json.len() > MAX_REPORT_BYTES {
        return Err(vec![Problem::document(format!(
            "the report is {} bytes; the limit is {MAX_REPORT_BYTES} bytes (8 MiB)",
            json.len()
        ))]);
    }
    // Editors on Windows may save JSON with a byte order mark; it is not an error worth a message.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return Err(vec![Problem::document("the input is empty; expected a report json object")]);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let (result, unknown, dropped) = deserialize(&mut de);
    let result = result.and_then(|report| {
        // Anything after the report object ("trailing characters") is malformed JSON too.
        de.end()
            .map(|()| report)
            .map_err(|e| serde_path_to_error::Error::new(serde_path_to_error::Track::new().path(), e))
    });
    match result {
        Ok(report) => checked(report, unknown, dropped),
        Err(e) => {
            use serde_json::error::Category;
            let inner = e.inner();
            // An object written as an array of its fields with too many elements: serde_json
            // calls the extra elements "trailing characters", a syntax error, though the JSON is
            // well formed. It is a wrong value at that path (found by the fuzz tests).
            let too_long = inner.classify() == Category::Syntax
                && inner.to_string().starts_with("trailing characters")
                && e.path().iter().next().is_some();
            if too_long {
                let raw = "invalid length ?, expected fewer elements in array";
                Err(structural(path_steps(e.path()), raw, unknown, dropped))
            } else if matches!(inner.classify(), Category::Syntax | Category::Eof | Category::Io) {
                Err(vec![Problem::document(malformed(inner))])
            } else {
                Err(structural(path_steps(e.path()), &inner.to_string(), unknown, dropped))
            }
        }
    }
}

/// Reads and validates a report from any serde deserializer, e.g. a `serde_json::Value`. Same
/// problems, paths and messages as [`parse_report`], with two differences that come from the
/// deserializer: there is no line and column (the input is not text), and unknown fields are
/// reported only when the deserializer shows them (serde_json's `Value` does; a deserializer
/// that reads just the fields a struct names does not). Native only: the widget uses
/// [`load_tree`](super::tree::load_tree), which gives the same answers (without unknown fields)
/// in far fewer wasm bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_value<'de, D: Deserializer<'de>>(d: D) -> Result<Report, Vec<Problem>> {
    let (result, unknown, dropped) = deserialize(d);
    match result {
        Ok(report) => checked(report, unknown, dropped),
        Err(e) => Err(structural(path_steps(e.path()), &e.inner().to_string(), unknown, dropped)),
    }
}

#[cfg(not(target_arch = "wasm32"))]
type Tracked<E> = Result<Report, serde_path_to_error::Error<E>>;

/// Deserialises with the path of any error tracked and every unknown field noted, so a typo such
/// as `"grdae"` is reported instead of silently leaving the area ungraded.
#[cfg(not(target_arch = "wasm32"))]
fn deserialize<'de, D: Deserializer<'de>>(d: D) -> (Tracked<D::Error>, Vec<Found>, usize) {
    let mut unknown = Vec::new();
    let mut dropped = 0;
    let mut note = |path: serde_ignored::Path| {
        let steps = ignored_steps(&path);
        // `$schema` at the top lets editors find www/schema/report.schema.json; it is allowed.
        if matches!(steps.as_slice(), [Step::Key(k)] if k == "$schema") {
            return;
        }
        if unknown.len() >= MAX_PROBLEMS {
            dropped += 1;
        } else {
            let message = "unknown field; it is not part of the report format (check its spelling)";
            unknown.push(Found { steps, message: message.to_owned() });
        }
    };
    let result: Tracked<D::Error> =
        serde_path_to_error::deserialize(serde_ignored::Deserializer::new(d, &mut note));
    (result, unknown, dropped)
}

pub(super) fn checked(report: Report, unknown: Vec<Found>, dropped: usize) -> Result<Report, Vec<Problem>> {
    let (mut found, more_dropped) = check(&report);
    if found.is_empty() && unknown.is_empty() && dropped + more_dropped == 0 {
        return Ok(report);
    }
    found.extend(unknown);
    Err(finish(found, dropped + more_dropped))
}

#[cfg(not(target_arch = "wasm32"))]
fn path_steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    path.iter()
        .map(|seg| match seg {
            serde_path_to_error::Segment::Seq { index } => Step::Index(*index),
            serde_path_to_error::Segment::Map { key } => Step::Key(Cow::Owned(key.clone())),
            serde_path_to_error::Segment::Enum { variant } => Step::Key(Cow::Owned(variant.clone())),
            serde_path_to_error::Segment::Unknown => Step::Key(Cow::Borrowed("?")),
        })
        .collect()
}

/// The one structural error serde stopped at (`raw`, serde's wording, at `steps`), plus the
/// unknown fields met before it.
pub(super) fn structural(
    mut steps: Vec<Step>,
    raw: &str,
    mut found: Vec<Found>,
    dropped: usize,
) -> Vec<Problem> {
    let raw = strip_location(raw);
    let message = if let Some(field) = between(raw, "missing field `", "`") {
        // serde reports a missing field at its object; the field's own path says more.
        steps.push(Step::Key(Cow::Owned(field.to_owned())));
        "missing required field".to_owned()
    } else if let Some(field) = between(raw, "duplicate field `", "`") {
        steps.push(Step::Key(Cow::Owned(field.to_owned())));
        "field appears more than once".to_owned()
    } else {
        plain(raw)
    };
    found.push(Found { steps, message });
    finish(found, dropped)
}

/// `malformed json: expected `,` or `}` at line 3 column 5`
#[cfg(not(target_arch = "wasm32"))]
fn malformed(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let what = strip_location(&raw);
    let what = match what.strip_prefix("EOF while parsing") {
        Some(rest) => format!("unexpected end of input while parsing{rest}"),
        None => what.to_owned(),
    };
    format!("malformed json: {what} at line {} column {}", e.line(), e.column())
}

/// Drops serde_json's ` at line 3 column 5` suffix: the path says where.
fn strip_location(raw: &str) -> &str {
    if let Some(i) = raw.rfind(" at line ") {
        let tail = &raw[i + " at line ".len()..];
        let numbers_only =
            tail.split(" column ").all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if numbers_only && tail.contains(" column ") {
            return &raw[..i];
        }
    }
    raw
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(start)?;
    rest.strip_suffix(end).or_else(|| rest.split(end).next())
}

/// serde's `invalid type: string "x", expected u32` as `expected an integer, found a string`.
fn plain(raw: &str) -> String {
    if let Some((found, expected)) =
        raw.strip_prefix("invalid type: ").and_then(|r| r.rsplit_once(", expected "))
    {
        return format!("expected {}, found {}", expected_words(expected, false), found_words(found));
    }
    if let Some((found, expected)) =
        raw.strip_prefix("invalid value: ").and_then(|r| r.rsplit_once(", expected "))
    {
        // Show the value itself when it is a number (`-1`, `300`): it is short and it is the point.
        let value = between(found, "integer `", "`").map(str::to_owned).unwrap_or_else(|| found_words(found));
        return format!("expected {}, found {value}", expected_words(expected, true));
    }
    // serde reads an object from an array of its fields in order; a wrong-length array is
    // reported as a length error, which in this format simply means "not an object".
    if let Some((_, expected)) = raw.strip_prefix("invalid length ").and_then(|r| r.split_once(", expected "))
    {
        // Too few elements ("expected struct X with 4 elements") or too many ("expected fewer
        // elements in array", from serde's own deserializers such as serde_json's Value's).
        if expected.starts_with("struct ") || expected == "fewer elements in array" {
            return "expected an object, found an array".to_owned();
        }
    }
    raw.to_owned()
}

fn expected_words(expected: &str, with_range: bool) -> String {
    let range = match expected {
        "u8" => Some((0, u64::from(u8::MAX))),
        "u16" => Some((0, u64::from(u16::MAX))),
        "u32" => Some((0, u64::from(u32::MAX))),
        "u64" | "usize" => Some((0, u64::MAX)),
        _ => None,
    };
    match expected {
        _ if with_range && range.is_some() => {
            let (lo, hi) = range.unwrap_or_default();
            format!("an integer from {lo} to {hi}")
        }
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "an integer".to_owned()
        }
        "a string" | "a borrowed string" | "a char" => "a string".to_owned(),
        "a sequence" => "an array".to_owned(),
        "option" => "a value or null".to_owned(),
        e if e.starts_with("struct ") => "an object".to_owned(),
        e => e.to_owned(),
    }
}

fn found_words(found: &str) -> String {
    let words = match found {
        "null" | "unit value" | "unit" => "null",
        "map" => "an object",
        "sequence" => "an array",
        f if f.starts_with("string ") || f.starts_with("character ") => "a string",
        f if f.starts_with("integer ") => "an integer",
        f if f.starts_with("floating point ") => "a decimal number",
        f if f.starts_with("boolean ") => "a boolean",
        f => f,
    };
    words.to_owned()
}

#[cfg(not(target_arch = "wasm32"))]
fn ignored_steps(path: &serde_ignored::Path) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut at = path;
    loop {
        match at {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                steps.push(Step::Index(*index));
                at = parent;
            }
            serde_ignored::Path::Map { parent, key } => {
                steps.push(Step::Key(Cow::Owned(key.clone())));
                at = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => at = parent,
        }
    }
    steps.reverse();
    steps
}
