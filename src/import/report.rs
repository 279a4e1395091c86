//! A checked table made into reports: one per row, each with the force's own grades and every
//! area's national counts from the whole table, as `grade-widget import` writes them and the
//! report builder shows them. The JSON is written as `grade-widget extract` writes a report, so
//! the CLI and the builder hand out the same bytes for the same table.

use super::cells::{find_row, grade_cells, Graded};
use super::error::{ImportError, ImportProblem};
use super::slug::unique_slugs;
use super::table::{read_table, Format, Table};
use crate::model::{Area, Compared, NationalDistribution, Report, Scale, ScaleChoice, SCHEMA_VERSION};

/// The report's title when none is given.
pub const DEFAULT_TITLE: &str = "Inspection grades";

/// What the table does not say: `--title`, `--published`, `--compared-en` / `--compared-cy` and
/// the optional `--compared-en-one`, `--compared-en-this`, `--compared-cy-this`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub title: Option<String>,
    /// YYYY-MM, checked by the caller (and by `validate` on the report).
    pub published: Option<String>,
    /// What the rows are: English plural and Welsh as it reads after a number, and optionally
    /// the English singular and the phrases for "this one" (Welsh cannot be derived from the
    /// noun, so without `cy_this` the widget says the neutral "y sefydliad hwn").
    pub compared: Option<Compared>,
}

/// `--published`: a year and month as YYYY-MM (what the report's `published` holds), or why not.
pub fn published_month(text: &str) -> Result<String, String> {
    let t = text.trim();
    let ok = t.len() == 7
        && t.as_bytes()[4] == b'-'
        && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && matches!(t[5..].parse::<u8>(), Ok(1..=12));
    if ok {
        Ok(t.to_owned())
    } else {
        Err(format!("expected a year and month as YYYY-MM, e.g. 2025-04, not {text:?}"))
    }
}

/// A table read, its cells checked against the scale, ready to give any row's report.
#[derive(Debug, Clone)]
pub struct Imported {
    table: Table,
    graded: Graded,
    choice: ScaleChoice,
    scale: Scale,
    settings: Settings,
}

/// Reads and checks the table against the scale (`choice`: a built-in scale's name, or a scale
/// given in full and already checked); every problem at once.
pub fn import(bytes: &[u8], format: Format, choice: ScaleChoice, settings: Settings) -> Result<Imported, ImportError> {
    let scale = match &choice {
        ScaleChoice::Named(name) => Scale::builtin(name).ok_or_else(|| ImportError::one(ImportProblem::UnknownScale { name: name.clone() }))?,
        ScaleChoice::Given(scale) => scale.clone(),
    };
    let table = read_table(bytes, format)?;
    let graded = grade_cells(&table, scale.len(), |word| scale.word_to_grade(word), &allowed(&scale))?;
    Ok(Imported { table, graded, choice, scale, settings })
}

/// The scale's words as a bad cell's message lists them: "Outstanding, Good, … or Inadequate
/// (or in Welsh: Rhagorol, … or Annigonol)".
fn allowed(scale: &Scale) -> String {
    let list = |words: Vec<&str>| match words.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    let en = list(scale.grades.iter().map(|g| g.en.as_str()).collect());
    let cy = list(scale.grades.iter().map(|g| g.cy.as_str()).collect());
    format!("{en} (or in Welsh: {cy})")
}

impl Imported {
    /// Each row's name, in table order.
    pub fn names(&self) -> &[String] {
        &self.table.names
    }

    /// The table itself: names, titles, area ids.
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The row named `name` (any letter case), or the problem naming near matches.
    pub fn find(&self, name: &str) -> Result<usize, ImportError> {
        find_row(&self.table, name).map_err(ImportError::one)
    }

    /// Row `row`'s report: flat areas in column order, each with the row's grade (none for an
    /// empty cell) and the column's counts (none when no row is graded in it).
    pub fn report(&self, row: usize) -> Report {
        let areas = (0..self.table.titles.len()).map(|a| self.area(row, a)).collect();
        let mut report = Report {
            schema_version: SCHEMA_VERSION,
            force: self.table.names[row].clone(),
            title: self.settings.title.clone().unwrap_or_else(|| DEFAULT_TITLE.to_owned()),
            published: self.settings.published.clone(),
            period: None,
            scale: Some(self.choice.clone()),
            compared: self.settings.compared.clone(),
            forces_assessed: u32::try_from(self.table.names.len()).ok(),
            domains: Vec::new(),
            areas,
            overview: Vec::new(),
            glossary: Vec::new(),
            grades: Scale::default(),
        };
        report.resolve();
        report
    }

    fn area(&self, row: usize, a: usize) -> Area {
        let counts = &self.graded.counts[a];
        // The scale's ranks are lowest first; the table's grade indices best first.
        let by_rank: Vec<i64> = counts.iter().rev().map(|&n| i64::from(n)).collect();
        let national = (counts.iter().sum::<u32>() > 0).then(|| NationalDistribution::from_counts(&self.scale, &by_rank));
        let grade_id = self.graded.grades[row][a].map(|g| self.scale.grades[g].id.clone());
        Area {
            id: self.table.ids[a].clone(),
            title: self.table.titles[a].clone(),
            grade_id,
            direction_id: None,
            national,
            national_context: Vec::new(),
            context: Vec::new(),
            strengths: Vec::new(),
            work_in_progress: Vec::new(),
            areas_for_improvement: Vec::new(),
            good_practice: Vec::new(),
            grade: None,
            direction: None,
        }
    }

    /// Row `row`'s report as `grade-widget extract` writes JSON: pretty, two-space indent, a
    /// newline at the end.
    pub fn json(&self, row: usize) -> String {
        // Serializing these types to a string cannot fail: no maps with non-string keys, no
        // I/O; an empty string would be refused by the caller's reader rather than panic here.
        let mut json = serde_json::to_string_pretty(&self.report(row)).unwrap_or_default();
        json.push('\n');
        json
    }

    /// A file name per row for `--all`, slugged from its name, unique: `northshire-police.json`.
    pub fn file_names(&self) -> Vec<String> {
        unique_slugs(self.table.names.iter().map(String::as_str), "force").into_iter().map(|s| s + ".json").collect()
    }
}
