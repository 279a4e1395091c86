//! Output files written whole or not at all. Each file goes to a temporary beside its target
//! (`.<name>.tmp-<pid>`), and the temporaries are renamed over their targets only once every
//! file of the command is complete, so a failed run never leaves a partial file, an empty one,
//! or one file of a pair (`render -o page.html --stylesheet page.css`), and an existing target
//! keeps its old content.
//!
//! Failures that can be caught remove the temporaries: write errors (disk full, EFBIG under a
//! file-size limit, with SIGXFSZ ignored so the write fails instead of the signal killing the
//! process) through [`Staged`]'s `Drop`, and SIGINT, SIGTERM and SIGHUP through a handler that
//! unlinks them before the process dies of the signal. SIGKILL, a crash of the machine or a
//! power cut cannot be caught: a `.tmp-<pid>` file may then remain, never the target half-written.
//!
//! The signal handling is Unix only (POSIX signals, `libc`); elsewhere (Windows) the CLI builds
//! without it: a write error still removes the temporaries, but a Ctrl+C may leave one behind,
//! never a target half-written.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

pub use signals::guard_signals;
use signals::{register, unregister};

/// One output written to its temporary, not yet in place. Dropping it without [`commit`]
/// removes the temporary.
pub struct Staged {
    tmp: PathBuf,
    target: PathBuf,
    slot: Option<usize>,
}

impl Staged {
    /// Writes `text` to the temporary beside `target`.
    pub fn write(target: &Path, text: &str) -> io::Result<Staged> {
        let file_name = target.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "not a file path")
        })?;
        let mut name = OsString::from(".");
        name.push(file_name);
        name.push(format!(".tmp-{}", std::process::id()));
        let tmp = target.with_file_name(name);
        // Registered before the file exists, so a signal during the write still removes it.
        let staged = Staged { slot: register(&tmp), tmp, target: target.to_owned() };
        std::fs::write(&staged.tmp, text)?;
        Ok(staged)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
        unregister(self.slot.take());
    }
}

/// Renames every staged file over its target, in order. Call only when all were written.
pub fn commit(staged: Vec<Staged>) -> Result<(), (PathBuf, io::Error)> {
    for mut file in staged {
        std::fs::rename(&file.tmp, &file.target).map_err(|e| (file.target.clone(), e))?;
        unregister(file.slot.take());
    }
    Ok(())
}

/// The input file's bytes, or standard input's for `-` (`extract` and `import`).
pub fn read_input(input: &Path) -> io::Result<Vec<u8>> {
    if input.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        fs::read(input)
    }
}

/// `json` to standard output, flushed, with a message naming it when that fails.
pub fn write_stdout(json: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    out.write_all(json.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// POSIX signals: SIGXFSZ ignored, and the temporaries removed on SIGINT, SIGTERM and SIGHUP.
#[cfg(unix)]
mod signals {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// Temporaries a signal handler must remove: leaked C strings, or null. A command has at most
    /// two outputs (`render`: the HTML and the stylesheet).
    static TEMPORARIES: [AtomicPtr<libc::c_char>; 2] = [AtomicPtr::new(std::ptr::null_mut()), AtomicPtr::new(std::ptr::null_mut())];

    /// Ignores SIGXFSZ and removes temporaries on SIGINT, SIGTERM and SIGHUP. Call once, first.
    pub fn guard_signals() {
        // SAFETY: `signal` with SIG_IGN or a handler that only calls async-signal-safe functions
        // (unlink, signal, raise) on data that is never freed while registered.
        unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::signal(sig, on_signal as *const () as libc::sighandler_t);
            }
        }
    }

    extern "C" fn on_signal(sig: libc::c_int) {
        for slot in &TEMPORARIES {
            let path = slot.load(Ordering::SeqCst);
            if !path.is_null() {
                // SAFETY: a NUL-terminated path owned by the slot (see `register`).
                unsafe { libc::unlink(path) };
            }
        }
        // Die of the signal as the shell expects (exit status 128 + sig).
        // SAFETY: async-signal-safe calls.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
    }

    pub fn register(tmp: &Path) -> Option<usize> {
        let c = CString::new(tmp.as_os_str().as_bytes()).ok()?.into_raw();
        for (i, slot) in TEMPORARIES.iter().enumerate() {
            if slot.compare_exchange(std::ptr::null_mut(), c, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
                return Some(i);
            }
        }
        // SAFETY: `c` came from `into_raw` just above and was not stored.
        drop(unsafe { CString::from_raw(c) });
        None
    }

    pub fn unregister(slot: Option<usize>) {
        let Some(i) = slot else { return };
        let c = TEMPORARIES[i].swap(std::ptr::null_mut(), Ordering::SeqCst);
        if !c.is_null() {
            // SAFETY: stored by `register` from `into_raw`; swapped out, so no handler sees it now.
            drop(unsafe { CString::from_raw(c) });
        }
    }
}

/// Without POSIX signals (Windows) there is nothing to guard: a write error still removes the
/// temporaries through [`Staged`]'s `Drop`.
#[cfg(not(unix))]
mod signals {
    use std::path::Path;

    pub fn guard_signals() {}

    pub fn register(_: &Path) -> Option<usize> {
        None
    }

    pub fn unregister(_: Option<usize>) {}
}
