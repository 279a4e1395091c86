//! Lines to items: blank lines, page headers and page footers removed, with what was between
//! two items kept as flags so later stages can join text that a page break split.

use super::cover::{is_page_header, Cover};
use super::normalise::RawLine;

/// One non-blank line of the report body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// 1-based input line number.
    pub no: usize,
    /// The line, cleaned; leading whitespace kept (it marks nested bullets).
    pub text: String,
    /// Blank lines (or a page break) separate this item from the one before.
    pub gap_before: bool,
    /// A page footer, page header or form feed separates this item from the one before.
    pub page_break_before: bool,
}

impl Item {
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }
}

/// Every non-blank line that is not page furniture.
pub(crate) fn items(lines: &[RawLine], cover: &Cover) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(lines.len() / 2);
    let mut gap = false;
    let mut page_break = false;
    for line in lines {
        if line.form_feed {
            page_break = true;
            gap = true;
        }
        let t = line.text.trim();
        if t.is_empty() {
            gap = true;
            continue;
        }
        if is_footer(t, &cover.footer) || is_page_header(t, Some(cover)) {
            page_break = true;
            gap = true;
            continue;
        }
        out.push(Item {
            no: line.no,
            text: line.text.clone(),
            gap_before: gap,
            page_break_before: page_break,
        });
        gap = false;
        page_break = false;
    }
    out
}

/// The footer repeats the cover's month and year, alone on its line.
fn is_footer(line: &str, footer: &str) -> bool {
    line.len() == footer.len() && line.eq_ignore_ascii_case(footer)
        || line.split_whitespace().eq(footer.split_whitespace())
}
