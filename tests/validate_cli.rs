//! `grade-widget validate` run as the real binary on the fixture reports: exact output and exit
//! codes (0 valid, 1 problems, 2 unreadable input).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Output;

use grade_widget::model::MAX_REPORT_BYTES;

fn validate(arg: &str, stdin: Option<&[u8]>) -> Output {
    // A refused oversized input may close the pipe early; that is the behaviour under test.
    common::run(&["validate", arg], stdin)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn output_and_exit_code_per_fixture() {
    let table: &[(&str, i32, &str)] = &[
        ("tests/fixtures/reports/valid-full.json", 0, "valid\n"),
        ("tests/fixtures/reports/valid-minimal.json", 0, "valid\n"),
        ("www/data/metropolitan-2006.json", 0, "valid\n"),
        ("tests/fixtures/reports/invalid-unknown-grade.json", 1, "\
domains[0].areas[0].grade: unknown grade \"great\"; expected \"poor\", \"fair\", \"good\", \"excellent\" or null
1 problem in tests/fixtures/reports/invalid-unknown-grade.json
"),
        ("tests/fixtures/reports/invalid-schema-version.json", 1, "\
schema_version: unsupported schema_version 2; this reader understands 1
1 problem in tests/fixtures/reports/invalid-schema-version.json
"),
        ("tests/fixtures/reports/invalid-malformed.json", 1, "\
(document): malformed json: expected `,` or `}` at line 4 column 3
1 problem in tests/fixtures/reports/invalid-malformed.json
"),
        ("tests/fixtures/reports/invalid-type.json", 1, "\
domains[0].areas[0].national.poor: expected an integer, found a string
1 problem in tests/fixtures/reports/invalid-type.json
"),
        ("tests/fixtures/reports/invalid-many.json", 1, r#"force: must not be empty
published: expected a year and month as YYYY-MM, e.g. "2006-10", found "October 2006"
domains[0].areas[0].grade: unknown grade "Good"; grade words are lowercase: "good"
domains[0].areas[0].direction: unknown direction "better"; expected "improved", "stable", "declined" or null
domains[0].areas[0].national: counts sum to 24 but forces_assessed is 43
domains[0].areas[1].id: area id "2A" does not belong to domain "1"; expected "1" followed by one capital letter
domains[0].areas[1].title: must not be empty
domains[0].areas[1].national.poor: must not be negative, found -1
domains[0].areas[2].id: malformed area id "1a"; expected the domain id followed by one capital letter, e.g. "1A"
domains[0].areas[2].grdae: unknown field; it is not part of the report format (check its spelling)
domains[1].id: duplicate domain id "1"; first used at domains[0]
domains[1].areas[0].id: duplicate area id "1A"; first used at domains[0].areas[0]
domains[1].areas[0].strengths[0].heading: must not be empty; use null for text without a sub-heading
domains[1].areas[0].strengths[0].blocks: must not be empty
domains[1].areas[0].strengths[1].blocks[0].text: must not be empty
domains[1].areas[0].strengths[1].blocks[0].level: must be 0 (paragraph), 1 (bullet) or 2 (nested bullet), found 3
glossary[0].abbr: must not be empty
17 problems in tests/fixtures/reports/invalid-many.json
"#),
    ];
    for (file, code, stdout) in table {
        let out = validate(file, None);
        assert_eq!((out.status.code(), text(&out.stdout).as_str()), (Some(*code), *stdout), "{file}");
        assert_eq!(text(&out.stderr), "", "{file}");
    }
}

#[test]
fn reads_standard_input_for_dash() {
    let valid = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reports/valid-full.json"))
        .unwrap();
    let out = validate("-", Some(&valid));
    assert_eq!((out.status.code(), text(&out.stdout).as_str()), (Some(0), "valid\n"));

    let out = validate("-", Some(b"{\"\xff\"}"));
    assert_eq!(
        (out.status.code(), text(&out.stdout).as_str()),
        (Some(1), "(document): not utf-8 text: invalid byte at offset 2\n1 problem in standard input\n")
    );
}

#[test]
fn input_over_the_size_limit_is_refused() {
    let big = vec![b' '; MAX_REPORT_BYTES + 10];
    let out = validate("-", Some(&big));
    assert_eq!(
        (out.status.code(), text(&out.stdout).as_str()),
        (Some(1), "(document): the report is more than 8388608 bytes (8 MiB), the limit\n1 problem in standard input\n")
    );
}

#[test]
fn unreadable_input_names_the_file_and_exits_2() {
    let table = [
        (
            "tests/fixtures/reports/no-such-file.json",
            "validate: cannot read tests/fixtures/reports/no-such-file.json: no such file or directory\n",
        ),
        ("tests/fixtures/reports", "validate: cannot read tests/fixtures/reports: is a directory\n"),
    ];
    for (arg, stderr) in table {
        let out = validate(arg, None);
        assert_eq!(
            (out.status.code(), text(&out.stdout).as_str(), text(&out.stderr).as_str()),
            (Some(2), "", stderr),
            "{arg}"
        );
    }
}

/// Issue 2's "done when": `grade-widget extract <seed> | grade-widget validate -` prints "valid".
#[test]
fn extract_output_piped_into_validate_is_valid() {
    let extracted = common::run(&["extract", "tests/fixtures/metropolitan-2006.txt"], None);
    assert_eq!(extracted.status.code(), Some(0), "{}", text(&extracted.stderr));
    let out = validate("-", Some(&extracted.stdout));
    assert_eq!((out.status.code(), text(&out.stdout).as_str()), (Some(0), "valid\n"));
}
