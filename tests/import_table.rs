//! The national table's reading and shape checks (src/import/table.rs): tables of input and the
//! exact messages, every problem at once; CSV as spreadsheets write it (quotes, CRLF, BOM) and
//! tab-separated cells as they are pasted.
#![cfg(not(target_arch = "wasm32"))]

use grade_widget::import::{read_table, Format, ImportError};

fn messages(e: &ImportError) -> Vec<String> {
    e.problems().iter().map(ToString::to_string).collect()
}

#[test]
fn reads_csv_as_spreadsheets_write_it() {
    let text = "\u{feff}Force,\"Building, supporting and protecting the workforce\",Investigating crime\r\n\
                \"Cleveland Police\",Good, requires improvement \r\n\
                Northshire Police,,\"Adequate\"\r\n\
                ,,\r\n";
    let table = read_table(text.as_bytes(), Format::Detect).expect("a good table");
    assert_eq!(table.names, ["Cleveland Police", "Northshire Police"]);
    assert_eq!(table.titles, ["Building, supporting and protecting the workforce", "Investigating crime"]);
    assert_eq!(table.ids, ["building-supporting-and-protecting", "investigating-crime"]);
    assert_eq!(table.cells, [vec!["Good", "requires improvement"], vec!["", "Adequate"]]);
    assert_eq!(table.row_numbers, [2, 3]);
}

#[test]
fn reads_tab_separated_cells_detected_or_chosen() {
    let text = "Force\tResponding to the public\tInvestigating crime\nA Police\tGood\tGood, mostly\n";
    let detected = read_table(text.as_bytes(), Format::Detect).expect("tabs detected");
    assert_eq!(detected.cells, [vec!["Good", "Good, mostly"]]);
    assert_eq!(read_table(text.as_bytes(), Format::Tsv).expect("tabs chosen"), detected);
    // Chosen as CSV, the same text is one column: the header has no area column.
    let e = read_table(text.as_bytes(), Format::Csv).expect_err("commas only");
    assert_eq!(
        messages(&e),
        ["the header row has one column only: expected the names' column, then one column per area, separated by commas"]
    );
}

#[test]
fn every_shape_problem_is_named_with_its_row_and_column() {
    let cases: &[(&str, &[&str])] = &[
        ("", &["the table is empty: expected a header row (the names' header, then one area title a column) and one row per force"]),
        (" \r\n\t\n", &["the table is empty: expected a header row (the names' header, then one area title a column) and one row per force"]),
        ("Force\nA Police\n", &["the header row has one column only: expected the names' column, then one column per area, separated by commas"]),
        ("Force,Investigating crime\n", &["the table has a header row but no rows: expected one row per force"]),
        (
            "Force,Investigating crime,, investigating  CRIME\nA,Good,Good,Good\n",
            &[
                "row 1, column 3 (C) \"\": the header is blank; each area column needs its title",
                "row 1, column 4 (D) \"investigating  CRIME\": the same area title as column 2 (B) \"Investigating crime\"; each area column needs its own title",
            ],
        ),
        (
            "Force,Investigating crime,Responding to the public\nA Police,Good\nB Police,Good,Good,Good\n,Good,Good\na  police,Good,Good\n",
            &[
                "row 2 (\"A Police\") has 2 cells, but the header row has 3",
                "row 3 (\"B Police\") has 4 cells, but the header row has 3",
                "row 4, column 1 (A): the name is blank; each row needs the force's name",
                "row 5, column 1 (A): \"a  police\" is also the name in row 2; each force needs one row",
            ],
        ),
        // Blank lines are rows of their own, as a spreadsheet shows them; CRLF line ends too.
        ("Force,Area\r\n\r\nA,Good,Good\r\n\r\n\r\nB\r\n", &[
            "row 3 (\"A\") has 3 cells, but the header row has 2",
            "row 6 (\"B\") has 1 cell, but the header row has 2",
        ]),
    ];
    for (text, want) in cases {
        match read_table(text.as_bytes(), Format::Detect) {
            Ok(table) => panic!("{text:?} was read: {table:?}"),
            Err(e) => assert_eq!(messages(&e), *want, "{text:?}"),
        }
    }
}

#[test]
fn refuses_bytes_that_are_not_text() {
    let e = read_table(b"Force,Area\nA,\xffGood\n", Format::Detect).expect_err("not UTF-8");
    assert_eq!(
        messages(&e),
        ["the table is not UTF-8 text: invalid byte at byte offset 13 (save it from the spreadsheet as \"CSV UTF-8\")"]
    );
}

#[test]
fn damaged_tables_give_problems_never_a_panic() {
    use grade_widget::import::{import, Settings};
    use grade_widget::model::ScaleChoice;
    let table = include_bytes!("../www/data/peel-table-example.csv");
    let peel = || ScaleChoice::Named("peel-2021".to_owned());
    // Every prefix (a file cut short anywhere, also inside a UTF-8 character or a quoted field),
    // and the table with a stray quote, tab or byte at every tenth place.
    for end in 0..=table.len() {
        let _ = import(&table[..end], Format::Detect, peel(), Settings::default());
    }
    for at in (0..table.len()).step_by(10) {
        for insert in [b'"', b'\t', b'\n', 0xff] {
            let mut damaged = table.to_vec();
            damaged.insert(at, insert);
            if let Ok(imported) = import(&damaged, Format::Detect, peel(), Settings::default()) {
                for row in 0..imported.names().len() {
                    assert!(imported.json(row).ends_with("}\n"));
                }
            }
        }
    }
}
