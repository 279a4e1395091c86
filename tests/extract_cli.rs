//! `grade-widget extract`: JSON to stdout or a file, exit 1 with the message on failure, and
//! never a partial or empty output file.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;

use common::run;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/metropolitan-2006.txt"
);
const DEMO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/www/data/metropolitan-2006.json"
);

fn demo() -> String {
    fs::read_to_string(DEMO).unwrap_or_default()
}

#[test]
fn writes_pretty_json_to_stdout_and_files() {
    let out = run(&["extract", FIXTURE], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text, demo());
    assert!(text.starts_with("{\n  \"schema_version\": 1,\n") && text.ends_with("}\n"));

    let dir = common::scratch("extract-cli", "ok");
    let target = dir.join("report.json");
    let out = run(
        &[
            "extract",
            FIXTURE,
            "-o",
            target.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert!(out.status.success() && out.stdout.is_empty());
    assert_eq!(fs::read_to_string(&target).unwrap_or_default(), demo());
    assert_eq!(
        fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0),
        1,
        "no temporary file left behind"
    );

    let text = fs::read(FIXTURE).unwrap_or_default();
    let out = run(&["extract", "-"], Some(&text));
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), demo());
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn fails_without_touching_the_output_file() {
    let dir = common::scratch("extract-cli", "fail");
    let truncated = dir.join("truncated.txt");
    let full = fs::read_to_string(FIXTURE).unwrap_or_default();
    let cut = full
        .find("\n3D Improving Forensic Performance\n")
        .unwrap_or(0);
    fs::write(&truncated, &full[..cut]).unwrap_or_default();

    // A new output path is never created.
    let target = dir.join("new.json");
    let out = run(
        &[
            "extract",
            truncated.to_str().unwrap_or_default(),
            "-o",
            target.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: ")
            && err.contains("truncated.txt: the report is truncated: domains 4 Promoting Safety"),
        "{err}"
    );
    assert!(!target.exists());

    // An existing output file keeps its old content.
    let existing = dir.join("old.json");
    fs::write(&existing, "{\"old\": true}\n").unwrap_or_default();
    let out = run(
        &["extract", "-", "-o", existing.to_str().unwrap_or_default()],
        Some(b"\x00\x01binary"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: -: the input looks binary, not report text: control byte 0x00 at byte offset 0\n"
    );
    assert_eq!(
        fs::read_to_string(&existing).unwrap_or_default(),
        "{\"old\": true}\n"
    );

    let out = run(
        &[
            "extract",
            dir.join("missing.txt").to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "unreadable input: exit 2, as in validate and render");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    assert_eq!(
        fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0),
        2,
        "only the two files made here"
    );
    let _ = fs::remove_dir_all(dir);
}
