//! The CLI and the widget read reports through one adapter (src/model/read/): the CLI over
//! JSON text with serde_json, the widget over the JS value (src/embed/js_value.rs). This test
//! makes the same mistakes in the real Metropolitan report both ways natively (text, and a
//! parsed tree standing in for the JS value) and requires the same problems, path and message.
//!
//! It also writes what the CLI says for each mistake to `tests/fixtures/reader-mistakes.json`,
//! which the browser test in tests/web.rs loads through the real widget (`mount` with the
//! edited report object, then the `error` event's detail) and compares: this test fails when
//! that fixture is stale (`UPDATE_SNAPSHOTS=1 cargo test --test readers_agree` rewrites it).
#![cfg(not(target_arch = "wasm32"))]

use grade_widget::model::{load_value, parse_report, ReportProblem};
use serde_json::{json, Value};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reader-mistakes.json");

fn base() -> Value {
    serde_json::from_str(include_str!("../www/data/metropolitan-2006.json")).unwrap()
}

/// Each mistake: a JSON pointer into the real report and the value put there (`None` removes
/// the field).
fn mistakes() -> Vec<(&'static str, Option<Value>)> {
    vec![
        ("/domains/0/areas/0/national/poor", Some(json!("3"))),
        ("/domains/0/areas/0/national/poor", Some(json!(2.5))),
        ("/domains/0/areas/0/national/poor", Some(json!(1e30))),
        ("/domains/0/areas/0/national", Some(json!(null))),
        ("/domains/0/areas/0/national", Some(json!([1, 2, 3, 4]))),
        ("/domains/0/areas/0/national", Some(json!([1, "2", 3, 4]))),
        ("/domains/0/areas/0/national", Some(json!([1, 2, 3, 4, 5]))),
        ("/domains/0/areas/0/strengths/0/blocks/0", Some(json!(["text", 300]))),
        ("/domains/0/areas/0/strengths/0/blocks/0", Some(json!([]))),
        ("/domains/0/areas/0/national", Some(json!([1, 2]))),
        ("/domains/0/areas/0/national/good", Some(json!({}))),
        ("/domains/0/areas/0/national/good", Some(json!(9_300_000_000_000_000_000u64))),
        ("/domains/0/areas/0/national/good", Some(json!(-9_000_000_000_000_000i64))),
        ("/domains/1/areas/0/national/good", Some(json!("8"))),
        ("/domains/0/areas/1/national_context", Some(json!(null))),
        ("/domains/2/areas/0/good_practice/0/body/0/text", Some(json!(7))),
        ("/domains/2/areas/0/good_practice/0/title", Some(json!(false))),
        ("/domains/0/ppaf", Some(json!(["Domain A"]))),
        ("/overview/0/blocks", Some(json!("text"))),
        ("/glossary/0/meaning", Some(json!(null))),
        ("/published", Some(json!(200610))),
        ("/domains/1/areas/0/grade", Some(json!("great"))),
        ("/domains/1/areas/0/grade", Some(json!("Good"))),
        ("/domains/1/areas/0/grade", Some(json!(3))),
        ("/domains/1/areas/0/direction", Some(json!(true))),
        ("/domains/1/areas/0/direction", Some(json!("up"))),
        ("/domains/2/areas/0/strengths/0/blocks/1/level", Some(json!(300))),
        ("/domains/2/areas/0/strengths/0/blocks/1/level", Some(json!(-1))),
        ("/domains/2/areas/0/strengths/0/blocks/1", Some(json!({ "level": 1 }))),
        ("/domains/2/areas/0/strengths/0/heading", Some(json!(["x"]))),
        ("/domains/3/areas", Some(json!({}))),
        ("/schema_version", Some(json!(-1))),
        ("/schema_version", Some(json!(2))),
        ("/forces_assessed", Some(json!(5_000_000_000u64))),
        ("/force", Some(json!(""))),
        ("/glossary", Some(json!("none"))),
        ("/domains/0/areas/0/grdae", Some(json!("good"))),
        ("/forse", Some(json!("Metropolitan"))),
        ("/$schema", Some(json!("report.schema.json"))),
        ("/domains/4/areas/2/national/fair", Some(json!(18))),
        ("", Some(json!("report"))),
        ("", Some(json!([]))),
        ("/schema_version", None),
        ("/domains/0/areas/1/national", None),
        ("/domains/0/areas/1/title", None),
    ]
}

fn edited((pointer, value): &(&str, Option<Value>)) -> Value {
    let mut v = base();
    match value {
        Some(value) if pointer.is_empty() => v = value.clone(),
        Some(value) => match v.pointer_mut(pointer) {
            Some(slot) => *slot = value.clone(),
            None => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                v.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_owned(), value.clone());
            }
        },
        None => {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            v.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
        }
    }
    v
}

fn shown(problems: &[ReportProblem]) -> Vec<[String; 2]> {
    problems.iter().map(|p| [p.path.to_string(), p.message()]).collect()
}

#[test]
fn text_and_tree_give_the_same_problems_for_every_mistake() {
    let mut failures = Vec::new();
    for mistake in mistakes() {
        let v = edited(&mistake);
        let from_text = parse_report(&v.to_string());
        let from_tree = load_value(&v);
        if mistake.0 == "/$schema" {
            assert!(from_text.is_ok() && from_tree.is_ok(), "$schema is allowed");
            continue;
        }
        let (text, tree) = (from_text.err().unwrap_or_default(), from_tree.err().unwrap_or_default());
        if text.is_empty() {
            failures.push(format!("{}: no problem found", mistake.0));
        } else if text != tree {
            failures.push(format!("{}:\n  text {:?}\n  tree {:?}", mistake.0, shown(&text), shown(&tree)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_demo_report_reads_the_same_from_text_and_tree() {
    let text = include_str!("../www/data/metropolitan-2006.json");
    let tree: Value = serde_json::from_str(text).unwrap();
    assert_eq!(load_value(&tree), parse_report(text));
    assert_eq!(load_value(&tree).map(|r| r.forces_assessed), Ok(Some(43)));
}

/// Typed problems, not only strings: a few mistakes with their kinds.
#[test]
fn problems_carry_their_kind_and_path() {
    use grade_widget::model::problem::{Expected, Found};
    use grade_widget::model::{ReportProblemKind as Kind, Step};
    let v = edited(&("/domains/1/areas/0/national/good", Some(json!("8"))));
    let problems = parse_report(&v.to_string()).unwrap_err();
    assert_eq!(problems[0].kind, Kind::WrongType { expected: Expected::Integer, found: Found::String });
    let steps = problems[0].path.steps();
    assert_eq!(steps[0], Step::Key("domains".into()));
    assert_eq!(steps[1], Step::Index(1));
    assert_eq!(problems[0].to_string(), "domains[1].areas[0].national.good: expected an integer, found a string");
    let v = edited(&("/domains/0/areas/1/national", None));
    assert_eq!(load_value(&v).unwrap_err()[0].kind, Kind::MissingField);
    let v = edited(&("/domains/4/areas/2/national/fair", Some(json!(18))));
    let kinds: Vec<Kind> = parse_report(&v.to_string()).unwrap_err().into_iter().map(|p| p.kind).collect();
    assert!(matches!(kinds[0], Kind::CountsDoNotAddUp { forces: 43, .. }), "{kinds:?}");
}

/// The table the browser test compares the widget with: each mistake's edit and the CLI's
/// problems, as `[path, message]` pairs.
fn fixture() -> String {
    let cases: Vec<Value> = mistakes()
        .iter()
        .map(|m| {
            let problems = parse_report(&edited(m).to_string()).err().unwrap_or_default();
            json!({ "pointer": m.0, "value": m.1, "remove": m.1.is_none(), "problems": shown(&problems) })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&cases).unwrap();
    text.push('\n');
    text
}

#[test]
fn the_browser_tests_fixture_is_current() {
    let fresh = fixture();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(FIXTURE, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(committed == fresh, "tests/fixtures/reader-mistakes.json is stale: UPDATE_SNAPSHOTS=1 cargo test --test readers_agree");
}
