//! `grade-widget import`, the real binary: a national table to one force's report (or one per
//! row), with every area's national counts what a spreadsheet's COUNTIF gives for the same table
//! (worked out here from the test's own rows, not by the importer's reader); bad cells all named
//! and nothing written; an unknown force; a scale file; Welsh words; the committed example
//! reports equal a fresh import of the committed example table.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

use common::{run, ROOT};
const PEEL: [&str; 5] = ["outstanding", "good", "adequate", "requires-improvement", "inadequate"];

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), stderr(out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}"))
}

/// A table as the test knows it: the header, then rows of cells.
struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<&'static str>>,
}

impl Table {
    /// As a spreadsheet saves it: CRLF, cells with commas or quotes in double quotes.
    fn csv(&self) -> String {
        let cell = |c: &str| if c.contains([',', '"']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.to_owned() };
        let line = |cells: &[&str]| cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\r\n";
        let mut out = line(&self.header);
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }

    /// COUNTIF over column `col` (1-based, as the header has it) for each of `words`' grades:
    /// a cell counts for a grade when it is, trimmed and in any case, one of that grade's words.
    fn countif(&self, col: usize, words: &[&[&str]]) -> Vec<u64> {
        words
            .iter()
            .map(|grade| {
                let n = self.rows.iter().filter(|r| grade.iter().any(|w| r[col].trim().eq_ignore_ascii_case(w))).count();
                n as u64
            })
            .collect()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, text).unwrap_or_else(|e| panic!("write {name}: {e}"));
    path.display().to_string()
}

/// Twelve rows, six areas, empty cells, words in every letter case and with spaces around them.
fn national() -> Table {
    Table {
        header: vec!["Force", "Responding to the public", "Investigating crime", "Protecting vulnerable people", "Managing offenders and suspects", "Building, supporting and protecting the workforce", "Leadership and force management"],
        rows: vec![
            vec!["Avon Police", "Good", "Adequate", "Requires improvement", "Good", "", "Outstanding"],
            vec!["Brent Police", "good", " ADEQUATE ", "Inadequate", "Good", "Good", "Adequate"],
            vec!["Corve Police", "Outstanding", "Requires Improvement", "requires-improvement", "", "Adequate", "Good"],
            vec!["Dart Police", "Adequate", "Adequate", "Good", "Good", "Good", ""],
            vec!["Exe Police", "Inadequate", "", "Adequate", "Adequate", "Requires improvement", "Good"],
            vec!["Fal Police", "Good", "Good", "Good", "Outstanding", "Good", "Good"],
            vec!["Gade Police", "", "Inadequate", "Inadequate", "Requires improvement", "Adequate", "Adequate"],
            vec!["Hull Police", "Requires improvement", "Good", "Adequate", "Good", "", "Inadequate"],
            vec!["Isis Police", "Adequate", "Requires improvement", "Good", "Adequate", "Outstanding", "Requires improvement"],
            vec!["Kent Water Police", "Good", "Adequate", "", "Good", "Good", "Good"],
            vec!["Lune Police", "Outstanding", "Good", "Requires improvement", "Inadequate", "Adequate", "Good"],
            vec!["Mole Police", "Good", "Adequate", "Adequate", "Good", "Requires improvement", ""],
        ],
    }
}

const PEEL_WORDS: [&[&str]; 5] = [
    &["outstanding", "Outstanding", "Rhagorol"],
    &["good", "Good", "Da"],
    &["adequate", "Adequate", "Digonol"],
    &["requires-improvement", "Requires improvement", "Angen gwella"],
    &["inadequate", "Inadequate", "Annigonol"],
];

/// The report's areas, each as (id, title, grade, counts in PEEL's order or None).
fn areas(report: &Value, ids: &[&str]) -> Vec<(String, String, Value, Option<Vec<u64>>)> {
    let areas = report["areas"].as_array().unwrap_or_else(|| panic!("flat areas: {report}"));
    areas
        .iter()
        .map(|a| {
            let counts = a.get("national").filter(|n| !n.is_null()).map(|n| ids.iter().map(|id| n[*id].as_u64().unwrap_or(0)).collect());
            (a["id"].as_str().unwrap_or("").to_owned(), a["title"].as_str().unwrap_or("").to_owned(), a["grade"].clone(), counts)
        })
        .collect()
}

#[test]
fn counts_are_what_a_spreadsheet_counts_for_every_force_asked() {
    let dir = common::scratch("import-cli", "counts");
    let table = national();
    let path = write(&dir, "national.csv", &table.csv());
    for (row, force) in [(0, "Avon Police"), (4, "exe police"), (9, "  KENT water police ")] {
        let report = json(&run(&["import", &path, "--scale", "peel-2021", "--force", force], None));
        assert_eq!(report["force"], table.rows[row][0], "the table's own spelling of the name");
        assert_eq!(report["scale"], "peel-2021");
        let got = areas(&report, &PEEL);
        assert_eq!(got.len(), 6);
        for (i, (id, title, grade, counts)) in got.iter().enumerate() {
            let col = i + 1;
            assert_eq!(title, table.header[col]);
            assert!(!id.is_empty() && id.len() <= 40, "{id}");
            assert_eq!(counts.as_deref(), Some(&table.countif(col, &PEEL_WORDS)[..]), "{force}, {title}");
            let total: u64 = counts.as_ref().map(|c| c.iter().sum()).unwrap_or(0);
            let graded = table.rows.iter().filter(|r| !r[col].trim().is_empty()).count() as u64;
            assert_eq!(total, graded, "each area's own total: its graded rows");
            let cell = table.rows[row][col].trim();
            let want = PEEL_WORDS.iter().position(|ws| ws.iter().any(|w| w.eq_ignore_ascii_case(cell))).map(|g| PEEL[g]);
            assert_eq!(grade.as_str(), want, "{force}, {title}: {cell:?}");
        }
        // Every report it writes is one `validate` accepts.
        let check = run(&["validate", "-"], Some(serde_json::to_string(&report).unwrap_or_default().as_bytes()));
        assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    }
}

#[test]
fn all_writes_one_report_per_row_named_from_its_force() {
    let dir = common::scratch("import-cli", "all");
    let out = dir.join("reports");
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    let table = national();
    let path = write(&dir, "national.csv", &table.csv());
    let done = run(&["import", &path, "--scale", "peel-2021", "--all", "--out-dir", out.to_str().unwrap_or("")], None);
    assert!(done.status.success(), "{}", stderr(&done));
    let mut names: Vec<String> = fs::read_dir(&out).unwrap_or_else(|e| panic!("{e}")).filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 12, "{names:?}");
    assert!(names.contains(&"kent-water-police.json".to_owned()), "{names:?}");
    for row in &table.rows {
        let file = out.join(format!("{}.json", row[0].to_lowercase().replace(' ', "-")));
        let written: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap_or_default()).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        let alone = json(&run(&["import", &path, "--scale", "peel-2021", "--force", row[0]], None));
        assert_eq!(written, alone, "{}: --all writes what --force writes", row[0]);
    }
}

#[test]
fn a_table_with_bad_cells_names_every_one_and_writes_nothing() {
    let dir = common::scratch("import-cli", "bad");
    let mut table = national();
    table.rows[1][2] = "Adequat";
    table.rows[6][6] = "Fair";
    table.rows[10][3] = "good-ish";
    let path = write(&dir, "bad.csv", &table.csv());
    let target = dir.join("report.json");
    let out = run(&["import", &path, "--scale", "peel-2021", "--force", "Avon Police", "-o", target.to_str().unwrap_or("")], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    let allowed = "expected Outstanding, Good, Adequate, Requires improvement or Inadequate (or in Welsh: Rhagorol, Da, Digonol, Angen gwella or Annigonol), or an empty cell for not graded";
    let want = [
        format!("error: {path}: row 3 (\"Brent Police\"), column 3 (C) \"Investigating crime\": \"Adequat\" is not a grade; {allowed}"),
        format!("error: {path}: row 8 (\"Gade Police\"), column 7 (G) \"Leadership and force management\": \"Fair\" is not a grade; {allowed}"),
        format!("error: {path}: row 12 (\"Lune Police\"), column 4 (D) \"Protecting vulnerable people\": \"good-ish\" is not a grade; {allowed}"),
        "3 problems; nothing was written".to_owned(),
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), want);
    assert!(!target.exists(), "nothing written");
    assert_eq!(fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0), 1, "no temporary left either");
}

#[test]
fn an_unknown_force_is_refused_with_near_matches() {
    let dir = common::scratch("import-cli", "unknown");
    let path = write(&dir, "national.csv", &national().csv());
    let cases = [
        ("Kent", "no row of the table is named \"Kent\"; did you mean \"Kent Water Police\"?"),
        ("Corv Police", "no row of the table is named \"Corv Police\"; did you mean \"Corve Police\"?"),
        ("Metropolitan Police Service", "no row of the table is named \"Metropolitan Police Service\" (the table names 12 forces in its first column)"),
    ];
    for (force, message) in cases {
        let out = run(&["import", &path, "--scale", "peel-2021", "--force", force], None);
        assert_eq!(out.status.code(), Some(1), "{force}");
        assert_eq!(stderr(&out).trim_end(), format!("error: {path}: {message}"), "{force}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_scale_file_works_end_to_end() {
    let dir = common::scratch("import-cli", "scale");
    let scale = r#"{"grades": [
        {"id": "met", "en": "Standard met", "cy": "Safon wedi'i chyrraedd"},
        {"id": "partly", "en": "Partly met", "cy": "Wedi'i chyrraedd yn rhannol"},
        {"id": "not-met", "en": "Not met", "cy": "Heb ei chyrraedd"}
    ]}"#;
    let scale_path = write(&dir, "scale.json", scale);
    let table = Table {
        header: vec!["Service", "Governance", "Case work"],
        rows: vec![
            vec!["North Youth Justice", "Standard met", "partly"],
            vec!["South Youth Justice", "not met", "Heb ei chyrraedd"],
            vec!["East Youth Justice", "MET", ""],
        ],
    };
    let path = write(&dir, "services.csv", &table.csv());
    let args = ["import", &path, "--scale", &scale_path, "--force", "South Youth Justice", "--compared-en", "services", "--compared-cy", "gwasanaeth", "--title", "Youth justice inspections", "--published", "2025-03"];
    let report = json(&run(&args, None));
    assert_eq!(report["scale"]["grades"][2]["id"], "not-met", "the file's scale, in full");
    assert_eq!(report["compared"]["en"], "services");
    assert_eq!(report["compared"]["cy"], "gwasanaeth");
    assert_eq!(report["title"], "Youth justice inspections");
    assert_eq!(report["published"], "2025-03");
    let words: [&[&str]; 3] = [&["met", "Standard met"], &["partly", "Partly met"], &["not-met", "Not met", "Heb ei chyrraedd"]];
    let got = areas(&report, &["met", "partly", "not-met"]);
    assert_eq!(got[0].2, "not-met");
    assert_eq!(got[1].2, "not-met");
    assert_eq!(got[0].3.as_deref(), Some(&table.countif(1, &words)[..]));
    assert_eq!(got[1].3.as_deref(), Some(&table.countif(2, &words)[..]));
    let check = run(&["validate", "-"], Some(serde_json::to_string(&report).unwrap_or_default().as_bytes()));
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));

    // A scale file that is not a scale: exit 1, its problems named; a missing one: exit 2.
    let bad = write(&dir, "bad-scale.json", r#"{"grades": [{"id": "Top", "en": "Top", "cy": "Brig"}]}"#);
    let out = run(&["import", &path, "--scale", &bad, "--force", "South Youth Justice"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("grades[0].id: malformed id \"Top\""), "{}", stderr(&out));
    let out = run(&["import", &path, "--scale", "peel-2030", "--force", "South Youth Justice"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim_end(), "error: --scale \"peel-2030\" is neither a built-in scale (baseline-2006, peel-2014, peel-2021) nor a file");
}

#[test]
fn welsh_words_and_pasted_cells_read_the_same_as_english() {
    let table = national();
    let english = json(&run(&["import", "-", "--scale", "peel-2021", "--force", "Brent Police"], Some(table.csv().as_bytes())));
    // The same table in Welsh words, tab-separated as cells copied from a spreadsheet are.
    let welsh: String = std::iter::once(table.header.clone())
        .chain(table.rows.iter().map(|r| {
            r.iter()
                .enumerate()
                .map(|(i, c)| if i == 0 { *c } else { PEEL_WORDS.iter().find(|ws| ws.iter().any(|w| w.eq_ignore_ascii_case(c.trim()))).map_or(*c, |ws| ws[2]) })
                .collect()
        }))
        .map(|r: Vec<&str>| r.join("\t") + "\n")
        .collect();
    assert!(welsh.contains("Angen gwella") && welsh.contains("Digonol"));
    let from_welsh = json(&run(&["import", "-", "--scale", "peel-2021", "--force", "Brent Police"], Some(welsh.as_bytes())));
    assert_eq!(from_welsh, english);
}

#[test]
fn the_committed_example_reports_are_a_fresh_import_of_the_example_table() {
    let table = format!("{ROOT}/www/data/peel-table-example.csv");
    let committed = format!("{ROOT}/www/data/peel-table-example");
    let dir = common::scratch("import-cli", "example");
    let args = ["import", &table, "--scale", "peel-2021", "--title", "PEEL (made-up example)", "--all", "--out-dir", dir.to_str().unwrap_or("")];
    let out = run(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let _ = fs::remove_dir_all(&committed);
        fs::create_dir_all(&committed).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut fresh: Vec<_> = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")).filter_map(|e| e.ok()).map(|e| e.path()).collect();
    fresh.sort();
    assert_eq!(fresh.len(), 12);
    for path in fresh {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = fs::read_to_string(&path).unwrap_or_default();
        let target = format!("{committed}/{name}");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            fs::write(&target, &text).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(fs::read_to_string(&target).unwrap_or_default(), text, "{name} differs from a fresh import: UPDATE_SNAPSHOTS=1 cargo test --test import_cli");
    }
    assert_eq!(fs::read_dir(&committed).map(|d| d.count()).unwrap_or(0), 12, "no stale report in {committed}");
}

#[test]
fn the_singular_and_this_one_in_either_language_reach_the_report_and_its_welsh_widget() {
    let dir = common::scratch("import-cli", "this");
    let path = write(&dir, "national.csv", &national().csv());
    // Phrases the widget would not make itself: its defaults are "this fire service" and the
    // neutral "y sefydliad hwn".
    let compared = [
        "--compared-en", "fire services", "--compared-cy", "gwasanaeth tân", "--compared-en-one", "fire service",
        "--compared-en-this", "this fire and rescue service", "--compared-cy-this", "y gwasanaeth tân hwn",
    ];
    let args = [&["import", &path, "--scale", "peel-2021", "--force", "Brent Police"][..], &compared[..]].concat();
    let out = run(&args, None);
    let report = json(&out);
    assert_eq!(
        report["compared"],
        serde_json::json!({"en": "fire services", "cy": "gwasanaeth tân", "en_one": "fire service",
            "en_this": "this fire and rescue service", "cy_this": "y gwasanaeth tân hwn"})
    );
    let check = run(&["validate", "-"], Some(&out.stdout));
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));

    // The widget, as `render` draws it, says the phrases given, in English and in Welsh.
    let html = |lang: &str| {
        let out = run(&["render", "-", "--lang", lang], Some(&out.stdout));
        assert!(out.status.success(), "render --lang {lang}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let cy = html("cy");
    assert!(cy.contains("y gwasanaeth tân hwn") || cy.contains("Y gwasanaeth tân hwn"), "{cy}");
    assert!(!cy.contains("sefydliad"), "Welsh says the phrase given, not the neutral one");
    let en = html("en");
    assert!(en.contains("this fire and rescue service") || en.contains("This fire and rescue service"), "{en}");
    assert!(!en.contains("this fire service") && !en.contains("This fire service"));

    // Each of the three without the words it goes with: a usage error naming what is missing,
    // and no report. An empty one is refused as the words are.
    for (option, value, missing) in [
        ("--compared-en-one", "fire service", "--compared-en"),
        ("--compared-en-this", "this fire and rescue service", "--compared-en"),
        ("--compared-cy-this", "y gwasanaeth tân hwn", "--compared-cy"),
    ] {
        let out = run(&["import", &path, "--scale", "peel-2021", "--force", "Brent Police", option, value], None);
        assert_eq!(out.status.code(), Some(2), "{option}: {}", stderr(&out));
        assert!(stderr(&out).starts_with("error: the following required arguments were not provided:"), "{option}: {}", stderr(&out));
        assert!(stderr(&out).contains(&format!("{missing} <WORD>")), "{option}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
        let empty = ["import", &path, "--scale", "peel-2021", "--force", "Brent Police", "--compared-en", "fire services", "--compared-cy", "gwasanaeth tân", option, ""];
        let out = run(&empty, None);
        assert_eq!(out.status.code(), Some(2), "{option} \"\"");
        assert!(stderr(&out).contains(&format!("a value is required for '{option} ")), "{option}: {}", stderr(&out));
    }
}
