//! `grade-widget extract REPORT.txt [-o OUT.json]`: report text to pretty report JSON.
//!
//! The output file is written to a temporary file beside it and renamed into place only on
//! success, so a failed run never leaves a partial or empty JSON file behind (`output.rs`).
//! Exit 1: the text has problems; exit 2: a file could not be read or written.

use std::path::Path;
use std::process::ExitCode;

use grade_widget::extract::extract_bytes;

use crate::output::{self, read_input, write_stdout, Staged};

/// Why the run failed: the text (exit 1) or a file (exit 2).
enum Failure {
    Input(String),
    File(String),
}

pub fn run(input: &Path, output: Option<&Path>) -> ExitCode {
    match try_run(input, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::File(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn try_run(input: &Path, output: Option<&Path>) -> Result<(), Failure> {
    let name = input.display();
    let bytes = read_input(input).map_err(|e| Failure::File(format!("cannot read {name}: {e}")))?;
    let report = extract_bytes(&bytes).map_err(|e| Failure::Input(format!("{name}: {e}")))?;
    let mut json = serde_json::to_string_pretty(&report)
        .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
    json.push('\n');
    match output {
        None => write_stdout(&json),
        Some(p) if p.as_os_str() == "-" => write_stdout(&json),
        Some(p) => write_whole(p, &json),
    }
    .map_err(Failure::File)
}

/// Writes `json` to a temporary beside `path`, then renames it over `path` (`output.rs`).
fn write_whole(path: &Path, json: &str) -> Result<(), String> {
    let staged = Staged::write(path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    output::commit(vec![staged]).map_err(|(p, e)| format!("cannot write {}: {e}", p.display()))
}
