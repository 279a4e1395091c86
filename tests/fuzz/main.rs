//! Fuzz targets (issue 6), run on stable Rust by `cargo test --test fuzz`: each a fixed number
//! of cases from a fixed seed (a few seconds each in a debug build, so `make test` stays fast;
//! `make fuzz` runs many more), with `FUZZ_SECONDS` as a cap (see harness.rs):
//!
//! - `json_bytes`: raw bytes, and byte-level mutations of the seed reports, into `parse_report`.
//! - `json_tree`: structure-aware mutations of the seed reports (fields dropped, duplicated,
//!   renamed, retyped; absurd numbers; odd Unicode; thousands of copies of an area) into
//!   `parse_report` as text and into `load_value` as a tree: both must agree.
//! - `value_tree`: trees grown from the format's field names, and mutated seed reports, into
//!   `load_value`, the reader the widget uses (over the JS value in the browser; over a
//!   `serde_json::Value` here: the same reader, another `Source`).
//! - `extract_text`: arbitrary bytes and line-level mutations of the real report text into the
//!   extractor.
//! - `ssr_render`: every mutated report that validates, rendered by the widget's components in
//!   every view and language: no panic, and no element or attribute from report text.
//!
//! Properties checked on every case besides "no panic": an accepted report validates cleanly
//! and survives a JSON round trip; a refused one has between 1 and MAX_PROBLEMS + 1 problems,
//! each with a message; the extractor's output always validates.
//! Seeds: `tests/fuzz/corpus/` plus the real report and the fixtures it already has.

mod harness;
mod mutate;
mod regressions;

use std::path::Path;
use std::rc::Rc;
use std::sync::OnceLock;

use arbitrary::Unstructured;
use futures::executor::block_on;
use grade_widget::components::{App, AppProps, LoadState, Options, View};
use grade_widget::extract::{extract, extract_bytes};
use grade_widget::model::validate::MAX_PROBLEMS;
use grade_widget::model::{load_value, parse_report, validate, Report, ReportProblem, MAX_REPORT_BYTES};
use serde_json::Value;
use yew::LocalServerRenderer;

use harness::{fuzz, Outcome};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

// Cases per target in a plain `cargo test` (`FUZZ_CASES` overrides them all): each about 2 s of
// a debug build on one core of the 2-core CI machine, measured with the default seed.
const JSON_BYTES_CASES: u64 = 1500;
const JSON_TREE_CASES: u64 = 200;
const VALUE_TREE_CASES: u64 = 800;
const EXTRACT_TEXT_CASES: u64 = 150;
const SSR_RENDER_CASES: u64 = 600;

struct Seeds {
    /// Every JSON seed as text: valid and invalid reports.
    json: Vec<(String, Vec<u8>)>,
    /// The seeds that are well-formed JSON, as trees.
    trees: Vec<(String, Value)>,
    /// The seeds that are valid reports, as trees (for the render target).
    valid: Vec<(String, Value)>,
    /// Report text seeds.
    text: Vec<(String, String)>,
}

fn files(dir: &str, ext: &str) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (format!("{dir}/{}", p.file_name().unwrap_or_default().to_string_lossy()), bytes)
        })
        .collect();
    found.sort();
    found
}

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut json = files("tests/fuzz/corpus/json", "json");
        json.extend(files("tests/fixtures/reports", "json"));
        let met = "www/data/metropolitan-2006.json";
        json.push((met.to_owned(), std::fs::read(Path::new(ROOT).join(met)).expect("the real report")));
        let trees: Vec<(String, Value)> = json
            .iter()
            .filter_map(|(name, bytes)| Some((name.clone(), serde_json::from_slice(bytes).ok()?)))
            .collect();
        let valid: Vec<(String, Value)> =
            trees.iter().filter(|(_, v)| load_value(v).is_ok()).cloned().collect();
        let mut text: Vec<(String, String)> = files("tests/fuzz/corpus/text", "txt")
            .into_iter()
            .map(|(n, b)| (n, String::from_utf8(b).expect("text seeds are UTF-8")))
            .collect();
        let fixture = "tests/fixtures/metropolitan-2006.txt";
        text.push((fixture.to_owned(), std::fs::read_to_string(Path::new(ROOT).join(fixture)).expect("the report text")));
        assert!(valid.len() >= 3, "the seed corpus has valid reports: {:?}", valid.iter().map(|v| &v.0).collect::<Vec<_>>());
        Seeds { json, trees, valid, text }
    })
}

/// Picks a seed, smaller ones more often: the 505 KB real report is slow to mutate in a debug
/// build, and most bugs show up in small reports too.
fn choose<'a, T>(u: &mut Unstructured, items: &'a [(String, T)]) -> &'a (String, T) {
    let last = items.len() - 1;
    let i = if u.ratio(1, 4).unwrap_or(false) { last } else { u.int_in_range(0..=last).unwrap_or(0) };
    &items[i]
}

/// What any result of reading a report must satisfy.
fn check_result(what: &str, result: &Result<Report, Vec<ReportProblem>>) -> Outcome {
    match result {
        Ok(report) => {
            let problems = validate(report);
            if !problems.is_empty() {
                return Err(format!("{what}: accepted a report that validate() refuses: {}", problems[0]));
            }
            // What was accepted, written out again, reads back the same. (A tree has no byte
            // limit, only the count and string limits, so its text may be over MAX_REPORT_BYTES.)
            let text = serde_json::to_string(report).map_err(|e| format!("{what}: cannot serialise: {e}"))?;
            if text.len() > MAX_REPORT_BYTES {
                return Ok(());
            }
            match parse_report(&text) {
                Ok(again) if &again == report => Ok(()),
                Ok(_) => Err(format!("{what}: round trip changed the report")),
                Err(p) => Err(format!("{what}: round trip refused: {}", p[0])),
            }
        }
        Err(problems) => {
            if problems.is_empty() || problems.len() > MAX_PROBLEMS + 1 {
                return Err(format!("{what}: refused with {} problems", problems.len()));
            }
            match problems.iter().find(|p| p.message().trim().is_empty()) {
                Some(p) => Err(format!("{what}: a problem without a message at {}", p.place())),
                None => Ok(()),
            }
        }
    }
}

#[test]
fn json_bytes() {
    fuzz("json_bytes", JSON_BYTES_CASES, 4096, |data| {
        let mut u = Unstructured::new(data);
        let seeds = &seeds().json;
        let bytes = if u.ratio(1, 5).unwrap_or(false) {
            u.bytes(u.len()).unwrap_or_default().to_vec()
        } else {
            let mut bytes = choose(&mut u, seeds).1.clone();
            let other = &choose(&mut u, seeds).1;
            for _ in 0..u.int_in_range(1..=8u8).unwrap_or(1) {
                mutate::mutate_bytes(&mut u, &mut bytes, other);
            }
            bytes
        };
        check_result("parse_report", &parse_report(&String::from_utf8_lossy(&bytes)))
    });
}

#[test]
fn json_tree() {
    fuzz("json_tree", JSON_TREE_CASES, 1024, |data| {
        let mut u = Unstructured::new(data);
        let mut tree = choose(&mut u, &seeds().trees).1.clone();
        for _ in 0..u.int_in_range(1..=6u8).unwrap_or(1) {
            mutate::mutate_value(&mut u, &mut tree);
        }
        let text = mutate::write_json(&mut u, &tree);
        let from_text = parse_report(&text);
        check_result("parse_report", &from_text)?;
        // Duplicate keys exist only in the text; the byte limit applies only to text.
        if mutate::has_dup(&tree) || text.len() > MAX_REPORT_BYTES {
            return Ok(());
        }
        // Text and tree hold the same document: the two readers must say the same things.
        let from_tree = load_value(&tree);
        check_result("load_value", &from_tree)?;
        let differ = match (&from_text, &from_tree) {
            (Ok(a), Ok(b)) => a != b,
            (Err(a), Err(b)) => a != b,
            _ => true,
        };
        if differ {
            return Err(format!(
                "parse_report and load_value disagree:\n  text: {:?}\n  tree: {:?}",
                from_text.as_ref().map(|_| "ok").map_err(|p| p.iter().take(3).map(ToString::to_string).collect::<Vec<_>>()),
                from_tree.as_ref().map(|_| "ok").map_err(|p| p.iter().take(3).map(ToString::to_string).collect::<Vec<_>>()),
            ));
        }
        Ok(())
    });
}

/// A JSON tree built from the report format's field names with values of every type, for the
/// deserialisers themselves (unlike `json_tree`, nothing here starts from a real report).
fn grown(u: &mut Unstructured, depth: u8) -> Value {
    const KEYS: &[&str] = &[
        "schema_version", "force", "title", "published", "period", "forces_assessed", "domains",
        "overview", "glossary", "id", "ppaf", "areas", "grade", "direction", "national", "poor",
        "fair", "good", "excellent", "strengths", "context", "heading", "blocks", "text", "level",
        "body", "contact", "abbr", "meaning", "good_practice", "$schema",
    ];
    let kind = if depth >= 6 { u.int_in_range(0..=3u8).unwrap_or(0) } else { u.int_in_range(0..=6u8).unwrap_or(0) };
    match kind {
        0 => Value::Null,
        1 => mutate::odd_number(u),
        2 => Value::String(mutate::odd_string(u)),
        3 => Value::Bool(u.arbitrary().unwrap_or(false)),
        4 => Value::Array((0..u.int_in_range(0..=4u8).unwrap_or(0)).map(|_| grown(u, depth + 1)).collect()),
        _ => Value::Object(
            (0..u.int_in_range(0..=8u8).unwrap_or(0))
                .map(|_| ((*u.choose(KEYS).unwrap_or(&"id")).to_owned(), grown(u, depth + 1)))
                .collect(),
        ),
    }
}

#[test]
fn value_tree() {
    fuzz("value_tree", VALUE_TREE_CASES, 1024, |data| {
        let mut u = Unstructured::new(data);
        let tree = if u.ratio(1, 2).unwrap_or(false) {
            grown(&mut u, 0)
        } else {
            let mut tree = choose(&mut u, &seeds().trees).1.clone();
            for _ in 0..u.int_in_range(1..=4u8).unwrap_or(1) {
                mutate::mutate_value(&mut u, &mut tree);
            }
            tree
        };
        check_result("load_value(&Value)", &load_value(&tree))
    });
}

#[test]
fn extract_text() {
    fuzz("extract_text", EXTRACT_TEXT_CASES, 2048, |data| {
        let mut u = Unstructured::new(data);
        let result = if u.ratio(1, 6).unwrap_or(false) {
            extract_bytes(u.bytes(u.len()).unwrap_or_default())
        } else {
            let mut text = choose(&mut u, &seeds().text).1.clone();
            for _ in 0..u.int_in_range(1..=6u8).unwrap_or(1) {
                mutate::mutate_text(&mut u, &mut text);
            }
            // When replaying a failure, FUZZ_DUMP=<file> saves the mutated text to look at.
            if let Ok(file) = std::env::var("FUZZ_DUMP") {
                let _ = std::fs::write(file, &text);
            }
            if u.ratio(1, 8).unwrap_or(false) {
                let mut bytes = text.into_bytes();
                let at = u.int_in_range(0..=bytes.len()).unwrap_or(0);
                bytes.insert(at, *u.choose(&[0xff, 0x00, 0xc3, 0x1b]).unwrap_or(&0xff));
                extract_bytes(&bytes)
            } else {
                extract(&text)
            }
        };
        match result {
            // The extractor promises output that validates.
            Ok(report) => check_result("extract", &Ok(report)),
            Err(e) => {
                if e.problems().is_empty() || e.to_string().trim().is_empty() {
                    Err(format!("extract failed without a problem or message: {e:?}"))
                } else {
                    Ok(())
                }
            }
        }
    });
}

/// Start tags in SSR output and their attributes: enough of HTML's tokeniser to see whether
/// report text ever became markup (it is escaped, so every `<` of report text is `&lt;`).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        i += p + 1;
        let name_len = bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        if name_len == 0 {
            continue;
        }
        let name = html[i..i + name_len].to_ascii_lowercase();
        i += name_len;
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' || bytes[i] == b'/' {
                break;
            }
            let n = bytes[i..].iter().take_while(|b| !b.is_ascii_whitespace() && !b"=>/".contains(b)).count().max(1);
            let attr = html[i..i + n].to_ascii_lowercase();
            i += n;
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                let quote = bytes.get(i).copied().filter(|q| *q == b'"' || *q == b'\'');
                let end = match quote {
                    Some(q) => {
                        i += 1;
                        html[i..].find(char::from(q)).map_or(html.len(), |e| i + e)
                    }
                    None => html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(html.len(), |e| i + e),
                };
                value = html[i..end].to_owned();
                i = (end + usize::from(quote.is_some())).min(html.len());
            }
            attrs.push((attr, value));
        }
        found.push((name, attrs));
    }
    found
}

/// No script, image, frame or plugin element, no event handler attribute, no script URL.
fn check_markup(html: &str) -> Outcome {
    const FORBIDDEN: &[&str] = &["script", "img", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "input", "frame", "image"];
    for (name, attrs) in tags(html) {
        if FORBIDDEN.contains(&name.as_str()) {
            return Err(format!("rendered a <{name}> element"));
        }
        for (attr, value) in attrs {
            let bad = attr.starts_with("on")
                || attr == "style"
                || attr == "srcdoc"
                || (matches!(attr.as_str(), "href" | "src" | "xlink:href" | "action") && value.trim().to_ascii_lowercase().starts_with("javascript:"));
            if bad {
                return Err(format!("rendered <{name} {attr}=\"{}\">", value.chars().take(60).collect::<String>()));
            }
        }
    }
    Ok(())
}

/// The count for a 2006 grade, as given in the file (its id's entry).
fn slot<'a>(n: &'a mut Option<grade_widget::model::NationalDistribution>, g: &grade_widget::model::Grade) -> &'a mut i64 {
    let n = n.as_mut().expect("extracted areas have national counts");
    let at = n.given.iter().position(|(id, _)| id == g.as_str()).expect("every 2006 grade is given");
    &mut n.given[at].1
}

/// Mutations that mostly keep a report valid, so rendering sees hostile but acceptable data:
/// text replaced with hostile strings, grades and directions changed (with the national counts
/// moved to match), optional parts dropped.
fn mutate_valid(u: &mut Unstructured, report: &mut Report) {
    use grade_widget::model::{Direction, Grade};
    let n_areas = report.areas().count();
    if n_areas == 0 {
        return;
    }
    let pick = u.int_in_range(0..=n_areas - 1).unwrap_or(0);
    let area = report.domains.iter_mut().flat_map(|d| d.areas.iter_mut()).nth(pick);
    let Some(area) = area else { return };
    match u.int_in_range(0..=7u8).unwrap_or(0) {
        0 => area.title = mutate::odd_string(u),
        1 => {
            let new = u.choose(&Grade::ALL).cloned().ok();
            if let (Some(old), Some(new)) = (area.grade, new) {
                // Move this force's count from the old grade to the new one: the sum stays.
                *slot(&mut area.national, &old) -= 1;
                *slot(&mut area.national, &new) += 1;
                area.grade_id = Some(new.as_str().to_owned());
            }
        }
        2 => {
            let d = u.choose(&[None, Some(Direction::Improved), Some(Direction::Stable), Some(Direction::Declined)]).cloned().unwrap_or(None);
            area.direction_id = d.map(|d| d.as_str().to_owned());
        }
        3 => {
            for group in area.strengths.iter_mut().chain(area.context.iter_mut()) {
                group.heading = Some(mutate::odd_string(u)).filter(|h| !h.trim().is_empty());
                for block in &mut group.blocks {
                    let s = mutate::odd_string(u);
                    if !s.trim().is_empty() {
                        block.text = s;
                    }
                }
            }
        }
        4 => {
            area.strengths.clear();
            area.good_practice.clear();
        }
        5 => report.force = mutate::odd_string(u),
        6 => {
            for entry in &mut report.glossary {
                let s = mutate::odd_string(u);
                if !s.trim().is_empty() {
                    entry.meaning = s;
                }
            }
        }
        _ => report.title = mutate::odd_string(u),
    }
}

#[test]
fn ssr_render() {
    fuzz("ssr_render", SSR_RENDER_CASES, 512, |data| {
        let mut u = Unstructured::new(data);
        let valid = &seeds().valid;
        let tree = &choose(&mut u, valid).1;
        let Ok(mut report) = load_value(tree) else { return Err("a valid seed no longer loads".to_owned()) };
        for _ in 0..u.int_in_range(1..=4u8).unwrap_or(1) {
            mutate_valid(&mut u, &mut report);
        }
        // The mutations change ids and counts as given: resolve them as a reader would.
        report.resolve();
        if !validate(&report).is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = report.areas().map(|a| a.id.clone()).collect();
        let view = *u.choose(&[View::Full, View::Summary, View::Area, View::Badge]).unwrap_or(&View::Full);
        let area = match u.int_in_range(0..=2u8).unwrap_or(0) {
            0 => None,
            1 => u.choose(&ids).ok().cloned(),
            _ => Some(mutate::odd_string(&mut u)),
        };
        let lang = grade_widget::i18n::Lang::parse(u.choose(&["en", "cy", "", "xx"]).unwrap_or(&"en"));
        let link = u.ratio(1, 3).unwrap_or(false).then(|| "https://example.org/report".to_owned());
        // Issue 13's options that shape the markup: any heading level (out of range falls back) and
        // an area link template, ordinary or odd (script URLs and odd ids must stay harmless).
        let heading_level = u.int_in_range(0..=8u8).unwrap_or(0);
        let area_href = match u.int_in_range(0..=2u8).unwrap_or(0) {
            0 => None,
            1 => Some("/grades/{id}".to_owned()),
            _ => Some(mutate::odd_string(&mut u)),
        };
        let options = Options { view, area, lang, deep_link: false, link, heading_level, area_href, fallback_href: None };
        let props = AppProps { state: LoadState::Ready(Rc::new(report)), options, onselect: Default::default(), onretry: Default::default(), instance: 0 };
        let html = block_on(LocalServerRenderer::<App>::with_props(props).render());
        if html.is_empty() {
            return Err("rendered nothing".to_owned());
        }
        check_markup(&html)
    });
}

/// The markup checker must see what it is there to see, or the render target proves nothing.
#[test]
fn markup_checker_finds_injected_markup() {
    assert!(check_markup("<div title=\"&lt;img&gt;\">&lt;script&gt;</div>").is_ok());
    assert!(check_markup("<div><img src=x onerror=alert(1)></div>").is_err());
    assert!(check_markup("<p title=x onmouseover=alert(1)>t</p>").is_err());
    assert!(check_markup("<a href=' javascript:alert(1)'>t</a>").is_err());
    assert!(check_markup("<svg><script>x</script></svg>").is_err());
}
