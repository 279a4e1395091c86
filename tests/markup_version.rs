//! The version of the widget's markup (build/markup.rs, `GW_MARKUP_VERSION`): every file that
//! shapes what the components write counts, new files included, and nothing else does.

use std::path::Path;

#[path = "../src/hydration/fnv.rs"]
mod fnv;
#[path = "../build/markup.rs"]
mod markup;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn what_shapes_the_markup_counts_and_nothing_else() {
    let files = markup::files(Path::new(ROOT));
    for counted in [
        "src/components/app.rs",
        "src/charts/mod.rs",
        "src/view_model.rs",
        "src/standing.rs",
        "src/i18n.rs",
        "src/state.rs",
        // Missing from the old hand-kept list: the static copy's wrapper and markers, and the
        // report types the components draw.
        "src/prerender.rs",
        "src/model/mod.rs",
        "src/model/report.rs",
        // The element decides which props the first render (the one hydration checks) gets.
        "src/embed/widget.rs",
        "src/lib.rs",
        "Cargo.lock",
    ] {
        assert!(files.iter().any(|f| f == counted), "{counted} does not count: {files:?}");
    }
    for left_out in [
        "src/styles/theme.css",
        "src/styles/container.css",
        "src/styles/mod.rs",
        "src/bin/grade-widget/main.rs",
        "src/extract/mod.rs",
        "src/hydration/fingerprint.rs",
        "src/export.rs",
        "src/dom.rs",
    ] {
        assert!(Path::new(ROOT).join(left_out).is_file(), "{left_out} moved: update this test");
        assert!(!files.iter().any(|f| f == left_out), "{left_out} counts");
    }
    // The build hashed exactly these files.
    assert_eq!(markup::version(Path::new(ROOT), &files), env!("GW_MARKUP_VERSION"));
}

#[test]
fn a_new_file_counts_without_being_listed() {
    let root = std::env::temp_dir().join(format!("gw-markup-{}", std::process::id()));
    for file in ["src/components/new_part.rs", "src/new_module/mod.rs", "src/styles/new.css", "src/extract/new.rs"] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("temp dir");
        std::fs::write(&path, "// new\n").expect("write");
    }
    let files = markup::files(&root);
    assert_eq!(files, ["src/components/new_part.rs", "src/new_module/mod.rs"]);
    let before = markup::version(&root, &files);
    std::fs::write(root.join("src/new_module/mod.rs"), "// changed\n").expect("write");
    assert_ne!(markup::version(&root, &files), before, "a changed file changes the version");
    let _ = std::fs::remove_dir_all(&root);
}
