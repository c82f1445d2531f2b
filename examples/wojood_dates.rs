//! DATE precision and recall on the public Wojood sample (development only).
//!
//!     cargo run --release --example wojood_dates [-- path/to/val.txt] [--errors]
//!
//! Each sentence's tokens are joined by spaces and extracted as one document.
//! Gold spans are the outer layer (the first tag on a line, IOB2, an `I-`
//! without a `B-` starting a span as in conlleval); `$#$` lines end a segment.
//! A found DATE covers the tokens it overlaps; a span counts when its first
//! and last tokens are exactly the gold ones.

use std::collections::BTreeSet;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/wojood-sample/val.txt");
    let path = args.iter().find(|a| !a.starts_with("--")).map_or(default, String::as_str);
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| {
        // A message, not a panic: the Wojood sample is third-party data beside the repository.
        eprintln!("{path}: {e}; give the Wojood sample's val.txt as an argument, or put the shared data beside the repository");
        std::process::exit(1)
    });

    let (mut found, mut gold, mut correct) = (0, 0, 0);
    let (mut missed, mut spurious) = (Vec::new(), Vec::new());
    for sentence in sentences(&data) {
        let words: Vec<&str> = sentence.iter().map(|(w, _)| *w).collect();
        let text = words.join(" ");
        let gold_spans = spans(sentence.iter().map(|(_, tag)| *tag));
        let found_spans = found_dates(&text, &words);
        gold += gold_spans.len();
        found += found_spans.len();
        correct += gold_spans.intersection(&found_spans).count();
        let show = |span: &(usize, usize)| words[span.0..=span.1].join(" ");
        missed.extend(gold_spans.difference(&found_spans).map(show));
        spurious.extend(found_spans.difference(&gold_spans).map(show));
    }
    let precision = correct as f64 / found.max(1) as f64;
    let recall = correct as f64 / gold.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!("DATE on {path}");
    println!("gold {gold}, found {found}, exact {correct}");
    println!("precision {:.1}%  recall {:.1}%  F1 {:.1}%", 100.0 * precision, 100.0 * recall, 100.0 * f1);
    if show_errors {
        println!("\nmissed (gold, not found exactly):");
        missed.iter().for_each(|s| println!("  {s}"));
        println!("\nspurious (found, not gold exactly):");
        spurious.iter().for_each(|s| println!("  {s}"));
    }
}

/// Sentences as (token, outer tag) pairs; blank lines and `$#$` markers end them.
fn sentences(data: &str) -> Vec<Vec<(&str, &str)>> {
    let mut all = vec![Vec::new()];
    for line in data.lines() {
        let mut fields = line.split_whitespace();
        match (fields.next(), fields.next()) {
            (Some(token), Some(tag)) if token != "$#$" => all.last_mut().unwrap().push((token, tag)),
            _ => all.push(Vec::new()),
        }
    }
    all.retain(|s| !s.is_empty());
    all
}

/// Token spans (first, last) of the DATE tags.
fn spans<'t>(tags: impl Iterator<Item = &'t str>) -> BTreeSet<(usize, usize)> {
    let mut found = BTreeSet::new();
    let mut open: Option<usize> = None;
    for (i, tag) in tags.chain(std::iter::once("O")).enumerate() {
        let continues = tag == "I-DATE" && open.is_some();
        if !continues {
            if let Some(start) = open.take() {
                found.insert((start, i - 1));
            }
            if tag == "B-DATE" || tag == "I-DATE" {
                open = Some(i);
            }
        }
    }
    found
}

/// The token spans of the DATEs alam finds in `text` (the words joined by spaces).
fn found_dates(text: &str, words: &[&str]) -> BTreeSet<(usize, usize)> {
    // UTF-16 offsets where each word starts and ends.
    let mut bounds = Vec::with_capacity(words.len());
    let mut at = 0;
    for word in words {
        let len = word.encode_utf16().count();
        bounds.push((at, at + len));
        at += len + 1;
    }
    alam::extract(text)
        .entities
        .into_iter()
        .filter(|e| e.label == alam::Label::DATE)
        .filter_map(|e| {
            let first = bounds.iter().position(|&(_, end)| end > e.start)?;
            let last = bounds.iter().rposition(|&(start, _)| start < e.end)?;
            Some((first, last))
        })
        .collect()
}
