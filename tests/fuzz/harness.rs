//! A fuzz driver that runs on stable Rust inside `cargo test`: a fixed number of cases from a
//! fixed seed, with time only as a cap.
//!
//! Each target is a function of a byte slice, exactly the shape of a cargo-fuzz target: the
//! target reads the bytes through `arbitrary::Unstructured` to choose a seed and a sequence of
//! mutations. The driver feeds it byte slices from a seeded generator. There is no coverage
//! feedback (that needs nightly); the structure-aware mutations of real reports make up for much
//! of it.
//!
//! Why a count and not a time: a time-bounded run checks more cases on a fast machine than on a
//! slow one, so two runs of the same commit checked different inputs and a failure seen once
//! might not be seen again. With a count and a seed every run checks the same inputs; the time
//! cap only stops a run that would otherwise hold up `make test` on a slow machine, and says so.
//!
//! - `FUZZ_CASES` (default: each target's own count, a few seconds in a debug build): how many
//!   cases each target runs.
//! - `FUZZ_SEED` (default 1): the generator's seed; `random` takes one from the clock. The seed
//!   is printed, so any run can be repeated exactly.
//! - `FUZZ_SECONDS` (default 30): the cap on each target's time; a target that reaches it stops
//!   and prints how many of its cases it ran (the cases it ran are the same as ever).
//! - `FUZZ_REPLAY=<file>`: runs each target once on the bytes in that file (a saved failure).
//!
//! A case that panics stops the target: its bytes are saved under `target/fuzz-failures/`, and
//! the test fails with the panic message and the command that replays it. The count and seed
//! of each target are printed straight to standard error, past the test harness's capture, so
//! they show in every `cargo test` run.

use std::hash::Hasher;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The crate's own FNV-1a, included by path (one definition; it is not the crate's public API).
#[path = "../../src/hydration/fnv.rs"]
mod fnv1a;

/// A case slower than this fails the target: on the widget's side, a report that takes seconds
/// to read is a frozen page. Generous, because debug builds on a busy 2-core machine are slow.
const SLOW_CASE: Duration = Duration::from_secs(10);

/// splitmix64: small, fast and good enough to make fuzz input; no dependency needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number below `n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn fill(&mut self, bytes: &mut [u8]) {
        for chunk in bytes.chunks_mut(8) {
            let word = self.next().to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
    }
}

/// The seed when `FUZZ_SEED` is not set: every plain `cargo test` checks the same cases.
const DEFAULT_SEED: u64 = 1;

fn seconds() -> f64 {
    std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.trim().parse::<f64>().ok()).unwrap_or(30.0)
}

fn cases(default: u64) -> u64 {
    std::env::var("FUZZ_CASES").ok().and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or(default).max(1)
}

fn seed() -> u64 {
    match std::env::var("FUZZ_SEED").map(|s| s.trim().to_owned()) {
        Ok(s) if s == "random" => {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            now.as_nanos() as u64
        }
        Ok(s) => s.parse::<u64>().unwrap_or_else(|_| panic!("FUZZ_SEED={s}: a number, or `random`")),
        Err(_) => DEFAULT_SEED,
    }
}

/// Written to the real standard error, not through `eprintln!`, which the test harness captures.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn failures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("fuzz-failures")
}

/// The byte slices a target is fed: the same for the same target name, seed and `max_len`.
pub struct Inputs {
    rng: Rng,
    max_len: usize,
}

impl Inputs {
    pub fn new(name: &str, seed: u64, max_len: usize) -> Inputs {
        // Each target its own sequence, so that one seed does not feed them all the same bytes.
        Inputs { rng: Rng::new(seed ^ fnv(name)), max_len }
    }

    /// The next input, written into `input` (reused, to spare an allocation per case).
    pub fn next_into(&mut self, input: &mut Vec<u8>) {
        let (rng, max_len) = (&mut self.rng, self.max_len as u64);
        // Mostly short inputs (a few mutations), sometimes long ones (many).
        let len = match rng.below(4) {
            0 => rng.below(64),
            1 | 2 => rng.below(max_len / 4 + 1),
            _ => rng.below(max_len + 1),
        } as usize;
        input.resize(len, 0);
        rng.fill(input);
    }
}

/// What one target may return for a case: `Ok` whether or not the input was useful, `Err` for a
/// broken property (the driver treats it like a panic).
pub type Outcome = Result<(), String>;

/// Runs `target` on `count` inputs (or `FUZZ_CASES`) from the seeded generator, stopping early
/// at the time cap (or runs it once on `FUZZ_REPLAY`). `max_len` bounds the byte slices;
/// structure-aware targets need only a few hundred bytes of choices, raw-bytes targets more.
pub fn fuzz(name: &str, count: u64, max_len: usize, target: impl Fn(&[u8]) -> Outcome) {
    if let Ok(file) = std::env::var("FUZZ_REPLAY") {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("FUZZ_REPLAY {file}: {e}"));
        if let Err(problem) = target(&bytes) {
            panic!("{name}: {problem}");
        }
        say(&format!("fuzz {name}: replayed {file}: no panic"));
        return;
    }
    let seed = seed();
    let count = cases(count);
    let cap = Duration::from_secs_f64(seconds());
    let mut inputs = Inputs::new(name, seed, max_len);
    let started = Instant::now();
    let mut cases: u64 = 0;
    let mut slowest = Duration::ZERO;
    let mut input = Vec::with_capacity(max_len);
    // At least one case even with FUZZ_SECONDS=0, so the target is always exercised.
    while cases < count && (cases == 0 || started.elapsed() < cap) {
        inputs.next_into(&mut input);
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| target(&input)));
        let took = t.elapsed();
        slowest = slowest.max(took);
        cases += 1;
        let failure = match result {
            Ok(Ok(())) if took <= SLOW_CASE => None,
            Ok(Ok(())) => Some(format!("one case took {took:?} (limit {SLOW_CASE:?})")),
            Ok(Err(problem)) => Some(problem),
            Err(payload) => Some(format!(
                "panic: {}",
                payload
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| payload.downcast_ref::<&str>().copied())
                    .unwrap_or("(not a string)")
            )),
        };
        if let Some(problem) = failure {
            let dir = failures_dir();
            let _ = std::fs::create_dir_all(&dir);
            let file = dir.join(format!("{name}-{:016x}.bin", fnv_bytes(&input)));
            let _ = std::fs::write(&file, &input);
            panic!(
                "fuzz {name}: case {cases} failed (seed {seed}): {problem}\n  \
                 input saved; replay with: FUZZ_REPLAY={} cargo test --test fuzz {name}\n  \
                 or run the same cases again: FUZZ_SEED={seed} FUZZ_CASES={cases} cargo test --test fuzz {name}",
                file.display()
            );
        }
    }
    let took = started.elapsed().as_secs_f64();
    let ran = if cases < count {
        format!("stopped at the {:.0} s cap after {cases} of {count} cases", cap.as_secs_f64())
    } else {
        format!("{cases} cases")
    };
    say(&format!("fuzz {name}: {ran} (seed {seed}) in {took:.1} s, no panics (slowest case {} ms)", slowest.as_millis()));
}

fn fnv(s: &str) -> u64 {
    fnv_bytes(s.as_bytes())
}

fn fnv_bytes(bytes: &[u8]) -> u64 {
    let mut h = fnv1a::Fnv::new();
    h.write(bytes);
    h.finish()
}

/// What makes a run repeatable with `FUZZ_SEED`: the same seed feeds a target the same cases,
/// another seed other cases, and another target other cases from the same seed.
#[test]
fn the_same_seed_gives_the_same_cases() {
    let run = |name: &str, seed: u64| {
        let mut inputs = Inputs::new(name, seed, 1024);
        (0..50)
            .map(|_| {
                let mut input = Vec::new();
                inputs.next_into(&mut input);
                input
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(run("json_tree", 7), run("json_tree", 7));
    assert_ne!(run("json_tree", 7), run("json_tree", 8));
    assert_ne!(run("json_tree", 7), run("value_tree", 7));
}
