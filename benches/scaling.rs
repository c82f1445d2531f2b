//! How the cost of `extract` grows with the input: time and peak memory for
//! documents of 1 KB to 10 MB made of the ANERcorp dev sentences (read from
//! `../shared/data/`), native, one thread. Both should grow linearly: the
//! time per byte and the peak memory per byte stay flat across sizes.
//!
//! Run with `cargo bench --bench scaling`; the memory table is printed first.

use alam::Extractor;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const SIZES: [usize; 5] = [1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20];

/// The dev sentences as paragraphs, repeated to at least `size` bytes and
/// cut at a character boundary.
fn document(size: usize) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/anercorp/dev.txt");
    let dev = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        // A message, not a panic: the data is not part of the repository.
        eprintln!("{}: {e}; the benchmark reads the ANERcorp dev sentences from the shared data beside the repository", path.display());
        std::process::exit(1)
    });
    let paragraphs: String = dev
        .split("\n\n")
        .map(|block| block.lines().filter_map(|l| l.rsplit_once(' ')).map(|(token, _)| token).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    let mut text = paragraphs.repeat(size / paragraphs.len() + 1);
    let mut cut = size;
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    text.truncate(cut);
    text
}

fn peak_memory(extractor: &Extractor, text: &str) -> usize {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    black_box(extractor.extract(text));
    PEAK.load(Ordering::Relaxed) - before
}

fn scaling(c: &mut Criterion) {
    let extractor = Extractor::default();
    let documents: Vec<String> = SIZES.iter().map(|&size| document(size)).collect();
    eprintln!("{:>12} {:>14} {:>16}", "input bytes", "peak bytes", "peak per byte");
    for text in &documents {
        let peak = peak_memory(&extractor, text);
        eprintln!("{:>12} {:>14} {:>16.1}", text.len(), peak, peak as f64 / text.len() as f64);
    }
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for text in &documents {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(text.len()), text, |b, text| {
            b.iter(|| black_box(extractor.extract(black_box(text))))
        });
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
