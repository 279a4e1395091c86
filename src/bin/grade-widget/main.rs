//! The `grade-widget` command line: extract, import, validate, render, schema.
//!
//! Exit codes, the same for every subcommand: 0 done; 1 the input has problems (report text
//! that cannot be extracted, a table with bad cells, a report JSON that is invalid, an `--area`
//! the report lacks, a `--force` the table lacks);
//! 2 a file could not be read or written, or the command line is wrong (clap's usage errors).

// Native only: `cargo test --target wasm32-unknown-unknown` builds every target, and the CLI
// (clap, files, stdio) has no meaning in a browser.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use grade_widget::model::Compared;

mod extract;
mod import;
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
    /// Turn a national table of grades (CSV or tab-separated: one row per force, its name first,
    /// then one column per area, the header row giving the areas' titles) into one force's
    /// report, or one report per row, with every area's national counts from the whole table.
    #[command(group = clap::ArgGroup::new("which").required(true).args(["force", "all"]))]
    Import {
        /// The table file, or `-` for standard input.
        input: PathBuf,
        /// The grade scale of the cells: baseline-2006, peel-2014, peel-2021, or a scale file
        /// ({"grades": [{"id", "en", "cy"}, …]}, best first).
        #[arg(long)]
        scale: String,
        /// The row to write: its name in the first column (any letter case).
        #[arg(long)]
        force: Option<String>,
        /// Write the report here instead of standard output (only when the import succeeds).
        #[arg(short, long, conflicts_with = "all")]
        output: Option<PathBuf>,
        /// Write one report per row, into --out-dir, each named from its force.
        #[arg(long, requires = "out_dir")]
        all: bool,
        /// The folder for --all's reports (it must exist).
        #[arg(long, requires = "all")]
        out_dir: Option<PathBuf>,
        /// Read the table as tab-separated (detected when its header row holds a tab).
        #[arg(long)]
        tsv: bool,
        /// The inspection's title, e.g. "PEEL 2023–25" (default "Inspection grades").
        #[arg(long, value_parser = clap::builder::NonEmptyStringValueParser::new())]
        title: Option<String>,
        /// The month of publication as YYYY-MM.
        #[arg(long, value_parser = grade_widget::import::published_month)]
        published: Option<String>,
        /// What the rows are, in English, for the widget's sentences (default "forces").
        #[arg(long, value_name = "WORD", requires = "compared_cy", value_parser = clap::builder::NonEmptyStringValueParser::new())]
        compared_en: Option<String>,
        /// What the rows are, in Welsh, as the noun reads after a number, e.g. "gwasanaeth";
        /// with --compared-en (default: the widget's word for forces).
        #[arg(long, value_name = "WORD", requires = "compared_en", value_parser = clap::builder::NonEmptyStringValueParser::new())]
        compared_cy: Option<String>,
        /// What the rows are, in English, singular, e.g. "service"; with --compared-en
        /// (default: --compared-en without a final "s").
        #[arg(long, value_name = "WORD", requires = "compared_en", value_parser = clap::builder::NonEmptyStringValueParser::new())]
        compared_en_one: Option<String>,
        /// English for the row a report is about, as it reads inside a sentence, e.g. "this
        /// service"; with --compared-en (default: "this" and the singular).
        #[arg(long, value_name = "PHRASE", requires = "compared_en", value_parser = clap::builder::NonEmptyStringValueParser::new())]
        compared_en_this: Option<String>,
        /// Welsh for the row a report is about, with its article, as it reads inside a sentence,
        /// e.g. "y gwasanaeth hwn" (gender and mutation cannot be derived from --compared-cy);
        /// with --compared-cy (default: the neutral "y sefydliad hwn").
        #[arg(long, value_name = "PHRASE", requires = "compared_cy", value_parser = clap::builder::NonEmptyStringValueParser::new())]
        compared_cy_this: Option<String>,
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
        Command::Import { input, scale, force, output, all, out_dir, tsv, title, published, compared_en, compared_cy, compared_en_one, compared_en_this, compared_cy_this } => {
            // clap has made sure the optional three come only with both words.
            let compared = compared_en.zip(compared_cy).map(|(en, cy)| Compared {
                en_one: compared_en_one,
                en_this: compared_en_this,
                cy_this: compared_cy_this,
                ..Compared::new(en, cy)
            });
            let settings = grade_widget::import::Settings { title, published, compared };
            import::run(&import::Request { input, scale, force, all, output, out_dir, tsv, settings })
        }
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
