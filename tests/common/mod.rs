//! What the CLI tests share: running the real binary and a scratch folder per test. Each test
//! file that runs the binary includes this (`mod common;`); not every one uses every function.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_grade-widget");
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// An empty folder of its own for one test: `suite` names the test file, `name` the test.
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grade-widget-{suite}-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("scratch dir: {e}"));
    dir
}

/// `grade-widget ARGS` from the repository root, with `stdin` on its standard input (closed at
/// once when there is none).
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        let _ = pipe.write_all(bytes);
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("wait: {e}"))
}
