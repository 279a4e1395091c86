//! What a report compares, named in every sentence (issue 29): a report whose `compared` names
//! services says "this service" (Welsh: its own `cy_this`, or the neutral "y sefydliad hwn")
//! wherever a report of forces says "this force", in every view and in the static render; and
//! the seed report of forces, which has one set of texts with the rest, reads word for word as
//! it did when it had texts of its own. The reports are built in Rust (the seed report with a
//! `Compared` set on it) and rendered with the library's own static render, as `grade-widget
//! render` does.
#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
use grade_widget::i18n::Lang;
use grade_widget::model::{Compared, Report};
use grade_widget::options::View;
use grade_widget::prerender::{markup, options};

/// The seed report (www/data/metropolitan-2006.json), a report of forces on the 2006 scale.
fn seed() -> Report {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/metropolitan-2006.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    grade_widget::model::parse_report(&text).unwrap_or_else(|e| panic!("parsing {path}: {e:?}"))
}

/// The seed report comparing services, with Welsh for "this service" when `cy_this` is given.
fn services(cy_this: Option<&str>) -> Report {
    let mut r = seed();
    let mut c = Compared::new("services".into(), "gwasanaeth".into());
    c.cy_this = cy_this.map(str::to_owned);
    r.compared = Some(c);
    r
}

/// The static markup of one view, with the entities the renderer writes turned back into text.
fn render(report: Report, view: View, lang: Lang) -> String {
    let area = matches!(view, View::Full | View::Area).then_some("3A");
    let html = block_on(markup(report, options(view, area, lang, Some("https://example.org/report"), 0, None)));
    html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

const VIEWS: [View; 4] = [View::Full, View::Summary, View::Area, View::Badge];

/// The words that must not survive in a report of services, in either language.
const FORCE: [&str; 4] = ["this force", "This force", "yr heddlu hwn", "Yr heddlu hwn"];

fn assert_none_of(html: &str, words: &[&str], what: &str) {
    for w in words {
        assert!(!html.contains(w), "{what}: says {w:?}");
    }
}

fn assert_all_of(html: &str, words: &[&str], what: &str) {
    for w in words {
        assert!(html.contains(w), "{what}: lacks {w:?}");
    }
}

#[test]
fn a_report_of_services_says_this_service_in_every_view_in_english() {
    for view in VIEWS {
        let html = render(services(None), view, Lang::En);
        assert_none_of(&html, &FORCE, &format!("{view:?}"));
        // Nor "forces" in the widget's own words (the seed's findings never say "All forces").
        assert_none_of(&html, &["All forces", " forces graded", "forces were graded", "forces'"], &format!("{view:?}"));
    }
    let full = render(services(None), View::Full, Lang::En);
    assert_all_of(
        &full,
        &[
            "How all services were graded in each area. This service's bar is outlined and marked.",
            "Number of this service's areas at each grade, and the share of all services' grades nationally",
            ">This service (areas)<",
            "All services (share)",
            " (this service)</span>",
            // The chart's name, and the words under this service's bar.
            "3A: of 43 services, ",
            ". This service: ",
            ">this service</text>",
        ],
        "full",
    );
    let summary = render(services(None), View::Summary, Lang::En);
    assert_all_of(
        &summary,
        &[
            "Grade and direction of travel for each area, with how all 43 services were graded",
            "All services (Poor, Fair, Good, Excellent)",
            " (this service)</span>",
        ],
        "summary",
    );
    let area = render(services(None), View::Area, Lang::En);
    assert_all_of(&area, &["3A: of 43 services, ", ". This service: ", ">this service</text>", " services graded "], "area");
}

#[test]
fn a_report_of_services_says_its_own_welsh_for_this_service_in_every_view() {
    for view in VIEWS {
        let html = render(services(Some("y gwasanaeth hwn")), view, Lang::Cy);
        assert_none_of(&html, &FORCE, &format!("{view:?}"));
        assert_none_of(&html, &["heddlu"], &format!("{view:?}"));
    }
    let full = render(services(Some("y gwasanaeth hwn")), View::Full, Lang::Cy);
    assert_all_of(
        &full,
        &[
            "Sut y graddiwyd pob gwasanaeth ym mhob maes. Mae bar y gwasanaeth hwn wedi'i amlinellu a'i farcio.",
            "Nifer meysydd y gwasanaeth hwn ar bob gradd, a chyfran graddau pob gwasanaeth yn genedlaethol",
            ">Y gwasanaeth hwn (meysydd)<",
            "Pob gwasanaeth (cyfran)",
            " (y gwasanaeth hwn)</span>",
            "3A: o'r 43 gwasanaeth, ",
            ". Y gwasanaeth hwn: ",
            ">y gwasanaeth hwn</text>",
        ],
        "full",
    );
    let summary = render(services(Some("y gwasanaeth hwn")), View::Summary, Lang::Cy);
    assert_all_of(
        &summary,
        &["Gradd a chyfeiriad teithio pob maes, gyda sut y graddiwyd pob un o'r 43 gwasanaeth", " (y gwasanaeth hwn)</span>"],
        "summary",
    );
}

#[test]
fn without_its_own_welsh_a_report_of_services_says_the_neutral_phrase() {
    for view in VIEWS {
        let html = render(services(None), view, Lang::Cy);
        assert_none_of(&html, &FORCE, &format!("{view:?}"));
        assert_none_of(&html, &["heddlu", "gwasanaeth hwn"], &format!("{view:?}"));
    }
    let full = render(services(None), View::Full, Lang::Cy);
    assert_all_of(
        &full,
        &["Mae bar y sefydliad hwn wedi'i amlinellu", "Nifer meysydd y sefydliad hwn ar bob gradd", ">Y sefydliad hwn (meysydd)<", " (y sefydliad hwn)</span>", ". Y sefydliad hwn: "],
        "full",
    );
}

/// The seed report of forces, in both languages: the texts it had before it shared one set with
/// every other report, word for word (the SSR snapshots and the no-JS example check the whole
/// markup; these are the sentences that changed inside).
#[test]
fn the_seed_report_reads_as_before() {
    let en = render(seed(), View::Full, Lang::En);
    assert_all_of(
        &en,
        &[
            "How all forces were graded in each area. This force's bar is outlined and marked. Choose an area to see its findings.",
            "Number of this force's areas at each grade, and the share of all forces' grades nationally",
            ">This force (areas)<",
            "All forces (share)",
            "All forces (Poor, Fair, Good, Excellent)",
            "Grade and direction of travel for each area, with how all 43 forces were graded",
            " (this force)</span>",
            "3A: of 43 forces, ",
            ". This force: ",
            ">this force</text>",
            "All forces: ",
        ],
        "en",
    );
    let cy = render(seed(), View::Full, Lang::Cy);
    assert_all_of(
        &cy,
        &[
            "Sut y graddiwyd pob heddlu ym mhob maes. Mae bar yr heddlu hwn wedi'i amlinellu a'i farcio. Dewiswch faes i weld ei ganfyddiadau.",
            "Nifer meysydd yr heddlu hwn ar bob gradd, a chyfran graddau pob heddlu yn genedlaethol",
            ">Yr heddlu hwn (meysydd)<",
            "Pob heddlu (cyfran)",
            "Pob heddlu (Gwael, Teg, Da, Rhagorol)",
            "Gradd a chyfeiriad teithio pob maes, gyda sut y graddiwyd pob un o'r 43 heddlu",
            " (yr heddlu hwn)</span>",
            "3A: o'r 43 heddlu, ",
            ". Yr heddlu hwn: ",
            ">yr heddlu hwn</text>",
            "Pob heddlu: ",
        ],
        "cy",
    );
}

/// The phrases as a report gives them, through `grade-widget render`: the report's reader takes
/// `en_this` and `cy_this` (this fails if a reader drops them), and `validate` accepts them.
#[test]
fn the_phrases_are_read_from_a_reports_json() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/metropolitan-2006.json");
    let mut report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the seed")).expect("JSON");
    report["compared"] = serde_json::json!({
        "en": "services", "cy": "gwasanaeth", "en_this": "the service inspected", "cy_this": "y gwasanaeth a arolygwyd"
    });
    let text = report.to_string();
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_grade-widget"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("writing stdin");
        let out = child.wait_with_output().expect("it finishes");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8").replace("&#39;", "'")
    };
    run(&["validate", "-"]);
    let en = run(&["render", "-", "--view", "summary"]);
    assert!(en.contains(" (the service inspected)</span>"), "{en}");
    let cy = run(&["render", "-", "--lang", "cy"]);
    assert!(cy.contains("Mae bar y gwasanaeth a arolygwyd wedi'i amlinellu"), "{cy}");
    assert!(cy.contains(">Y gwasanaeth a arolygwyd (meysydd)<"), "{cy}");
}
