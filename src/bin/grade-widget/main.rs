//! The `grade-widget` command line: extract, validate, render, schema.
//!
//! Exit codes, the same for every subcommand: 0 done; 1 the input has problems (report text
//! that cannot be extracted, a report JSON that is invalid, an `--area` the report lacks);
//! 2 a file could not be read or written, or the command line is wrong (clap's usage errors).

// Native only: `cargo test --target wasm32-unknown-unknown` builds every target, and the CLI
// (clap, files, stdio) has no meaning in a browser.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod extract;
mod output;
mod render;
mod validate;

#[derive(Parser)]
#[command(name = "grade-widget", version, about = "Police inspection report data tooling")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn a published report's text into the widget's report JSON.
    Extract {
        /// The report text file, or `-` for standard input.
        input: PathBuf,
        /// Write the JSON here instead of standard output (written only when extraction succeeds).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check a report JSON file and list every problem with its path.
    Validate {
        /// The JSON file, or `-` for standard input.
        input: PathBuf,
    },
    /// Print the widget as static HTML (server-side rendered) to put inside <grade-widget>, so
    /// readers without JavaScript or WebAssembly still see every grade.
    Render {
        /// The report JSON file, or `-` for standard input (validated first).
        input: PathBuf,
        /// Which variant to draw (the element's `view` attribute).
        #[arg(long, default_value = "full", value_parser = render::view_parser())]
        view: grade_widget::components::View,
        /// The area to show (`--view area`) or to select initially.
        #[arg(long)]
        area: Option<String>,
        /// The language of the widget's own words: a language tag as the element's `lang`
        /// takes it (`en`, `en-GB`, `cy`, `cy-GB`, …; any `cy-…` tag is Welsh).
        #[arg(long, default_value = "en", value_parser = render::parse_lang)]
        lang: grade_widget::i18n::Lang,
        /// The badge's link to the full report (the element's `href` attribute).
        #[arg(long)]
        href: Option<String>,
        /// The level of the widget's top heading, 2 to 6 (the element's `heading-level`).
        #[arg(long, value_parser = clap::value_parser!(u8).range(2..=6))]
        heading_level: Option<u8>,
        /// For `--view summary`: each area's link, `{id}` replaced by its id (the element's
        /// `area-href`), e.g. "/grades/{id}"; without it the names are plain text.
        #[arg(long)]
        area_href: Option<String>,
        /// Write the HTML here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write the CSS for this markup, for the page to <link> (with --shadow-root:
        /// the shadow root's own stylesheet, to host at the URL given there).
        #[arg(long)]
        stylesheet: Option<PathBuf>,
        /// Put the markup in a declarative shadow root (<template shadowrootmode="open">) that
        /// links the stylesheet at this URL: the browser builds the widget's shadow root while
        /// it parses the page, and the widget starts faster on it. Only for markup in the
        /// page's HTML source (innerHTML does not build it) and sanitisers that keep <template>.
        #[arg(long, value_name = "STYLESHEET_URL", value_parser = clap::builder::NonEmptyStringValueParser::new())]
        shadow_root: Option<String>,
    },
    /// Print the JSON Schema of the report format (generated from the types; the same as
    /// www/schema/report.schema.json).
    Schema {
        /// Print the format's field reference in Markdown instead, written from the same schema
        /// (the tables in docs/json-format.md).
        #[arg(long)]
        markdown: bool,
    },
}

fn main() -> ExitCode {
    output::guard_signals();
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { input, output } => extract::run(&input, output.as_deref()),
        Command::Validate { input } => validate::run(&input),
        Command::Schema { markdown } => {
            use grade_widget::model::schema::{field_reference, report_schema_json};
            print!("{}", if markdown { field_reference() } else { report_schema_json() });
            ExitCode::SUCCESS
        }
        Command::Render { input, view, area, lang, href, heading_level, area_href, output, stylesheet, shadow_root } => render::run(&render::Request {
            input: &input,
            view,
            area: area.as_deref(),
            lang,
            href: href.as_deref(),
            heading_level,
            area_href: area_href.as_deref(),
            output: output.as_deref(),
            stylesheet: stylesheet.as_deref(),
            shadow_root: shadow_root.as_deref(),
        }),
    }
}
