//! The "Summary of Judgements" table: domain rows and area rows with grade and direction,
//! read so that each area's own section can be checked against it.

use crate::model::{Direction, Grade};

use super::columns;
use super::error::{ExtractProblem, ExtractProblemKind};
use super::grades;
use super::lines::Item;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SummaryDomain {
    pub title: String,
    pub areas: Vec<SummaryArea>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SummaryArea {
    pub title: String,
    pub grade: Option<Grade>,
    pub direction: Option<Direction>,
    pub line: usize,
}

/// The table as read, with where it starts and ends in `items`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Summary {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub domains: Vec<SummaryDomain>,
}

/// Finds the table: its header line carries the column names ("Summary of Judgements<TAB>Grade
/// <TAB>Direction of Travel", or with runs of spaces between them), which the contents list's
/// plain "Summary of Judgements" does not.
pub(crate) fn read(items: &[Item], problems: &mut Vec<ExtractProblem>) -> Option<Summary> {
    let start = items.iter().position(|it| {
        let t = it.trimmed();
        t.starts_with("Summary of Judgements") && t.contains("Grade")
    })?;
    // `pdftotext -layout` lines the columns up with spaces: a domain row is then its title alone
    // (tab-flattened tables keep its empty cells), so a one-cell row is a domain, not the end.
    let layout = items.get(start).is_some_and(|h| columns::is_layout(&h.text));
    let mut domains: Vec<SummaryDomain> = Vec::new();
    let mut end = start + 1;
    while let Some(item) = items.get(end) {
        // Rows follow each other directly; only a page break may put a gap between them.
        if item.gap_before && !item.page_break_before {
            break;
        }
        let cells = columns::cells(&item.text);
        let [title, rest @ ..] = cells.as_slice() else {
            break;
        };
        if cells.len() < 2 && !layout {
            break;
        }
        end += 1;
        let grade_word = rest.first().copied().unwrap_or("");
        let dir_word = rest.get(1).copied().unwrap_or("");
        if grade_word.is_empty() && dir_word.is_empty() {
            domains.push(SummaryDomain {
                title: title.to_string(),
                areas: Vec::new(),
            });
            continue;
        }
        let (grade, direction) = match (grades::grade(grade_word), grades::direction(dir_word)) {
            (Ok(g), Ok(d)) => (g, d),
            _ => {
                let kind = ExtractProblemKind::BadSummaryRow {
                    text: cells.join(" | "),
                };
                problems.push(ExtractProblem::at(kind, item.no));
                continue;
            }
        };
        let area = SummaryArea {
            title: title.to_string(),
            grade,
            direction,
            line: item.no,
        };
        match domains.last_mut() {
            Some(d) => d.areas.push(area),
            // An area row before any domain row: keep it under an untitled domain.
            None => domains.push(SummaryDomain {
                title: String::new(),
                areas: vec![area],
            }),
        }
    }
    let line = items.get(start).map_or(0, |i| i.no);
    Some(Summary {
        start,
        end,
        line,
        domains,
    })
}
