//! Reading a national table: CSV (as a spreadsheet saves it: quoted fields, CRLF line ends, a
//! byte-order mark) or tab-separated text (as a spreadsheet's cells are copied), through the
//! `csv` crate, into names, area titles and cells. Checks the table's shape: a header row with
//! at least one area column, titles present and distinct, every row as wide as the header, names
//! present and distinct. Grades are checked apart (cells.rs), against the scale.

use super::error::{Column, ImportError, ImportProblem};
use super::slug::{key, unique_slugs};
use crate::model::validate::MAX_AREAS;
use crate::model::MAX_REPORT_BYTES;

/// The most rows (forces) a table may have: a report's `forces_assessed` limit.
pub const MAX_ROWS: usize = crate::model::validate::MAX_FORCES_ASSESSED as usize;

/// How the cells are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Tabs when the first line holds one (cells pasted from a spreadsheet), else commas.
    #[default]
    Detect,
    Csv,
    Tsv,
}

/// A table of the right shape, cells trimmed but not yet read as grades.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The first column, each row's force (or service), trimmed.
    pub names: Vec<String>,
    /// The header row after its first cell: each area's title, trimmed.
    pub titles: Vec<String>,
    /// Each area's id, slugged from its title, unique.
    pub ids: Vec<String>,
    /// `cells[row][area]`, trimmed; rows in table order.
    pub cells: Vec<Vec<String>>,
    /// Each row's number as a spreadsheet shows it: its first line in the text (the header is
    /// usually row 1).
    pub row_numbers: Vec<usize>,
}

impl Table {
    /// The area column `area` (0-based among the areas) as a problem names it.
    pub fn column(&self, area: usize) -> Column {
        Column { index: area + 1, header: self.titles[area].clone() }
    }
}

/// Reads the table's bytes; every shape problem at once, or the table.
pub fn read_table(bytes: &[u8], format: Format) -> Result<Table, ImportError> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(ImportError::one(ImportProblem::TooLarge { bytes: bytes.len(), limit: MAX_REPORT_BYTES }));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ImportError::one(ImportProblem::NotUtf8 { offset: e.valid_up_to() }))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::one(ImportProblem::Empty));
    }
    let delimiter = match format {
        Format::Csv => b',',
        Format::Tsv => b'\t',
        Format::Detect => {
            let first = text.lines().next().unwrap_or("");
            if first.contains('\t') { b'\t' } else { b',' }
        }
    };
    let rows = records(text, delimiter)?;
    shape(rows, delimiter as char)
}

/// Every record with its row number (its first line), cells trimmed; rows whose cells are all empty
/// (what a spreadsheet writes for the blank rows below a table) left out.
fn records(text: &str, delimiter: u8) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    // Flexible: a ragged row is this module's own problem, named with its force, not the
    // reader's first error. No header handling: the header row is read like any other.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = Lines { text: text.as_bytes(), at: 0, line: 1 };
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::one(ImportProblem::Malformed { detail: e.to_string() }))?;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        // The record's first line: the row a spreadsheet shows it in (blank lines are blank
        // rows there too), and the line the builder points at in its text box.
        let row = record.position().map_or(i + 1, |p| lines.line_at(p.byte() as usize));
        rows.push((row, cells));
        if rows.len() > MAX_ROWS + 1 {
            let found = rows.len() - 1;
            return Err(ImportError::one(ImportProblem::TooMany { what: "rows", found, limit: MAX_ROWS }));
        }
    }
    Ok(rows)
}

/// Line numbers of byte offsets, counted forward as the records come. The csv reader's own
/// `Position::line` skips blank lines and counts a CRLF record one line short, and its byte
/// offset is where the previous record's terminator ended (before blank lines, or between a CR
/// and its LF), so the line is counted here from the text: line ends before the offset, then
/// the line ends and blank lines between it and the record's first cell.
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl Lines<'_> {
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset >= self.at {
            self.line += self.text[self.at..offset].iter().filter(|&&b| b == b'\n').count();
            self.at = offset;
        }
        let mut line = self.line;
        for &b in &self.text[self.at..] {
            match b {
                b'\n' => line += 1,
                b'\r' | b' ' | b'\t' => {}
                _ => break,
            }
        }
        line
    }
}

fn shape(mut rows: Vec<(usize, Vec<String>)>, delimiter: char) -> Result<Table, ImportError> {
    if rows.is_empty() {
        return Err(ImportError::one(ImportProblem::Empty));
    }
    let (header_row, header) = rows.remove(0);
    if header.len() < 2 {
        return Err(ImportError::one(ImportProblem::NoAreaColumns { delimiter }));
    }
    let titles: Vec<String> = header[1..].to_vec();
    if titles.len() > MAX_AREAS {
        let found = titles.len();
        return Err(ImportError::one(ImportProblem::TooMany { what: "area columns", found, limit: MAX_AREAS }));
    }
    if rows.is_empty() {
        return Err(ImportError::one(ImportProblem::NoRows));
    }
    let mut problems = header_problems(header_row, &titles);
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (row, cells) in &rows {
        let name = &cells[0];
        if name.is_empty() {
            problems.push(ImportProblem::BlankName { row: *row });
        } else if let Some((_, first_row)) = seen.iter().find(|(k, _)| *k == key(name)) {
            problems.push(ImportProblem::DuplicateName { row: *row, name: name.clone(), first_row: *first_row });
        } else {
            seen.push((key(name), *row));
        }
        if cells.len() != header.len() {
            problems.push(ImportProblem::Ragged { row: *row, name: name.clone(), found: cells.len(), expected: header.len() });
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::new(problems));
    }
    let ids = unique_slugs(titles.iter().map(String::as_str), "area");
    let (row_numbers, rows): (Vec<usize>, Vec<Vec<String>>) = rows.into_iter().unzip();
    let names = rows.iter().map(|r| r[0].clone()).collect();
    let cells = rows.into_iter().map(|mut r| r.split_off(1)).collect();
    Ok(Table { names, titles, ids, cells, row_numbers })
}

fn header_problems(row: usize, titles: &[String]) -> Vec<ImportProblem> {
    let mut problems = Vec::new();
    let column = |i: usize| Column { index: i + 1, header: titles[i].clone() };
    for (i, title) in titles.iter().enumerate() {
        if title.is_empty() {
            problems.push(ImportProblem::BlankHeader { row, column: column(i) });
        } else if let Some(first) = titles[..i].iter().position(|t| key(t) == key(title)) {
            problems.push(ImportProblem::DuplicateHeader { row, column: column(i), first: column(first) });
        }
    }
    problems
}
