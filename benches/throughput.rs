//! Tokens per second of `Extractor::extract` with the shipped model, native,
//! one thread: the ANERcorp dev sentences (one document each) and the sample
//! article (one document), both read from `../shared/data/`.
//!
//! Run with `cargo bench --bench throughput`.

use alam::{Document, Extractor};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (the benchmark reads the shared data)"))
}

/// The dev sentences as texts: CoNLL tokens joined by spaces.
fn dev_sentences() -> Vec<String> {
    read("../shared/data/anercorp/dev.txt")
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

    let article = vec![read("../shared/data/sample-article-ar.txt")];
    group.throughput(Throughput::Elements(tokens(&article)));
    group.bench_function("sample article", |b| b.iter(|| black_box(extractor.extract(black_box(&article[0])))));
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
