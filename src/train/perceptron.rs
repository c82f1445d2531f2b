//! The learner: averaged structured perceptrons with feature dropout,
//! averaged over several seeds, their weights quantised into the model's codes.

use super::{Options, Sentence, VocabularySources};
use crate::features::{self, Vocabulary};
use crate::model::{self, Codebook, Model, TAGS};
use std::collections::HashMap;

/// Blocks of training sentences for the known words.
const FOLDS: usize = 10;

/// A sentence as dense feature ids.
struct Encoded {
    /// Feature ids of token `i`: `ids[offsets[i]..offsets[i + 1]]`.
    ids: Vec<u32>,
    offsets: Vec<usize>,
    tags: Vec<u8>,
}

impl Encoded {
    fn token(&self, i: usize) -> &[u32] {
        &self.ids[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Perceptron weights with the sums that make the average.
struct Averaged {
    weights: Vec<[f32; TAGS]>,
    /// Sum over updates of `step * change`, so the average is `w - sums / steps`.
    sums: Vec<[f32; TAGS]>,
}

impl Averaged {
    fn new(len: usize) -> Self {
        Averaged { weights: vec![[0.0; TAGS]; len], sums: vec![[0.0; TAGS]; len] }
    }

    fn update(&mut self, at: usize, tag: u8, change: f32, step: f32) {
        self.weights[at][tag as usize] += change;
        self.sums[at][tag as usize] += step * change;
    }

    fn average(&self, steps: f32) -> Vec<[f32; TAGS]> {
        self.weights.iter().zip(&self.sums).map(|(w, s)| std::array::from_fn(|t| w[t] - s[t] / steps)).collect()
    }
}

/// A deterministic xorshift generator for the order of sentences.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
    }
}

/// Trains an averaged structured perceptron on the sentences.
pub fn train(sentences: &[Sentence], sources: &VocabularySources, options: &Options) -> Model {
    // Which words are known as written decides where stems start, and the
    // names of the training data are known: a block of sentences is read
    // with the names of the other blocks only, as unseen text will be.
    // (Without this, a CRF trained on these features lost 7 points of dev
    // F1; the perceptron with dropout is robust to it either way.)
    let fold = |i: usize| i * FOLDS / sentences.len().max(1);
    let folds: Vec<Vocabulary> = (0..FOLDS)
        .map(|k| sources.build(sentences.iter().enumerate().filter(move |&(i, _)| fold(i) != k).map(|(_, s)| s)))
        .collect();
    // Features of every sentence, then dense ids for the frequent ones.
    let mut infos = Vec::new();
    let mut hashed: Vec<(Vec<u32>, Vec<usize>)> = Vec::with_capacity(sentences.len());
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
        features::analyse(&words, &folds[fold(i)], &mut infos);
        let (mut keys, mut offsets) = (Vec::new(), vec![0]);
        for i in 0..words.len() {
            features::features(&infos, i, &mut keys);
            offsets.push(keys.len());
        }
        for &key in &keys {
            *counts.entry(key).or_default() += 1;
        }
        hashed.push((keys, offsets));
    }
    let mut kept: Vec<u32> = counts.into_iter().filter(|&(_, c)| c >= options.min_count).map(|(k, _)| k).collect();
    kept.sort_unstable();
    let ids: HashMap<u32, u32> = kept.iter().enumerate().map(|(id, &k)| (k, id as u32)).collect();
    let encoded: Vec<Encoded> = hashed
        .into_iter()
        .zip(sentences)
        .map(|((keys, offsets), sentence)| {
            let (mut dense, mut dense_offsets) = (Vec::with_capacity(keys.len()), vec![0]);
            for w in offsets.windows(2) {
                dense.extend(keys[w[0]..w[1]].iter().filter_map(|k| ids.get(k)));
                dense_offsets.push(dense.len());
            }
            Encoded { ids: dense, offsets: dense_offsets, tags: sentence.tags.clone() }
        })
        .collect();

    // Perceptrons that differ in the order of sentences and the features
    // dropped, averaged: one alone varies by about a point of dev F1 with its seed.
    let mut averaged = vec![[0.0f32; TAGS]; kept.len() + 1 + TAGS];
    for run in 0..options.runs {
        let weights = perceptron(&encoded, kept.len(), options, options.seed.wrapping_add(run as u64));
        for (sum, w) in averaged.iter_mut().zip(&weights) {
            for (s, w) in sum.iter_mut().zip(w) {
                *s += w / options.runs as f32;
            }
        }
    }
    quantise(sources.build(sentences.iter()), &kept, &averaged, options.prune)
}

/// One averaged perceptron over the encoded sentences: emission weights of
/// the `features` ids, then the start row, then the transition rows.
fn perceptron(encoded: &[Encoded], features: usize, options: &Options, seed: u64) -> Vec<[f32; TAGS]> {
    let transitions_at = features + 1;
    let mut weights = Averaged::new(features + 1 + TAGS);
    let mut order: Vec<usize> = (0..encoded.len()).collect();
    let mut random = XorShift(seed | 1);
    let mut step = 1.0f32;
    let (mut emissions, mut predicted) = (Vec::new(), Vec::new());
    let (mut active, mut active_offsets): (Vec<u32>, Vec<usize>) = (Vec::new(), Vec::new());
    let keep_below = (options.dropout * 1024.0) as u64;
    for _ in 0..options.epochs {
        random.shuffle(&mut order);
        for &s in &order {
            let sentence = &encoded[s];
            // Each feature is left out of this pass with probability `dropout`,
            // so that no single feature (a word seen in training) carries a
            // decision alone.
            active.clear();
            active_offsets.clear();
            active_offsets.push(0);
            for i in 0..sentence.tags.len() {
                active.extend(sentence.token(i).iter().filter(|_| random.next() % 1024 >= keep_below));
                active_offsets.push(active.len());
            }
            let token = |i: usize| &active[active_offsets[i]..active_offsets[i + 1]];
            emissions.clear();
            emissions.extend((0..sentence.tags.len()).map(|i| {
                let mut scores = [0.0f32; TAGS];
                for &id in token(i) {
                    for (s, w) in scores.iter_mut().zip(&weights.weights[id as usize]) {
                        *s += w;
                    }
                }
                scores
            }));
            let start = weights.weights[features];
            let transitions: [[f32; TAGS]; TAGS] = std::array::from_fn(|t| weights.weights[transitions_at + t]);
            model::viterbi(&emissions, &start, &transitions, &mut predicted);
            for (i, (&gold, &guess)) in sentence.tags.iter().zip(&predicted).enumerate() {
                let prev = i.checked_sub(1).map(|p| (sentence.tags[p], predicted[p]));
                let same_transition = prev.is_none_or(|(g, p)| g == p);
                if gold == guess && same_transition {
                    continue;
                }
                if gold != guess {
                    for &id in token(i) {
                        weights.update(id as usize, gold, 1.0, step);
                        weights.update(id as usize, guess, -1.0, step);
                    }
                }
                let (from_gold, from_guess) = match prev {
                    None => (features, features),
                    Some((g, p)) => (transitions_at + g as usize, transitions_at + p as usize),
                };
                weights.update(from_gold, gold, 1.0, step);
                weights.update(from_guess, guess, -1.0, step);
            }
            step += 1.0;
        }
    }
    weights.average(step)
}

/// Weights in codes of a log-spaced codebook whose top level is the largest
/// weight; weights below its lowest level are dropped, and features whose
/// weights all stay below `prune` times the largest.
fn quantise(vocabulary: Vocabulary, keys: &[u32], averaged: &[[f32; TAGS]], prune: f32) -> Model {
    let top = averaged.iter().flatten().fold(0.0f32, |m, w| m.max(w.abs())).max(f32::MIN_POSITIVE);
    // The integer unit: the largest weight becomes `TOP`.
    const TOP: i16 = 16_000;
    let unit = top / f32::from(TOP);
    let codebook = Codebook::log_spaced(TOP, RANGE);
    let code = |w: f32| codebook.code((w / unit).round() as i16);
    let whole = |w: f32| (w / unit).round() as i32;
    let start = averaged[keys.len()].map(whole);
    let transitions = std::array::from_fn(|t| averaged[keys.len() + 1 + t].map(whole));
    let weights: Vec<(u32, [i8; TAGS])> = keys
        .iter()
        .zip(averaged)
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune * top))
        .map(|(&k, w)| (k, w.map(code)))
        .collect();
    Model::new(vocabulary, codebook, start, transitions, weights)
}

/// The ratio of the largest to the smallest weight kept.
const RANGE: f64 = 1000.0;
