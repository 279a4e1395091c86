//! The table's cells read as grades of a scale, and each area's national counts: for every
//! grade, how many rows hold it in that area's column (what a spreadsheet's COUNTIF gives).
//! An empty cell is not graded and is not counted, so each area has its own total.

use super::error::{ImportError, ImportProblem};
use super::table::Table;

/// The table's grades: `grades[row][area]` as an index into the scale (best first), None where
/// the cell is empty; `counts[area][grade]` how many rows hold each grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub grades: Vec<Vec<Option<usize>>>,
    pub counts: Vec<Vec<u32>>,
}

/// Reads every cell with `find` (a grade word to its index, any case, spaces trimmed: the
/// scale's own matching); every cell that is neither empty nor a grade is a problem, named by
/// row and column with `allowed` (the scale's words, as a message lists them).
pub fn grade_cells(
    table: &Table,
    grade_count: usize,
    find: impl Fn(&str) -> Option<usize>,
    allowed: &str,
) -> Result<Graded, ImportError> {
    let mut problems = Vec::new();
    let mut counts = vec![vec![0u32; grade_count]; table.titles.len()];
    let mut grades = Vec::with_capacity(table.cells.len());
    for (r, row) in table.cells.iter().enumerate() {
        let mut graded = Vec::with_capacity(row.len());
        for (a, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                graded.push(None);
                continue;
            }
            match find(cell).filter(|&g| g < grade_count) {
                Some(g) => {
                    counts[a][g] += 1;
                    graded.push(Some(g));
                }
                None => {
                    problems.push(ImportProblem::BadCell {
                        row: table.row_numbers[r],
                        name: table.names[r].clone(),
                        column: table.column(a),
                        found: cell.clone(),
                        allowed: allowed.to_owned(),
                    });
                    graded.push(None);
                }
            }
        }
        grades.push(graded);
    }
    if problems.is_empty() {
        Ok(Graded { grades, counts })
    } else {
        Err(ImportError::new(problems))
    }
}

/// The row named `name` (any case, runs of spaces as one), or the problem listing near matches.
pub fn find_row(table: &Table, name: &str) -> Result<usize, ImportProblem> {
    let want = super::slug::key(name);
    if let Some(i) = table.names.iter().position(|n| super::slug::key(n) == want) {
        return Ok(i);
    }
    Err(ImportProblem::UnknownForce { name: name.to_owned(), near: near_names(&table.names, &want), count: table.names.len() })
}

/// Up to five names close to `want` (already a key): those containing it or contained in it,
/// sharing a word of four letters or more, or a few edits away; nearest first.
fn near_names(names: &[String], want: &str) -> Vec<String> {
    let words: Vec<&str> = want.split(' ').filter(|w| w.chars().count() >= 4 && !COMMON.contains(w)).collect();
    let mut scored: Vec<(usize, &String)> = names
        .iter()
        .filter_map(|n| {
            let k = super::slug::key(n);
            let distance = edit_distance(&k, want);
            // A typo or two: more edits than that make most short names "near" each other.
            let close = distance <= 2.max(want.chars().count() / 6)
                || k.contains(want)
                || want.contains(&k)
                || k.split(' ').any(|w| words.contains(&w));
            close.then_some((distance, n))
        })
        .collect();
    scored.sort_by_key(|(d, _)| *d);
    scored.into_iter().take(5).map(|(_, n)| n.clone()).collect()
}

/// Words that most force names share, so they make no name near another.
const COMMON: [&str; 6] = ["police", "constabulary", "service", "heddlu", "force", "county"];

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distances() {
        for (a, b, want) in [("", "", 0), ("kitten", "sitting", 3), ("cleveland", "cleaveland", 1), ("gwent", "gŵent", 1)] {
            assert_eq!(edit_distance(a, b), want, "{a} {b}");
        }
    }
}
