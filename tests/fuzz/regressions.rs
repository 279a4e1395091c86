//! Every failure the fuzz targets found, as a plain test on a small input that shows it.

use grade_widget::extract::extract;
use grade_widget::model::{load_value, parse_report, validate};

const TEXT: &str = include_str!("../fixtures/metropolitan-2006.txt");

fn lines() -> Vec<&'static str> {
    TEXT.split('\n').collect()
}

/// Index of the first line equal to `line`.
fn at(lines: &[&str], line: &str) -> usize {
    lines.iter().position(|l| *l == line).unwrap_or_else(|| panic!("no line {line:?}"))
}

fn messages(text: &str) -> Vec<String> {
    match extract(text) {
        Ok(report) => panic!("extracted despite the damage; validate says {:?}", validate(&report)),
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

/// Found by extract_text: a page repeated by the PDF tool (here area 1D's section again before
/// the glossary) gave a report with two areas 1D and two domains 1, which `validate` refuses.
#[test]
fn a_repeated_area_section_is_an_extraction_error() {
    let l = lines();
    let (d1, a1d, a2a) = (at(&l, "1 Citizen Focus (Domain A)"), at(&l, "1D Professional Standards"), at(&l, "2 Reducing Crime (Domain 1)"));
    let glossary = at(&l, "Appendix 1: Glossary of Terms and Abbreviations");
    let mut text: Vec<&str> = l[..glossary].to_vec();
    text.extend_from_slice(&l[d1..d1 + 2]);
    text.extend_from_slice(&l[a1d..a2a]);
    text.extend_from_slice(&l[glossary..]);
    let first = a1d + 1;
    let again = glossary + 2 + 1;
    assert_eq!(
        messages(&text.join("\n")),
        [format!("area 1D: its section appears a second time (first at line {first}); the text may repeat a page (line {again})")]
    );
}

/// Found by extract_text: sections out of order (area 1D moved after domain 2) made a second
/// domain 1.
#[test]
fn areas_resuming_after_another_domain_are_an_extraction_error() {
    let l = lines();
    let (a1d, d2, d3) = (at(&l, "1D Professional Standards"), at(&l, "2 Reducing Crime (Domain 1)"), at(&l, "3 Investigating Crime (Domain 2)"));
    let mut text: Vec<&str> = l[..a1d].to_vec();
    text.extend_from_slice(&l[d2..d3]);
    text.extend_from_slice(&l[a1d..d2]);
    text.extend_from_slice(&l[d3..]);
    let problems = messages(&text.join("\n"));
    assert!(
        problems.iter().any(|p| p.starts_with(&format!("domain 1: its areas resume after another domain's (first at line {}); sections are out of order", at(&l, "1A Fairness and Equality in Service Delivery") + 1))),
        "{problems:?}"
    );
}

/// Found by extract_text: a stray bullet line at the start of the glossary became an entry
/// `{"abbr": "•", "meaning": ""}`, which `validate` refuses.
#[test]
fn a_stray_line_before_the_first_glossary_entry_is_not_an_entry() {
    let heading = "Appendix 1: Glossary of Terms and Abbreviations\n";
    let text = TEXT.replacen(heading, &format!("{heading}\n• \n"), 1);
    let report = extract(&text).expect("still extracts");
    assert_eq!(validate(&report), []);
    assert_eq!(report.glossary[0].abbr, "ABC");
}

/// Found by json_tree: `national` as an array of more than its four counts was reported by
/// `parse_report` as "malformed json: trailing characters" (the JSON is well formed) and by
/// `load_value` in serde's words. Both now say what is wrong, at the field.
#[test]
fn national_as_a_too_long_array_is_a_wrong_value_not_malformed_json() {
    let text = r#"{"schema_version": 1, "force": "F", "title": "T", "forces_assessed": 43,
      "domains": [{"id": "1", "title": "D", "areas": [{"id": "1A", "title": "A", "grade": "fair",
      "national": [3, 20, 19, 1, 0]}]}]}"#;
    let expected = ["domains[0].areas[0].national: expected an object, found an array".to_owned()];
    let shown = |r: Result<_, Vec<grade_widget::model::ReportProblem>>| r.err().unwrap_or_default().iter().map(ToString::to_string).collect::<Vec<_>>();
    assert_eq!(shown(parse_report(text)), expected);
    let tree: serde_json::Value = serde_json::from_str(text).expect("well-formed");
    assert_eq!(shown(load_value(&tree)), expected);
}
