//! `grade-widget import TABLE.csv --scale SCALE (--force NAME [-o OUT] | --all --out-dir DIR)`: a
//! national table of grades to one force's report, or one report per row. The reading, checking
//! and counting are the library's (src/import/), shared with the report builder; this file is the
//! command line around them: the scale argument, files, exit codes.
//!
//! Exit 1: the table, the scale file or `--force` has problems (every one listed on standard
//! error, nothing written); exit 2: a file could not be read or written, or SCALE is neither a
//! built-in scale's name nor a file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use grade_widget::import::{self, Format, ImportError, Imported, Settings};
use grade_widget::model::scale::BUILTIN;
use grade_widget::model::{Scale, ScaleChoice};

use crate::output::{self, read_input, write_stdout, Staged};

/// Everything `import` was asked for.
pub struct Request {
    pub input: PathBuf,
    pub scale: String,
    pub force: Option<String>,
    pub all: bool,
    pub output: Option<PathBuf>,
    pub out_dir: Option<PathBuf>,
    pub tsv: bool,
    pub settings: Settings,
}

/// Why the run failed: the input (exit 1) or a file (exit 2).
enum Failure {
    Input(Vec<String>),
    File(String),
}

pub fn run(req: &Request) -> ExitCode {
    match try_run(req) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(lines)) => {
            for line in &lines {
                eprintln!("error: {line}");
            }
            if lines.len() > 1 {
                eprintln!("{} problems; nothing was written", lines.len());
            }
            ExitCode::FAILURE
        }
        Err(Failure::File(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn try_run(req: &Request) -> Result<(), Failure> {
    let name = if req.input.as_os_str() == "-" { "standard input".to_owned() } else { req.input.display().to_string() };
    let scale = scale(&req.scale)?;
    let bytes = read_input(&req.input).map_err(|e| Failure::File(format!("cannot read {name}: {}", describe(&e))))?;
    let format = if req.tsv { Format::Tsv } else { Format::Detect };
    let imported = import::import(&bytes, format, scale, req.settings.clone()).map_err(|e| problems(&name, &e))?;
    if req.all {
        let dir = req.out_dir.as_deref().unwrap_or(Path::new("."));
        return write_all(&imported, dir);
    }
    let force = req.force.as_deref().unwrap_or_default();
    let row = imported.find(force).map_err(|e| problems(&name, &e))?;
    let json = imported.json(row);
    match req.output.as_deref() {
        None => write_stdout(&json),
        Some(p) if p.as_os_str() == "-" => write_stdout(&json),
        Some(p) => write_files(vec![(p.to_owned(), json)]),
    }
    .map_err(Failure::File)
}

/// A built-in scale's name, else a scale file's path: read (exit 2 when it cannot be) and checked
/// (exit 1 with its problems when it is not a scale).
fn scale(arg: &str) -> Result<ScaleChoice, Failure> {
    if Scale::builtin(arg).is_some() {
        return Ok(ScaleChoice::Named(arg.to_owned()));
    }
    let path = Path::new(arg);
    if !path.exists() {
        return Err(Failure::File(format!("--scale {arg:?} is neither a built-in scale ({}) nor a file", BUILTIN.join(", "))));
    }
    let text = fs::read_to_string(path).map_err(|e| Failure::File(format!("cannot read {arg}: {}", describe(&e))))?;
    let scale = Scale::from_json(&text).map_err(|lines| Failure::Input(lines.into_iter().map(|l| format!("{arg}: {l}")).collect()))?;
    Ok(ScaleChoice::Given(scale))
}

fn problems(name: &str, e: &ImportError) -> Failure {
    Failure::Input(e.problems().iter().map(|p| format!("{name}: {p}")).collect())
}

fn write_all(imported: &Imported, dir: &Path) -> Result<(), Failure> {
    if !dir.is_dir() {
        return Err(Failure::File(format!("--out-dir {}: no such folder", dir.display())));
    }
    let files = imported
        .file_names()
        .into_iter()
        .enumerate()
        .map(|(row, file)| (dir.join(file), imported.json(row)))
        .collect();
    write_files(files).map_err(Failure::File)
}

/// Every file to its temporary first, then all renamed into place (`output.rs`): a failed write
/// leaves none of them.
fn write_files(files: Vec<(PathBuf, String)>) -> Result<(), String> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, json) in &files {
        staged.push(Staged::write(path, json).map_err(|e| format!("cannot write {}: {}", path.display(), describe(&e)))?);
    }
    output::commit(staged).map_err(|(p, e)| format!("cannot write {}: {}", p.display(), describe(&e)))
}

/// `no such file or directory` rather than `No such file or directory (os error 2)`.
fn describe(e: &io::Error) -> String {
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown error".to_owned(),
    }
}
