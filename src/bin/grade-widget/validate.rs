//! `grade-widget validate FILE.json` (or `-` for standard input): prints "valid" and exits 0, or
//! lists every problem as `<path>: <message>` with a count line and exits 1. Exit 2 means the
//! input could not be read at all (missing file, permission), as with grep and diff.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::process::ExitCode;

use grade_widget::model::{parse_report_bytes, ReportProblem, MAX_REPORT_BYTES};

pub fn run(input: &Path) -> ExitCode {
    let name =
        if input == Path::new("-") { "standard input".to_owned() } else { input.display().to_string() };
    let bytes = match read(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("validate: cannot read {name}: {}", describe(&e));
            return ExitCode::from(2);
        }
    };
    let problems = match check(&bytes) {
        Ok(()) => {
            println!("valid");
            return ExitCode::SUCCESS;
        }
        Err(problems) => problems,
    };
    for problem in &problems {
        println!("{problem}");
    }
    let count = problems.len();
    println!("{count} problem{} in {name}", if count == 1 { "" } else { "s" });
    ExitCode::FAILURE
}

/// Reads at most one byte more than the limit, so a huge file or an endless pipe is refused
/// without first being read whole.
fn read(input: &Path) -> io::Result<Vec<u8>> {
    let limit = MAX_REPORT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if input == Path::new("-") {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    } else {
        File::open(input)?.take(limit).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

fn check(bytes: &[u8]) -> Result<(), Vec<ReportProblem>> {
    parse_report_bytes(bytes).map(|_| ())
}

/// `no such file or directory` rather than `No such file or directory (os error 2)`.
fn describe(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown error".to_owned(),
    }
}
