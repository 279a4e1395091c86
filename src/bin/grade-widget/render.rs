//! `grade-widget render REPORT.json [--view V] [--area ID] [--lang en|cy] [--href URL]
//! [--heading-level N] [--area-href TEMPLATE] [-o OUT] [--stylesheet CSS]`:
//! renders the widget's own Yew components to static HTML (SSR) so a page can put it inside
//! `<grade-widget>…</grade-widget>` and readers without JavaScript or WebAssembly still see every
//! grade, direction and national count. When the widget starts it adopts that markup (Yew
//! hydration) instead of drawing its own copy: the same nodes become interactive. Exit 1 means the report has problems (listed on standard
//! error, as `validate` lists them) or the area does not exist; exit 2 means a file could not be
//! read or written.
//!
//! The output is markup only: no `<style>` element and no `style=` attribute, because a strict
//! CSP (`style-src 'self'`) blocks both. `--stylesheet` writes the matching CSS to a file the page
//! links instead.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use clap::ValueEnum;
use futures::executor::block_on;
use grade_widget::components::{
    fingerprint, light_dom_stylesheet, App, AppProps, LoadState, Options, View,
};
use grade_widget::model::{parse_report, Problem, Report, MAX_REPORT_BYTES};
use yew::LocalServerRenderer;

/// The element the markup is meant for; the stylesheet's `:host` rules are rewritten to it.
const TAG: &str = "grade-widget";

/// The live widget puts its app in a `.gw-container` whose rule walls off the host's inherited
/// text styles (font size, line height, …; src/embed/shadow.rs, `BASE`). The static copy gets
/// the same wrapper and rule, so it reads the same as the live widget: without it the host's
/// larger body text made the grade profile overflow a 320 px screen.
const CONTAINER_CLASS: &str = "gw-container";
///
/// Host rules on bare elements (`h2 { margin: … }`) also reach light-DOM markup, and they beat
/// the widget's zero-specificity margin reset (`:where(.gw) :where(h2, …)`). The second rule
/// repeats that reset at element specificity: it wins over such host rules when the page links
/// this sheet after its own, and still loses to the widget's class rules. The last two rules
/// quiet controls that need script (the live widget, in its shadow root, is not affected).
const CONTAINER_RULE: &str = "
/* For the static copy outside a shadow root (grade-widget render): the wall the live widget's
   container has, and its margin reset at element specificity, to outweigh host element rules. */
grade-widget > .gw-container{all:initial;display:block;font-family:inherit;color-scheme:inherit}
:where(grade-widget > .gw-container) :is(h2, h3, h4, h5, h6, p, ul, dl, dd, figure, details){margin:0}
/* Without script the CSV and back-to-the-table buttons can do nothing, and the area name
   buttons select nothing: no buttons, and names that read as text (real links, from
   --area-href, stay links). */
grade-widget > .gw-container .gw-export,grade-widget > .gw-container .gw-detail__back{display:none}
grade-widget > .gw-container button.gw-link{color:inherit;text-decoration:none;cursor:auto}
";

/// The `view` attribute's values, as the command line spells them.
#[derive(Clone, Copy, ValueEnum)]
pub enum ViewArg {
    Full,
    Summary,
    Area,
    Badge,
}

/// The languages the widget speaks.
#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    En,
    Cy,
}

/// Everything `render` was asked for.
pub struct Request<'a> {
    pub input: &'a Path,
    pub view: ViewArg,
    pub area: Option<&'a str>,
    pub lang: LangArg,
    pub href: Option<&'a str>,
    /// The element's `heading-level` (2–6) and `area-href`: they shape the markup, so the page
    /// must give the element the same values for it to adopt this copy.
    pub heading_level: Option<u8>,
    pub area_href: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub stylesheet: Option<&'a Path>,
}

pub fn run(req: &Request) -> ExitCode {
    let name = if req.input == Path::new("-") {
        "standard input".to_owned()
    } else {
        req.input.display().to_string()
    };
    let bytes = match read(req.input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("render: cannot read {name}: {}", describe(&e));
            return ExitCode::from(2);
        }
    };
    let report = match check(&bytes) {
        Ok(report) => report,
        Err(problems) => {
            // Standard error, not standard output: a failed render must never leave something
            // that looks like markup in a redirected file.
            for problem in &problems {
                eprintln!("{problem}");
            }
            let count = problems.len();
            eprintln!(
                "render: {count} problem{} in {name}; nothing rendered",
                if count == 1 { "" } else { "s" }
            );
            return ExitCode::FAILURE;
        }
    };
    if let Some(id) = req.area {
        if let Err(message) = check_area(&report, id) {
            eprintln!("render: {message}");
            return ExitCode::FAILURE;
        }
    }
    let html = render(report, options(req));
    if let Some(css) = req.stylesheet {
        if let Err(e) = write_whole(css, &stylesheet()) {
            eprintln!(
                "render: cannot write the stylesheet {}: {}",
                css.display(),
                describe(&e)
            );
            return ExitCode::from(2);
        }
    }
    let written = match req.output {
        Some(path) => write_whole(path, &html).map_err(|e| (path.display().to_string(), e)),
        None => io::stdout()
            .lock()
            .write_all(html.as_bytes())
            .map_err(|e| ("standard output".to_owned(), e)),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err((place, e)) => {
            eprintln!("render: cannot write {place}: {}", describe(&e));
            ExitCode::from(2)
        }
    }
}

fn options(req: &Request) -> Options {
    let view = match req.view {
        ViewArg::Full => View::Full,
        ViewArg::Summary => View::Summary,
        ViewArg::Area => View::Area,
        ViewArg::Badge => View::Badge,
    };
    let lang = match req.lang {
        LangArg::En => "en",
        LangArg::Cy => "cy",
    };
    // No deep links: there is no script to read or write `location.hash` in static markup.
    Options {
        view,
        area: req.area.map(str::to_owned),
        lang: lang.to_owned(),
        deep_link: false,
        // The badge's link: the element's `href` attribute, which must then say the same.
        link: req.href.map(str::to_owned),
        heading_level: req.heading_level.unwrap_or(0),
        area_href: req.area_href.map(str::to_owned),
        // Errors are never rendered ahead of time: a report that fails is refused above.
        fallback_href: None,
    }
}

/// The markup in its container, ending in a newline so it pastes cleanly. Hydratable: Yew's
/// comment markers around each component let the live widget adopt these nodes. The container
/// carries the fingerprint of the report and options, so the widget adopts the markup only when
/// it would draw exactly this (src/components/fingerprint.rs); otherwise it draws afresh.
fn render(report: Report, options: Options) -> String {
    let stamp = fingerprint(&report, &options);
    let props = AppProps {
        state: LoadState::Ready(Rc::new(report)),
        options,
        onselect: Default::default(),
        onretry: Default::default(),
    };
    let app = block_on(
        LocalServerRenderer::<App>::with_props(props)
            .hydratable(true)
            .render(),
    );
    let app = anonymous_markers(&app);
    format!("<div class=\"{CONTAINER_CLASS}\" data-gw-hydrate=\"{stamp}\">{app}</div>\n")
}

/// Yew marks each component in hydratable output with a comment naming its Rust type
/// (`<!--<[grade_widget::components::app::App]>-->`). Hydration only checks the `<[` / `</[`
/// and `]>` around the name, so the names go: they are internals, and they would make up a
/// tenth of the markup.
fn anonymous_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<!--<") {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let open = if from.starts_with("<!--</[") { "<!--</[" } else { "<!--<[" };
        match (from.starts_with(open), from.find("]>-->")) {
            (true, Some(end)) => {
                out.push_str(open);
                out.push_str("]>-->");
                rest = &from[end + "]>-->".len()..];
            }
            _ => {
                out.push_str("<!--<");
                rest = &from["<!--<".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The widget's stylesheet for light-DOM markup, plus the container's wall.
fn stylesheet() -> String {
    let mut css = light_dom_stylesheet(TAG);
    css.push_str(CONTAINER_RULE);
    css
}

/// An unknown `--area` is an error here, not the widget's in-page "no such area" note: a page
/// author asked for it and should hear at once, before pasting the markup anywhere.
fn check_area(report: &Report, id: &str) -> Result<(), String> {
    let ids: Vec<&str> = report
        .domains
        .iter()
        .flat_map(|d| &d.areas)
        .map(|a| a.id.as_str())
        .collect();
    if ids.iter().any(|known| known.eq_ignore_ascii_case(id)) {
        return Ok(());
    }
    Err(format!(
        "--area {id:?}: the report has no such area; its areas are {}",
        ids.join(", ")
    ))
}

/// Writes `text` to a temporary file beside `path` and renames it over `path` only once it is
/// complete, so a failed write (disk full, a file-size limit) never leaves a partial file and an
/// existing file stays as it was (the same rule as `extract -o`; tests/output_cli.rs).
fn write_whole(path: &Path, text: &str) -> io::Result<()> {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(name);
    std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path)).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Reads at most one byte more than the limit, so a huge file or an endless pipe is refused
/// without first being read whole (the same rule as `validate`).
fn read(input: &Path) -> io::Result<Vec<u8>> {
    let limit = MAX_REPORT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if input == Path::new("-") {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    } else {
        File::open(input)?.take(limit).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

fn check(bytes: &[u8]) -> Result<Report, Vec<Problem>> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(vec![Problem::document(format!(
            "the report is more than {MAX_REPORT_BYTES} bytes (8 MiB), the limit"
        ))]);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![Problem::document(format!(
            "not utf-8 text: invalid byte at offset {}",
            e.valid_up_to()
        ))]
    })?;
    parse_report(text)
}

/// `no such file or directory` rather than `No such file or directory (os error 2)`.
fn describe(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown error".to_owned(),
    }
}
