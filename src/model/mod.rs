//! The sequence model: a linear chain over BIO tags ([`tags`]) with exact
//! Viterbi decoding ([`viterbi`]), feature weights in codes of a codebook
//! ([`weights`], [`codebook`]), its compact binary file ([`format`]), and
//! the recogniser that turns its tags into mentions on the stems of words,
//! after the span rules ([`rules`]).

mod codebook;
mod format;
mod rules;
mod tags;
mod viterbi;
mod weights;

pub use codebook::Codebook;
pub use format::VERSION;
pub use tags::{begin, spans, type_of, OUTSIDE, TAGS, TYPES};
pub use viterbi::viterbi;

use crate::features::{self, Vocabulary, TokenInfo};
use crate::{Document, Mention, Recognizer};
use weights::FeatureTable;

/// A trained model: vocabulary, feature weights and tag transitions, integers
/// in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    vocabulary: Vocabulary,
    codebook: Codebook,
    start: [i32; TAGS],
    transitions: [[i32; TAGS]; TAGS],
    features: FeatureTable,
}

/// The tags of a token sequence and what was learnt about each token.
pub struct Tagging {
    pub tags: Vec<u8>,
    pub tokens: Vec<TokenInfo>,
}

impl Model {
    /// A model from feature weights as codes of `codebook`.
    pub fn new(
        vocabulary: Vocabulary,
        codebook: Codebook,
        start: [i32; TAGS],
        transitions: [[i32; TAGS]; TAGS],
        weights: impl IntoIterator<Item = (u32, [i8; TAGS])>,
    ) -> Self {
        let mut weights: Vec<_> = weights.into_iter().filter(|(_, w)| w.iter().any(|&x| x != 0)).collect();
        // Inserted in key order, equal models have equal tables.
        weights.sort_unstable_by_key(|&(key, _)| key);
        let mut features = FeatureTable::new(weights.len());
        for (key, w) in weights {
            features.insert(features::nonzero(key), w.map(|c| codebook.value(c)));
        }
        Model { vocabulary, codebook, start, transitions, features }
    }

    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// How many words and phrases the model's vocabulary holds.
    pub fn vocabulary_size(&self) -> usize {
        self.vocabulary.len()
    }

    /// How many features carry weights.
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }

    /// Tags folded words (a sentence or a whole document).
    pub fn tag(&self, words: &[&str]) -> Tagging {
        let mut tokens = Vec::with_capacity(words.len());
        features::analyse(words, &self.vocabulary, &mut tokens);
        self.tag_analysed(tokens)
    }

    /// Tags a sequence of analysed tokens.
    fn tag_analysed(&self, tokens: Vec<TokenInfo>) -> Tagging {
        // The features of the next token are computed (and their slots
        // fetched) before this token's are looked up, so that the fetching
        // overlaps with work.
        let (mut keys, mut next_keys) = (Vec::with_capacity(64), Vec::with_capacity(64));
        if !tokens.is_empty() {
            features::features(&tokens, 0, &mut next_keys);
            self.features.prefetch(&next_keys);
        }
        let emissions: Vec<[i32; TAGS]> = (0..tokens.len())
            .map(|i| {
                std::mem::swap(&mut keys, &mut next_keys);
                next_keys.clear();
                if i + 1 < tokens.len() {
                    features::features(&tokens, i + 1, &mut next_keys);
                    self.features.prefetch(&next_keys);
                }
                let mut scores = [0i32; TAGS];
                for &key in &keys {
                    if let Some(w) = self.features.get(key) {
                        for (s, &x) in scores.iter_mut().zip(w) {
                            *s += i32::from(x);
                        }
                    }
                }
                if tokens[i].is_symbol() {
                    // Far below any sum of weights, far from overflowing.
                    scores[1..].fill(-(1 << 24));
                }
                scores
            })
            .collect();
        let mut tags = Vec::with_capacity(tokens.len());
        viterbi(&emissions, &self.start, &self.transitions, &mut tags);
        Tagging { tags, tokens }
    }
}

impl Recognizer for Model {
    fn recognize(&self, doc: &Document, mentions: &mut Vec<Mention>) {
        let mut tokens = Vec::with_capacity(doc.tokens.len());
        features::analyse_tokens(doc, &self.vocabulary, &mut tokens);
        let tagging = self.tag_analysed(tokens);
        let mut found = spans(&tagging.tags);
        rules::trim_punctuation(&mut found, &tagging.tokens);
        rules::trim_common_endings(&mut found, &tagging.tokens);
        rules::consistent_labels(&mut found, &tagging.tokens);
        rules::propagate_names(&mut found, &tagging.tokens);
        rules::listed_organisations(&mut found, &tagging.tokens);
        for (range, label) in found {
            // Trained on Arabic text, where Latin words are few: a span with no
            // Arabic word (`Sunday` on an English page) is not taken.
            if !doc.tokens[range.clone()].iter().any(|t| t.kind == crate::tokens::TokenKind::Arabic) {
                continue;
            }
            let first = &doc.tokens[range.start];
            // The proclitics stay outside: the span starts at the stem.
            let start = first.word.start + tagging.tokens[range.start].proclitics as usize;
            mentions.push(Mention::new(start..doc.tokens[range.end - 1].word.end, label));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Label;

    pub(crate) fn small_model() -> Model {
        let frequencies = features::Frequencies::new(
            [("في", 3), ("بغداد", 8), ("امس", 7)].map(|(word, class)| (features::Frequencies::fingerprint(features::hash_word(word)), class)),
        );
        let vocabulary = Vocabulary::new([(features::hash_word("بغداد"), features::flag::KNOWN | features::flag::LOCATION)]).with_frequencies(frequencies);
        let mut weights = Vec::new();
        let mut infos = Vec::new();
        features::analyse(&["في", "بغداد"], &vocabulary, &mut infos);
        let mut keys = Vec::new();
        features::features(&infos, 1, &mut keys);
        for &key in &keys {
            let mut w = [0i8; TAGS];
            w[begin(Label::LOC) as usize] = 3;
            w[0] = -1;
            weights.push((key, w));
        }
        Model::new(vocabulary, Codebook::log_spaced(1000, 100.0), [0; TAGS], [[0; TAGS]; TAGS], weights)
    }

    #[test]
    fn symbols_are_never_names() {
        let mut model = small_model();
        // Every feature of every token says B-LOC, the emoji's too.
        for (_, weights) in &mut model.features.slots {
            weights[begin(Label::LOC) as usize] = 1000;
        }
        model.features.insert(features::nonzero(features::bias_key()), [0, 1000, 0, 1000, 0, 0, 0, 0, 0]);
        let tags = model.tag(&["بغداد", "🇮🇶", "بغداد"]).tags;
        assert_eq!(tags[1], OUTSIDE);
        assert_ne!(tags[0], OUTSIDE);
    }
}
