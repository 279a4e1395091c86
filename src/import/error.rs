//! Import errors: every problem found in a national table, each with where it is (row, column,
//! the text found), as the extractor's errors are (src/extract/error.rs): one error holding them
//! all, so a table is fixed in one pass. Rows and columns are numbered as a spreadsheet shows
//! them: the header is row 1, the names are column 1 (A).

use std::fmt;

/// Why a table could not be imported: one or more problems, in table order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    problems: Vec<ImportProblem>,
}

impl ImportError {
    pub fn new(problems: Vec<ImportProblem>) -> ImportError {
        debug_assert!(!problems.is_empty(), "an error holds at least one problem");
        ImportError { problems }
    }

    pub fn one(problem: ImportProblem) -> ImportError {
        ImportError { problems: vec![problem] }
    }

    /// Every problem, in table order.
    pub fn problems(&self) -> &[ImportProblem] {
        &self.problems
    }
}

impl fmt::Display for ImportError {
    /// One problem a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// A column of the table: its 0-based index and its header's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub index: usize,
    pub header: String,
}

impl fmt::Display for Column {
    /// `column 3 (C) "Responding to the public"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {} ({}) {:?}", self.index + 1, column_letters(self.index), self.header)
    }
}

/// A spreadsheet's letters for a 0-based column index: A … Z, AA, AB, …
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// One thing wrong with the table or the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Nothing but whitespace.
    Empty,
    /// Larger than a report may be.
    TooLarge { bytes: usize, limit: usize },
    /// Bytes that are not UTF-8 text.
    NotUtf8 { offset: usize },
    /// The CSV itself cannot be read (the csv reader's own words).
    Malformed { detail: String },
    /// A header row with no area column after the names.
    NoAreaColumns { delimiter: char },
    /// A header row and nothing under it.
    NoRows,
    /// More area columns or rows than a report may hold.
    TooMany { what: &'static str, found: usize, limit: usize },
    /// An area column whose header is blank.
    BlankHeader { row: usize, column: Column },
    /// Two area columns with the same header (ignoring case and spaces).
    DuplicateHeader { row: usize, column: Column, first: Column },
    /// A row with more or fewer cells than the header.
    Ragged { row: usize, name: String, found: usize, expected: usize },
    /// A row whose first cell (the name) is blank.
    BlankName { row: usize },
    /// Two rows naming the same force (ignoring case and spaces).
    DuplicateName { row: usize, name: String, first_row: usize },
    /// A cell that is not a grade of the scale.
    BadCell { row: usize, name: String, column: Column, found: String, allowed: String },
    /// A built-in scale's name that no built-in scale has.
    UnknownScale { name: String },
    /// `--force` names no row of the table.
    UnknownForce { name: String, near: Vec<String>, count: usize },
}

impl ImportProblem {
    /// The row (a line of the text) the problem is on, when it is on one.
    pub fn row(&self) -> Option<usize> {
        use ImportProblem::*;
        match self {
            BlankHeader { row, .. } | DuplicateHeader { row, .. } | Ragged { row, .. } | BlankName { row }
            | DuplicateName { row, .. } | BadCell { row, .. } => Some(*row),
            _ => None,
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportProblem::*;
        match self {
            Empty => f.write_str(
                "the table is empty: expected a header row (the names' header, then one area title a column) and one row per force",
            ),
            TooLarge { bytes, limit } => write!(f, "the table is {bytes} bytes, more than the limit of {limit} bytes"),
            NotUtf8 { offset } => write!(
                f,
                "the table is not UTF-8 text: invalid byte at byte offset {offset} (save it from the spreadsheet as \"CSV UTF-8\")"
            ),
            Malformed { detail } => write!(f, "the table cannot be read as CSV: {detail}"),
            NoAreaColumns { delimiter } => write!(
                f,
                "the header row has one column only: expected the names' column, then one column per area, separated by {}",
                delimiter_name(*delimiter)
            ),
            NoRows => f.write_str("the table has a header row but no rows: expected one row per force"),
            TooMany { what, found, limit } => write!(f, "the table has {found} {what}, more than the limit of {limit}"),
            BlankHeader { row, column } => write!(f, "row {row}, {column}: the header is blank; each area column needs its title"),
            DuplicateHeader { row, column, first } => write!(
                f,
                "row {row}, {column}: the same area title as {first}; each area column needs its own title"
            ),
            Ragged { row, name, found, expected } => write!(
                f,
                "row {row} ({name:?}) has {found} cell{}, but the header row has {expected}",
                if *found == 1 { "" } else { "s" }
            ),
            BlankName { row } => write!(f, "row {row}, column 1 (A): the name is blank; each row needs the force's name"),
            DuplicateName { row, name, first_row } => {
                write!(f, "row {row}, column 1 (A): {name:?} is also the name in row {first_row}; each force needs one row")
            }
            BadCell { row, name, column, found, allowed } => write!(
                f,
                "row {row} ({name:?}), {column}: {found:?} is not a grade; expected {allowed}, or an empty cell for not graded"
            ),
            UnknownScale { name } => write!(
                f,
                "no built-in scale is named {name:?}; expected {}",
                crate::model::scale::BUILTIN.join(", ")
            ),
            UnknownForce { name, near, count } => {
                write!(f, "no row of the table is named {name:?}")?;
                match near.as_slice() {
                    [] => write!(f, " (the table names {count} forces in its first column)"),
                    [one] => write!(f, "; did you mean {one:?}?"),
                    more => {
                        let quoted: Vec<String> = more.iter().map(|n| format!("{n:?}")).collect();
                        write!(f, "; near matches: {}", quoted.join(", "))
                    }
                }
            }
        }
    }
}

fn delimiter_name(delimiter: char) -> &'static str {
    if delimiter == '\t' {
        "tabs"
    } else {
        "commas"
    }
}

#[cfg(test)]
mod tests {
    use super::column_letters;

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_letters_them() {
        for (index, want) in [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")] {
            assert_eq!(column_letters(index), want, "{index}");
        }
    }
}
