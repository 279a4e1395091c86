//! The extractor reads values, not this one force: variants of the fixture built here by string
//! replacement (another force and month, other grades, other counts, PDF-tool noise) must
//! extract with the new values.
#![cfg(not(target_arch = "wasm32"))]

use grade_widget::extract::extract;
use grade_widget::model::{Direction, Grade, Report};

const FIXTURE: &str = include_str!("fixtures/metropolitan-2006.txt");

fn ok(text: &str) -> Report {
    match extract(text) {
        Ok(r) => r,
        Err(e) => panic!("variant must extract: {e}"),
    }
}

/// Replaces the first `from` after the line starting with `heading`.
fn in_area(text: &str, heading: &str, from: &str, to: &str) -> String {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no heading {heading}"));
    let at = start
        + text[start..]
            .find(from)
            .unwrap_or_else(|| panic!("no {from:?} after {heading}"));
    format!("{}{}{}", &text[..at], to, &text[at + from.len()..])
}

fn once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

fn grade_of(r: &Report, id: &str) -> (Option<Grade>, Option<Direction>) {
    r.area(id)
        .map(|a| (a.grade, a.direction))
        .unwrap_or_default()
}

#[test]
fn reads_another_force_and_month() {
    let text = FIXTURE
        .replace("Metropolitan Police Service", "Thames Valley Police")
        .replace("October 2006", "November 2007");
    let r = ok(&text);
    assert_eq!(r.force, "Thames Valley Police");
    assert_eq!(r.published.as_deref(), Some("2007-11"));
    let mps = r
        .glossary
        .iter()
        .find(|g| g.abbr == "MPS")
        .map(|g| g.meaning.as_str());
    assert_eq!(mps, Some("Thames Valley Police"));
    // The new footers were recognised and dropped: only the prose mentions remain.
    let json = serde_json::to_string(&r).unwrap_or_default();
    assert_eq!(json.matches("November 2007").count(), 3);
    assert_eq!(
        json.matches("by November 2007").count() + json.matches("By November 2007").count(),
        3
    );
}

#[test]
fn reads_other_grades_and_directions() {
    let mut t = FIXTURE.to_string();
    t = once(
        &t,
        "Managing Critical Incidents and Major Crime\tExcellent\tStable",
        "Managing Critical Incidents and Major Crime\tGood\tDeclined",
    );
    t = in_area(
        &t,
        "3A Managing Critical Incidents and Major Crime",
        "Excellent\tStable",
        "Good\tDeclined",
    );
    t = once(
        &t,
        "Leadership\tGood\tNot Graded",
        "Leadership\tPoor\tNot Graded",
    );
    t = in_area(&t, "7A Leadership", "Good\t", "Poor\t");
    // A Poor force is one of the forces counted Poor.
    t = in_area(&t, "7A Leadership", "0\t4\t35\t4", "1\t4\t34\t4");
    t = once(
        &t,
        "Professional Standards\tGood\tNot Graded",
        "Professional Standards\tGood\tImproved",
    );
    t = in_area(
        &t,
        "1D Professional Standards",
        "Good\tNot Graded",
        "Good\tImproved",
    );
    t = once(
        &t,
        "Strategic Roads Policing\tExcellent\tStable",
        "Strategic Roads Policing\tFair\tDeclined",
    );
    t = in_area(
        &t,
        "5C Strategic Road Policing",
        "Excellent\tStable",
        "Fair\tDeclined",
    );
    let r = ok(&t);
    assert_eq!(
        grade_of(&r, "3A"),
        (Some(Grade::Good), Some(Direction::Declined))
    );
    assert_eq!(grade_of(&r, "7A"), (Some(Grade::Poor), None));
    assert_eq!(
        grade_of(&r, "1D"),
        (Some(Grade::Good), Some(Direction::Improved))
    );
    assert_eq!(
        grade_of(&r, "5C"),
        (Some(Grade::Fair), Some(Direction::Declined))
    );
    assert_eq!(
        grade_of(&r, "3B"),
        (Some(Grade::Excellent), Some(Direction::Improved))
    );
}

#[test]
fn reads_other_counts() {
    let mut t = in_area(
        FIXTURE,
        "3A Managing Critical Incidents and Major Crime",
        "5\t17\t17\t4",
        "9\t13\t17\t4",
    );
    t = in_area(
        &t,
        "4B Protecting Vulnerable People",
        "8\t32\t3\t0",
        "0\t3\t32\t8",
    );
    let r = ok(&t);
    let n = |id: &str| {
        r.area(id).map(|a| {
            [
                a.national.as_ref().unwrap().count(grade_widget::model::Grade::Poor),
                a.national.as_ref().unwrap().count(grade_widget::model::Grade::Fair),
                a.national.as_ref().unwrap().count(grade_widget::model::Grade::Good),
                a.national.as_ref().unwrap().count(grade_widget::model::Grade::Excellent),
            ]
        })
    };
    assert_eq!(n("3A"), Some([9, 13, 17, 4]));
    assert_eq!(n("4B"), Some([0, 3, 32, 8]));
    assert_eq!(n("2A"), Some([1, 18, 20, 4]));
    assert_eq!(r.forces_assessed, Some(43));
}

#[test]
fn reads_the_number_of_forces_from_the_counts() {
    // One more force graded Poor in every area: 44 forces.
    let mut out = String::new();
    let mut after_header = false;
    for line in FIXTURE.split('\n') {
        if after_header {
            let mut cells: Vec<i64> = line.split('\t').map(|c| c.parse().unwrap_or(-1)).collect();
            cells[0] += 1;
            out.push_str(
                &cells
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join("\t"),
            );
        } else {
            out.push_str(line);
        }
        out.push('\n');
        after_header = line == "Poor\tFair\tGood\tExcellent";
    }
    let r = ok(&out);
    let base = ok(FIXTURE);
    assert_eq!(r.forces_assessed, Some(44));
    for (a, b) in r.areas().zip(base.areas()) {
        assert_eq!(a.national.as_ref().unwrap().count(grade_widget::model::Grade::Poor), b.national.as_ref().unwrap().count(grade_widget::model::Grade::Poor) + 1, "{}", a.id);
        assert_eq!(a.national.as_ref().unwrap().total(), 44);
    }
}

/// The fixture as another PDF tool would give it: BOM, CRLF, page headers with form feeds,
/// curly quotes, ligatures, non-breaking spaces, en-dash bullets.
fn noisy(text: &str) -> String {
    let mut out =
        String::from("\u{feff}Page 1 Metropolitan Police Service - Baseline Assessment\r\n\r\n");
    let mut page = 1;
    let mut double_open = true;
    for line in text.split('\n') {
        let mut l = line
            .replace("ffi", "\u{fb03}")
            .replace("ff", "\u{fb00}")
            .replace("fi", "\u{fb01}")
            .replace("fl", "\u{fb02}")
            .replace('\'', "\u{2019}")
            .replace(" the ", " the\u{a0}");
        while let Some(i) = l.find('"') {
            l.replace_range(i..i + 1, if double_open { "\u{201c}" } else { "\u{201d}" });
            double_open = !double_open;
        }
        if let Some(rest) = l.strip_prefix("- ") {
            l = format!("\u{2013} {rest}");
        } else if let Some(rest) = l.strip_prefix(" - ") {
            l = format!(" \u{2013} {rest}");
        } else if l == "-" {
            l = "\u{2013}".to_string();
        }
        out.push_str(&l);
        out.push_str("\r\n");
        if line == "October 2006" {
            page += 1;
            out.push_str(&format!(
                "\u{0c}Page {page} Metropolitan Police Service - Baseline Assessment\r\n"
            ));
        }
    }
    out
}

#[test]
fn tolerates_pdf_tool_noise() {
    let text = noisy(FIXTURE);
    assert!(
        text.contains("\r\n\u{0c}Page 12 Metropolitan Police Service - Baseline Assessment\r\n")
    );
    assert!(
        text.contains("o\u{fb03}cers")
            && text.contains("\u{2019}")
            && text.contains("\u{2013} The")
    );
    assert_eq!(ok(&text), ok(FIXTURE));
}

#[test]
fn tolerates_mac_line_ends() {
    assert_eq!(ok(&FIXTURE.replace('\n', "\r")), ok(FIXTURE));
}

#[test]
fn tolerates_page_headers_in_place_of_footers() {
    let mut page = 1;
    let text: Vec<String> = FIXTURE
        .split('\n')
        .map(|l| {
            if l == "October 2006" {
                page += 1;
                format!("Page {page} Metropolitan Police Service \u{2013} Baseline Assessment")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(page > 100);
    assert_eq!(ok(&text.join("\n")), ok(FIXTURE));
}

#[test]
fn reads_a_cover_date_on_its_own_line() {
    let text = once(
        FIXTURE,
        "Baseline Assessment October 2006",
        "Baseline Assessment\n\nOctober 2006",
    );
    assert_eq!(ok(&text), ok(FIXTURE));
}

#[test]
fn keeps_areas_in_their_own_domain_when_a_domain_heading_is_lost() {
    let text = once(FIXTURE, "\n4 Promoting Safety (Domain 3)\n", "\n");
    let r = ok(&text);
    let d4 = r
        .domains
        .iter()
        .find(|d| d.id == "4")
        .map(|d| (d.title.as_str(), d.ppaf.as_deref(), d.areas.len()));
    assert_eq!(d4, Some(("Promoting Safety", None, 2)));
    assert_eq!(
        r.domains
            .iter()
            .find(|d| d.id == "3")
            .map(|d| d.areas.len()),
        Some(5)
    );
}
