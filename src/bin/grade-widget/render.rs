//! `grade-widget render REPORT.json [--view V] [--area ID] [--lang en|cy] [--href URL]
//! [--heading-level N] [--area-href TEMPLATE] [-o OUT] [--stylesheet CSS] [--shadow-root URL]`:
//! renders the widget's own Yew components to static HTML (SSR) so a page can put it inside
//! `<grade-widget>…</grade-widget>` and readers without JavaScript or WebAssembly still see every
//! grade, direction and national count. When the widget starts it adopts that markup (Yew
//! hydration) instead of drawing its own copy: the same nodes become interactive. Exit 1 means the report has problems (listed on standard
//! error, as `validate` lists them) or the area does not exist; exit 2 means a file could not be
//! read or written.
//!
//! The output is markup only: no `<style>` element and no `style=` attribute, because a strict
//! CSP (`style-src 'self'`) blocks both. `--stylesheet` writes the matching CSS to a file the page
//! links instead. With `--shadow-root URL` the markup goes in a declarative shadow root that
//! links the stylesheet at that URL, and `--stylesheet` writes the shadow root's sheet. The
//! rendering itself is the library's (src/prerender.rs), shared with the
//! report builder; this file is the command line around it: files, checks, exit codes.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use futures::executor::block_on;
use grade_widget::components::{Options, View};
use grade_widget::i18n::Lang;
use grade_widget::model::{parse_report_bytes, Report, ReportProblem, MAX_REPORT_BYTES};
use grade_widget::prerender;

use crate::output::{self, Staged};

/// `--view`: the `view` attribute's words ([`View::as_str`]), offered and checked by clap.
pub fn view_parser() -> impl clap::builder::TypedValueParser<Value = View> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(View::ALL.map(View::as_str)).map(|word| View::from_word(&word).unwrap_or_default())
}

/// `--lang`: a language tag read as the element reads its `lang` ([`Lang::named`]: any `cy-…`
/// is Welsh), but only English and Welsh tags: the widget speaks no other language, and a typo
/// on the command line is better refused than rendered in English.
pub fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::named(tag).ok_or_else(|| {
        format!("the widget speaks English and Welsh: give a language tag such as en, en-GB, cy or cy-GB, not {tag:?}")
    })
}

/// Everything `render` was asked for.
pub struct Request<'a> {
    pub input: &'a Path,
    pub view: View,
    pub area: Option<&'a str>,
    pub lang: Lang,
    pub href: Option<&'a str>,
    /// The element's `heading-level` (2–6) and `area-href`: they shape the markup, so the page
    /// must give the element the same values for it to adopt this copy.
    pub heading_level: Option<u8>,
    pub area_href: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub stylesheet: Option<&'a Path>,
    /// `--shadow-root`: the URL of the stylesheet the declarative shadow root links.
    pub shadow_root: Option<&'a str>,
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
    let mut html = block_on(prerender::markup(report, options(req)));
    if let Some(href) = req.shadow_root {
        html = prerender::in_shadow_root(&html, href);
        // The shadow root links a sheet only --stylesheet writes. Not an error (the page may
        // host this release's sheet already), but never silent: a missing sheet leaves the copy
        // unstyled, with nothing on the page to say why.
        if req.stylesheet.is_none() {
            eprintln!(
                "render: warning: the markup links the stylesheet at {href}, but without --stylesheet no sheet \
                 was written; write it with --stylesheet FILE and host FILE at that URL, or the copy shows unstyled"
            );
        }
    }
    match write_outputs(req, &html) {
        Ok(()) => ExitCode::SUCCESS,
        Err((place, e)) => {
            eprintln!("render: cannot write {place}: {}", describe(&e));
            ExitCode::from(2)
        }
    }
}

/// The stylesheet and the HTML, each to its temporary first; both are renamed into place only
/// when both are complete, so a failure leaves neither (nor changes an old pair). With the
/// HTML on standard output, the stylesheet is put in place only once that write succeeded.
fn write_outputs(req: &Request, html: &str) -> Result<(), (String, io::Error)> {
    let mut staged = Vec::new();
    if let Some(css) = req.stylesheet {
        let sheet = if req.shadow_root.is_some() { prerender::shadow_stylesheet() } else { prerender::stylesheet() };
        let file = Staged::write(css, &sheet)
            .map_err(|e| (format!("the stylesheet {}", css.display()), e))?;
        staged.push(file);
    }
    match req.output {
        Some(path) => staged.push(Staged::write(path, html).map_err(|e| (path.display().to_string(), e))?),
        None => {
            let mut out = io::stdout().lock();
            out.write_all(html.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| ("standard output".to_owned(), e))?;
        }
    }
    output::commit(staged).map_err(|(path, e)| (path.display().to_string(), e))
}

fn options(req: &Request) -> Options {
    prerender::options(req.view, req.area, req.lang, req.href, req.heading_level.unwrap_or(0), req.area_href)
}

/// An unknown `--area` is an error here, not the widget's in-page "no such area" note: a page
/// author asked for it and should hear at once, before pasting the markup anywhere.
fn check_area(report: &Report, id: &str) -> Result<(), String> {
    let ids: Vec<&str> = report.areas().map(|a| a.id.as_str()).collect();
    if ids.iter().any(|known| known.eq_ignore_ascii_case(id)) {
        return Ok(());
    }
    Err(format!(
        "--area {id:?}: the report has no such area; its areas are {}",
        ids.join(", ")
    ))
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

fn check(bytes: &[u8]) -> Result<Report, Vec<ReportProblem>> {
    parse_report_bytes(bytes)
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
