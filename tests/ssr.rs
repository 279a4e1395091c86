//! Native SSR tests of the widget's components: render `App` to HTML with yew's
//! `LocalServerRenderer` for the real Metropolitan Police report and check what a reader (and a
//! screen reader) gets: rows, charts and their numbers, sentences, variants, languages, errors,
//! and that nothing in the output could break a strict CSP or be read as HTML.
//!
//! Snapshots live in `tests/snapshots/`; after a deliberate change, regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test ssr` and review the diff.

use std::rc::Rc;

use futures::executor::block_on;
use grade_widget::export::{file_name, grades_csv};
use grade_widget::components::{App, AppProps};
use grade_widget::i18n::Lang;
use grade_widget::load_state::{ErrorKind, LoadError, LoadState};
use grade_widget::options::{Options, View};
use grade_widget::model::{Block, Report};
use yew::LocalServerRenderer;

/// The demo data the extractor produces from the report text (a repository file, so the tests
/// never reach outside the repository).
fn report() -> Report {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/metropolitan-2006.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    grade_widget::model::parse_report(&text).unwrap_or_else(|e| panic!("parsing {path}: {e:?}"))
}

fn render_with(state: LoadState, options: Options, hydratable: bool) -> String {
    let props = AppProps { state, options, onselect: Default::default(), onretry: Default::default(), instance: 0 };
    block_on(LocalServerRenderer::<App>::with_props(props).hydratable(hydratable).render())
}

fn render(state: LoadState, options: Options) -> String {
    render_with(state, options, false)
}

fn opts(view: View, area: Option<&str>, lang: &str) -> Options {
    Options { view, area: area.map(str::to_string), lang: Lang::parse(lang), ..Options::default() }
}

fn ready(view: View, area: Option<&str>, lang: &str) -> String {
    render(LoadState::Ready(Rc::new(report())), opts(view, area, lang))
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// The element that starts at the first `marker` (an attribute inside its start tag), through
/// its matching end tag: enough structure for assertions without an HTML parser.
fn element<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("{marker} not found"));
    let start = html[..at].rfind('<').unwrap_or(0);
    let name: String = html[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let next_open = html[i + 1..].find(&open).map(|p| p + i + 1);
        let next_close = html[i..].find(&close).map(|p| p + i).unwrap_or_else(|| panic!("unclosed <{name}>"));
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o;
            }
            _ if depth == 0 => return &html[start..next_close + close.len()],
            _ => {
                depth -= 1;
                i = next_close + 1;
            }
        }
    }
}

#[test]
fn full_view_has_every_row_and_chart() {
    let html = ready(View::Full, None, "en");
    assert_eq!(count(&html, r#"data-testid="area-row""#), 23);
    assert_eq!(count(&html, r#"data-testid="chart""#), 23);
    assert_eq!(count(&html, r#"data-testid="glance-item""#), 23);
    // One heading row per domain, among the area rows of the table's one body (issue 12: a sort
    // then only moves keyed rows within one parent).
    assert_eq!(count(&html, r#"<tr class="gw-group__head">"#), 7);
    assert_eq!(count(element(&html, r#"class="gw-table gw-summary__table""#), "<tbody"), 1);
    for piece in ["header", "profile", "filters", "summary", "area-detail", "glance", "filter-domain", "filter-grade", "filter-direction", "filter-sort"] {
        assert!(html.contains(&format!(r#"data-testid="{piece}""#)), "missing {piece}");
    }
    assert!(html.contains(">23 of 23 areas shown, sorted by reference</p>"));
    assert!(html.contains(r#"role="region" aria-label="Metropolitan Police Service: inspection grades""#));
    // Nothing selected yet: no detail chart, a prompt instead.
    assert!(!html.contains(r#"data-testid="detail-chart""#));
    assert!(html.contains("Choose an area in the table or the charts"));
}

/// The text of the element `html` starts with, leaving out everything under `aria-hidden="true"`
/// and joining runs of spaces: its name from content, as assistive technology computes it for
/// a button (Yew writes no void elements here, so every start tag has its end tag).
fn visible_name(html: &str) -> String {
    let (mut out, mut hidden, mut rest) = (String::new(), Vec::<bool>::new(), html);
    while let Some(lt) = rest.find('<') {
        if !hidden.last().copied().unwrap_or(false) {
            out.push_str(&rest[..lt]);
        }
        let gt = lt + rest[lt..].find('>').expect("a closed tag");
        let tag = &rest[lt..=gt];
        rest = &rest[gt + 1..];
        if tag.starts_with("</") {
            hidden.pop();
            if hidden.is_empty() {
                break;
            }
        } else if !tag.starts_with("<!") && !tag.ends_with("/>") {
            let parent = hidden.last().copied().unwrap_or(false);
            hidden.push(parent || tag.contains(r#"aria-hidden="true""#));
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ").replace(" :", ":")
}

/// The values of every `name="…"` attribute in `html`, in order.
fn attr_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle).map(|(at, _)| {
        let rest = &html[at + needle.len()..];
        &rest[..rest.find('"').expect("closed attribute")]
    }).collect()
}

/// With no `<tbody>` per group to carry `scope="rowgroup"`, each cell of an area row names its
/// headers itself (WCAG H43): its column's header, the area's name and its group's heading, all
/// cells of the same table. Checked for the full and the summary view, in both languages.
#[test]
fn every_cell_names_its_column_row_and_group_headers() {
    for (view, lang) in [(View::Full, "en"), (View::Summary, "cy")] {
        let html = ready(view, None, lang);
        let table = element(&html, r#"class="gw-table gw-summary__table""#);
        let ids = attr_values(table, "id");
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "ids are unique: {ids:?}");
        // 5 column headers, 7 group headings, 23 area names.
        assert_eq!(ids.len(), 5 + 7 + 23, "{ids:?}");
        let headers = attr_values(table, "headers");
        assert_eq!(headers.len(), 23 * 5, "every cell of every area row");
        for h in &headers {
            for token in h.split(' ') {
                assert!(ids.contains(&token), "headers {h:?} names {token}, which is no cell of the table");
            }
        }
        assert!(!html.contains("rowgroup"), "no rowgroup scope without a tbody per group");
        // 3A sits under domain 3, "Investigating Crime", the third heading; its grade cell names
        // the grade column, the 3A row's header and that heading.
        let row = element(&html, r#"data-area="3A" class="gw-row"#);
        let heads: Vec<&str> = ids.iter().copied().filter(|id| !id.contains("-c") && !id.contains("-r")).collect();
        let domain_3 = heads[2];
        let heading = element(table, &format!(r#"id="{domain_3}""#));
        assert!(heading.contains("Investigating Crime") || heading.contains("Ymchwilio"), "{heading}");
        let area_name = attr_values(row, "id")[0];
        let cells = attr_values(row, "headers");
        assert_eq!(cells[1], format!("{} {domain_3}", ids[1]), "the area's name: its column and group");
        assert_eq!(cells[2], format!("{} {area_name} {domain_3}", ids[2]), "the grade: column, area, group");
    }
}

#[test]
fn rows_show_id_title_grade_and_direction_in_words() {
    let html = ready(View::Full, None, "en");
    let row = element(&html, r#"data-area="3A" class="gw-row"#);
    for want in [">3A</td>", ">Managing Critical Incidents and Major Crime</button>", ">Excellent</span>", ">Stable</span>", "<strong class=\"gw-nat__own\">4<span class=\"gw-vh\"> (this force)</span></strong>"] {
        assert!(row.contains(want), "3A row lacks {want}: {row}");
    }
    // Direction missing in the report ("Not Graded") is said in words, not left blank.
    let row = element(&html, r#"data-area="1D" class="gw-row"#);
    assert!(row.contains(">No direction given</span>"), "{row}");
    for word in ["Excellent", "Good", "Fair", "Improved", "Stable"] {
        assert!(html.contains(&format!(r#"<span class="gw-word">{word}</span>"#)), "{word}");
    }
}

#[test]
fn chart_labels_state_the_counts() {
    let html = ready(View::Full, None, "en");
    let cases = [
        ("3A", "3A: of 43 forces, 5 Poor, 17 Fair, 17 Good, 4 Excellent. This force: Excellent."),
        ("1A", "1A: of 43 forces, 0 Poor, 15 Fair, 28 Good, 0 Excellent. This force: Fair."),
        ("4B", "4B: of 43 forces, 8 Poor, 32 Fair, 3 Good, 0 Excellent. This force: Fair."),
    ];
    for (id, label) in cases {
        let chart = element(&html, &format!(r#"data-testid="chart" data-area="{id}""#));
        assert!(chart.contains(&format!(r#"role="img" aria-label="{label}""#)), "{id}: {chart}");
        // The own bar is marked by a class (fill + outline) and the triangle marker.
        assert_eq!(count(chart, "gw-bar--own"), 1, "{id}");
        assert_eq!(count(chart, "gw-marker-shape"), 1, "{id}");
    }
}

#[test]
fn area_view_shows_one_area_with_its_chart_sentence_and_findings() {
    let html = ready(View::Area, Some("3A"), "en");
    assert_eq!(count(&html, r#"data-testid="chart""#), 1);
    assert!(html.contains(r#"data-testid="chart" data-area="3A""#));
    assert!(html.contains(">One of 4 forces graded Excellent; 39 forces were graded lower.</figcaption>"));
    assert!(html.contains(">this force</text>"));
    for piece in ["header", "area-detail", "context", "strengths", "areas-for-improvement", "good-practice"] {
        assert!(html.contains(&format!(r#"data-testid="{piece}""#)), "missing {piece}");
    }
    for absent in ["area-row", "glance", "filters", "profile"] {
        assert!(!html.contains(&format!(r#"data-testid="{absent}""#)), "area view has {absent}");
    }
    // Report text, with glossary abbreviations marked.
    assert!(html.contains("Operation Trident"));
    assert!(html.contains(r#"<abbr title="Metropolitan Police Service">MPS</abbr>"#));
    assert!(html.contains(r#"<h5 class="gw-h5">Operation Trident</h5>"#) || html.contains(">Operation Trident</h5>"));
}

#[test]
fn sentences_for_other_standings() {
    let cases = [
        ("5C", "One of 3 forces graded Excellent; 40 forces were graded lower."),
        ("1A", "One of 15 forces graded Fair; 28 forces were graded higher."),
        ("4B", "One of 32 forces graded Fair; 8 forces were graded lower and 3 forces were graded higher."),
        ("1b", "One of 20 forces graded Good; 22 forces were graded lower and 1 force was graded higher."),
    ];
    for (id, sentence) in cases {
        let html = ready(View::Area, Some(id), "en");
        assert!(html.contains(&format!(">{sentence}</figcaption>")), "{id}");
    }
}

#[test]
fn area_view_with_unknown_area_says_so() {
    let html = ready(View::Area, Some("9Z"), "en");
    assert!(html.contains("There is no area 9Z in this report."));
    assert!(!html.contains(r#"data-testid="chart""#));
}

#[test]
fn initial_area_is_selected_in_full_view() {
    let html = ready(View::Full, Some("3a"), "en");
    let row = element(&html, r#"data-row="selected" data-testid="area-row" data-area="3A""#);
    assert!(row.contains(r#"aria-current="true""#));
    assert_eq!(count(&html, r#"aria-current="true""#), 2, "the row's button and the glance button");
    let detail = element(&html, r#"data-testid="area-detail""#);
    assert!(detail.contains(r#"data-testid="detail-chart" data-area="3A""#));
    assert!(detail.contains(r#"tabindex="-1""#));
    assert!(detail.contains("Strengths</h4>"));
    // Still exactly 23 "chart"s: the detail's copy has its own test id.
    assert_eq!(count(&html, r#"data-testid="chart""#), 23);
}

#[test]
fn summary_view_has_header_profile_and_table_only() {
    let html = ready(View::Summary, None, "en");
    assert_eq!(count(&html, r#"data-testid="area-row""#), 23);
    for piece in ["header", "profile", "summary"] {
        assert!(html.contains(&format!(r#"data-testid="{piece}""#)), "missing {piece}");
    }
    for absent in ["chart", "glance", "filters", "area-detail"] {
        assert!(!html.contains(&format!(r#"data-testid="{absent}""#)), "summary has {absent}");
    }
}

#[test]
fn grade_profile_counts_this_force_and_national_shares() {
    let html = ready(View::Summary, None, "en");
    let profile = element(&html, r#"data-testid="profile""#);
    // This force: 3 Excellent, 12 Good, 8 Fair, 0 Poor. Nationally over 23 areas x 43 forces
    // (989 grades): 53 Excellent (5%), 534 Good (54%), 361 Fair (37%), 41 Poor (4%).
    let rows: Vec<&str> = profile.split("<tr>").skip(2).collect();
    let want = [("Excellent", "3", "5%"), ("Good", "12", "54%"), ("Fair", "8", "37%"), ("Poor", "0", "4%")];
    assert_eq!(rows.len(), want.len(), "{profile}");
    for (row, (grade, n, share)) in rows.iter().zip(want) {
        assert!(row.contains(&format!(">{grade}</span>")), "{row}");
        assert!(row.contains(&format!(r#"<span class="gw-profile__n">{n}</span>"#)), "{grade}: {row}");
        assert!(row.contains(&format!(r#"<span class="gw-profile__n">{share}</span>"#)), "{grade}: {row}");
    }
}

#[test]
fn badge_view_is_a_compact_card() {
    let html = ready(View::Badge, None, "en");
    let badge = element(&html, r#"data-testid="badge""#);
    assert!(badge.contains(r#">Metropolitan Police Service</h2>"#), "{badge}");
    assert!(badge.contains("Baseline Assessment 2005/06"));
    assert!(badge.contains("23 areas graded"));
    for absent in ["area-row", "chart", "glance", "filters"] {
        assert!(!html.contains(&format!(r#"data-testid="{absent}""#)), "badge has {absent}");
    }
}

#[test]
fn welsh_labels_when_lang_is_cy() {
    let html = ready(View::Full, Some("3A"), "cy");
    // The language is the container's (`render` writes it, mount sets it), which the root and
    // everything in it inherit: hydration would set it again on the root (see app.rs).
    let root_tag = &html[..html.find('>').expect("a start tag")];
    assert!(root_tag.contains(r#"data-testid="widget""#) && !root_tag.contains("lang="), "{root_tag}");
    for want in [
        "Crynodeb o&#39;r dyfarniadau",
        ">Rhagorol</span>",
        ">Da</span>",
        ">Teg</span>",
        ">Wedi gwella</span>",
        ">Sefydlog</span>",
        "Yn dangos 23 o 23 maes",
        "Un o 4 heddlu a raddiwyd yn Rhagorol; graddiwyd 39 heddlu yn is.",
        "3A: o&#39;r 43 heddlu, 5 Gwael, 17 Teg, 17 Da, 4 Rhagorol. Yr heddlu hwn: Rhagorol.",
        ">Cryfderau</h4>",
    ] {
        let want_raw = want.replace("&#39;", "'");
        assert!(html.contains(want) || html.contains(&want_raw), "missing {want}");
    }
    for english in [">Excellent</span>", ">Improved</span>", "Summary of judgements", "areas shown"] {
        assert!(!html.contains(english), "English left in Welsh output: {english}");
    }
    // The report's own text stays as given, marked as English.
    assert!(html.contains(r#"<div lang="en" class="gw-detail__text">"#));
}

/// A bad report, from `src` (`fetched`: trying again may help) or from the page.
fn failure(fetched: bool) -> LoadError {
    LoadError {
        kind: ErrorKind::Schema { fetched },
        message: "the report has 2 problems".into(),
        problems: vec![
            ("domains[2].areas[0].grade".into(), "unknown grade \"great\"".into()),
            ("forces_assessed".into(), "must be at least 1".into()),
        ],
    }
}

#[test]
fn error_state_lists_every_problem_and_offers_retry_only_when_it_can_help() {
    let html = render(LoadState::Failed(failure(true)), opts(View::Full, None, "en"));
    let error = element(&html, r#"data-testid="error""#);
    assert!(error.contains(r#"role="alert""#));
    // A plain sentence for the kind of failure first, then the technical message.
    assert!(error.contains(r#"data-testid="error-summary" class="gw-error__summary">The report file has mistakes, so it cannot be shown.</p>"#), "{error}");
    // The technical detail is for site owners: in a collapsed <details>, after the sentence.
    let details = element(error, r#"data-testid="error-details""#);
    assert!(details.starts_with("<details") && !details[..details.find('>').unwrap()].contains("open"), "{details}");
    assert!(details.contains(r#"<summary class="gw-error__toggle">Technical details (for the site owner)</summary>"#), "{details}");
    assert!(details.contains("<span>the report has 2 problems</span>"), "{details}");
    assert!(error.find("error-summary") < error.find("error-details"));
    assert!(error.contains(r#"<li><code class="gw-path">domains[2].areas[0].grade</code>: unknown grade &quot;great&quot;</li>"#)
        || error.contains(r#"<li><code class="gw-path">domains[2].areas[0].grade</code>: unknown grade "great"</li>"#), "{error}");
    assert!(error.contains(r#"<li><code class="gw-path">forces_assessed</code>: must be at least 1</li>"#));
    assert!(error.contains(r#"data-testid="retry""#) && error.contains(">Try again</button>"));

    let html = render(LoadState::Failed(failure(false)), opts(View::Full, None, "cy"));
    assert!(!html.contains(r#"data-testid="retry""#));
    assert!(html.contains("Nid oedd modd dangos yr adroddiad arolygu"));
    assert!(html.contains("Problemau a ganfuwyd"));
    assert!(html.contains("Mae camgymeriadau yn ffeil yr adroddiad, felly nid oes modd ei dangos."));
    // The code's English detail is marked as English in the Welsh widget.
    assert!(html.contains(r#"<span lang="en">the report has 2 problems</span>"#), "{html}");
    assert!(html.contains(r#"data-testid="problems" lang="en""#) || html.contains(r#"lang="en" data-testid="problems""#), "{html}");
}

#[test]
fn loading_state_is_a_polite_busy_message() {
    let html = render(LoadState::Loading, opts(View::Full, None, "en"));
    assert!(html.contains(r#"role="status" aria-live="polite" aria-busy="true""#));
    assert!(html.contains("Loading the inspection report…"));
    assert!(!html.contains("role=\"region\""), "no landmark until there is a report to name it");
}

#[test]
fn no_style_attributes_in_any_output() {
    let r = Rc::new(report());
    let mut outputs = vec![
        render_with(LoadState::Loading, Options::default(), true),
        render_with(LoadState::Failed(failure(true)), Options::default(), true),
    ];
    for view in [View::Full, View::Summary, View::Area, View::Badge] {
        for lang in ["en", "cy"] {
            outputs.push(render_with(LoadState::Ready(r.clone()), opts(view, Some("4B"), lang), true));
        }
    }
    for html in outputs {
        assert!(!html.contains("style="), "style attribute in output");
        assert!(!html.contains("<style"), "style element in output");
        assert!(!html.contains("<script"), "script element in output");
    }
}

#[test]
fn report_text_is_never_html() {
    let mut r = report();
    r.force = "<script>alert(1)</script>".into();
    r.domains[2].title = "Investigating <b>Crime</b>".into();
    let area = &mut r.domains[2].areas[0];
    area.title = "<img src=x onerror=alert(1)>".into();
    area.strengths.insert(0, grade_widget::model::Group { heading: Some("<i>Sub</i>".into()), blocks: vec![Block { text: "a <script>bad()</script> & b".into(), level: 1 }] });
    let html = render(LoadState::Ready(Rc::new(r)), opts(View::Full, Some("3A"), "en"));
    assert!(!html.contains("<script"), "script tag came through");
    assert!(!html.contains("<img"), "img tag came through");
    assert!(!html.contains("<b>") && !html.contains("<i>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("a &lt;script&gt;bad()&lt;/script&gt; &amp; b"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn attribute_values_are_escaped() {
    let mut r = report();
    r.domains[0].areas[0].id = "1A\" onclick=\"alert(1)".into();
    let html = render(LoadState::Ready(Rc::new(r)), opts(View::Full, None, "en"));
    // No start tag gained an attribute; the id shows as text (where quotes are harmless).
    for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
        assert!(!tag.contains("onclick=\""), "<{tag}>");
    }
    assert!(html.contains("data-area=\"1A&quot; onclick=&quot;alert(1)\""));
}

#[test]
fn chart_svg_snapshot() {
    let html = ready(View::Area, Some("3A"), "en");
    let svg = element(&html, r#"role="img""#);
    snapshot("chart-3A.svg", svg);
    let html = ready(View::Full, None, "cy");
    let svg = element(element(&html, r#"data-testid="chart" data-area="1D""#), r#"role="img""#);
    snapshot("glance-1D-cy.svg", svg);
}

/// The numbers on a chart's count axis, in order.
fn tick_labels(svg: &str) -> Vec<&str> {
    svg.split(r#"class="gw-tick-label""#)
        .skip(1)
        .map(|rest| {
            let text = &rest[rest.find('>').expect("tick text") + 1..];
            &text[..text.find("</text>").expect("tick text ends")]
        })
        .collect()
}

/// A report of few forces (a regional comparison, a test file): the count axis must still
/// step in whole forces, each number once (it read "0 0 1 1 2" for two forces).
#[test]
fn count_axis_of_few_forces_has_whole_ticks_each_once() {
    let cases: [(u32, &[&str]); 4] = [(1, &["0", "1"]), (2, &["0", "1", "2"]), (3, &["0", "1", "2", "3"]), (43, &["0", "10", "20", "30", "40"])];
    for (forces, want) in cases {
        let mut report = report();
        report.forces_assessed = Some(forces);
        for area in report.domains.iter_mut().flat_map(|d| &mut d.areas) {
            let counts = [0, 0, i64::from(forces) - 1, 1];
            area.national = Some(grade_widget::model::NationalDistribution::from_counts(&Default::default(), &counts));
        }
        let html = render(LoadState::Ready(Rc::new(report)), opts(View::Area, Some("3A"), "en"));
        let svg = element(&html, r#"role="img""#);
        assert_eq!(tick_labels(svg), want, "{forces} forces");
        if forces == 2 {
            snapshot("chart-3A-two-forces.svg", svg);
        }
    }
}

fn snapshot(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(format!("{}/tests/snapshots", env!("CARGO_MANIFEST_DIR"))).ok();
        std::fs::write(&path, format!("{actual}\n")).unwrap_or_else(|e| panic!("writing {path}: {e}"));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)"));
    assert_eq!(actual, expected.trim_end_matches('\n'), "snapshot {name} differs");
}

/// The widget's rules as written (build.rs makes the sheets from them; src/styles/mod.rs tests
/// those).
const STYLESHEET: &str = concat!(
    include_str!("../src/styles/theme.css"),
    include_str!("../src/styles/base.css"),
    include_str!("../src/styles/layout.css"),
    include_str!("../src/styles/parts.css"),
    include_str!("../src/styles/modes.css"),
);

#[test]
fn stylesheet_defines_every_custom_property_it_uses() {
    // Properties left unset on purpose so the widget follows the host's font.
    let unset = ["--gw-font", "--gw-font-size"];
    let host_block = &STYLESHEET[STYLESHEET.find(":host {").expect(":host block")..];
    let host_block = &host_block[..host_block.find('}').expect("end of :host block")];
    let mut used: Vec<&str> = STYLESHEET
        .split("var(")
        .skip(1)
        .map(|s| s.split([')', ',']).next().unwrap_or("").trim())
        .collect();
    used.sort_unstable();
    used.dedup();
    assert!(used.len() > 20, "{used:?}");
    for name in used {
        if unset.contains(&name) {
            assert!(!host_block.contains(&format!("{name}:")), "{name} should stay unset");
            continue;
        }
        assert!(host_block.contains(&format!("{name}:")), "{name} is used but has no default on :host");
    }
}

#[test]
fn stylesheet_covers_themes_and_display_modes() {
    for want in [
        "container: gw / inline-size",
        // The table-to-cards switch follows the text (WCAG 1.4.4, 1.4.10): in em, not px.
        "@container gw (max-width: 40em)",
        // The host page's color-scheme decides (light-dark()); theme forces either way.
        "@supports (color: light-dark(#000, #fff))",
        "--gw-background: light-dark(#ffffff, #1b1d1e)",
        ":host([theme=\"dark\"])",
        ":host([theme=\"light\"])",
        "@media (forced-colors: active)",
        "@media (prefers-reduced-motion: reduce)",
        "@media print",
        ":focus-visible",
    ] {
        assert!(STYLESHEET.contains(want), "stylesheet lacks {want}");
    }
    // Every part the components expose is a documented ::part name.
    for part in ["root", "header", "profile", "filters", "summary", "chart", "detail", "glance", "error", "badge"] {
        let mut found = false;
        for (state, view) in [(None, View::Full), (None, View::Badge), (Some(failure(true)), View::Full)] {
            let html = match state {
                Some(e) => render(LoadState::Failed(e), opts(view, None, "en")),
                None => ready(view, Some("3A"), "en"),
            };
            found |= html.contains(&format!(r#"part="{part}""#));
        }
        assert!(found, "no element has part={part}");
    }
}

#[test]
fn grades_csv_of_the_real_report() {
    let r = report();
    let csv = grades_csv(&r);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines.len(), 25, "header, 23 areas, and the empty string after the last CRLF");
    assert_eq!(lines[0], "id,area,domain,grade,direction,poor,fair,good,excellent,forces_assessed");
    assert_eq!(lines[4], "1D,Professional Standards,Citizen Focus,good,,2,16,25,0,43");
    assert_eq!(lines[6], "3A,Managing Critical Incidents and Major Crime,Investigating Crime,excellent,stable,5,17,17,4,43");
    assert_eq!(lines[17], "6B,\"Training, Development and Organisational Learning\",Resource Use,good,improved,3,11,27,2,43");
    assert_eq!(file_name(&r.force, "grades", "csv"), "metropolitan-police-service-grades.csv");
}

#[test]
fn export_buttons_where_there_is_something_to_export() {
    let full = ready(View::Full, Some("3A"), "en");
    assert_eq!(count(&full, r#"data-testid="export-csv""#), 1);
    assert_eq!(count(&full, r#"data-testid="export-svg""#), 1, "the detail chart only, not the small multiples");
    let badge = ready(View::Badge, None, "en");
    assert!(!badge.contains("export-"));
    let welsh = ready(View::Area, Some("3A"), "cy");
    assert!(welsh.contains("Lawrlwytho&#39;r siart hwn (SVG)") || welsh.contains("Lawrlwytho'r siart hwn (SVG)"));
}

#[test]
fn badge_links_to_the_full_report_only_with_a_safe_href() {
    for (href, want) in [
        ("/reports/metropolitan.html", Some(r#"href="/reports/metropolitan.html""#)),
        ("https://example.org/full", Some(r#"href="https://example.org/full""#)),
        ("javascript:alert(1)", None),
        ("  JavaScript:alert(1)", None),
        ("data:text/html,x", None),
    ] {
        let options = Options { link: Some(href.to_string()), ..opts(View::Badge, None, "en") };
        let html = render(LoadState::Ready(Rc::new(report())), options);
        match want {
            Some(attr) => assert!(html.contains(attr) && html.contains(r#"data-testid="badge-link""#), "{href}: {html}"),
            None => assert!(!html.contains(r#"data-testid="badge-link""#), "{href} must not become a link"),
        }
    }
    let html = render(LoadState::Ready(Rc::new(report())), opts(View::Badge, None, "en"));
    assert!(!html.contains("badge-link"), "no href, no link");
}

/// Every heading tag in `html`, in order: "h2", "h3", …
fn heading_tags(html: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        let level = rest.as_bytes().get(i + 2).copied().unwrap_or(0);
        if (b'1'..=b'6').contains(&level) && matches!(rest.as_bytes().get(i + 3), Some(b' ' | b'>')) {
            tags.push(format!("h{}", char::from(level)));
        }
        rest = &rest[i + 2..];
    }
    tags
}

#[test]
fn heading_level_shifts_every_heading_and_out_of_range_falls_back() {
    let r = Rc::new(report());
    let with = |level: u8, view: View| {
        render(LoadState::Ready(r.clone()), Options { heading_level: level, ..opts(view, Some("3A"), "en") })
    };
    // Default: h2 for the report, h3 for its parts, h4 and h5 in the findings.
    let tags = heading_tags(&with(0, View::Full));
    assert_eq!(tags.iter().filter(|t| *t == "h2").count(), 1, "{tags:?}");
    assert!(tags.contains(&"h4".to_string()) && tags.contains(&"h5".to_string()), "{tags:?}");
    for (level, want_top, want_parts) in [(3u8, "h3", "h4"), (4, "h4", "h5"), (5, "h5", "h6"), (6, "h6", "h6")] {
        let tags = heading_tags(&with(level, View::Full));
        assert_eq!(tags[0], want_top, "level {level}: {tags:?}");
        assert!(tags.iter().all(|t| t.as_str() >= want_top), "level {level}: a heading above the top one: {tags:?}");
        assert_eq!(tags.iter().filter(|t| *t == want_top).count(), if level == 6 { tags.len() } else { 1 }, "{tags:?}");
        assert!(tags.contains(&want_parts.to_string()), "level {level}: {tags:?}");
    }
    // The same shift in every view and in the error box.
    assert_eq!(heading_tags(&with(4, View::Badge)), ["h4"]);
    assert_eq!(heading_tags(&with(3, View::Summary)), ["h3", "h4", "h4"]);
    let error = render(LoadState::Failed(failure(true)), Options { heading_level: 3, ..opts(View::Full, None, "en") });
    assert_eq!(heading_tags(&error), ["h3", "h4"]);
    // Out of range: the default, no crash.
    for bad in [1u8, 7, 200] {
        assert_eq!(heading_tags(&with(bad, View::Full)), heading_tags(&with(2, View::Full)), "level {bad}");
    }
}

#[test]
fn the_heading_and_the_region_name_the_force() {
    let html = ready(View::Full, None, "en");
    let header = element(&html, r#"data-testid="header""#);
    assert!(header.contains(r#"<span class="gw-header__force">Metropolitan Police Service</span><span class="gw-vh">: </span><span class="gw-header__name">Baseline Assessment</span></h2>"#), "{header}");
    assert!(html.contains(r#"role="region" aria-label="Metropolitan Police Service: inspection grades""#));
}

/// Each view names its region differently (axe's `landmark-unique`): a badge beside the full
/// report, or two areas of one force, are different landmarks. In both languages.
#[test]
fn region_names_say_the_force_and_the_view() {
    let region = |view, area, lang| {
        let html = ready(view, area, lang);
        attr_values(&html[..html.find('>').expect("the root's start tag")], "aria-label")[0].to_string()
    };
    let force = "Metropolitan Police Service";
    let cases = [
        (View::Full, None, "en", format!("{force}: inspection grades")),
        (View::Summary, None, "en", format!("{force}: summary of inspection grades")),
        (View::Badge, None, "en", format!("{force}: inspection grades in brief")),
        (View::Area, Some("3a"), "en", format!("{force}: inspection grade for area 3A")),
        (View::Area, Some("5B"), "en", format!("{force}: inspection grade for area 5B")),
        (View::Area, None, "en", format!("{force}: inspection grade for area 1A")),
        (View::Full, None, "cy", format!("{force}: graddau arolygu")),
        (View::Summary, None, "cy", format!("{force}: crynodeb o&#39;r graddau arolygu")),
        (View::Badge, None, "cy", format!("{force}: graddau arolygu yn gryno")),
        (View::Area, Some("3A"), "cy", format!("{force}: gradd arolygu maes 3A")),
    ];
    for (view, area, lang, want) in cases {
        assert_eq!(region(view, area, lang).replace('\'', "&#39;"), want, "{view:?} {area:?} {lang}");
    }
}

/// The table says how it is sorted (`aria-sort` on the sorting column's header), and the live
/// region under the filters says it too, so a change of sort is announced as a filter is.
#[test]
fn the_sort_is_stated_on_its_column_and_in_the_live_region() {
    for (view, lang, shown) in [
        (View::Full, "en", Some(">23 of 23 areas shown, sorted by reference</p>")),
        (View::Full, "cy", Some(">Yn dangos 23 o 23 maes, wedi&#39;u trefnu yn ôl cyfeirnod</p>")),
        (View::Summary, "en", None),
    ] {
        let html = ready(view, None, lang);
        let table = element(&html, r#"class="gw-table gw-summary__table""#);
        let head = &table[table.find("<thead").expect("a table head")..table.find("</thead>").expect("its end")];
        assert_eq!(count(head, "aria-sort="), 1, "{head}");
        let ref_col = &head[head.find("<th ").expect("a header")..];
        assert!(ref_col[..ref_col.find('>').expect("its tag")].contains(r#"aria-sort="ascending""#), "{head}");
        if let Some(shown) = shown {
            let shown_raw = shown.replace("&#39;", "'");
            assert!(html.contains(shown) || html.contains(&shown_raw), "{view:?} {lang}: no {shown}");
        }
    }
}

#[test]
fn summary_view_area_names_are_text_or_the_hosts_links() {
    let r = Rc::new(report());
    let summary = |area_href: Option<&str>| {
        render(LoadState::Ready(r.clone()), Options { area_href: area_href.map(str::to_owned), ..opts(View::Summary, None, "en") })
    };
    // No area-href: plain text, nothing focusable, nothing that looks like a link.
    let html = summary(None);
    let table = element(&html, r#"data-testid="summary""#);
    assert!(!table.contains("gw-link") && !table.contains("<a ") && !table.contains("data-row="), "{table}");
    assert_eq!(count(table, "<button"), 1, "only the CSV button: {table}");
    assert!(table.contains("<span>Managing Critical Incidents and Major Crime</span>"), "{table}");
    // With a template: a real link per area.
    let html = summary(Some("/grades/{id}"));
    assert_eq!(count(&html, r#"data-testid="area-link""#), 23);
    assert!(html.contains(r#"<a href="/grades/3A" data-testid="area-link" class="gw-link">Managing Critical Incidents and Major Crime</a>"#), "{html}");
    // A script URL gives no links, as for the badge's href.
    for bad in ["javascript:alert('{id}')", "data:text/html,{id}", " VBScript:{id}"] {
        let html = summary(Some(bad));
        assert_eq!(count(&html, "<a "), 0, "{bad}");
        assert!(html.contains("<span>Managing Critical Incidents and Major Crime</span>"), "{bad}");
    }
    // The full view keeps its buttons (they show the findings), whatever area-href says.
    let full = render(LoadState::Ready(r.clone()), Options { area_href: Some("/grades/{id}".into()), ..opts(View::Full, None, "en") });
    assert_eq!(count(&full, r#"data-testid="area-link""#), 0);
    assert_eq!(count(&full, r#"<button type="button" class="gw-link""#), 23);
}

#[test]
fn errors_end_with_the_fallback_link_when_the_host_gives_one() {
    let with = |fallback: Option<&str>, lang: &str| {
        render(LoadState::Failed(failure(false)), Options { fallback_href: fallback.map(str::to_owned), ..opts(View::Full, None, lang) })
    };
    let html = with(Some("/reports/met-2006.pdf"), "en");
    assert!(html.contains(r#"<a href="/reports/met-2006.pdf" data-testid="fallback" class="gw-error__fallback">Read the report</a>"#), "{html}");
    // Before the technical details: the reader's way on comes first.
    assert!(html.find("data-testid=\"fallback\"") < html.find("error-details"));
    assert!(with(Some("/r.pdf"), "cy").contains(">Darllen yr adroddiad</a>"));
    assert!(!with(None, "en").contains("gw-error__fallback"));
    assert!(!with(Some("javascript:alert(1)"), "en").contains("gw-error__fallback"));
}

#[test]
fn screen_reader_names_are_short_and_say_each_thing_once() {
    let html = ready(View::Full, None, "en");
    // 1A: this force Fair; nationally 0 Poor, 15 Fair, 28 Good, 0 Excellent.
    // (Up to the item's end tag: element() would count the SVG's <line>s as <li>s.)
    let at = html.find(r#"data-testid="glance-item" data-area="1A""#).expect("1A's glance item");
    let button = &html[at..at + html[at..].find("</li>").expect("end of the item")];
    // The name is the id, title and grade; the counts are the description, not the name.
    let counts_id = attr_values(button, "aria-describedby")[0];
    assert!(counts_id.ends_with("-n1A"), "{button}");
    assert!(button.contains(&format!(r#"<span id="{counts_id}" aria-hidden="true" class="gw-vh">All forces: 0 Poor, 15 Fair, 28 Good, 0 Excellent</span>"#)), "{button}");
    let name = visible_name(&button[button.find("<button").expect("the button")..]);
    assert_eq!(name, "1A Fairness and Equality in Service Delivery: Fair");
    // The chart repeats those numbers, so it is hidden inside the button.
    assert!(button.contains(r#"data-testid="chart" data-area="1A" aria-hidden="true""#) || button.contains(r#"aria-hidden="true" class="gw-chart gw-chart--compact""#), "{button}");
    // The table's "All forces" cell says which count is this force's in words.
    let row = element(&html, r#"data-area="1A" class="gw-row"#);
    assert!(row.contains(r#"<strong class="gw-nat__own">15<span class="gw-vh"> (this force)</span></strong>"#), "{row}");
    let cy = ready(View::Full, None, "cy");
    assert!(cy.contains(r#"aria-hidden="true" class="gw-vh">Pob heddlu: 0 Gwael, 15 Teg, 28 Da, 0 Rhagorol</span>"#));
    assert!(cy.contains(r#"<span class="gw-vh"> (yr heddlu hwn)</span>"#));
}

#[test]
fn the_findings_end_with_a_way_back_to_the_row() {
    let html = ready(View::Full, Some("5B"), "en");
    let detail = element(&html, r#"data-testid="area-detail""#);
    assert!(detail.contains(r#"data-testid="back-to-row""#) && detail.contains(">Back to 5B in the table</button>"), "{detail}");
    assert!(ready(View::Full, Some("5B"), "cy").contains(">Yn ôl at 5B yn y tabl</button>"));
    // Only the full view has a table to go back to.
    assert!(!ready(View::Area, Some("5B"), "en").contains("back-to-row"));
}
