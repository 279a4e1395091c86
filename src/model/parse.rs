//! Loading a report: JSON text (the CLI, the builder, native tests) or any other [`Source`]
//! (the widget: the JS value; natively: serde_json's `Value`), read by the one reader in
//! [`read`](super::read), then validated, with every problem given a JSON path.
//!
//! Structural errors (a string where a number belongs, a missing required field) stop
//! reading, so at most one of those is reported, together with the unknown fields met before
//! it; a report that reads is then checked by [`validate`](super::validate()) in full.

use super::problem::ReportProblem;
// The kinds of text-level problems: only where JSON text is read (not in the widget's wasm).
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
use super::problem::ReportProblemKind as Kind;
use super::read::{read_report, Outcome, Source};
use super::validate::{check, finish};
use super::Report;

/// Largest report accepted, in bytes of JSON text (the Metropolitan 2006 report is 505 KB).
/// Checked by [`parse_report`]; a fetcher checks it while the body arrives.
pub const MAX_REPORT_BYTES: usize = 8 * 1024 * 1024;

/// Reads and validates a report from JSON text. `Err` holds every problem found, in document
/// order, each with a JSON path (empty for the whole document). Malformed text is the one
/// problem then: what could be read of it says nothing reliable.
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
pub fn parse_report(json: &str) -> Result<Report, Vec<ReportProblem>> {
    if json.len() > MAX_REPORT_BYTES {
        let kind = Kind::TooLarge { bytes: Some(json.len()), limit: MAX_REPORT_BYTES };
        return Err(vec![ReportProblem::document(kind)]);
    }
    // Editors on Windows may save JSON with a byte order mark; it is not an error worth a message.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return Err(vec![ReportProblem::document(Kind::EmptyInput)]);
    }
    let tree = super::read::tree::Tree::parse(json).map_err(|e| vec![ReportProblem::document(malformed(&e))])?;
    load_value(&tree)
}

/// Reads and validates a report from the bytes of a file (the CLI's `validate` and `render`,
/// which read at most one byte past the limit): the size limit, UTF-8, then [`parse_report`].
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_report_bytes(bytes: &[u8]) -> Result<Report, Vec<ReportProblem>> {
    if bytes.len() > MAX_REPORT_BYTES {
        let kind = Kind::TooLarge { bytes: None, limit: MAX_REPORT_BYTES };
        return Err(vec![ReportProblem::document(kind)]);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| vec![ReportProblem::document(Kind::NotUtf8 { offset: e.valid_up_to() })])?;
    parse_report(text)
}

/// Reads and validates a report from any [`Source`]: the widget's JS value
/// (`embed::js_value`), or natively a `serde_json::Value`. Same problems, paths and messages
/// as [`parse_report`], which reads its text through this.
pub fn load_value<S: Source>(v: S) -> Result<Report, Vec<ReportProblem>> {
    let Outcome { result, mut noted, dropped } = read_report(v);
    match result {
        Ok(mut report) => {
            // The grade ids, once the whole report (and so its scale) is read.
            noted.extend(report.resolve());
            let (found, more_dropped) = check(&report);
            if found.is_empty() && noted.is_empty() && dropped + more_dropped == 0 {
                return Ok(report);
            }
            noted.extend(found);
            Err(finish(noted, dropped + more_dropped))
        }
        Err(problem) => {
            noted.push(problem);
            Err(finish(noted, dropped))
        }
    }
}

/// `malformed json: expected `,` or `}` at line 3 column 5`. serde_json's message ends with
/// exactly ` at line L column C` for the line and column it reports, which are kept as data.
#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
fn malformed(e: &serde_json::Error) -> Kind {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let detail = text.strip_suffix(&suffix).unwrap_or(&text);
    let detail = match (e.classify(), detail.strip_prefix("EOF while parsing")) {
        (serde_json::error::Category::Eof, Some(rest)) => format!("unexpected end of input while parsing{rest}"),
        _ => detail.to_owned(),
    };
    Kind::MalformedJson { detail, line, column }
}
