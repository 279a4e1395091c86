//! Minifies src/components/style.css into OUT_DIR for the wasm build (lightningcss), and
//! names the version of the widget's markup for the hydration fingerprint.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::targets::{Browsers, Targets};

fn main() {
    let src = "src/components/style.css";
    println!("cargo:rerun-if-changed={src}");
    let css = std::fs::read_to_string(src).expect("read src/components/style.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("style.min.css");
    std::fs::write(out, minify(&css)).expect("write style.min.css");
    markup_version();
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

/// The stylesheet minified: comments and whitespace out, colours and numbers shortened, rules
/// merged where that changes nothing. An error in the CSS stops the build (no error recovery).
fn minify(css: &str) -> String {
    let targets = Targets::from(BROWSERS);
    let mut sheet = StyleSheet::parse(css, ParserOptions { filename: "style.css".into(), ..ParserOptions::default() })
        .unwrap_or_else(|e| panic!("src/components/style.css: {e}"));
    sheet
        .minify(MinifyOptions { targets, ..MinifyOptions::default() })
        .unwrap_or_else(|e| panic!("src/components/style.css: {e}"));
    sheet
        .to_css(PrinterOptions { minify: true, targets, ..PrinterOptions::default() })
        .unwrap_or_else(|e| panic!("src/components/style.css: {e}"))
        .code
}

/// Everything that shapes the markup the components write: their code, the charts, the view
/// model (sentences, labels) and the standings it states, the strings, the view state, and the
/// locked dependencies (Yew's hydration markers among them).
const MARKUP_SOURCES: &[&str] = &[
    "src/components",
    "src/charts",
    "src/view_model.rs",
    "src/standing.rs",
    "src/i18n.rs",
    "src/state.rs",
    "Cargo.lock",
];

/// `GW_MARKUP_VERSION`: a hash of [`MARKUP_SOURCES`], folded into the fingerprint that
/// `grade-widget render` stamps on pre-rendered markup (src/hydration/fingerprint.rs). Markup
/// from another build of the components may differ in shape, and Yew's hydration panics on a
/// shape it does not expect; with this in the fingerprint, such markup is drawn afresh instead.
/// The CLI and the wasm of one checkout read the same files, so their values agree.
fn markup_version() {
    let mut files = Vec::new();
    for source in MARKUP_SOURCES {
        println!("cargo:rerun-if-changed={source}");
        collect(std::path::Path::new(source), &mut files);
    }
    files.sort();
    // FNV-1a over each path and its bytes, in path order.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        for b in file.to_string_lossy().as_bytes().iter().chain(&[0]).chain(&bytes) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=GW_MARKUP_VERSION={h:016x}");
}

fn collect(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), out);
            }
        }
        Err(_) if path.is_file() => out.push(path.to_path_buf()),
        Err(_) => {}
    }
}
