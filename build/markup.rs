//! The version of the widget's markup: a hash of every file that shapes what the components
//! write (`GW_MARKUP_VERSION`, folded into the fingerprint of pre-rendered markup by
//! src/hydration/fingerprint.rs). Markup from another build of the components may differ in
//! shape, and Yew's hydration panics on a shape it does not expect; with the version in the
//! fingerprint, such markup is drawn afresh instead. The CLI and the wasm of one checkout read
//! the same files, so their values agree.
//!
//! Included by build.rs, and by tests/markup_version.rs, which checks the list it makes.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use crate::fnv::Fnv;

/// Everything under `src/` counts, unless it is here: a new file shapes the markup until it is
/// shown not to. Counting a file that does not shape it costs only a fresh draw of markup
/// rendered by another release; missing one that does can cost a panic.
pub const NOT_MARKUP: &[&str] = &[
    // The command-line tool: its `render` calls src/prerender.rs, which counts, with options
    // that are themselves in the fingerprint.
    "src/bin",
    // Report text to JSON: the report the markup is drawn from is in the fingerprint.
    "src/extract",
    // The CSV and SVG files the export buttons download, not the markup.
    "src/export.rs",
    // The components' DOM side effects (focus, a select's value, downloads): they run after
    // hydration, on the nodes already there.
    "src/dom.rs",
    // The stamps themselves: a change that matters changes their values.
    "src/hydration",
    // The stylesheets (and the module that holds them): how the markup looks, not what it is.
    "src/styles",
];

/// Outside `src/`: the locked dependencies, Yew's hydration markers among them.
pub const ALSO: &[&str] = &["Cargo.lock"];

/// Whether `path` (relative to the crate, `/`-separated) counts. Stylesheets anywhere shape how
/// the markup looks, not what it is, and a pre-rendered copy is styled by the sheet it links.
pub fn shapes_markup(path: &str) -> bool {
    let listed = NOT_MARKUP.iter().any(|p| path == *p || path.strip_prefix(p).is_some_and(|rest| rest.starts_with('/')));
    !listed && !path.ends_with(".css")
}

/// The files that count, relative to `root`, `/`-separated and sorted.
pub fn files(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    collect(root, Path::new("src"), &mut found);
    found.retain(|p| shapes_markup(p));
    found.extend(ALSO.iter().map(|p| (*p).to_owned()).filter(|p| root.join(p).is_file()));
    found.sort();
    found
}

/// FNV-1a over each file's path and bytes, in path order, as sixteen hex digits.
pub fn version(root: &Path, files: &[String]) -> String {
    let mut h = Fnv::new();
    for file in files {
        h.write(file.as_bytes());
        h.write(&[0]);
        h.write(&std::fs::read(root.join(file)).unwrap_or_default());
    }
    format!("{:016x}", h.finish())
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else { return };
    for entry in entries.flatten() {
        let path: PathBuf = dir.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            collect(root, &path, out);
        } else {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
}
