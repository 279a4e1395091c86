//! `grade-widget extract REPORT.txt [-o OUT.json]`: report text to pretty report JSON.
//!
//! The output file is written to a temporary file beside it and renamed into place only on
//! success, so a failed run never leaves a partial or empty JSON file behind.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use grade_widget::extract::extract_bytes;

pub fn run(input: &Path, output: Option<&Path>) -> ExitCode {
    match try_run(input, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn try_run(input: &Path, output: Option<&Path>) -> Result<(), String> {
    let name = input.display();
    let bytes = read_input(input).map_err(|e| format!("cannot read {name}: {e}"))?;
    let report = extract_bytes(&bytes).map_err(|e| format!("{name}: {e}"))?;
    let mut json =
        serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write JSON: {e}"))?;
    json.push('\n');
    match output {
        None => write_stdout(&json),
        Some(p) if p.as_os_str() == "-" => write_stdout(&json),
        Some(p) => write_atomically(p, &json),
    }
}

fn read_input(input: &Path) -> io::Result<Vec<u8>> {
    if input.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        fs::read(input)
    }
}

fn write_stdout(json: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    out.write_all(json.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// Writes `json` to `.<name>.tmp-<pid>` beside `path`, then renames it over `path`.
fn write_atomically(path: &Path, json: &str) -> Result<(), String> {
    let file_name = path
        .file_name()
        .ok_or_else(|| format!("{} is not a file path", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp: PathBuf = path.with_file_name(tmp_name);
    let result = fs::write(&tmp, json).and_then(|()| fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}
