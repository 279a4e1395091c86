//! `grade-widget render` run as the real binary on the Metropolitan report: the static markup has
//! every row, speaks Welsh when asked, shows one area's findings, refuses bad input with exact
//! messages and exit codes, never writes a style attribute, and matches the committed
//! www/examples/no-js.html and no-js.css (so the example cannot drift from the components).
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output, Stdio};

use grade_widget::prerender;
use grade_widget::hydration::markup_shape;

const MET: &str = "www/data/metropolitan-2006.json";

fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grade-widget"))
        .arg("render")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("the grade-widget binary runs")
}

/// Standard output of a run that must succeed, with nothing on standard error.
fn ok(args: &[&str]) -> String {
    let out = render(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "render {args:?} failed: {stderr}"
    );
    assert_eq!(stderr, "", "render {args:?} wrote to standard error");
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn every_view_has_the_expected_rows_and_no_style_attribute() {
    // (args, rows, words that must appear)
    let table: &[(&[&str], usize, &[&str])] = &[
        (&[MET], 23, &[r#"data-view="full""#, r#"lang="en""#, "Summary of judgements", "Excellent"]),
        (&[MET, "--view", "summary"], 23, &[r#"data-view="summary""#, "Grade profile", "<span>0</span>, <strong class=\"gw-nat__own\">15<span class=\"gw-vh\"> (this force)</span></strong>, <span>28</span>, <span>0</span>"]),
        (&[MET, "--view", "badge"], 0, &[r#"data-view="badge""#, "Metropolitan Police Service"]),
        (&[MET, "--view", "area", "--area", "3A"], 0, &[r#"data-view="area""#, r#"data-area="3A""#, "Managing Critical Incidents and Major Crime"]),
    ];
    for (args, rows, words) in table {
        let html = ok(args);
        assert_eq!(count(&html, r#"data-testid="area-row""#), *rows, "{args:?}");
        for word in *words {
            assert!(html.contains(word), "{args:?}: missing {word}");
        }
        // A strict CSP (style-src 'self') blocks style attributes and <style> elements.
        assert!(!html.contains("style="), "{args:?}: a style attribute");
        assert!(!html.contains("<style"), "{args:?}: a <style> element");
        assert!(!html.contains("<script"), "{args:?}: a script");
        // Yew's hydration markers, one pair per component, without the Rust type names.
        let opened = count(&html, "<!--<[]>-->");
        assert!(opened > 1, "{args:?}: no hydration markers");
        assert_eq!(opened, count(&html, "<!--</[]>-->"), "{args:?}: unpaired markers");
        // And one pair around each chart's marks, which are a raw SVG fragment (src/charts/svg.rs).
        let raw = count(&html, "<!--<#>-->");
        assert_eq!(raw, count(&html, "<!--</#>-->"), "{args:?}: unpaired raw markers");
        assert_eq!(count(&html, "<!--"), 2 * opened + 2 * raw, "{args:?}: another comment");
        assert!(!html.contains("grade_widget::"), "{args:?}: a Rust type name");
        // One root, in the same container class the live widget uses in its shadow root,
        // stamped with the fingerprint the widget checks before adopting the markup.
        let stamp = html
            .strip_prefix(r#"<div class="gw-container" data-gw-hydrate=""#)
            .and_then(|rest| rest.split_once('"'))
            .map(|(stamp, _)| stamp)
            .unwrap_or_else(|| panic!("{args:?}: no stamped container"));
        assert_eq!(stamp.len(), 16, "{args:?}: fingerprint {stamp}");
        assert!(
            html.contains(r#""><!--<[]>--><div part="root""#)
                && html.ends_with("</div><!--</[]>--></div>\n"),
            "{args:?}: not one root element"
        );
    }
}

#[test]
fn every_area_grade_and_national_count_is_in_the_table() {
    let html = ok(&[MET, "--view", "summary"]);
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/metropolitan-2006.json"
    ))
    .expect("the demo data");
    let report = grade_widget::model::parse_report(&text).expect("valid demo data");
    for area in report.domains.iter().flat_map(|d| &d.areas) {
        let start = html
            .find(&format!(
                r#"data-testid="area-row" data-area="{}""#,
                area.id
            ))
            .unwrap_or_else(|| panic!("no row for {}", area.id));
        let row = &html[start..start + html[start..].find("</tr>").expect("row ends")];
        let n = area.national.as_ref().expect("every metropolitan area has national counts");
        let counts = n.counts.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let mut at = 0;
        for c in &counts {
            // In order, each as text in its own element.
            let found = row[at..]
                .find(&format!(">{c}<"))
                .unwrap_or_else(|| panic!("{}: national count {c} missing in {row}", area.id));
            at += found + 1;
        }
        // The report's own words as the widget writes them: `Fair`, `Improved`.
        let grade = area
            .grade
            .as_ref()
            .map(|g| format!(r#"<span class="gw-word">{}</span>"#, capitalised(g.as_str())))
            .expect("every metropolitan area is graded");
        assert!(row.contains(&grade), "{}: no {grade} in {row}", area.id);
        if let Some(d) = &area.direction {
            let word = format!(r#"<span class="gw-word">{}</span>"#, capitalised(d.as_str()));
            assert!(row.contains(&word), "{}: no {word} in {row}", area.id);
        }
    }
}

/// `--lang` takes a language tag as the element's `lang` does: any `cy-…` is Welsh, any
/// `en-…` English, in any case and with `_` too.
#[test]
fn lang_takes_language_tags_like_the_element() {
    let welsh = ok(&[MET, "--lang", "cy"]);
    for tag in ["cy-GB", "CY", "cy_gb", "cy-Latn-GB"] {
        assert_eq!(ok(&[MET, "--lang", tag]), welsh, "--lang {tag}");
    }
    let english = ok(&[MET]);
    for tag in ["en", "en-GB", "EN-us"] {
        assert_eq!(ok(&[MET, "--lang", tag]), english, "--lang {tag}");
    }
}

/// One exit code for input that cannot be read, whichever subcommand: 2, with the file named.
#[test]
fn unreadable_input_exits_2_in_every_subcommand() {
    for sub in ["extract", "validate", "render"] {
        let out = Command::new(env!("CARGO_BIN_EXE_grade-widget"))
            .args([sub, "no-such-file.txt"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .output()
            .expect("the grade-widget binary runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{sub}: {err}");
        assert!(err.contains("cannot read no-such-file.txt"), "{sub}: {err}");
    }
}

#[test]
fn welsh_uses_the_welsh_words() {
    let html = ok(&[MET, "--lang", "cy"]);
    assert_eq!(count(&html, r#"data-testid="area-row""#), 23);
    assert!(html.contains(r#"lang="cy""#));
    for word in ["Proffil graddau", ">Rhagorol<", ">Da<", ">Teg<"] {
        assert!(html.contains(word), "missing {word}");
    }
    for word in [">Excellent<", ">Good<", ">Fair<", "Grade profile"] {
        assert!(!html.contains(word), "english {word} in the welsh markup");
    }
}

#[test]
fn area_view_shows_that_areas_strengths() {
    let html = ok(&[MET, "--view", "area", "--area", "3a"]);
    // The first strength of 3A, as the report gives it (text, escaped, never markup).
    assert!(html.contains(
        "is regularly asked by other organisations, both within and outside the policing community"
    ));
    assert!(html.contains(r#"data-testid="strengths""#));
    assert!(
        !html.contains("Volume Crime Reduction"),
        "another area's findings"
    );
}

#[test]
fn bad_input_exits_with_a_clear_message_and_no_output() {
    let table: &[(&[&str], i32, &str)] = &[
        (&[MET, "--view", "area", "--area", "9Z"], 1, "render: --area \"9Z\": the report has no such area; its areas are 1A, 1B, 1C, 1D, 2A, 3A, 3B, 3C, 3D, 3E, 4A, 4B, 5A, 5B, 5C, 6A, 6B, 6C, 6D, 6E, 6F, 7A, 7B\n"),
        (&["tests/fixtures/reports/invalid-unknown-grade.json"], 1, "\
domains[0].areas[0].grade: unknown grade \"great\"; expected \"poor\", \"fair\", \"good\", \"excellent\" or null
render: 1 problem in tests/fixtures/reports/invalid-unknown-grade.json; nothing rendered
"),
        (&["tests/fixtures/reports/no-such-file.json"], 2, "render: cannot read tests/fixtures/reports/no-such-file.json: no such file or directory\n"),
    ];
    for (args, code, message) in table {
        let out = render(args);
        assert_eq!(out.status.code(), Some(*code), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), *message, "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?}: wrote markup despite failing"
        );
    }
    // A language the widget does not speak is refused, not rendered in English.
    let out = render(&[MET, "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value 'fr' for '--lang <LANG>': the widget speaks English and Welsh: give a language tag such as en, en-GB, cy or cy-GB, not \"fr\""), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn output_and_stylesheet_files() {
    let dir = std::env::temp_dir().join(format!("grade-widget-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (html, css) = (dir.join("w.html"), dir.join("w.css"));
    let stdout = ok(&[
        MET,
        "-o",
        html.to_str().expect("utf-8 path"),
        "--stylesheet",
        css.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(stdout, "");
    assert_eq!(
        std::fs::read_to_string(&html).expect("html written"),
        ok(&[MET])
    );
    let written = std::fs::read_to_string(&css).expect("css written");
    // The sheet for markup in the page (src/styles/mod.rs tests what it holds).
    assert_eq!(written, prerender::stylesheet());
    assert!(written.contains("grade-widget>.gw-container{all:initial;"), "the container's wall");
    assert!(!written.contains(":host"), "the light-DOM sheet has no :host rules");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn shadow_root_wraps_the_markup_and_writes_the_shadow_sheet() {
    let dir = std::env::temp_dir().join(format!("grade-widget-render-dsd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let css = dir.join("w.css");
    let plain = ok(&[MET]);
    // The URL goes into an attribute: quotes, ampersands and angle brackets are escaped.
    let html = ok(&[MET, "--shadow-root", "/css/w.css?v=1&x=\"<>", "--stylesheet", css.to_str().expect("utf-8 path")]);
    let inside = html
        .strip_prefix("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/css/w.css?v=1&amp;x=&quot;&lt;&gt;\">")
        .and_then(|rest| rest.strip_suffix("</template>\n"))
        .unwrap_or_else(|| panic!("not one declarative shadow root: {}", &html[..200.min(html.len())]));
    // The very markup `render` prints without the flag: same fingerprint, same shape.
    assert_eq!(inside, plain.trim_end());
    let written = std::fs::read_to_string(&css).expect("css written");
    // The shadow root's sheet: the container's wall, the widget's rules with their :host as
    // written, and the rules that quiet controls until the widget has hydrated the copy.
    assert_eq!(written, prerender::shadow_stylesheet());
    assert!(written.starts_with(":host>.gw-container{all:initial;color-scheme:inherit;font-family:inherit;display:block}"), "{}", &written[..120]);
    assert!(written.starts_with(grade_widget::styles::SHADOW));
    for quiet in [" .gw-export{display:none}", " .gw-detail__back{display:none}", " button.gw-link{color:inherit;"] {
        assert!(written.contains(&format!(":host>.gw-container[data-gw-hydrate]{quiet}")), "{quiet}");
    }
    assert!(!written.contains("grade-widget >"), "no light-DOM rules in the shadow sheet");
    // An empty URL would link the page itself as the stylesheet: refused, nothing written.
    let out = render(&[MET, "--shadow-root", ""]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--shadow-root"), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--shadow-root URL` links a stylesheet at URL that only `--stylesheet` writes: without it, the
/// markup is still written (the sheet may be hosted already), with a warning on standard error
/// that names the URL and the option to add.
#[test]
fn shadow_root_without_stylesheet_warns() {
    let plain = ok(&[MET]);
    let out = render(&[MET, "--shadow-root", "/css/grade-widget-shadow.css"]);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(html.ends_with(&format!("{}</template>\n", plain.trim_end())), "the markup is still written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "render: warning: the markup links the stylesheet at /css/grade-widget-shadow.css, but without --stylesheet no sheet \
         was written; write it with --stylesheet FILE and host FILE at that URL, or the copy shows unstyled\n"
    );
}

#[test]
fn heading_level_and_area_links() {
    let html = ok(&[MET, "--view", "summary", "--heading-level", "4", "--area-href", "/grades/{id}"]);
    assert!(html.contains(r#"<h4 tabindex="-1" class="gw-h2 gw-header__title" data-testid="header-title">"#), "{html}");
    assert!(!html.contains("<h2") && !html.contains("<h3"), "every heading shifts");
    assert_eq!(count(&html, r#"data-testid="area-link""#), 23);
    assert!(html.contains(r#"<a href="/grades/3A" data-testid="area-link" class="gw-link">"#));
    // Without --area-href the summary's names are text: nothing focusable that does nothing.
    let plain = ok(&[MET, "--view", "summary"]);
    assert_eq!(count(&plain, "<a "), 0);
    assert_eq!(count(&plain, r#"class="gw-link""#), 0);
    // The options are in the fingerprint: the element must say the same to adopt the markup.
    assert_ne!(stamp(&html), stamp(&plain));
    // Out of range is refused with a clear message.
    for bad in ["1", "7", "two"] {
        let out = render(&[MET, "--heading-level", bad]);
        assert_eq!(out.status.code(), Some(2), "--heading-level {bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--heading-level"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

/// The committed no-JS example holds exactly what the command prints today, so a component or
/// stylesheet change that is not re-rendered into the example fails here. After a deliberate
/// change, `UPDATE_SNAPSHOTS=1 cargo test --test render_cli` rewrites the markup inside
/// `<grade-widget id="nojs">` and no-js.css (as tests/ssr.rs does for its snapshots); review the diff.
#[test]
fn the_no_js_example_matches_fresh_output() {
    let page_path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/no-js.html");
    let css_path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/no-js.css");
    let page = std::fs::read_to_string(page_path).expect("the example page");
    let open = r#"<grade-widget id="nojs" src="../data/metropolitan-2006.json" view="summary">"#;
    let start = page.find(open).expect("the example's <grade-widget>") + open.len();
    let end = start + page[start..].find("</grade-widget>").expect("its end tag");
    let fresh = ok(&[MET, "--view", "summary"]);
    let fresh_css =
        std::env::temp_dir().join(format!("grade-widget-no-js-{}.css", std::process::id()));
    ok(&[MET, "--stylesheet", fresh_css.to_str().expect("utf-8 path")]);
    let css = std::fs::read_to_string(&fresh_css).expect("stylesheet written");
    let _ = std::fs::remove_file(&fresh_css);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let updated = format!("{}\n{fresh}{}", &page[..start], &page[end..]);
        std::fs::write(page_path, updated).expect("rewriting the example page");
        std::fs::write(css_path, &css).expect("rewriting the example stylesheet");
        return;
    }
    // assert!, not assert_eq!: the markup is 30 KB, too long to be worth printing twice.
    assert!(
        page[start..end].trim() == fresh.trim(),
        "no-js.html is stale: UPDATE_SNAPSHOTS=1 cargo test --test render_cli"
    );
    let committed = std::fs::read_to_string(css_path).expect("the example stylesheet");
    assert!(
        committed == css,
        "no-js.css is stale: UPDATE_SNAPSHOTS=1 cargo test --test render_cli"
    );
}

/// The fingerprint the live widget compares before adopting the markup: the same for the same
/// report and options, different when anything that shapes the markup differs.
fn stamp(html: &str) -> &str {
    let rest = html.split_once(r#"data-gw-hydrate=""#).expect("a stamp").1;
    rest.split_once('"').expect("stamp ends").0
}

/// The markup inside the stamped container.
fn inner(html: &str) -> &str {
    let start = html.find('>').expect("container opens") + 1;
    &html[start..html.rfind("</div>").expect("container closes")]
}

/// Every `<!--…-->` removed, as CMS sanitisers and HTML minifiers do.
fn without_comments(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("-->").map_or("", |j| &rest[i + j + 3..]);
    }
    out + rest
}

/// The second stamp: the shape of the markup itself, which the widget compares with the nodes
/// it finds before hydrating them (src/hydration/shape.rs).
#[test]
fn the_markup_carries_its_own_shape() {
    for args in [&[MET][..], &[MET, "--view", "summary"], &[MET, "--view", "badge", "--lang", "cy"]] {
        let html = ok(args);
        let shape = html.split_once(r#"data-gw-shape=""#).expect("a shape stamp").1.split_once('"').expect("stamp ends").0;
        assert_eq!(shape, markup_shape(inner(&html)), "{args:?}");
        assert_ne!(shape, markup_shape(&without_comments(inner(&html))), "{args:?}: comments do not count");
    }
}

#[test]
fn badge_href_and_fingerprints() {
    let plain = ok(&[MET, "--view", "badge"]);
    let linked = ok(&[MET, "--view", "badge", "--href", "/grades.html"]);
    assert!(!plain.contains("href="), "a link without --href");
    assert!(linked.contains(r#"href="/grades.html""#), "no link with --href: {linked}");
    assert_eq!(stamp(&linked), stamp(&ok(&[MET, "--view", "badge", "--href", "/grades.html"])));
    let stamps = [
        stamp(&plain).to_owned(),
        stamp(&linked).to_owned(),
        stamp(&ok(&[MET])).to_owned(),
        stamp(&ok(&[MET, "--lang", "cy"])).to_owned(),
        stamp(&ok(&[MET, "--view", "area", "--area", "3A"])).to_owned(),
        stamp(&ok(&[MET, "--view", "area", "--area", "3B"])).to_owned(),
    ];
    for (i, a) in stamps.iter().enumerate() {
        for b in &stamps[i + 1..] {
            assert_ne!(a, b, "two different renders share a fingerprint");
        }
    }
    // A script URL is refused by the badge, as it is by the live widget: no link has it. (The
    // copy's `data-gw-href` stamp still says what it was rendered with, as inert text.)
    assert!(!ok(&[MET, "--view", "badge", "--href", "javascript:alert(1)"]).contains(" href="));
}

/// "excellent" → "Excellent": the 2006 scale's English words are its ids, capitalised.
fn capitalised(id: &str) -> String {
    let mut c = id.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
