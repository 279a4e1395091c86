//! Validation rules, table-driven: each case edits a small valid report (or gives raw text) and
//! lists the exact `(path, message)` pairs expected, in order.
#![cfg(not(target_arch = "wasm32"))]

use grade_widget::model::validate::{
    MAX_AREAS, MAX_BLOCKS, MAX_DOMAINS, MAX_GLOSSARY, MAX_PROBLEMS, MAX_STRING_BYTES,
};
use grade_widget::model::{load_value, parse_report, ReportPath, ReportProblem, ReportProblemKind, Step, MAX_REPORT_BYTES};
use serde_json::{json, Value};

/// One domain, one area, counts summing to 43, own grade counted: valid.
fn base() -> Value {
    json!({
        "schema_version": 1,
        "force": "Gwent Police",
        "title": "Baseline Assessment",
        "published": "2006-10",
        "forces_assessed": 43,
        "domains": [{
            "id": "1",
            "title": "Citizen Focus",
            "ppaf": "Domain A",
            "areas": [{
                "id": "1A",
                "title": "Fairness and Equality in Service Delivery",
                "grade": "poor",
                "direction": "stable",
                "national": { "poor": 3, "fair": 20, "good": 19, "excellent": 1 }
            }]
        }]
    })
}

const AREA: &str = "/domains/0/areas/0";

fn set(v: &mut Value, pointer: &str, value: Value) {
    match v.pointer_mut(pointer) {
        Some(slot) => *slot = value,
        None => {
            // A new field: set it on the parent object.
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            v.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_owned(), value);
        }
    }
}

fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
}

fn push(v: &mut Value, pointer: &str, value: Value) {
    v.pointer_mut(pointer).unwrap().as_array_mut().unwrap().push(value);
}

fn area(v: &mut Value) -> &mut Value {
    v.pointer_mut(AREA).unwrap()
}

/// A problem as `(path, message)` text, comparable with the tables' `(&str, &str)` pairs.
#[derive(PartialEq)]
struct Shown(String, String);

impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "({:?}, {:?})", self.0, self.1)
    }
}

impl PartialEq<(&str, &str)> for Shown {
    fn eq(&self, (path, message): &(&str, &str)) -> bool {
        self.0 == *path && self.1 == *message
    }
}

fn pairs(problems: &[ReportProblem]) -> Vec<Shown> {
    problems.iter().map(|p| Shown(p.path.to_string(), p.message())).collect()
}

fn problems_of(json: &str) -> Vec<ReportProblem> {
    match parse_report(json) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

type Edit = fn(&mut Value);
type Pair<'a> = (&'a str, &'a str);
/// A table row: name, edit, expected `(path, message)` pairs in order.
type Case = (&'static str, Edit, Vec<(&'static str, &'static str)>);

#[test]
fn the_base_report_is_valid() {
    let report = parse_report(&base().to_string()).unwrap();
    assert_eq!(report.force, "Gwent Police");
    assert_eq!(report.domains[0].areas[0].national.as_ref().unwrap().total(), 43);
}

#[test]
fn each_rule_gives_its_exact_problems() {
    let table: Vec<Case> = vec![
        ("schema_version 2", |v| set(v, "/schema_version", json!(2)),
         vec![("schema_version", "unsupported schema_version 2; this reader understands 1")]),
        ("schema_version missing", |v| remove(v, "/schema_version"),
         vec![("schema_version", "missing required field")]),
        ("schema_version as text", |v| set(v, "/schema_version", json!("1")),
         vec![("schema_version", "expected an integer, found a string")]),
        ("schema_version negative", |v| set(v, "/schema_version", json!(-1)),
         vec![("schema_version", "expected an integer from 0 to 4294967295, found -1")]),
        ("empty force", |v| set(v, "/force", json!("")), vec![("force", "must not be empty")]),
        ("blank title", |v| set(v, "/title", json!("  \n")), vec![("title", "must not be empty")]),
        ("published as words", |v| set(v, "/published", json!("October 2006")),
         vec![("published", "expected a year and month as YYYY-MM, e.g. \"2006-10\", found \"October 2006\"")]),
        ("published month 13", |v| set(v, "/published", json!("2006-13")),
         vec![("published", "expected a year and month as YYYY-MM, e.g. \"2006-10\", found \"2006-13\"")]),
        ("published null", |v| set(v, "/published", json!(null)), vec![]),
        ("empty period", |v| set(v, "/period", json!("")),
         vec![("period", "must not be empty; use null or leave the field out")]),
        // No sum checks against zero forces: one problem, not one per area.
        ("forces_assessed 0", |v| set(v, "/forces_assessed", json!(0)),
         vec![("forces_assessed", "must be at least 1")]),
        ("forces_assessed absurd", |v| set(v, "/forces_assessed", json!(5_000_000)),
         vec![("forces_assessed", "is 5000000; the limit is 1000")]),
        ("forces_assessed 44", |v| set(v, "/forces_assessed", json!(44)),
         vec![("domains[0].areas[0].national", "counts sum to 43 but forces_assessed is 44")]),
        ("no domains", |v| set(v, "/domains", json!([])),
         vec![("domains", "must list at least one domain")]),
        ("domain without areas", |v| set(v, "/domains/0/areas", json!([])),
         vec![("domains[0].areas", "must list at least one area")]),
        ("domain id not a number", |v| set(v, "/domains/0/id", json!("A")),
         vec![("domains[0].id", "expected a domain number such as \"1\", found \"A\"")]),
        ("empty domain id", |v| set(v, "/domains/0/id", json!("")),
         vec![("domains[0].id", "must not be empty")]),
        ("empty domain title", |v| set(v, "/domains/0/title", json!("")),
         vec![("domains[0].title", "must not be empty")]),
        ("empty ppaf", |v| set(v, "/domains/0/ppaf", json!("")),
         vec![("domains[0].ppaf", "must not be empty; use null or leave the field out")]),
        ("ppaf null", |v| set(v, "/domains/0/ppaf", json!(null)), vec![]),
        ("area id lowercase", |v| set(v, "/domains/0/areas/0/id", json!("1a")),
         vec![("domains[0].areas[0].id", "malformed area id \"1a\"; expected the domain id followed by one capital letter, e.g. \"1A\"")]),
        ("area id two letters", |v| set(v, "/domains/0/areas/0/id", json!("1AB")),
         vec![("domains[0].areas[0].id", "malformed area id \"1AB\"; expected the domain id followed by one capital letter, e.g. \"1A\"")]),
        ("area id no letter", |v| set(v, "/domains/0/areas/0/id", json!("1")),
         vec![("domains[0].areas[0].id", "malformed area id \"1\"; expected the domain id followed by one capital letter, e.g. \"1A\"")]),
        ("area id ends in a multi-byte letter", |v| set(v, "/domains/0/areas/0/id", json!("1É")),
         vec![("domains[0].areas[0].id", "malformed area id \"1É\"; expected the domain id followed by one capital letter, e.g. \"1A\"")]),
        ("empty area id", |v| set(v, "/domains/0/areas/0/id", json!("")),
         vec![("domains[0].areas[0].id", "must not be empty")]),
        ("area in the wrong domain", |v| set(v, "/domains/0/areas/0/id", json!("2A")),
         vec![("domains[0].areas[0].id", "area id \"2A\" does not belong to domain \"1\"; expected \"1\" followed by one capital letter")]),
        ("duplicate area id", |v| { let a = area(v).clone(); push(v, "/domains/0/areas", a) },
         vec![("domains[0].areas[1].id", "duplicate area id \"1A\"; first used at domains[0].areas[0]")]),
        ("duplicate domain id", |v| { let d = v["domains"][0].clone(); push(v, "/domains", d) },
         vec![("domains[1].id", "duplicate domain id \"1\"; first used at domains[0]"),
              ("domains[1].areas[0].id", "duplicate area id \"1A\"; first used at domains[0].areas[0]")]),
        ("empty area title", |v| set(v, "/domains/0/areas/0/title", json!(" ")),
         vec![("domains[0].areas[0].title", "must not be empty")]),
        ("unknown grade", |v| set(v, "/domains/0/areas/0/grade", json!("great")),
         vec![("domains[0].areas[0].grade", "unknown grade \"great\"; expected \"poor\", \"fair\", \"good\", \"excellent\" or null")]),
        ("capitalised grade", |v| set(v, "/domains/0/areas/0/grade", json!("Poor")),
         vec![("domains[0].areas[0].grade", "unknown grade \"Poor\"; grade words are lowercase: \"poor\"")]),
        ("grade as a number", |v| set(v, "/domains/0/areas/0/grade", json!(3)),
         vec![("domains[0].areas[0].grade", "expected a string, found an integer")]),
        ("grade null", |v| set(v, "/domains/0/areas/0/grade", json!(null)), vec![]),
        ("unknown direction", |v| set(v, "/domains/0/areas/0/direction", json!("up")),
         vec![("domains[0].areas[0].direction", "unknown direction \"up\"; expected \"improved\", \"stable\", \"declined\" or null")]),
        ("direction missing", |v| remove(v, "/domains/0/areas/0/direction"), vec![]),
        ("negative count", |v| set(v, "/domains/0/areas/0/national/good", json!(-19)),
         vec![("domains[0].areas[0].national", "counts sum to 5 but forces_assessed is 43"),
              ("domains[0].areas[0].national.good", "must not be negative, found -19")]),
        ("counts short of forces_assessed", |v| set(v, "/domains/0/areas/0/national/fair", json!(19)),
         vec![("domains[0].areas[0].national", "counts sum to 42 but forces_assessed is 43")]),
        ("own grade counted zero times", |v| {
            set(v, "/domains/0/areas/0/grade", json!("excellent"));
            set(v, "/domains/0/areas/0/national/excellent", json!(0));
            set(v, "/domains/0/areas/0/national/poor", json!(4));
        }, vec![("domains[0].areas[0].national.excellent", "is 0 but this area's grade is excellent; the counts include this force")]),
        ("count as text", |v| set(v, "/domains/0/areas/0/national/poor", json!("3")),
         vec![("domains[0].areas[0].national.poor", "expected an integer, found a string")]),
        ("count as a fraction", |v| set(v, "/domains/0/areas/0/national/poor", json!(3.5)),
         vec![("domains[0].areas[0].national.poor", "expected an integer, found a decimal number")]),
        ("count missing", |v| remove(v, "/domains/0/areas/0/national/good"),
         vec![("domains[0].areas[0].national.good", "missing required field")]),
        ("national missing", |v| remove(v, "/domains/0/areas/0/national"),
         vec![("domains[0].areas[0].national", "missing required field")]),
        ("national as a short array", |v| set(v, "/domains/0/areas/0/national", json!([3, 20])),
         vec![("domains[0].areas[0].national", "expected an object, found an array")]),
        // serde's derived readers would take an array of all of an object's fields, in order, as
        // that object; the reader refuses it, as the schema does.
        ("national as a full array", |v| set(v, "/domains/0/areas/0/national", json!([3, 20, 19, 1])),
         vec![("domains[0].areas[0].national", "expected an object, found an array")]),
        ("domains as an object", |v| set(v, "/domains", json!({})),
         vec![("domains", "expected an array, found an object")]),
        ("misspelt field: reported with the missing one", |v| {
            let n = area(v)["national"].take();
            remove(v, "/domains/0/areas/0/national");
            set(v, "/domains/0/areas/0/natonal", n);
        }, vec![("domains[0].areas[0].national", "missing required field"),
                ("domains[0].areas[0].natonal", "unknown field; it is not part of the report format (check its spelling)")]),
        ("misspelt optional field", |v| set(v, "/domains/0/areas/0/grdae", json!("good")),
         vec![("domains[0].areas[0].grdae", "unknown field; it is not part of the report format (check its spelling)")]),
        ("unknown top-level field", |v| set(v, "/forse", json!("Gwent")),
         vec![("forse", "unknown field; it is not part of the report format (check its spelling)")]),
        ("odd unknown key is quoted", |v| set(v, "/a.b", json!(1)),
         vec![("[\"a.b\"]", "unknown field; it is not part of the report format (check its spelling)")]),
        ("$schema is allowed", |v| set(v, "/$schema", json!("report.schema.json")), vec![]),
        ("section group problems", |v| set(v, "/domains/0/areas/0/strengths", json!([
            {"heading": "", "blocks": []},
            {"heading": null, "blocks": [{"text": "", "level": 3}, {"text": "fine", "level": 2}]}
        ])), vec![
            ("domains[0].areas[0].strengths[0].heading", "must not be empty; use null for text without a sub-heading"),
            ("domains[0].areas[0].strengths[0].blocks", "must not be empty"),
            ("domains[0].areas[0].strengths[1].blocks[0].text", "must not be empty"),
            ("domains[0].areas[0].strengths[1].blocks[0].level", "must be 0 (paragraph), 1 (bullet) or 2 (nested bullet), found 3"),
        ]),
        ("level out of byte range", |v| set(v, "/domains/0/areas/0/context", json!([{"blocks": [{"text": "x", "level": 300}]}])),
         vec![("domains[0].areas[0].context[0].blocks[0].level", "expected an integer from 0 to 255, found 300")]),
        ("every section is checked", |v| {
            for s in ["national_context", "context", "strengths", "work_in_progress", "areas_for_improvement"] {
                set(v, &format!("{AREA}/{s}"), json!([{"blocks": [{"text": ""}]}]));
            }
        }, vec![
            ("domains[0].areas[0].national_context[0].blocks[0].text", "must not be empty"),
            ("domains[0].areas[0].context[0].blocks[0].text", "must not be empty"),
            ("domains[0].areas[0].strengths[0].blocks[0].text", "must not be empty"),
            ("domains[0].areas[0].work_in_progress[0].blocks[0].text", "must not be empty"),
            ("domains[0].areas[0].areas_for_improvement[0].blocks[0].text", "must not be empty"),
        ]),
        ("good practice problems", |v| set(v, "/domains/0/areas/0/good_practice", json!([
            {"title": "", "body": [], "contact": ""},
            {"title": "Operation Trident", "body": [{"text": "Posters."}], "contact": null}
        ])), vec![
            ("domains[0].areas[0].good_practice[0].title", "must not be empty"),
            ("domains[0].areas[0].good_practice[0].body", "must not be empty"),
            ("domains[0].areas[0].good_practice[0].contact", "must not be empty; use null or leave the field out"),
        ]),
        ("overview problems", |v| set(v, "/overview", json!([{"title": "", "blocks": []}])), vec![
            ("overview[0].title", "must not be empty"),
            ("overview[0].blocks", "must not be empty"),
        ]),
        ("glossary problems", |v| set(v, "/glossary", json!([{"abbr": "", "meaning": " "}])), vec![
            ("glossary[0].abbr", "must not be empty"),
            ("glossary[0].meaning", "must not be empty"),
        ]),
        ("top level an array", |v| *v = json!([1]),
         vec![("", "expected an object, found an array")]),
        ("problems come in document order", |v| {
            set(v, "/glossary", json!([{"abbr": "", "meaning": "x"}]));
            set(v, "/domains/0/areas/0/grade", json!("great"));
            set(v, "/force", json!(""));
            set(v, "/schema_version", json!(3));
        }, vec![
            ("schema_version", "unsupported schema_version 3; this reader understands 1"),
            ("force", "must not be empty"),
            ("domains[0].areas[0].grade", "unknown grade \"great\"; expected \"poor\", \"fair\", \"good\", \"excellent\" or null"),
            ("glossary[0].abbr", "must not be empty"),
        ]),
    ];
    let mut failures = Vec::new();
    for (name, edit, expected) in &table {
        let mut v = base();
        edit(&mut v);
        let problems = problems_of(&v.to_string());
        if pairs(&problems) != *expected {
            failures.push(format!("{name}:\n  expected {expected:?}\n  got      {:?}", pairs(&problems)));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), table.len(), failures.join("\n"));
}

#[test]
fn json_text_problems_give_line_and_column() {
    let trailing = format!("malformed json: trailing characters at line 1 column {}", base().to_string().len() + 2);
    let table: Vec<(&str, String, Vec<Pair>)> = vec![
        ("missing comma", "{\n  \"schema_version\": 1,\n  \"force\": \"Gwent Police\"\n  \"title\": \"x\"\n}".into(),
         vec![("", "malformed json: expected `,` or `}` at line 4 column 3")]),
        ("truncated", "{\"schema_version\": 1, \"domains\": [".into(),
         vec![("", "malformed json: unexpected end of input while parsing a list at line 1 column 34")]),
        ("trailing text", format!("{} x", base()),
         vec![("", trailing.as_str())]),
        ("empty", "  \n".into(), vec![("", "the input is empty; expected a report json object")]),
        ("duplicate key", base().to_string().replacen("{", "{\"force\": \"Gwent\", ", 1),
         vec![("force", "field appears more than once")]),
        ("not json", "<html>".into(), vec![("", "malformed json: expected value at line 1 column 1")]),
        ("byte order mark is fine", format!("\u{feff}{}", base()), vec![]),
    ];
    for (name, text, expected) in &table {
        assert_eq!(pairs(&problems_of(text)), *expected, "{name}");
    }
}

#[test]
fn limits_refuse_absurd_reports_with_one_message() {
    let area = base()["domains"][0]["areas"][0].clone();
    let domain = base()["domains"][0].clone();
    type Limit = (&'static str, Value, Vec<(&'static str, String)>);
    let table: Vec<Limit> = vec![
        ("too many domains", {
            let mut v = base();
            v["domains"] = Value::Array((0..=MAX_DOMAINS).map(|i| { let mut d = domain.clone(); d["id"] = json!(i.to_string()); d }).collect());
            v
        }, vec![("domains", format!("has {} domains; the limit is {MAX_DOMAINS}", MAX_DOMAINS + 1))]),
        ("too many areas", {
            let mut v = base();
            v["domains"][0]["areas"] = Value::Array(vec![area.clone(); MAX_AREAS + 1]);
            v
        }, vec![("domains", format!("has {} areas in all; the limit is {MAX_AREAS}", MAX_AREAS + 1))]),
        ("too many glossary entries", {
            let mut v = base();
            v["glossary"] = Value::Array(vec![json!({"abbr": "A", "meaning": "B"}); MAX_GLOSSARY + 1]);
            v
        }, vec![("glossary", format!("has {} entries; the limit is {MAX_GLOSSARY}", MAX_GLOSSARY + 1))]),
        ("too many blocks", {
            let mut v = base();
            v["overview"] = json!([{"title": "t", "blocks": vec![json!({"text": "a"}); MAX_BLOCKS + 1]}]);
            v
        }, vec![("", format!("has {} text blocks in all; the limit is {MAX_BLOCKS}", MAX_BLOCKS + 1))]),
        ("string too long", {
            let mut v = base();
            v["force"] = json!("x".repeat(MAX_STRING_BYTES + 1));
            v
        }, vec![("force", format!("is {} bytes long; the limit is {MAX_STRING_BYTES} bytes", MAX_STRING_BYTES + 1))]),
        ("a 1 MB paragraph is fine", {
            let mut v = base();
            v["overview"] = json!([{"title": "t", "blocks": [{"text": "y".repeat(1_000_000)}]}]);
            v
        }, vec![]),
    ];
    for (name, v, expected) in &table {
        let got = problems_of(&v.to_string());
        let expected: Vec<(&str, &str)> = expected.iter().map(|(p, m)| (*p, m.as_str())).collect();
        assert_eq!(pairs(&got), expected, "{name}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let text = " ".repeat(MAX_REPORT_BYTES + 1);
    assert_eq!(
        pairs(&problems_of(&text)),
        vec![("", "the report is 8388609 bytes; the limit is 8388608 bytes (8 MiB)")]
    );
}

#[test]
fn problems_past_the_cap_are_counted_not_listed() {
    let mut v = base();
    v["glossary"] = Value::Array(vec![json!({"abbr": "", "meaning": "x"}); MAX_PROBLEMS + 500]);
    let problems = problems_of(&v.to_string());
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(pairs(&problems[..1]), vec![("glossary[0].abbr", "must not be empty")]);
    assert_eq!(
        problems[MAX_PROBLEMS - 1].path.to_string(),
        format!("glossary[{}].abbr", MAX_PROBLEMS - 1)
    );
    assert_eq!(
        pairs(&problems[MAX_PROBLEMS..]),
        vec![("", "500 more problems not listed; only the first 1000 are shown")]
    );
}

/// The widget loads through `load_value` over the JS value; any serde deserializer must give
/// the same paths and messages as the text parser (here serde_json's `Value` stands in).
#[test]
fn load_value_agrees_with_parse_report() {
    let edits: Vec<Edit> = vec![
        |v| set(v, "/domains/0/areas/0/national/poor", json!("3")),
        |v| remove(v, "/schema_version"),
        |v| set(v, "/domains/0/areas/0/grdae", json!("good")),
        |v| set(v, "/domains/0/areas/0/grade", json!("great")),
        |v| set(v, "/schema_version", json!(-1)),
        |v| *v = json!("report"),
    ];
    for edit in edits {
        let mut v = base();
        edit(&mut v);
        let from_text = problems_of(&v.to_string());
        let from_value = load_value(&v).err().unwrap_or_default();
        assert!(!from_text.is_empty(), "{v}");
        assert_eq!(from_value, from_text, "{v}");
    }
    assert_eq!(load_value(&base()).map(|r| r.forces_assessed), Ok(Some(43)));
}

#[test]
fn problems_display_as_path_then_message() {
    let path = ReportPath(vec![Step::Key("domains".into()), Step::Index(0), Step::Key("title".into())]);
    let p = ReportProblem::new(path, ReportProblemKind::Blank(grade_widget::model::problem::Blank::Required));
    assert_eq!(p.to_string(), "domains[0].title: must not be empty");
    let empty = ReportProblem::document(ReportProblemKind::EmptyInput);
    assert_eq!(empty.to_string(), "(document): the input is empty; expected a report json object");
}

/// The demo report generated from the real Metropolitan 2006 text.
fn metropolitan() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/metropolitan-2006.json");
    let text = std::fs::read_to_string(path).expect("www/data/metropolitan-2006.json (generated by grade-widget extract)");
    serde_json::from_str(&text).expect("the demo report is JSON")
}

#[test]
fn the_real_report_is_valid() {
    let report = parse_report(&metropolitan().to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
    let ids: Vec<&str> = report.areas().map(|a| a.id.as_str()).collect();
    assert_eq!(report.domains.len(), 7);
    assert_eq!(ids.len(), 23);
    assert_eq!((ids[0], ids[22]), ("1A", "7B"));
    assert!(report.areas().all(|a| a.national.as_ref().unwrap().total() == i64::from(report.forces_assessed.unwrap())));
}

/// Breaking one thing in the real report gives exactly that one problem, with the real path.
#[test]
fn one_fault_in_the_real_report_gives_one_problem() {
    let table: Vec<Case> = vec![
        ("3A graded outstanding", |v| v["domains"][2]["areas"][0]["grade"] = json!("outstanding"),
         vec![("domains[2].areas[0].grade", "unknown grade \"outstanding\"; expected \"poor\", \"fair\", \"good\", \"excellent\" or null")]),
        ("one more force counted in 5C", |v| {
            let n = &mut v["domains"][4]["areas"][2]["national"]["fair"];
            *n = json!(n.as_i64().unwrap() + 1);
        }, vec![("domains[4].areas[2].national", "counts sum to 44 but forces_assessed is 43")]),
        ("7B renamed 7A", |v| v["domains"][6]["areas"][1]["id"] = json!("7A"),
         vec![("domains[6].areas[1].id", "duplicate area id \"7A\"; first used at domains[6].areas[0]")]),
        ("6C moved under domain 5's number", |v| v["domains"][5]["areas"][2]["id"] = json!("5C"),
         vec![("domains[5].areas[2].id", "area id \"5C\" does not belong to domain \"6\"; expected \"6\" followed by one capital letter"),
              ("domains[5].areas[2].id", "duplicate area id \"5C\"; first used at domains[4].areas[2]")]),
        ("a glossary entry without meaning", |v| v["glossary"][0]["meaning"] = json!(""),
         vec![("glossary[0].meaning", "must not be empty")]),
    ];
    for (name, edit, expected) in &table {
        let mut v = metropolitan();
        edit(&mut v);
        assert_eq!(pairs(&problems_of(&v.to_string())), *expected, "{name}");
    }
}

/// A bounded robustness pass (the fuzzing of issue 6 goes further): every truncation of a full
/// fixture, and a few bad bytes at many positions, give problems and never a panic or an `Ok`
/// for text that is not the original.
#[test]
fn damaged_reports_give_problems_not_panics() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reports/valid-full.json");
    let text = std::fs::read_to_string(path).unwrap();
    let mut checked = 0;
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        // Only trailing white space may be cut without harm.
        if text[cut..].trim().is_empty() {
            continue;
        }
        assert!(parse_report(&text[..cut]).is_err(), "truncated at {cut} was accepted");
        checked += 1;
    }
    // Every 5th position keeps the pass to about a second in a debug build.
    for at in (0..text.len()).step_by(5).filter(|&i| text.is_char_boundary(i)) {
        for bad in ["\"", "}", "-", "\u{0}", "é"] {
            let mut damaged = text.clone();
            damaged.insert_str(at, bad);
            // Some insertions are harmless (inside a string); none may panic.
            let _ = parse_report(&damaged);
            checked += 1;
        }
    }
    assert!(checked > 8_000, "only {checked} variants checked");
}
