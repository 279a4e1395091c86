//! Extraction of the whole seed report text (goal: under 20 ms natively; issue 2 "Speed").
//!
//! Run with `cargo bench --bench extract`. The input is the committed fixture
//! `tests/fixtures/metropolitan-2006.txt`, so the figure is for the real report.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use grade_widget::extract::extract;

const FIXTURE: &str = include_str!("../tests/fixtures/metropolitan-2006.txt");

fn bench(c: &mut Criterion) {
    if let Err(e) = extract(FIXTURE) {
        panic!("the fixture must extract: {e}");
    }
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(FIXTURE.len() as u64));
    group.bench_function("metropolitan-2006.txt", |b| {
        b.iter(|| extract(std::hint::black_box(FIXTURE)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
