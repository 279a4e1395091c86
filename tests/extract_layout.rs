//! `pdftotext -layout` keeps the page layout: its tables line the columns up with runs of spaces
//! instead of tabs. A variant of the fixture in that style (every tab-separated table of the
//! report body: the Summary of Judgements and each area's Grade / Direction of Travel and
//! National Grade Distribution) must extract to the very report the fixture gives.
#![cfg(not(target_arch = "wasm32"))]

use grade_widget::extract::{extract, ExtractProblemKind as ProblemKind};

const FIXTURE: &str = include_str!("fixtures/metropolitan-2006.txt");

/// One tab-separated row as `pdftotext -layout` writes it: a one-space indent, each cell padded
/// to its column's width (at least two spaces after it), no trailing spaces, so a row whose
/// later cells are empty (a domain row of the summary table) is its title alone.
fn laid_out(line: &str, widths: &[usize]) -> String {
    let cells: Vec<&str> = line.split('\t').collect();
    let mut out = String::from(" ");
    for (i, cell) in cells.iter().enumerate() {
        out.push_str(cell);
        if i + 1 < cells.len() {
            let width = widths.get(i).copied().unwrap_or(12).max(cell.len() + 2);
            out.push_str(&" ".repeat(width - cell.len()));
        }
    }
    out.trim_end().to_string()
}

/// The fixture with the body's tables laid out with spaces (the glossary, after the body, and
/// the front matter's frameworks list keep their tabs: they are not grade tables).
fn layout(text: &str) -> String {
    let body = text.find("Summary of Judgements\tGrade").expect("the fixture has the summary table");
    let glossary = text.find("\nAppendix 1: Glossary").expect("the fixture has a glossary");
    let mut out = String::from(&text[..body]);
    for line in text[body..glossary].split_inclusive('\n') {
        let (row, end) = line.strip_suffix('\n').map_or((line, ""), |r| (r, "\n"));
        if !row.contains('\t') {
            out.push_str(line);
            continue;
        }
        // The summary table's title column is wide; the grade tables' columns are narrow.
        let widths: &[usize] = if row.split('\t').count() == 3 { &[58, 13] } else { &[13, 13, 13] };
        out.push_str(&laid_out(row, widths));
        out.push_str(end);
    }
    out.push_str(&text[glossary..]);
    out
}

#[test]
fn reads_tables_laid_out_with_spaces() {
    let text = layout(FIXTURE);
    // The variant is what it claims: the tables have no tabs left, and line up with spaces.
    assert!(text.contains(
        "\n Summary of Judgements                                     Grade        Direction of Travel\n Citizen Focus\n Fairness and Equality in Service Delivery                 Fair         Improved\n"
    ));
    assert!(text.contains("\n Grade        Direction of Travel\n Fair         Improved\n"));
    assert!(text.contains("\n Poor         Fair         Good         Excellent\n 0            15           28           0\n"));
    assert!(text.contains("\n Professional Standards                                    Good         Not Graded\n"));
    let body = &text[text.find(" Summary of Judgements").unwrap_or(0)..text.find("\nAppendix 1: Glossary").unwrap_or(0)];
    assert!(!body.contains('\t'));

    let want = extract(FIXTURE).map_err(|e| e.to_string());
    let got = extract(&text).map_err(|e| e.to_string());
    assert!(want.is_ok());
    assert_eq!(got, want);
}

#[test]
fn a_layout_table_with_a_bad_grade_names_the_row_and_line() {
    let text = layout(FIXTURE).replacen(
        " Volume Crime Reduction                                    Fair         Improved",
        " Volume Crime Reduction                                    Fiar         Improved",
        1,
    );
    let line = text.lines().position(|l| l.contains("Fiar")).map(|i| i + 1);
    let problems = extract(&text).err().map(|e| e.problems().to_vec()).unwrap_or_default();
    let bad = problems.iter().find(|p| matches!(p.kind, ProblemKind::BadSummaryRow { .. }));
    assert_eq!(bad.map(|p| p.line), Some(line));
    assert_eq!(
        bad.map(|p| p.kind.to_string()).as_deref(),
        Some("summary of judgements row \"Volume Crime Reduction | Fiar | Improved\" has no readable grade")
    );
}
