//! Parse plus validate of the demo report JSON (goal: under 5 ms; issue 2 "Speed").
//!
//! Run with `cargo bench --bench validate`. Uses `www/data/metropolitan-2006.json` (generated
//! by `grade-widget extract` from the seed) and falls back to the largest valid fixture while that
//! file does not exist yet, so the benchmark always measures something real.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use grade_widget::model::{parse_report, validate};

fn input() -> (PathBuf, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let demo = root.join("www/data/metropolitan-2006.json");
    let path = if demo.exists() { demo } else { root.join("tests/fixtures/reports/valid-full.json") };
    match std::fs::read_to_string(&path) {
        Ok(text) => (path, text),
        Err(e) => panic!("cannot read benchmark input {}: {e}", path.display()),
    }
}

fn bench(c: &mut Criterion) {
    let (path, json) = input();
    let report = match parse_report(&json) {
        Ok(r) => r,
        Err(problems) => panic!("benchmark input {} is not valid: {problems:?}", path.display()),
    };
    eprintln!("input: {} ({} bytes)", path.display(), json.len());

    let mut group = c.benchmark_group("report");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("parse_and_validate", |b| b.iter(|| parse_report(std::hint::black_box(&json))));
    group.bench_function("validate_only", |b| b.iter(|| validate(std::hint::black_box(&report))));
    // Baseline: plain serde_json into its own `Value`, with no report types, paths or validation.
    group.bench_function("serde_json_only", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(std::hint::black_box(&json)).map(|v| v.is_object()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
