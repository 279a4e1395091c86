//! Extraction of the real report (HMIC Baseline Assessment 2006, Metropolitan Police Service):
//! every grade, direction and national count as the text gives them, the text structure, and
//! the committed demo data kept in step with the extractor.
#![cfg(not(target_arch = "wasm32"))]

use grade_widget::extract::extract;
use grade_widget::model::{Area, Block, Direction, Grade, Report};

const FIXTURE: &str = include_str!("fixtures/metropolitan-2006.txt");

fn report() -> Report {
    match extract(FIXTURE) {
        Ok(r) => r,
        Err(e) => panic!("the fixture must extract: {e}"),
    }
}

fn area<'a>(r: &'a Report, id: &str) -> &'a Area {
    r.area(id).unwrap_or_else(|| panic!("area {id} missing"))
}

fn texts(blocks: &[Block]) -> Vec<(&str, u8)> {
    blocks.iter().map(|b| (b.text.as_str(), b.level)).collect()
}

const I: Direction = Direction::Improved;
const S: Direction = Direction::Stable;
const E: Grade = Grade::Excellent;
const F: Grade = Grade::Fair;
const G: Grade = Grade::Good;

/// One area as the text gives it: id, title, grade, direction, Poor/Fair/Good/Excellent.
type Row = (
    &'static str,
    &'static str,
    Grade,
    Option<Direction>,
    [i64; 4],
);

/// Every area, read from the fixture's area sections by hand.
const AREAS: [Row; 23] = [
    (
        "1A",
        "Fairness and Equality in Service Delivery",
        F,
        Some(I),
        [0, 15, 28, 0],
    ),
    (
        "1B",
        "Neighbourhood Policing and Problem Solving",
        G,
        Some(I),
        [4, 18, 20, 1],
    ),
    (
        "1C",
        "Customer Service and Accessibility",
        F,
        Some(I),
        [0, 19, 22, 2],
    ),
    ("1D", "Professional Standards", G, None, [2, 16, 25, 0]),
    ("2A", "Volume Crime Reduction", F, Some(I), [1, 18, 20, 4]),
    (
        "3A",
        "Managing Critical Incidents and Major Crime",
        E,
        Some(S),
        [5, 17, 17, 4],
    ),
    (
        "3B",
        "Tackling Serious and Organised Criminality",
        E,
        Some(I),
        [7, 21, 13, 2],
    ),
    (
        "3C",
        "Volume Crime Investigation",
        F,
        Some(I),
        [3, 20, 16, 4],
    ),
    (
        "3D",
        "Improving Forensic Performance",
        G,
        Some(I),
        [3, 16, 21, 3],
    ),
    (
        "3E",
        "Criminal Justice Processes",
        F,
        Some(I),
        [0, 15, 27, 1],
    ),
    (
        "4A",
        "Reducing Anti-Social Behaviour",
        G,
        Some(I),
        [0, 8, 35, 0],
    ),
    (
        "4B",
        "Protecting Vulnerable People",
        F,
        Some(I),
        [8, 32, 3, 0],
    ),
    ("5A", "Contact Management", F, Some(I), [1, 18, 20, 4]),
    (
        "5B",
        "Providing Specialist Operational Support",
        G,
        Some(I),
        [0, 23, 19, 1],
    ),
    ("5C", "Strategic Road Policing", E, Some(S), [0, 7, 33, 3]),
    (
        "6A",
        "Human Resource Management",
        G,
        Some(I),
        [2, 18, 23, 0],
    ),
    (
        "6B",
        "Training, Development and Organisational Learning",
        G,
        Some(I),
        [3, 11, 27, 2],
    ),
    ("6C", "Race and Diversity", G, Some(I), [0, 14, 27, 2]),
    (
        "6D",
        "Managing Financial and Physical Resources",
        F,
        Some(S),
        [1, 11, 24, 7],
    ),
    ("6E", "Information Management", G, Some(S), [1, 9, 31, 2]),
    (
        "6F",
        "National Intelligence Model",
        G,
        Some(I),
        [0, 19, 22, 2],
    ),
    ("7A", "Leadership", G, None, [0, 4, 35, 4]),
    (
        "7B",
        "Performance Management and Continuous Improvement",
        G,
        Some(I),
        [0, 12, 26, 5],
    ),
];

#[test]
fn reads_the_cover_and_front_matter() {
    let r = report();
    assert_eq!(r.schema_version, 1);
    assert_eq!(r.force, "Metropolitan Police Service");
    assert_eq!(r.title, "Baseline Assessment");
    assert_eq!(r.published.as_deref(), Some("2006-10"));
    assert_eq!(r.period.as_deref(), Some("2005/06"));
    assert_eq!(r.forces_assessed, Some(43));
}

#[test]
fn reads_seven_domains() {
    let r = report();
    let got: Vec<(&str, &str, Option<&str>, usize)> = r
        .domains
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.title.as_str(),
                d.ppaf.as_deref(),
                d.areas.len(),
            )
        })
        .collect();
    let want = [
        ("1", "Citizen Focus", Some("Domain A"), 4),
        ("2", "Reducing Crime", Some("Domain 1"), 1),
        ("3", "Investigating Crime", Some("Domain 2"), 5),
        ("4", "Promoting Safety", Some("Domain 3"), 2),
        ("5", "Providing Assistance", Some("Domain 4"), 3),
        ("6", "Resource Use", Some("Domain B"), 6),
        ("7", "Leadership and Direction", None, 2),
    ];
    assert_eq!(got, want);
}

#[test]
fn reads_every_grade_direction_and_national_count() {
    let r = report();
    assert_eq!(r.areas().count(), 23);
    for (a, (id, title, grade, direction, [p, f, g, e])) in r.areas().zip(AREAS) {
        assert_eq!((a.id.as_str(), a.title.as_str()), (id, title));
        assert_eq!(a.grade, Some(grade), "{id} grade");
        assert_eq!(a.direction, direction, "{id} direction");
        let n = a.national.as_ref().expect("national counts");
        assert_eq!(
            n.counts[..],
            [p, f, g, e],
            "{id} national"
        );
    }
}

#[test]
fn reads_the_overview_sections() {
    let r = report();
    let titles: Vec<&str> = r.overview.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Geographical Description of Force Area",
            "Demographic Description of Force Area",
            "Structural Description of Force including Staff Changes at Chief Officer Level",
            "Strategic Priorities",
            "Impact of Workforce Modernisation and Strategic Force Development",
            "Major Achievements",
            "Major Challenges for Future",
            "C3i and Metcall",
            "Intelligence, Corporate Tasking and Covert Assets",
            "Safer Neighbourhoods",
            "Together",
            "Performance",
        ]
    );
    let priorities = &r.overview[3].blocks;
    assert_eq!(priorities.len(), 9);
    // Bold markers are gone; the en dash stays as prose.
    assert_eq!(
        (priorities[1].text.as_str(), priorities[1].level),
        ("Safer Neighbourhoods \u{2013} providing a dedicated local policing team for each electoral ward in London;", 1)
    );
    // "... the postholder ... the H" + footer + "created." — a lower-case continuation is joined.
    assert!(r.overview[2].blocks[1]
        .text
        .ends_with("there remains a good relationship with members."));
    // A lower-case paragraph after a blank line (no footer) continues the one before.
    assert!(r.overview[4].blocks[1]
        .text
        .ends_with("no merger will take place for either of these two forces."));
}

#[test]
fn reads_the_glossary() {
    let r = report();
    assert_eq!(r.glossary.len(), 118);
    let find = |abbr: &str| {
        r.glossary
            .iter()
            .find(|g| g.abbr == abbr)
            .map(|g| g.meaning.as_str())
    };
    let cases = [
        ("ABC", "Acceptable Behaviour Contract"),
        ("EDAP", "equality development action plans"),
        ("GLA", "Greater London Authority"),
        ("GOL", "Government Office for London"),
        ("HMRC", "Her Majesty's Revenue and Customs"),
        ("MAPPA", "multi-agency public protection arrangements"),
        ("MIT", "major investigation team"),
        ("QoSC", "quality of service commitment"),
        ("TfL", "Transport for London"),
        ("YOT", "youth offending team"),
    ];
    for (abbr, meaning) in cases {
        assert_eq!(find(abbr), Some(meaning), "{abbr}");
    }
    assert!(r
        .glossary
        .iter()
        .all(|g| g.abbr.len() > 1 && !g.abbr.starts_with('-')));
}

/// Every string in the report, for checks that must hold everywhere.
fn all_strings(json: &serde_json::Value, out: &mut Vec<String>) {
    match json {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(v) => v.iter().for_each(|x| all_strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| all_strings(x, out)),
        _ => {}
    }
}

#[test]
fn leaves_no_page_footer_or_markup_in_any_text() {
    let json = serde_json::to_value(report()).unwrap_or_default();
    let mut strings = Vec::new();
    all_strings(&json, &mut strings);
    // The report's own prose says "by October 2006" three times; a footer left in would be
    // another occurrence, or a whole block.
    let mentions: Vec<&String> = strings
        .iter()
        .filter(|s| s.contains("October 2006"))
        .collect();
    assert_eq!(mentions.len(), 3, "{mentions:#?}");
    for s in mentions {
        assert_eq!(
            s.matches("October 2006").count(),
            s.to_lowercase().matches("by october 2006").count(),
            "{s}"
        );
    }
    for s in &strings {
        assert!(!s.contains('*'), "emphasis marker left: {s}");
        assert!(
            !s.contains(['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\t']),
            "unnormalised: {s}"
        );
        assert!(!s.contains("<ul"), "frameworks table leaked: {s}");
        assert!(!s.is_empty());
    }
}

#[test]
fn keeps_sub_headings() {
    let r = report();
    let headings = |s: &[grade_widget::model::Group]| -> Vec<Option<String>> {
        s.iter().map(|g| g.heading.clone()).collect()
    };
    let h = |v: &[Option<&str>]| -> Vec<Option<String>> {
        v.iter().map(|x| x.map(str::to_string)).collect()
    };
    let b4 = area(&r, "4B");
    assert_eq!(
        headings(&b4.context),
        h(&[
            None,
            Some("Child Abuse Investigations"),
            Some("Domestic Violence"),
            Some("Public Protection"),
            Some("Missing Persons")
        ])
    );
    assert_eq!(
        headings(&b4.strengths),
        h(&[
            Some("Child Abuse Investigations"),
            Some("Domestic Violence"),
            Some("Public Protection"),
            Some("Missing Persons")
        ])
    );
    assert_eq!(
        headings(&b4.areas_for_improvement),
        h(&[
            Some("General"),
            Some("Child Abuse Investigations"),
            Some("Domestic Violence"),
            Some("Public Protection"),
            Some("Missing Persons")
        ])
    );
    let b5 = area(&r, "5B");
    // "Contextual Factors***Firearms***": the glued sub-heading opens the first group.
    assert_eq!(
        headings(&b5.context),
        h(&[
            Some("Firearms"),
            Some("Public Order and Mounted Branch"),
            Some("Civil Contingencies"),
            Some("Air Support, Dog Support and Marine Support")
        ])
    );
    assert_eq!(
        headings(&b5.areas_for_improvement),
        h(&[
            Some("General"),
            Some("Firearms"),
            Some("Public Order"),
            Some("Civil Contingencies and Emergency Procedure")
        ])
    );
    assert_eq!(
        b5.strengths
            .iter()
            .map(|g| g.blocks.len())
            .collect::<Vec<_>>(),
        [22, 18, 20, 7]
    );
}

#[test]
fn joins_text_split_by_page_footers() {
    let r = report();
    let public_order = area(&r, "5B")
        .areas_for_improvement
        .iter()
        .find(|g| g.heading.as_deref() == Some("Public Order"));
    let bullet = public_order
        .and_then(|g| g.blocks.get(4))
        .map(|b| b.text.as_str())
        .unwrap_or("");
    assert!(
        bullet.contains("good quality public order-trained staff becoming ring-fenced within the Safer Neighbourhoods teams \u{2013} resulting in the need"),
        "{bullet}"
    );
    assert!(bullet.ends_with("inconsistencies between boroughs."));
    let b1 = &area(&r, "1B").strengths[0].blocks[4].text;
    assert!(
        b1.contains("constable and PCSO and the programme has to date delivered 630 sergeants"),
        "{b1}"
    );
    // "front-" + footer + "line officers": the broken word is rejoined without a space.
    let a4 = &area(&r, "4A").strengths[0].blocks[1].text;
    assert!(a4.ends_with("thus providing front-line officers with ready access to tactical advice from an individual with first-hand knowledge of the locality."), "{a4}");
    // A paragraph cut by a footer after "hate crime" continues in lower case on the next page.
    let a1 = &area(&r, "1A").context[0].blocks;
    assert_eq!(a1.len(), 4);
    assert!(a1[3]
        .text
        .contains("a revised hate crime strategy built upon widespread consultation"));
}

#[test]
fn reads_good_practice() {
    let r = report();
    let gp = |id: &str| -> Vec<(String, Option<String>)> {
        area(&r, id)
            .good_practice
            .iter()
            .map(|g| (g.title.clone(), g.contact.clone()))
            .collect()
    };
    let one = |t: &str, c: &str| vec![(t.to_string(), Some(c.to_string()))];
    assert_eq!(
        gp("3A"),
        one(
            "Operation Trident",
            "Detective Superintendent Kevin Davis, telephone number 0208 785 8228"
        )
    );
    // "Contact:" alone on its line, the contact on the next.
    assert_eq!(
        gp("3B"),
        one(
            "London Gangs, Guns and Weapons Reduction Board",
            "Detective Chief Superintendent Mike Taylor, telephone number 0207 230 4111"
        )
    );
    assert_eq!(
        gp("5C"),
        one(
            "Tackling Crime in the Traffic OCU",
            "Detective Superintendent Glyn Jones, telephone number 0207 161 1102"
        )
    );
    assert_eq!(r.areas().filter(|a| !a.good_practice.is_empty()).count(), 3);

    // 3B: a nested bullet split by a footer, its second half written as a bullet of its own.
    let body = &area(&r, "3B").good_practice[0].body;
    assert_eq!(
        texts(&body[4..]),
        [
            ("The proposed outcome of these initiatives are focused on:", 0),
            ("The creation of 'effective' working partnerships leading to:", 1),
            ("Increased 'Citizen focus' by reassuring the public the MPS is working with the community to tackle serious and organised criminality.", 2),
            ("Reduction in violence by most dangerous offenders.", 1),
            ("Improvement in community confidence that places are safer.", 1),
        ]
    );
    // 3A: the lone "-" bullet carries no text and is dropped; the body ends with the last real one.
    let body = &area(&r, "3A").good_practice[0].body;
    assert_eq!(body.len(), 10);
    assert!(body[9]
        .text
        .starts_with("Improvement in the reporting of information to 'crime stoppers'"));
    assert!(body[1].text.ends_with("intended to demonstrate the likelihood of being a victim of gun crime if one engaged in carrying a firearm. The tough message about the reality of gun crime was echoed in four supporting radio adverts that highlighted the other consequences of carrying a gun, such as being jailed and living in fear of arrest or retribution."), "{}", body[1].text);
}

#[test]
fn keeps_the_audit_commission_table_and_heading_suffixes() {
    let r = report();
    let d6 = area(&r, "6D");
    let suffix = "Incorporating the Audit Commission's use of resources assessment";
    assert_eq!(d6.strengths[0].heading.as_deref(), Some(suffix));
    let afi: Vec<(Option<&str>, usize)> = d6
        .areas_for_improvement
        .iter()
        .map(|g| (g.heading.as_deref(), g.blocks.len()))
        .collect();
    assert_eq!(
        afi,
        [
            (Some(suffix), 13),
            (Some("Audit Commission Use of Resources"), 5),
            (Some("Key to grades"), 5)
        ]
    );
    assert_eq!(
        texts(&d6.areas_for_improvement[1].blocks),
        [
            ("Financial Reporting: Not Available", 0),
            ("Financial Management: 2", 0),
            ("Financial Standing: 3", 0),
            ("Internal Control: 2", 0),
            ("Value For Money: 2", 0),
        ]
    );
    assert_eq!(
        d6.areas_for_improvement[2].blocks[0].text,
        "1. Below minimum requirements \u{2013} inadequate performance"
    );
    // Curly quotes in the source are straightened.
    assert!(d6.strengths[0].blocks[5]
        .text
        .contains("for example \"A number of major"));
}

#[test]
fn reads_sections_of_each_kind() {
    let r = report();
    let d1 = area(&r, "1D");
    assert_eq!(d1.national_context[0].blocks.len(), 4);
    assert_eq!(
        d1.national_context[0].blocks[3].text,
        "http://inspectors.homeoffice.gov.uk/hmic/inspect_reports1/baseline-assessments.html"
    );
    assert!(d1.context.is_empty() && d1.strengths.is_empty());
    assert_eq!(texts(&area(&r, "2A").work_in_progress[0].blocks).len(), 1);
    let counts: Vec<usize> = r
        .areas()
        .map(|a| a.strengths.iter().map(|g| g.blocks.len()).sum())
        .collect();
    assert_eq!(
        counts,
        [15, 43, 14, 0, 21, 33, 17, 23, 29, 23, 24, 69, 22, 67, 28, 28, 7, 22, 9, 22, 17, 25, 28]
    );
    let afi: Vec<usize> = r
        .areas()
        .map(|a| a.areas_for_improvement.iter().map(|g| g.blocks.len()).sum())
        .collect();
    assert_eq!(
        afi,
        [5, 15, 4, 0, 5, 6, 8, 5, 5, 8, 4, 25, 10, 22, 5, 3, 5, 3, 23, 6, 10, 7, 7]
    );
}

#[test]
fn demo_data_matches_the_extractor() {
    let mut fresh = serde_json::to_string_pretty(&report()).unwrap_or_default();
    fresh.push('\n');
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/metropolitan-2006.json"
    ))
    .unwrap_or_default();
    assert!(
        committed == fresh,
        "www/data/metropolitan-2006.json is out of date with the extractor; regenerate it with\n  \
         cargo run -- extract tests/fixtures/metropolitan-2006.txt -o www/data/metropolitan-2006.json"
    );
}

#[test]
fn extracted_report_validates_clean() {
    let problems = grade_widget::model::validate(&report());
    assert!(problems.is_empty(), "{problems:#?}");
}
