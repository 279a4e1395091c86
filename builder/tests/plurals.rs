//! The report builder page picks plural forms in JavaScript (www/builder-i18n.js); the widget in
//! Rust (`Lang::plural`). They meet in one committed table, tests/fixtures/plurals.json: each
//! language's CLDR category for n = 0 to 30. This test fails when Rust's rule and the table
//! differ (`UPDATE_SNAPSHOTS=1 cargo test -p grade-widget-builder --test plurals` rewrites it, to
//! review in the diff); tests/js/builder-i18n.test.mjs fails when the page's rule and the table
//! differ, and when a counted text of the page lacks a form the table needs.

use grade_widget::i18n::{Lang, Plural};

/// 0 to 30 holds every category of both languages (Welsh: 0, 1, 2, 3, 6 and the rest), and the
/// teens and twenties where other languages' rules turn.
const LAST: u64 = 30;

fn category(p: Plural) -> &'static str {
    match p {
        Plural::Zero => "zero",
        Plural::One => "one",
        Plural::Two => "two",
        Plural::Few => "few",
        Plural::Many => "many",
        Plural::Other => "other",
    }
}

/// The table as committed: one line per language, the category of n at index n.
fn table() -> String {
    let rows: Vec<String> = [("en", Lang::En), ("cy", Lang::Cy)]
        .into_iter()
        .map(|(tag, lang)| {
            let cells: Vec<String> = (0..=LAST).map(|n| format!("\"{}\"", category(lang.plural(n)))).collect();
            format!("  \"{tag}\": [{}]", cells.join(", "))
        })
        .collect();
    format!(
        "{{\n  \"$comment\": \"Written by builder/tests/plurals.rs from Rust's Lang::plural: the CLDR plural category of n = 0 to {LAST} (index n) in each language. www/builder-i18n.js must agree (tests/js/builder-i18n.test.mjs).\",\n{}\n}}\n",
        rows.join(",\n")
    )
}

#[test]
fn the_committed_table_is_rusts_plural_rule() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/plurals.json");
    let fresh = table();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &fresh).expect("writing tests/fixtures/plurals.json");
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading tests/fixtures/plurals.json: {e} (UPDATE_SNAPSHOTS=1 writes it)"));
    assert!(
        committed == fresh,
        "tests/fixtures/plurals.json differs from Lang::plural: review, then \
         UPDATE_SNAPSHOTS=1 cargo test -p grade-widget-builder --test plurals\n--- committed\n{committed}\n--- Rust\n{fresh}"
    );
}

#[test]
fn the_table_is_valid_json_with_every_welsh_form() {
    let value: serde_json::Value = serde_json::from_str(&table()).expect("the table is JSON");
    let welsh: std::collections::BTreeSet<&str> =
        value["cy"].as_array().expect("cy row").iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(welsh.len(), 6, "Welsh's six categories all appear in 0..={LAST}: {welsh:?}");
    assert_eq!(value["en"].as_array().map(Vec::len), Some(LAST as usize + 1));
}
