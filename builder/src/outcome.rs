//! What one extraction gives the page: the report JSON with what the preview's controls need,
//! or the problems, each with its line in the text.
//!
//! The two `*_view` functions are the only places that read the extractor's and validator's
//! problem types, so a change to those types touches this file alone.

use grade_widget::{extract, model};
use serde::Serialize;

/// `{ status: "ready", json, force, areas }` or `{ status: "problems", problems }`.
#[derive(Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    Ready {
        /// Byte for byte what `grade-widget extract` writes for the same text.
        json: String,
        force: String,
        /// Every area, in report order, for the preview's area picker.
        areas: Vec<AreaChoice>,
    },
    Problems { problems: Vec<ProblemView> },
}

#[derive(Serialize)]
pub struct AreaChoice {
    pub id: String,
    pub title: String,
}

/// One problem as the page lists it.
#[derive(Serialize)]
pub struct ProblemView {
    /// The 1-based line of the text it is on, when it is on one.
    pub line: Option<usize>,
    /// In the report JSON, for a validation problem (`domains[2].areas[0].grade`).
    pub path: Option<String>,
    /// The extractor's or validator's own words, without the location.
    pub message: String,
}

impl Outcome {
    pub fn ready(report: &model::Report, json: String) -> Outcome {
        let areas = report
            .areas()
            .map(|a| AreaChoice { id: a.id.clone(), title: a.title.clone() })
            .collect();
        Outcome::Ready { json, force: report.force.clone(), areas }
    }

    pub fn failed(problems: Vec<ProblemView>) -> Outcome {
        Outcome::Problems { problems }
    }
}

impl ProblemView {
    /// About the input as a whole (too large, not text).
    pub fn document(message: String) -> ProblemView {
        ProblemView { line: None, path: None, message }
    }
}

/// An extraction problem: its kind's message and its line. The extractor places a bad byte by
/// its offset; the page points at lines, so the offset's line is worked out here (an empty
/// text's problem is on its first line).
pub fn problem_view(p: &extract::ExtractProblem, input: &[u8]) -> ProblemView {
    use extract::ExtractProblemKind::{Binary, Empty, NotUtf8};
    let line = match &p.kind {
        Binary { offset, .. } | NotUtf8 { offset, .. } => p.line.or(Some(line_at(input, *offset))),
        Empty => p.line.or(Some(1)),
        _ => p.line,
    };
    ProblemView { line, path: None, message: p.kind.to_string() }
}

/// The 1-based line holding byte `offset`, counting line ends as the extractor does (CRLF, CR
/// and LF are one each). A BOM the offset skipped holds no line end, so it changes nothing.
pub fn line_at(input: &[u8], offset: usize) -> usize {
    let before = input.get(..offset).unwrap_or(input);
    let mut line = 1;
    let mut bytes = before.iter().peekable();
    while let Some(&b) = bytes.next() {
        match b {
            b'\n' => line += 1,
            b'\r' => {
                line += 1;
                if bytes.peek() == Some(&&b'\n') {
                    bytes.next();
                }
            }
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::line_at;

    #[test]
    fn finds_the_line_of_an_offset() {
        let cases: [(&[u8], usize, usize); 6] = [
            (b"abc", 0, 1),
            (b"a\nb\0", 3, 2),
            (b"a\r\nb\r\n\0", 6, 3),
            (b"a\rb\rc\0", 5, 3),
            (b"\n\n\n", 3, 4),
            // Past the end (cannot happen; must not panic): the last line.
            (b"a\nb", 99, 2),
        ];
        for (input, offset, want) in cases {
            assert_eq!(line_at(input, offset), want, "{input:?} at {offset}");
        }
    }
}

/// A validation problem of the extracted report: its path in the JSON, no line.
pub fn validation_view(p: &model::ReportProblem) -> ProblemView {
    let path = (!p.path.is_document()).then(|| p.path.to_string());
    ProblemView { line: None, path, message: p.message() }
}
