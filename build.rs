//! Build-time work: the widget's stylesheets from the `.css` files in src/styles (composed,
//! `:host` rewritten for markup outside a shadow root, minified by lightningcss) into OUT_DIR;
//! the version of the widget's markup for the hydration fingerprint (build/markup.rs); the
//! format's field order (from the generated JSON Schema) for the validator; and `cfg(schema)`
//! natively.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::targets::{Browsers, Targets};

#[path = "src/hydration/fnv.rs"]
mod fnv;
#[path = "build/markup.rs"]
mod markup;

fn main() {
    stylesheets();
    markup_version();
    format_fields();
    // `cfg(schema)`: the schemars derives and attributes on the report types, compiled where
    // schemars is a dependency (natively; never in the wasm).
    println!("cargo::rustc-check-cfg=cfg(schema)");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        println!("cargo::rustc-cfg=schema");
    }
}

fn out_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"))
}

/// One stylesheet: the files of src/styles it is made of, in cascade order, and whether it is
/// for markup in the page itself rather than in a shadow root.
struct Sheet {
    out: &'static str,
    sources: &'static [&'static [&'static str]],
    light_dom: bool,
}

/// The widget's own rules, in cascade order (each file under about 400 lines).
const WIDGET: &[&str] = &["theme.css", "base.css", "layout.css", "parts.css", "modes.css"];

/// Every stylesheet, written to OUT_DIR and included by src/styles/mod.rs.
const SHEETS: &[Sheet] = &[
    // The live widget's shadow root (src/embed/shadow.rs): the container's wall, the widget.
    Sheet { out: "shadow.css", sources: &[&["container.css"], WIDGET], light_dom: false },
    // `grade-widget render --shadow-root`: the copy in a declarative shadow root, which links
    // it; its controls are quiet until the widget adopts the copy.
    Sheet { out: "static-shadow.css", sources: &[&["container.css"], WIDGET, &["no-script.css"]], light_dom: false },
    // `grade-widget render --stylesheet` and the report builder: the copy in the page itself,
    // where `:host` is the element's tag and host element rules need outweighing.
    Sheet {
        out: "static-light.css",
        sources: &[WIDGET, &["container.css", "light-dom.css", "no-script.css"]],
        light_dom: true,
    },
];

/// The element the widget is; `:host` in the light-DOM sheet (src/prerender.rs, `TAG`).
const TAG: &str = "grade-widget";

fn stylesheets() {
    println!("cargo:rerun-if-changed=src/styles");
    for sheet in SHEETS {
        let mut css = String::new();
        for source in sheet.sources.iter().copied().flatten() {
            let path = format!("src/styles/{source}");
            css.push_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")));
            css.push('\n');
        }
        if sheet.light_dom {
            css = host_to_tag(&css, TAG);
        }
        std::fs::write(out_dir().join(sheet.out), minify(&css, sheet.out)).expect("write a stylesheet");
    }
}

/// `css` for markup outside a shadow root: each `:host` / `:host(X)` becomes `tag` / `tagX`, so
/// the same defaults, themes and layout apply to the element in the page. On the source text
/// (comments too, which the minifier then drops), before lightningcss parses it, so a rewrite
/// that made no sense would stop the build. By hand: lightningcss's selector visitor would
/// have to rebuild each compound selector to merge `:host(X)`'s argument into it.
fn host_to_tag(css: &str, tag: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find(":host") {
        out.push_str(&rest[..i]);
        out.push_str(tag);
        rest = &rest[i + ":host".len()..];
        if let Some(inner) = rest.strip_prefix('(') {
            let mut depth = 1usize;
            let close = inner.char_indices().find_map(|(j, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                (depth == 0).then_some(j)
            });
            if let Some(j) = close {
                out.push_str(&inner[..j]);
                rest = &inner[j + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `FORMAT_FIELDS` for src/model/validate.rs: every object of the report format with its
/// fields in declaration order and, for each, the index of the object its value holds (the
/// `$ref` of the field, of its `items`, or of an `anyOf` branch), or `NO_OBJECT`. Read from
/// www/schema/report.schema.json, which `grade-widget schema` generates from the types (a test
/// fails when the file is stale), so the order is the types' and is written down nowhere else.
fn format_fields() {
    use serde_json::Value;
    let path = "www/schema/report.schema.json";
    println!("cargo:rerun-if-changed={path}");
    // A missing or broken file must not stop the build that regenerates it: problems are then
    // listed in the order found (and the test comparing the file with the types fails).
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        println!("cargo:warning={path} is not readable JSON ({e}): run `cargo run -- schema > {path}`");
        Value::Null
    });
    let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
    // Object 0 is the report itself; the rest are the definitions with properties, in order.
    let mut objects: Vec<(String, &Value)> = vec![("#".to_owned(), &schema)];
    for (name, def) in &defs {
        if def.get("properties").is_some() {
            objects.push((format!("#/$defs/{name}"), def));
        }
    }
    let index = |v: &Value| -> Option<usize> {
        let refs = [&v["$ref"], &v["items"]["$ref"]];
        let any_of = v["anyOf"].as_array().into_iter().flatten().map(|b| &b["$ref"]);
        refs.into_iter()
            .chain(any_of)
            .filter_map(Value::as_str)
            .find_map(|r| objects.iter().position(|(name, _)| name == r))
    };
    let mut out = String::from("/// Generated by build.rs from www/schema/report.schema.json.\n");
    out.push_str("const NO_OBJECT: usize = usize::MAX;\n");
    out.push_str("static FORMAT_FIELDS: &[&[(&str, usize)]] = &[\n");
    for (name, object) in &objects {
        out.push_str(&format!("    // {name}\n    &["));
        for (field, value) in object["properties"].as_object().into_iter().flatten() {
            let child = index(value).map_or("NO_OBJECT".to_owned(), |i| i.to_string());
            out.push_str(&format!("({field:?}, {child}), "));
        }
        out.push_str("],\n");
    }
    out.push_str("];\n");
    let dest = out_dir().join("format_fields.rs");
    std::fs::write(dest, out).expect("write format_fields.rs");
}

/// The oldest browsers the widget supports: the first releases with container queries, which
/// its layout needs. lightningcss writes nothing they cannot read.
const fn version(major: u32) -> Option<u32> {
    Some(major << 16)
}
const BROWSERS: Browsers = Browsers {
    chrome: version(105),
    edge: version(105),
    firefox: version(110),
    safari: version(16),
    ios_saf: version(16),
    samsung: version(20),
    opera: version(91),
    android: version(105),
    ie: None,
};

/// A stylesheet minified: comments and whitespace out, colours and numbers shortened, rules
/// merged where that changes nothing. An error in the CSS stops the build (no error recovery).
fn minify(css: &str, name: &str) -> String {
    let targets = Targets::from(BROWSERS);
    let mut sheet = StyleSheet::parse(css, ParserOptions { filename: name.into(), ..ParserOptions::default() })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    sheet
        .minify(MinifyOptions { targets, ..MinifyOptions::default() })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    sheet
        .to_css(PrinterOptions { minify: true, targets, ..PrinterOptions::default() })
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .code
}

/// `GW_MARKUP_VERSION`: the hash of the files that shape the widget's markup (build/markup.rs).
fn markup_version() {
    let root = std::path::Path::new(".");
    // Directories: cargo looks at every file in them, so a new file reruns this too.
    println!("cargo:rerun-if-changed=src");
    for also in markup::ALSO {
        println!("cargo:rerun-if-changed={also}");
    }
    let files = markup::files(root);
    println!("cargo:rustc-env=GW_MARKUP_VERSION={}", markup::version(root, &files));
}
