//! No partial output files (issue 6): `extract -o` and `render -o` / `--stylesheet` either
//! write the whole file or leave the target as it was, even when writing fails half-way. The
//! failure is made real with a file-size limit (`ulimit -f`, SIGXFSZ ignored so the write fails
//! with EFBIG instead of killing the process), far below the size of the output. `validate`
//! writes no file at all.
#![cfg(all(unix, not(target_arch = "wasm32")))]

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{BIN, ROOT};
/// 64 blocks: 32 KiB in POSIX sh's 512-byte blocks (64 KiB where a shell counts KiB); the report
/// JSON is 505 KB and the rendered HTML well over 100 KB.
const LIMIT_BLOCKS: u32 = 64;

/// Runs the binary with a file-size limit, from the repository root.
fn limited(args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {LIMIT_BLOCKS} && exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("sh")
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir).expect("dir").filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned())).collect();
    names.sort();
    names
}

/// The limit must really break a large write, or the tests below prove nothing.
#[test]
fn the_size_limit_breaks_a_large_write() {
    let dir = common::scratch("output-cli", "probe");
    let target = dir.join("big.bin");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {LIMIT_BLOCKS} && head -c 2000000 /dev/zero > \"$0\""))
        .arg(&target)
        .output()
        .expect("sh");
    assert!(!out.status.success(), "a 2 MB write under the limit should fail");
    assert!(fs::metadata(&target).map(|m| m.len()).unwrap_or(0) < 2_000_000);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn extract_leaves_no_partial_file_when_the_write_fails() {
    let dir = common::scratch("output-cli", "extract");
    let new = dir.join("new.json");
    let old = dir.join("old.json");
    fs::write(&old, "{\"old\": true}\n").expect("old");
    for target in [&new, &old] {
        let out = limited(&["extract", "tests/fixtures/metropolitan-2006.txt", "-o", target.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("cannot write {}", target.display())), "{err}");
    }
    assert!(!new.exists(), "a failed write created the output file");
    assert_eq!(fs::read_to_string(&old).expect("old"), "{\"old\": true}\n");
    assert_eq!(files(&dir), ["old.json"], "no temporary file left behind");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn render_leaves_no_partial_file_when_the_write_fails() {
    let dir = common::scratch("output-cli", "render");
    let html = dir.join("w.html");
    let old = dir.join("old.html");
    fs::write(&old, "<p>old</p>\n").expect("old");
    for target in [&html, &old] {
        let out = limited(&["render", "www/data/metropolitan-2006.json", "-o", target.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with(&format!("render: cannot write {}: ", target.display())), "{err}");
    }
    assert!(!html.exists(), "a failed write created the output file");
    assert_eq!(fs::read_to_string(&old).expect("old"), "<p>old</p>\n");
    // The stylesheet (about 40 KB) under a limit it cannot fit: neither file is left.
    let css = dir.join("w.css");
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8 && exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(["render", "www/data/metropolitan-2006.json", "-o", html.to_str().expect("utf-8"), "--stylesheet", css.to_str().expect("utf-8")])
        .current_dir(ROOT)
        .output()
        .expect("sh");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(files(&dir), ["old.html"], "no partial, temporary or half-finished pair of files");
    let _ = fs::remove_dir_all(dir);
}

/// Without `trap '' XFSZ`: the CLI ignores SIGXFSZ itself, so the limit makes the write fail
/// (EFBIG) instead of killing the process, and the temporary is removed.
#[test]
fn a_file_size_limit_without_the_trap_still_leaves_nothing() {
    let dir = common::scratch("output-cli", "xfsz");
    let target = dir.join("out.json");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -f {LIMIT_BLOCKS} && exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(["extract", "tests/fixtures/metropolitan-2006.txt", "-o", target.to_str().expect("utf-8")])
        .current_dir(ROOT)
        .output()
        .expect("sh");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "killed by a signal? {:?} {err}", out.status);
    assert!(err.starts_with(&format!("error: cannot write {}: File too large", target.display())), "{err}");
    assert_eq!(files(&dir), Vec::<String>::new(), "a temporary was left behind");
    let _ = fs::remove_dir_all(dir);
}

/// A render whose HTML cannot be written (no such folder) writes no stylesheet either, and
/// leaves an existing stylesheet as it was; under a size limit the CSS fits but the HTML does
/// not, and again neither changes.
#[test]
fn a_failed_render_writes_no_stylesheet() {
    let dir = common::scratch("output-cli", "pair");
    let css = dir.join("w.css");
    let html = dir.join("missing-folder").join("w.html");
    let out = Command::new(BIN)
        .args(["render", "www/data/metropolitan-2006.json", "-o", html.to_str().expect("utf-8"), "--stylesheet", css.to_str().expect("utf-8")])
        .current_dir(ROOT)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with(&format!("render: cannot write {}: ", html.display())));
    assert_eq!(files(&dir), Vec::<String>::new(), "the stylesheet was written although the render failed");

    fs::write(&css, "/* old */\n").expect("old css");
    let html = dir.join("w.html");
    // 128 blocks: at least 64 KiB, room for the stylesheet (about 40 KB), not for the HTML.
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 128 && exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(["render", "www/data/metropolitan-2006.json", "-o", html.to_str().expect("utf-8"), "--stylesheet", css.to_str().expect("utf-8")])
        .current_dir(ROOT)
        .output()
        .expect("sh");
    assert_eq!(out.status.code(), Some(2), "{:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with(&format!("render: cannot write {}: ", html.display())));
    assert_eq!(fs::read_to_string(&css).expect("css"), "/* old */\n", "the old stylesheet was overwritten");
    assert_eq!(files(&dir), ["w.css"]);
    let _ = fs::remove_dir_all(dir);
}

/// SIGTERM while the output is being written removes the temporary. The temporary's path is
/// made a FIFO first (`$$` is the pid the CLI keeps after `exec`), so the write blocks in
/// `open` until the signal comes.
#[test]
fn sigterm_during_the_write_removes_the_temporary() {
    use std::os::unix::process::ExitStatusExt;
    let dir = common::scratch("output-cli", "sigterm");
    let target = dir.join("out.json");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("mkfifo \"$0/.out.json.tmp-$$\" && exec \"$1\" extract tests/fixtures/metropolitan-2006.txt -o \"$0/out.json\"")
        .arg(&dir)
        .arg(BIN)
        .current_dir(ROOT)
        .spawn()
        .expect("sh");
    let fifo = dir.join(format!(".out.json.tmp-{}", child.id()));
    // Wait until the CLI sits in open() on the FIFO (wchan `wait_for_partner` on Linux), 10 s at most.
    let wchan = format!("/proc/{}/wchan", child.id());
    for _ in 0..200 {
        if fs::read_to_string(&wchan).is_ok_and(|w| w.contains("fifo") || w.contains("pipe") || w.contains("partner")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(fifo.exists(), "the test's FIFO is missing");
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let status = child.wait().expect("wait");
    assert_eq!(status.signal(), Some(15), "{status:?}");
    assert!(!target.exists());
    assert_eq!(files(&dir), Vec::<String>::new(), "the temporary was left behind");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn validate_writes_no_file() {
    let dir = common::scratch("output-cli", "validate");
    let out = Command::new(BIN).args(["validate", "-"]).current_dir(&dir).stdin(fs::File::open(Path::new(ROOT).join("tests/fixtures/reports/invalid-many.json")).expect("fixture")).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(files(&dir), Vec::<String>::new());
    let _ = fs::remove_dir_all(dir);
}
