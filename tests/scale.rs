//! The grade scale as data (issue 29, items 1–3), end to end through the real binary and the
//! library: a report on the built-in five-grade PEEL scale (tests/fixtures/peel-2021-example.json,
//! a made-up report with national counts for three areas, one area without them and one
//! inspected but not graded) in every view and both languages; the same report without any
//! national counts; a custom three-grade scale file (tests/fixtures/scale-three.json) given in
//! full in a report that compares services; and the validator's rules for scales.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Output;

use grade_widget::export::grades_csv;
use grade_widget::model::{parse_report, Scale};
use serde_json::{json, Value};

const PEEL: &str = "tests/fixtures/peel-2021-example.json";
const CUSTOM: &str = "tests/fixtures/custom-scale-example.json";

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    common::run(args, stdin.map(str::as_bytes))
}

/// `grade-widget render ARGS`, which must succeed quietly.
fn render(args: &[&str], stdin: Option<&str>) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let out = run(&all, stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!((out.status.code(), stderr.as_ref()), (Some(0), ""), "render {args:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn fixture(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("the fixture");
    serde_json::from_str(&text).expect("JSON")
}

/// The text of the first element opening with `open` (up to its end tag, no nesting of the
/// same tag inside, which holds for the chart's `<svg>`).
fn element<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}"));
    let end = start + html[start..].find(close).expect("its end");
    &html[start..end]
}

#[test]
fn a_five_grade_report_validates_and_reads() {
    let out = run(&["validate", PEEL], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let r = parse_report(&fixture(PEEL).to_string()).expect("valid");
    assert_eq!(r.grades, Scale::builtin("peel-2021").expect("built in"));
    let grades: Vec<Option<usize>> = r.areas().map(|a| a.grade.map(|g| g.rank())).collect();
    assert_eq!(grades, [Some(4), Some(1), Some(2), Some(3), None]);
    let csv = grades_csv(&r);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "id,area,domain,grade,direction,inadequate,requires-improvement,adequate,good,outstanding,forces_assessed");
    assert_eq!(lines[1], "investigating-crime,Investigating crime,,outstanding,,2,9,15,14,3,43");
    assert_eq!(lines[4], "managing-offenders,Managing offenders and suspects,,good,,,,,,,43");
}

#[test]
fn five_bars_and_the_scales_words_in_english() {
    let html = render(&[PEEL, "--area", "investigating-crime"], None);
    let chart = element(&html, r#"data-testid="detail-chart""#, "</figure>");
    assert_eq!(chart.matches(r#"<rect"#).count(), 5, "one bar per grade: {chart}");
    assert_eq!(chart.matches(r#"class="gw-cat"#).count(), 5, "one label per grade");
    assert!(chart.contains("I Inadequate · RI Requires improvement · A Adequate · G Good · O Outstanding"), "the key");
    assert!(chart.contains("Investigating crime: of 43 forces, 2 Inadequate, 9 Requires improvement, 15 Adequate, 14 Good, 3 Outstanding. This force: Outstanding."));
    assert!(chart.contains("One of 3 forces graded Outstanding; 40 forces were graded lower."), "{chart}");
    for word in ["Requires improvement", "Adequate", "Inadequate", "All forces (Inadequate, Requires improvement, Adequate, Good, Outstanding)"] {
        assert!(html.contains(word), "missing {word}");
    }
    // Five dots, filled by rank; the tone for the stylesheet's colours beside the grade id.
    assert!(html.contains(r#"data-grade="adequate" data-tone="3""#) || html.contains(r#"data-tone="3""#), "tones");
    assert!(html.contains("●●●○○"));
    // PEEL has no direction of travel: no column, no filter, no words for one.
    for absent in ["Direction of travel", "filter-direction", "Excellent", "Poor", "No direction given"] {
        assert!(!html.contains(absent), "{absent} should not be there");
    }
    // A flat list: no domain filter and no group heading rows.
    assert!(!html.contains("filter-domain") && !html.contains("gw-group__head"));
}

#[test]
fn every_view_in_both_languages() {
    let cases: [(&[&str], &[&str]); 8] = [
        (&[PEEL], &["Outstanding", "Not graded", "No national counts are given for this area, so there is no chart."]),
        (&[PEEL, "--view", "summary"], &["Requires improvement", "Grade for each area, with how all forces were graded"]),
        (&[PEEL, "--view", "area", "--area", "protecting-vulnerable-people"], &["One of 10 forces graded Requires improvement; 3 forces were graded lower and 30 forces were graded higher."]),
        (&[PEEL, "--view", "badge"], &["●●●●●", "Outstanding", "Inadequate"]),
        (&[PEEL, "--lang", "cy"], &["Rhagorol", "Heb ei raddio", "Ni roddwyd niferoedd cenedlaethol ar gyfer y maes hwn, felly nid oes siart."]),
        (&[PEEL, "--view", "summary", "--lang", "cy"], &["Angen gwella", "Pob heddlu (Annigonol, Angen gwella, Digonol, Da, Rhagorol)"]),
        (&[PEEL, "--view", "area", "--area", "responding-to-the-public", "--lang", "cy"], &["Un o 18 heddlu a raddiwyd yn Ddigonol; graddiwyd 14 heddlu yn is a graddiwyd 9 heddlu yn uwch."]),
        (&[PEEL, "--view", "badge", "--lang", "cy"], &["Annigonol", "Digonol"]),
    ];
    for (args, words) in cases {
        let html = render(args, None);
        for word in words {
            assert!(html.contains(word), "{args:?}: missing {word}");
        }
        assert!(!html.contains("style="), "{args:?}: a style attribute");
    }
    // The area without national counts: no chart, and the sentence says why.
    let html = render(&[PEEL, "--view", "area", "--area", "managing-offenders"], None);
    assert!(!html.contains(r#"role="img""#), "no chart");
    assert!(html.contains("No national counts are given for this area, so there is no chart."));
}

#[test]
fn without_national_counts_there_are_no_charts_and_the_sentences_say_why() {
    let mut report = fixture(PEEL);
    for area in report["areas"].as_array_mut().expect("areas") {
        area.as_object_mut().expect("an area").remove("national");
    }
    let text = report.to_string();
    let out = run(&["validate", "-"], Some(&text));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    for lang in ["en", "cy"] {
        let html = render(&["-", "--lang", lang], Some(&text));
        assert!(!html.contains(r#"role="img""#), "{lang}: a chart");
        let why = if lang == "en" { "No national counts are given for this area, so there is no chart." } else { "Ni roddwyd niferoedd cenedlaethol" };
        assert!(html.matches(why).count() >= 5, "{lang}: every area says why");
        // Nor a national share in the profile.
        assert!(!html.contains("gw-pbar__fill\" data-bar=\"national\"") && !html.contains(r#"data-bar="national""#), "{lang}");
    }
}

#[test]
fn a_custom_scale_file_end_to_end() {
    let path = format!("{}/tests/fixtures/scale-three.json", env!("CARGO_MANIFEST_DIR"));
    let scale = Scale::named_or_file(&path).expect("a good scale file");
    assert_eq!(scale.word_to_grade("yn datblygu"), Some(1));
    // The report gives the same scale in full, and compares services.
    let report = fixture(CUSTOM);
    assert_eq!(report["scale"], serde_json::to_value(&scale).expect("JSON"));
    assert_eq!(run(&["validate", CUSTOM], None).status.code(), Some(0));
    let cy = render(&[CUSTOM, "--lang", "cy", "--view", "area", "--area", "leadership"], None);
    assert!(cy.contains("Un o 4 gwasanaeth a raddiwyd yn Gryf; graddiwyd 26 gwasanaeth yn is."), "{cy}");
    assert!(cy.contains("o'r 30 gwasanaeth, 6 Gwan, 20 Yn datblygu, 4 Cryf."));
    let en = render(&[CUSTOM, "--view", "summary"], None);
    for word in ["Strong", "Developing", "Weak", "All services (Weak, Developing, Strong)", "Grade for each area, with how all services were graded", "All services (share)"] {
        assert!(en.contains(word), "missing {word}");
    }
    let area = render(&[CUSTOM, "--view", "area", "--area", "partnerships"], None);
    assert!(area.contains("One of 2 services graded Weak; 28 services were graded higher."), "{area}");
}

/// The validator's rules for scales, each with its exact message.
#[test]
fn scale_rules_give_their_exact_problems() {
    let problems = |edit: &dyn Fn(&mut Value)| {
        let mut v = fixture(PEEL);
        edit(&mut v);
        match parse_report(&v.to_string()) {
            Ok(_) => Vec::new(),
            Err(ps) => ps.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        }
    };
    assert_eq!(problems(&|v| v["areas"][0]["grade"] = json!("excellent")), [
        "areas[0].grade: unknown grade \"excellent\"; expected \"inadequate\", \"requires-improvement\", \"adequate\", \"good\", \"outstanding\" or null",
    ]);
    assert_eq!(problems(&|v| v["areas"][0]["grade"] = json!("Outstanding")), [
        "areas[0].grade: unknown grade \"Outstanding\"; grade words are lowercase: \"outstanding\"",
    ]);
    assert_eq!(problems(&|v| v["areas"][1]["direction"] = json!("improved")), [
        "areas[1].direction: this report's grade scale has no directions of travel; use null or leave the field out",
    ]);
    assert_eq!(problems(&|v| v["forces_assessed"] = json!(40)), [
        "areas[0].national: counts sum to 43, more than forces_assessed (40)",
        "areas[1].national: counts sum to 43, more than forces_assessed (40)",
        "areas[2].national: counts sum to 41, more than forces_assessed (40)",
    ]);
    assert_eq!(problems(&|v| v["scale"] = json!("peel-2022")), [
        "scale: unknown grade scale \"peel-2022\"; expected one of baseline-2006, peel-2014, peel-2021, or a scale object",
    ]);
    assert_eq!(problems(&|v| { v["areas"][0]["national"]["great"] = json!(1); }), [
        "areas[0].national.great: unknown grade \"great\" for a count; expected \"inadequate\", \"requires-improvement\", \"adequate\", \"good\", \"outstanding\"",
    ]);
    assert_eq!(problems(&|v| v["areas"][0]["national"]["outstanding"] = json!(0)), [
        "areas[0].national.outstanding: is 0 but this area's grade is outstanding; the counts include this force",
    ]);
    assert_eq!(problems(&|v| v["domains"] = json!([{"id": "a", "title": "A", "areas": [{"id": "x", "title": "X"}]}])), [
        "areas: give either domains or a flat areas list, not both",
    ]);
    assert_eq!(problems(&|v| v["areas"][1]["id"] = json!("investigating crime")), [
        "areas[1].id: malformed area id \"investigating crime\"; expected letters, digits and hyphens, starting with a letter or digit, at most 40, e.g. \"investigating-crime\"",
    ]);
    assert_eq!(problems(&|v| v["areas"][1]["id"] = json!("investigating-crime")), [
        "areas[1].id: duplicate area id \"investigating-crime\"; first used at areas[0]",
    ]);
    // A scale object's own mistakes, each at its path, as for the rest of the report.
    let odd = json!({"grades": [{"id": "top", "en": "Top", "cy": "Brig", "fr": "Haut"}, {"id": "low", "en": "Low"}]});
    assert_eq!(problems(&|v| v["scale"] = odd.clone()), [
        "scale.grades[0].fr: unknown field; it is not part of the report format (check its spelling)",
        "scale.grades[1].cy: missing required field",
    ]);
    assert_eq!(problems(&|v| v["compared"] = json!({"en": "services"})), ["compared.cy: missing required field"]);
    let one = json!({"grades": [{"id": "Top", "en": "Top", "cy": "Brig"}]});
    assert_eq!(problems(&|v| v["scale"] = one.clone()), [
        "scale.grades: has 1 grades; a scale has 2 to 7",
        "scale.grades[0].id: malformed id \"Top\"; expected a lowercase slug such as \"requires-improvement\"",
    ]);
}

#[test]
fn slug_ids_are_not_shown_as_references_but_places_are() {
    // A slug such as `protecting-vulnerable-people` is the deep link's, not the reader's: the
    // Ref. column, the cards and the findings' heading show the area's place in the report.
    let html = render(&[PEEL], None);
    let refs: Vec<&str> = html
        .split(r#"class="gw-cell gw-cell--id""#)
        .skip(1)
        .map(|cell| cell.split_once('>').and_then(|(_, rest)| rest.split_once('<')).map_or("", |(text, _)| text))
        .collect();
    assert_eq!(refs, ["1", "2", "3", "4", "5"]);
    assert!(!html.contains(r#"gw-glance__id">investigating-crime"#), "a slug shown as a card's reference");
    // The ids stay what deep links and the `select` event use.
    assert!(html.contains(r#"data-area="protecting-vulnerable-people""#));
}

/// A custom scale's grade words and what is compared are the report's text, and the charts write
/// their words as one SVG fragment: markup in them is shown as text, in every view and both
/// languages, never parsed.
#[test]
fn markup_in_a_custom_scales_words_is_text_in_the_charts() {
    let mut v = fixture(CUSTOM);
    let hostile = r#"<img src=x onerror="alert(1)">&amp;"#;
    v["scale"]["grades"][0]["en"] = json!(format!("Strong {hostile}"));
    v["scale"]["grades"][0]["cy"] = json!(format!("Cryf {hostile}"));
    v["compared"]["en_this"] = json!(format!("this {hostile}"));
    v["compared"]["cy_this"] = json!(format!("hwn {hostile}"));
    // A word that does not fit under its bar turns every bar's label into initials with a key:
    // "S<" and "<" here, which reach the SVG fragment itself.
    v["scale"]["grades"][1]["en"] = json!("<i>");
    v["scale"]["grades"][1]["cy"] = json!("<i>");
    let json = v.to_string();
    for lang in ["en", "cy"] {
        for view in ["full", "summary", "badge"] {
            let html = render(&["-", "--view", view, "--lang", lang], Some(&json));
            assert!(!html.contains("<img") && !html.contains("<i>"), "{lang} {view}: an element from the report's words");
            assert!(html.contains("&lt;img src=x onerror="), "{lang} {view}: the words shown as text");
        }
        let full = render(&["-", "--lang", lang], Some(&json));
        assert!(full.contains("&lt;</text>"), "{lang}: a bar's label in the chart, as text");
    }
}
