//! A national table in the builder: its shape and names (for the force picker), and one force's
//! report made as `grade-widget import` makes it (src/import/, the same code and the same JSON).
//! The page's options arrive as strings, checked here as the CLI's arguments are checked.

use grade_widget::import::{self, Format, ImportError, ImportProblem, Settings};
use grade_widget::model::{validate, Compared, Scale, ScaleChoice};
use serde::Serialize;

use crate::outcome::{validation_view, AreaChoice, Outcome, ProblemView};

/// `{ status: "table", names, areas }` or `{ status: "problems", problems }`.
#[derive(Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum TableOutcome {
    Table { names: Vec<String>, areas: Vec<AreaChoice> },
    Problems { problems: Vec<ProblemView> },
}

/// `detect`, `csv` or `tsv` (the CLI's `--tsv`); anything else detects.
pub fn format(word: &str) -> Format {
    match word {
        "csv" => Format::Csv,
        "tsv" => Format::Tsv,
        _ => Format::Detect,
    }
}

/// The table's rows and areas, or every problem of its shape.
pub fn shape(bytes: &[u8], format: Format) -> TableOutcome {
    match import::read_table(bytes, format) {
        Ok(table) => TableOutcome::Table {
            areas: table.ids.iter().zip(&table.titles).map(|(id, title)| AreaChoice { id: id.clone(), title: title.clone() }).collect(),
            names: table.names,
        },
        Err(e) => TableOutcome::Problems { problems: views(&e) },
    }
}

/// What the page asks `import` for, as strings (blank optional ones already left out).
pub struct Request<'a> {
    pub format: Format,
    /// A built-in scale's name, when no scale file is given.
    pub scale: Option<&'a str>,
    /// A scale file's text (`{"grades": [...]}`), read as `--scale FILE` reads it.
    pub scale_file: Option<&'a str>,
    pub force: &'a str,
    pub title: Option<String>,
    pub published: Option<&'a str>,
    pub compared_en: Option<String>,
    pub compared_cy: Option<String>,
    /// `--compared-en-one`, `--compared-en-this`, `--compared-cy-this`: only with both words.
    pub compared_en_one: Option<String>,
    pub compared_en_this: Option<String>,
    pub compared_cy_this: Option<String>,
}

/// One force's report JSON, byte for byte `grade-widget import --force` 's, or every problem.
pub fn outcome(bytes: &[u8], req: Request) -> Outcome {
    let choice = match (req.scale_file, req.scale) {
        (Some(text), _) => match scale_file(text) {
            Ok(scale) => ScaleChoice::Given(scale),
            Err(problems) => return Outcome::failed(problems),
        },
        (None, Some(name)) => ScaleChoice::Named(name.to_owned()),
        (None, None) => return document("scale: choose a built-in scale or a scale file"),
    };
    let published = match req.published.map(import::published_month).transpose() {
        Ok(month) => month,
        Err(e) => return document(format!("published: {e}")),
    };
    let extras = req.compared_en_one.is_some() || req.compared_en_this.is_some() || req.compared_cy_this.is_some();
    let compared = match (req.compared_en, req.compared_cy) {
        (Some(en), Some(cy)) => Some(Compared {
            en_one: req.compared_en_one,
            en_this: req.compared_en_this,
            cy_this: req.compared_cy_this,
            ..Compared::new(en, cy)
        }),
        (None, None) if !extras => None,
        (None, None) => {
            return document("what the rows are: the singular and the phrases for \"this one\" need the English and Welsh words as well")
        }
        _ => return document("what the rows are: give it in both English and Welsh, or in neither (the widget then says forces)"),
    };
    let settings = Settings { title: req.title, published, compared };
    let imported = match import::import(bytes, req.format, choice, settings) {
        Ok(imported) => imported,
        Err(e) => return Outcome::failed(views(&e)),
    };
    let row = match imported.find(req.force) {
        Ok(row) => row,
        Err(e) => return Outcome::failed(views(&e)),
    };
    let report = imported.report(row);
    // As the extractor's reports are: should one slip through invalid, say so rather than hand
    // out JSON the widget would refuse.
    let invalid = validate(&report);
    if !invalid.is_empty() {
        return Outcome::failed(invalid.iter().map(validation_view).collect());
    }
    Outcome::ready(&report, imported.json(row))
}

/// A scale file's text read as the CLI reads one (`Scale::from_json`: the report's own reader,
/// then the scale's own checks), each problem with its place in the file.
fn scale_file(text: &str) -> Result<Scale, Vec<ProblemView>> {
    Scale::from_json(text).map_err(|problems| {
        let said = |p: String| match p.strip_prefix("not a grade scale: ") {
            Some(why) => format!("the scale file is not a grade scale: {why}"),
            None => format!("the scale file, {p}"),
        };
        problems.into_iter().map(|p| ProblemView::document(said(p))).collect()
    })
}

fn document(message: impl Into<String>) -> Outcome {
    Outcome::failed(vec![ProblemView::document(message.into())])
}

/// Each problem with its row, which is its line in the page's text box.
fn views(e: &ImportError) -> Vec<ProblemView> {
    e.problems().iter().map(view).collect()
}

fn view(p: &ImportProblem) -> ProblemView {
    ProblemView { line: p.row(), path: None, message: p.to_string() }
}

/// The built-in scales for the page's picker: each name with its English grade words.
#[derive(Serialize)]
pub struct ScaleView {
    pub name: &'static str,
    pub words: Vec<String>,
}

pub fn scales() -> Vec<ScaleView> {
    grade_widget::model::scale::BUILTIN
        .iter()
        .filter_map(|&name| Some(ScaleView { name, words: Scale::builtin(name)?.grades.into_iter().map(|g| g.en).collect() }))
        .collect()
}
