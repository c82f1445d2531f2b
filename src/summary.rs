//! A document's summary: the people, places and organisations it is about,
//! ranked by salience, each with its roles, its quotes and the sentences
//! that mention it.

use crate::{Extraction, Label};
use serde::Serialize;

/// The summary of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Most salient first.
    pub entities: Vec<SummaryEntry>,
}

/// One group of the extraction, as the summary shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryEntry {
    /// The index of the group in the extraction's `groups`.
    pub entity: usize,
    /// The group's canonical name.
    pub name: String,
    /// What it is.
    pub label: Label,
    /// Titles and roles the document gives it.
    pub roles: Vec<String>,
    /// How often the document mentions it.
    pub mentions: usize,
    /// Mentions, weighted up in the headline and early in the text.
    pub salience: f64,
    /// The words of the quotes attributed to it.
    pub quotes: Vec<String>,
    /// The sentences that mention it, in order, each once.
    pub sentences: Vec<String>,
}

/// A mention in the headline counts this much more.
const HEADLINE_WEIGHT: f64 = 2.0;
/// A headline is a first line without sentence punctuation, at most this many UTF-16 units.
const HEADLINE_MAX: usize = 200;

/// Summarises `text` from its extraction.
pub fn summarize(text: &str, extraction: &Extraction) -> Summary {
    let sentences = sentences(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let units_total = units.len().max(1) as f64;
    let headline_end = headline_end(text);
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at).min(sentences.len().saturating_sub(1));

    let mut entries: Vec<SummaryEntry> = extraction
        .groups
        .iter()
        .enumerate()
        .map(|(k, group)| {
            let mut salience = 0.0;
            let mut seen_sentences = Vec::new();
            for &i in &group.mentions {
                let entity = &extraction.entities[i];
                // Earlier mentions weigh more: from 1.5 at the start to 1 at the end.
                salience += 1.0 + 0.5 * (1.0 - entity.start as f64 / units_total);
                if entity.end <= headline_end {
                    salience += HEADLINE_WEIGHT;
                }
                let s = sentence_of(entity.start);
                if !seen_sentences.contains(&s) {
                    seen_sentences.push(s);
                }
            }
            let quotes: Vec<String> = extraction
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().is_some_and(|s| s.entity == Some(k)))
                .map(|q| slice(&units, q.start, q.end))
                .collect();
            SummaryEntry {
                entity: k,
                name: group.name.clone(),
                label: group.label,
                roles: group.roles.clone(),
                mentions: group.mentions.len(),
                salience: (salience * 1000.0).round() / 1000.0,
                quotes,
                sentences: seen_sentences
                    .into_iter()
                    .filter_map(|s| sentences.get(s))
                    .map(|s| slice(&units, s.start, s.end).trim().to_string())
                    .collect(),
            }
        })
        .collect();
    entries.sort_by(|a, b| b.salience.total_cmp(&a.salience).then(a.entity.cmp(&b.entity)));
    Summary { entities: entries }
}

/// A sentence as UTF-16 offsets.
struct Sentence {
    start: usize,
    end: usize,
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '\n' | '…')
}

/// Sentences end after . ! ? ؟ … and at line breaks.
fn sentences(text: &str) -> Vec<Sentence> {
    let mut found = Vec::new();
    let (mut start, mut at) = (0, 0);
    for c in text.chars() {
        at += c.len_utf16();
        if ends_sentence(c) {
            found.push(Sentence { start, end: at });
            start = at;
        }
    }
    if start < at {
        found.push(Sentence { start, end: at });
    }
    found
}

/// The UTF-16 end of the headline, 0 where the text does not start with one.
fn headline_end(text: &str) -> usize {
    let Some((first, _)) = text.split_once('\n') else { return 0 };
    let units = first.encode_utf16().count();
    let is_headline = units <= HEADLINE_MAX && !first.trim_end().ends_with(['.', '!', '?', '؟']);
    if is_headline {
        units
    } else {
        0
    }
}

/// The text between two UTF-16 offsets of `units`.
fn slice(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16_lossy(&units[start.min(end)..end.min(units.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_sentences() {
        let text = "عنوان الخبر\nجملة أولى. جملة ثانية؟ بقية";
        assert_eq!(headline_end(text), 11);
        let units: Vec<u16> = text.encode_utf16().collect();
        let spans: Vec<String> = sentences(text).iter().map(|s| slice(&units, s.start, s.end)).collect();
        assert_eq!(spans, ["عنوان الخبر\n", "جملة أولى.", " جملة ثانية؟", " بقية"]);
    }
}
