//! Tokens per second of `Extractor::extract` with the shipped model, native,
//! one thread: the ANERcorp dev sentences (one document each, read from
//! `../shared/data/`) and an article (one document): the fixture article
//! `tests/fixtures/nato-mission.txt`, which serves as well as the sample
//! article and is in the repository.
//!
//! Run with `cargo bench --bench throughput`.

use alam::{Document, Extractor};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// A file of `../shared/data/`; without it the benchmark stops with a message, not a panic.
fn read_shared(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{}: {e}; the benchmark reads the ANERcorp dev sentences from the shared data beside the repository", path.display());
        std::process::exit(1)
    })
}

/// The dev sentences as texts: CoNLL tokens joined by spaces.
fn dev_sentences() -> Vec<String> {
    read_shared("anercorp/dev.txt")
        .split("\n\n")
        .map(|block| block.lines().filter_map(|l| l.rsplit_once(' ')).map(|(token, _)| token).collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

fn tokens(texts: &[String]) -> u64 {
    texts.iter().map(|t| Document::new(t).tokens.len() as u64).sum()
}

fn throughput(c: &mut Criterion) {
    let extractor = Extractor::default();
    let mut group = c.benchmark_group("extract");

    let dev = dev_sentences();
    group.throughput(Throughput::Elements(tokens(&dev)));
    group.bench_function("dev sentences", |b| {
        b.iter(|| {
            for sentence in &dev {
                black_box(extractor.extract(black_box(sentence)));
            }
        })
    });

    let article = vec![include_str!("../tests/fixtures/nato-mission.txt").to_string()];
    group.throughput(Throughput::Elements(tokens(&article)));
    group.bench_function("fixture article", |b| b.iter(|| black_box(extractor.extract(black_box(&article[0])))));
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
