//! Bad input never panics and never yields a silently wrong report: each case below fails
//! with its exact message, saying what is wrong and where (area id, line or byte offset).
#![cfg(not(target_arch = "wasm32"))]

use grade_widget::extract::{extract, extract_bytes};

const FIXTURE: &str = include_str!("fixtures/metropolitan-2006.txt");

fn message(text: &str) -> String {
    match extract(text) {
        Ok(_) => "extracted without error".to_string(),
        Err(e) => e.to_string(),
    }
}

fn once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

/// Replaces the first `from` after the line `heading`.
fn in_area(text: &str, heading: &str, from: &str, to: &str) -> String {
    let start = text.find(&format!("\n{heading}\n")).unwrap_or(0);
    let at = start + text[start..].find(from).unwrap_or(0);
    format!("{}{}{}", &text[..at], to, &text[at + from.len()..])
}

/// The text without the lines from the heading `from` up to (not including) the heading `to`.
fn without(text: &str, from: &str, to: &str) -> String {
    let start = text.find(&format!("\n{from}\n")).unwrap_or(0);
    let end = start + text[start..].find(&format!("\n{to}\n")).unwrap_or(0);
    format!("{}{}", &text[..start], &text[end..])
}

const AREA_3A: &str = "3A Managing Critical Incidents and Major Crime";

#[test]
fn reports_bad_text_exactly() {
    let truncated = &FIXTURE[..FIXTURE
        .find("\n3D Improving Forensic Performance\n")
        .unwrap_or(0)];
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", String::new(), "the report text is empty"),
        ("blank", " \r\n\t\n".to_string(), "the report text is empty"),
        ("control character", "Metropolitan Police Service\n\u{1}\n".to_string(), "the input looks binary, not report text: control byte 0x01 at byte offset 28"),
        ("no cover date", "Some Force\n\nA report\n".to_string(), "no cover line such as \"Baseline Assessment October 2006\" (title, month, year) found"),
        ("no areas", "Some Force\n\nBaseline Assessment May 2007\n\nContents\n".to_string(), "no graded areas found: expected headings such as \"1A Fairness and Equality in Service Delivery\" followed by a Grade line"),
        (
            "truncated after 3C",
            truncated.to_string(),
            "the report is truncated: domains 4 Promoting Safety, 5 Providing Assistance, 6 Resource Use, 7 Leadership and Direction and areas 3D, 3E, 4A, 4B, 5A, 5B, 5C, 6A, 6B, 6C, 6D, 6E, 6F, 7A, 7B listed in the summary of judgements have no sections: they should come after 3C, where the text ends (line 942)",
        ),
        (
            "one section missing",
            without(FIXTURE, "3B Tackling Serious and Organised Criminality", "3C Volume Crime Investigation"),
            "area 3B listed in the summary of judgements has no section: it should come between 3A and 3C (line 777)",
        ),
        (
            "two sections missing",
            without(FIXTURE, "3B Tackling Serious and Organised Criminality", "3D Improving Forensic Performance"),
            "areas 3B, 3C listed in the summary of judgements have no sections: they should come between 3A and 3D (line 777)",
        ),
        (
            "a whole domain missing",
            without(FIXTURE, "4 Promoting Safety (Domain 3)", "5A Contact Management"),
            "domain 4 Promoting Safety and areas 4A, 4B listed in the summary of judgements have no sections: they should come between 3E and 5A (line 1100)",
        ),
        (
            "the last section missing, glossary kept",
            without(FIXTURE, "7B Performance Management and Continuous Improvement", "Appendix 1: Glossary of Terms and Abbreviations"),
            "area 7B listed in the summary of judgements has no section: it should come after 7A, before the glossary (line 2265)",
        ),
        (
            "distribution summing to 42",
            in_area(FIXTURE, "2A Volume Crime Reduction", "1\t18\t20\t4", "1\t17\t20\t4"),
            "area 2A: national grade distribution sums to 42, not 43 like the other areas (line 608)",
        ),
        (
            "summary mismatch",
            once(FIXTURE, "Managing Critical Incidents and Major Crime\tExcellent\tStable", "Managing Critical Incidents and Major Crime\tGood\tStable"),
            "area 3A: summary of judgements says Good, Stable (line 318) but the area section says Excellent, Stable (line 672)",
        ),
        (
            "direction mismatch on a not-graded area",
            once(FIXTURE, "Leadership\tGood\tNot Graded", "Leadership\tGood\tStable"),
            "area 7A: summary of judgements says Good, Stable (line 338) but the area section says Good, Not Graded (line 2177)",
        ),
        (
            "unknown grade",
            in_area(FIXTURE, AREA_3A, "Excellent\tStable", "Superb\tStable"),
            "area 3A: unrecognised grade \"Superb\" (expected Excellent, Good, Fair, Poor or Not Graded) (line 672)",
        ),
        (
            "unknown direction",
            in_area(FIXTURE, "7B Performance Management and Continuous Improvement", "Good\tImproved", "Good\tUpwards"),
            "area 7B: unrecognised direction of travel \"Upwards\" (expected Improved, Stable, Declined or Not Graded) (line 2268)",
        ),
        (
            "unreadable counts",
            in_area(FIXTURE, AREA_3A, "5\t17\t17\t4", "5\t17\tx\t4"),
            "area 3A: national grade distribution \"5 17 x 4\" is not four whole numbers (line 677)",
        ),
        (
            "own grade not counted",
            in_area(FIXTURE, "4A Reducing Anti-Social Behaviour", "0\t8\t35\t0", "0\t8\t0\t35"),
            "area 4A: graded Good but the national grade distribution counts no Good forces (line 1110)",
        ),
        (
            "no summary table",
            once(FIXTURE, "Summary of Judgements\tGrade\tDirection of Travel", "Summary"),
            "no \"Summary of Judgements\" table found (a line \"Summary of Judgements<TAB>Grade<TAB>Direction of Travel\")",
        ),
        (
            "several problems at once",
            in_area(
                &once(FIXTURE, "Managing Critical Incidents and Major Crime\tExcellent\tStable", "Managing Critical Incidents and Major Crime\tExcellent\tImproved"),
                "2A Volume Crime Reduction",
                "1\t18\t20\t4",
                "1\t18\t20\t3",
            ),
            "2 problems:\n  \
             - area 3A: summary of judgements says Excellent, Improved (line 318) but the area section says Excellent, Stable (line 672)\n  \
             - area 2A: national grade distribution sums to 42, not 43 like the other areas (line 608)",
        ),
    ];
    for (name, text, want) in cases {
        assert_eq!(message(&text), want, "case: {name}");
    }
}

#[test]
fn reports_bad_bytes_exactly() {
    let mut not_utf8 = FIXTURE.as_bytes().to_vec();
    not_utf8.insert(100, 0xff);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(b"Force\xfe");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "the report text is empty"),
        (
            "png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "the input looks binary, not report text: control byte 0x00 at byte offset 8",
        ),
        (
            "not utf-8",
            not_utf8,
            "the input is not UTF-8 text: invalid byte 0xff at byte offset 100",
        ),
        (
            "bom then bad byte",
            bom,
            "the input is not UTF-8 text: invalid byte 0xfe at byte offset 8",
        ),
    ];
    for (name, bytes, want) in cases {
        let got = extract_bytes(&bytes).err().map(|e| e.to_string());
        assert_eq!(got.as_deref(), Some(want), "case: {name}");
    }
    // A byte order mark is skipped: the same report as without it. Each side must extract, or
    // two failures would compare equal and the test would pass on a broken extractor.
    let with_bom = [&[0xEF, 0xBB, 0xBF][..], FIXTURE.as_bytes()].concat();
    let plain = extract(FIXTURE).unwrap_or_else(|e| panic!("the fixture does not extract: {e}"));
    let skipped = extract_bytes(&with_bom).unwrap_or_else(|e| panic!("the fixture after a BOM does not extract: {e}"));
    assert_eq!(skipped, plain);
}

/// Cheap deterministic damage: cuts at many places, and lines dropped, swapped or
/// scrambled. The extractor must return every time, never panic, and whatever it does return
/// as a report must pass validation (never a silently wrong report).
fn check(text: &str) {
    if let Ok(report) = extract(text) {
        let problems = grade_widget::model::validate(&report);
        assert!(problems.is_empty(), "extracted but invalid: {problems:?}");
    }
}

#[test]
fn never_panics_on_damaged_text() {
    let lines: Vec<&str> = FIXTURE.split('\n').collect();
    for cut in (0..lines.len()).step_by(97) {
        check(&lines[..cut].join("\n"));
    }
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..25 {
        let mut damaged: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for _ in 0..40 {
            let i = next(damaged.len());
            match next(5) {
                0 => {
                    damaged.remove(i);
                }
                1 => {
                    let j = next(damaged.len());
                    damaged.swap(i, j);
                }
                2 => damaged[i] = damaged[i].chars().rev().collect(),
                3 => damaged[i] = damaged[i].replace('\t', " "),
                _ => damaged[i].insert_str(0, "*-\t"),
            }
        }
        check(&damaged.join("\n"));
    }
    for text in [
        "\n",
        "-",
        "Page 1",
        "A\nB October 2006\n1A X\nGrade",
        "A\nB October 2006\n1\n1A X\nGrade\n\u{e9}\t\u{e9}\nNational Grade Distribution\n\u{e9}",
    ] {
        let _ = extract(text);
    }
}
