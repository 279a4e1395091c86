//! `grade-widget extract` (owned by the extraction work).
use std::path::Path;
use std::process::ExitCode;

pub fn run(_input: &Path, _output: Option<&Path>) -> ExitCode {
    eprintln!("extract: not implemented yet");
    ExitCode::FAILURE
}
