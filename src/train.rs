//! Training and evaluation (the `train` feature; the wasm never includes it):
//! CoNLL files in, an averaged structured perceptron, the vocabulary the
//! features read, and conlleval-style scores.
//!
//! Sentences are read into [`Document`]s of their tokens joined by spaces, so
//! the model learns on exactly the tokens it tags later; each document token
//! takes the tag of the CoNLL token it comes from.

use crate::cues;
use crate::features::{self, flag, hash_phrase, hash_word, Vocabulary};
use crate::model::{self, Codebook, Model, TAGS, TYPES};
use crate::text::Normalized;
use crate::tokens;
use crate::{Document, Extractor, Label};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::ops::Range;

/// One sentence of a CoNLL file, with its document tokens.
pub struct Sentence {
    /// The CoNLL tokens joined by spaces.
    pub text: String,
    /// The folded CoNLL tokens and their tags.
    pub conll_words: Vec<String>,
    pub conll_tags: Vec<u8>,
    /// For each token of `Document::new(&text)`: its folded word, its tag and
    /// the CoNLL token it comes from.
    pub words: Vec<String>,
    pub tags: Vec<u8>,
    pub origin: Vec<usize>,
}

/// Reads CoNLL text: `TOKEN TAG` lines, a blank line between sentences.
/// ANERcorp's `PERS` is read as `PER`.
pub fn read_conll(text: &str) -> Result<Vec<Sentence>, String> {
    let mut sentences = Vec::new();
    let mut tokens: Vec<(&str, u8)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            if !tokens.is_empty() {
                sentences.push(Sentence::new(&tokens));
                tokens.clear();
            }
            continue;
        }
        let (token, tag) = line.rsplit_once(char::is_whitespace).ok_or(format!("line {}: expected TOKEN TAG", number + 1))?;
        tokens.push((token.trim(), parse_tag(tag).ok_or(format!("line {}: unknown tag {tag}", number + 1))?));
    }
    if !tokens.is_empty() {
        sentences.push(Sentence::new(&tokens));
    }
    Ok(sentences)
}

fn parse_tag(tag: &str) -> Option<u8> {
    if tag == "O" {
        return Some(model::OUTSIDE);
    }
    let (position, name) = tag.split_once('-')?;
    let label = Label::parse(if name == "PERS" { "PER" } else { name }).filter(|l| TYPES.contains(l))?;
    match position {
        "B" => Some(model::begin(label)),
        "I" => Some(model::begin(label) + 1),
        _ => None,
    }
}

impl Sentence {
    fn new(tokens: &[(&str, u8)]) -> Sentence {
        let text = tokens.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
        let conll_words: Vec<String> = tokens.iter().map(|(t, _)| Normalized::new(t).as_str().to_string()).collect();
        // Folding works character by character, so the folded text is the
        // folded tokens joined by spaces.
        let mut ends = Vec::with_capacity(tokens.len());
        let mut at = 0;
        for word in &conll_words {
            at += word.len();
            ends.push(at);
            at += 1;
        }
        let doc = Document::new(&text);
        let (mut words, mut tags, mut origin) = (Vec::new(), Vec::new(), Vec::new());
        for token in &doc.tokens {
            let from = ends.partition_point(|&end| end <= token.word.start);
            let tag = tokens[from].1;
            let continues = origin.last() == Some(&from);
            words.push(doc.word(token).to_string());
            // A CoNLL token split in several keeps its entity going.
            tags.push(if continues && tag != model::OUTSIDE { model::begin(model::type_of(tag).expect("a type")) + 1 } else { tag });
            origin.push(from);
        }
        Sentence { conll_tags: tokens.iter().map(|&(_, t)| t).collect(), text, conll_words, words, tags, origin }
    }
}

/// The sources of the vocabulary that the features read.
#[derive(Default)]
pub struct VocabularySources {
    /// (folded phrase, flag) from gazetteers and name lists.
    phrases: Vec<(String, u16)>,
    /// (fingerprint of the folded word, frequency class) from a frequency list.
    frequencies: Vec<(u32, u8)>,
}

impl VocabularySources {
    /// Adds one name per line (`=` separator lines are skipped) with `flag`.
    pub fn add_list(&mut self, text: &str, flag: u16) {
        for line in text.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('=') {
                self.add(line, flag);
            }
        }
    }

    /// Adds a frequency list: `word<TAB>centibels[<TAB>spelled]` lines as
    /// `training/lexicons.py` writes them from wordfreq, `spelled` being 1
    /// where a spelling dictionary knows the word and 0 where it does not.
    pub fn add_frequencies(&mut self, text: &str) -> Result<(), String> {
        for (n, line) in text.lines().enumerate() {
            let mut fields = line.split('\t');
            let (Some(word), Some(centibels)) = (fields.next(), fields.next()) else {
                return Err(format!("line {}: no tab", n + 1));
            };
            let centibels: u32 = centibels.parse().map_err(|_| format!("line {}: not a number", n + 1))?;
            let spelled = match fields.next() {
                None | Some("0") => 0,
                Some("1") => features::DICTIONARY_WORD,
                Some(other) => return Err(format!("line {}: {other} is neither 0 nor 1", n + 1)),
            };
            let folded = Normalized::new(word);
            // Half decades (48 rather than 50 centibels: the classes the dev figures were tuned on).
            let class = (centibels / 48).min(u32::from(features::DICTIONARY_WORD - 1)) as u8;
            self.frequencies.push((features::Frequencies::fingerprint(hash_word(folded.as_str())), class | spelled));
        }
        Ok(())
    }

    /// Adds a name in any spelling.
    pub fn add(&mut self, name: &str, flag: u16) {
        let folded = Normalized::new(name);
        let text = folded.as_str();
        let words: Vec<&str> = tokens::tokenize(text).into_iter().map(|t| &text[t.word]).collect();
        if words.is_empty() {
            return;
        }
        let phrase = words.join(" ");
        // American is written أميركي (the Levant's and AFP's spelling) as
        // often as أمريكي (the Gulf's): a list in one spelling gets both.
        let other = if phrase.contains("امريك") {
            Some(phrase.replace("امريك", "اميرك"))
        } else if phrase.contains("اميرك") {
            Some(phrase.replace("اميرك", "امريك"))
        } else {
            None
        };
        self.phrases.extend(other.map(|p| (p, flag)));
        self.phrases.push((phrase, flag));
    }

    /// Adds the Arabic territory names of a CLDR `territories.json`
    /// (`main/ar/territories.json` of the npm package `cldr-localenames-full`).
    pub fn add_cldr_territories(&mut self, json: &str) -> Result<(), String> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let names = value
            .pointer("/main/ar/localeDisplayNames/territories")
            .and_then(|v| v.as_object())
            .ok_or("no main/ar/localeDisplayNames/territories object")?;
        for (code, name) in names {
            // Numeric codes are regions (العالم، أفريقيا); letters are countries and territories.
            let Some(name) = name.as_str() else { continue };
            let flag = if code.starts_with(|c: char| c.is_ascii_digit()) { flag::LOCATION } else { flag::COUNTRY };
            self.add(name, flag);
        }
        Ok(())
    }

    /// The built-in cue words ([`cues`]): nouns with and without the article.
    pub fn add_cues(&mut self) {
        let nouns = [
            (cues::TITLES, flag::TITLE),
            (cues::PERSON_WORDS, flag::TITLE),
            (cues::ORG_HEADS, flag::ORG_HEAD),
            (cues::LOC_HEADS, flag::LOC_HEAD),
        ];
        for (words, flag) in nouns {
            for word in words {
                self.phrases.push((word.to_string(), flag));
                self.phrases.push((format!("ال{word}"), flag));
            }
        }
        for word in cues::SPEECH_VERBS.iter().chain(cues::SOURCE_WORDS) {
            self.phrases.push((word.to_string(), flag::SPEECH));
        }
    }

    /// The vocabulary: every list entry and its prefixes; every word of the
    /// lists and every name the sentences tag is known as written (see
    /// [`known_names`]), and so are common words that would otherwise lose
    /// a first letter to a known name (`لدينا` is not ل + دينا).
    pub fn build<'a>(&self, sentences: impl Iterator<Item = &'a Sentence> + Clone) -> Vocabulary {
        let mut entries: Vec<(u32, u16)> = Vec::new();
        let mut known: BTreeSet<String> = known_names(sentences.clone());
        let common = common_words(sentences);
        for (phrase, flag) in &self.phrases {
            let words: Vec<&str> = phrase.split(' ').collect();
            // The name lists also hold common words (`زار` "visited" is a
            // name too): a word that the sentences leave outside names, and
            // never tag, loses its name-list bits.
            let flag = match words.as_slice() {
                [word] if common.contains(*word) => flag & !flag::NAME_LISTS,
                _ => *flag,
            };
            if flag != 0 {
                entries.push((hash_phrase(words.iter().copied()), flag));
            }
            for n in 1..words.len() {
                entries.push((hash_phrase(words[..n].iter().copied()), flag::PREFIX));
            }
            known.extend(words.iter().filter(|w| w.chars().count() > 2).map(|w| w.to_string()));
        }
        let split_wrongly: Vec<&str> = common
            .iter()
            .filter(|w| !known.contains(*w) && tokens::proclitic_runs(w).any(|n| known.contains(&w[n..])))
            .map(String::as_str)
            .collect();
        entries.extend(known.iter().map(|w| w.as_str()).chain(split_wrongly).map(|w| (hash_word(w), flag::KNOWN)));
        Vocabulary::new(entries).with_frequencies(features::Frequencies::new(self.frequencies.iter().copied()))
    }
}

/// Words tagged as (part of) names that are not a proclitic plus another
/// such word: `بغداد` and `واشنطن` are, `وبغداد` and `لواشنطن` are not.
pub fn known_names<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> BTreeSet<String> {
    let named: BTreeSet<&str> = sentences
        .flat_map(|s| s.words.iter().zip(&s.tags).filter(|(_, &t)| t != model::OUTSIDE).map(|(w, _)| w.as_str()))
        .filter(|w| tokens::kind_of(w) == tokens::TokenKind::Arabic)
        .collect();
    named
        .iter()
        .filter(|w| !tokens::proclitic_runs(w).any(|n| named.contains(&w[n..])))
        .map(|w| w.to_string())
        .collect()
}

/// Words outside names at least twice and never inside one.
fn common_words<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> BTreeSet<String> {
    let mut counts: BTreeMap<&str, (u32, bool)> = BTreeMap::new();
    for sentence in sentences {
        for (word, &tag) in sentence.words.iter().zip(&sentence.tags) {
            let entry = counts.entry(word.as_str()).or_default();
            entry.0 += 1;
            entry.1 |= tag != model::OUTSIDE;
        }
    }
    counts.into_iter().filter(|&(_, (n, named))| n >= 2 && !named).map(|(w, _)| w.to_string()).collect()
}

/// Blocks of training sentences for the known words.
const FOLDS: usize = 10;

/// How to train.
#[derive(Debug, Clone)]
pub struct Options {
    pub epochs: usize,
    /// Features seen fewer times are dropped before training.
    pub min_count: u32,
    /// Seeds the order of sentences in each epoch and the dropout.
    pub seed: u64,
    /// The probability of leaving a feature out of one training pass.
    pub dropout: f32,
    /// Perceptrons trained (with consecutive seeds) and averaged.
    pub runs: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { epochs: 25, min_count: 2, seed: 0x616c_616d, dropout: 0.4, runs: 4 }
    }
}

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
    quantise(sources.build(sentences.iter()), &kept, &averaged)
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
/// weight; weights below its lowest level are dropped.
fn quantise(vocabulary: Vocabulary, keys: &[u32], averaged: &[[f32; TAGS]]) -> Model {
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
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= PRUNED_BELOW * top))
        .map(|(&k, w)| (k, w.map(code)))
        .collect();
    Model::new(vocabulary, codebook, start, transitions, weights)
}

/// The ratio of the largest to the smallest weight kept.
const RANGE: f64 = 1000.0;

/// Features whose weights all stay below this share of the largest are left
/// out: two in five of them, with no dev F1 lost (−0.02 over 24 seeds), for a
/// model file smaller by a sixth and a weight table half the size.
const PRUNED_BELOW: f32 = 0.004;

/// Precision, recall and F1 counts of one type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub correct: usize,
    pub found: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores of an extractor on CoNLL sentences, by exact span match over the
/// CoNLL tokens.
#[derive(Debug, Default)]
pub struct Evaluation {
    pub tokens: usize,
    pub by_type: BTreeMap<Label, Counts>,
    /// Gold mentions whose words the training data tags too, and the rest:
    /// (found, total).
    pub seen: (usize, usize),
    pub unseen: (usize, usize),
}

impl Evaluation {
    pub fn micro(&self) -> Counts {
        self.by_type.values().fold(Counts::default(), |a, c| Counts {
            correct: a.correct + c.correct,
            found: a.found + c.found,
            gold: a.gold + c.gold,
        })
    }
}

/// The words of a mention, without the proclitics of the first, as the key
/// that tells mentions seen in training from the rest.
fn mention_key(words: &[String], vocabulary: &Vocabulary) -> String {
    let mut key = words.join(" ");
    let cut = tokens::proclitic_length(&words[0], |s| vocabulary.is_known(s));
    key.drain(..cut);
    key
}

/// The mention keys of training sentences.
pub fn mention_keys(sentences: &[Sentence], vocabulary: &Vocabulary) -> HashSet<String> {
    sentences
        .iter()
        .flat_map(|s| model::spans(&s.conll_tags).into_iter().map(|(r, _)| mention_key(&s.conll_words[r], vocabulary)))
        .collect()
}

/// Runs `extractor` on each sentence and scores its PER, LOC, ORG and MISC
/// finds against the gold tags.
pub fn evaluate(extractor: &Extractor, sentences: &[Sentence], seen: &HashSet<String>, vocabulary: &Vocabulary) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for label in TYPES {
        evaluation.by_type.insert(label, Counts::default());
    }
    for sentence in sentences {
        evaluation.tokens += sentence.conll_tags.len();
        let doc = Document::new(&sentence.text);
        let found: HashSet<(Range<usize>, Label)> = extractor
            .mentions(&doc)
            .into_iter()
            .filter(|m| TYPES.contains(&m.label))
            .map(|m| {
                let first = doc.tokens.partition_point(|t| t.word.end <= m.span.start);
                let last = doc.tokens.partition_point(|t| t.word.end < m.span.end);
                (sentence.origin[first]..sentence.origin[last] + 1, m.label)
            })
            .collect();
        let gold = model::spans(&sentence.conll_tags);
        for (range, label) in &found {
            evaluation.by_type.get_mut(label).expect("a type").found += 1;
            if gold.iter().any(|(r, l)| r == range && l == label) {
                evaluation.by_type.get_mut(label).expect("a type").correct += 1;
            }
        }
        for (range, label) in gold {
            evaluation.by_type.get_mut(&label).expect("a type").gold += 1;
            let hit = found.contains(&(range.clone(), label)) as usize;
            let bucket = if seen.contains(&mention_key(&sentence.conll_words[range], vocabulary)) {
                &mut evaluation.seen
            } else {
                &mut evaluation.unseen
            };
            bucket.0 += hit;
            bucket.1 += 1;
        }
    }
    evaluation
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let micro = self.micro();
        writeln!(
            f,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, micro.gold, micro.found, micro.correct
        )?;
        writeln!(f, "{:<6} {:>9} {:>9} {:>9} {:>7}", "", "precision", "recall", "F1", "gold")?;
        let row = |f: &mut fmt::Formatter, name: &str, c: &Counts| {
            writeln!(f, "{:<6} {:>9.2} {:>9.2} {:>9.2} {:>7}", name, c.precision(), c.recall(), c.f1(), c.gold)
        };
        row(f, "micro", &micro)?;
        for (label, counts) in &self.by_type {
            row(f, label.as_str(), counts)?;
        }
        if self.seen.1 + self.unseen.1 > 0 && self.seen.1 > 0 {
            writeln!(f, "recall on mentions seen in training:   {:>6.2} ({}/{})", ratio(self.seen.0, self.seen.1), self.seen.0, self.seen.1)?;
            writeln!(f, "recall on mentions unseen in training: {:>6.2} ({}/{})", ratio(self.unseen.0, self.unseen.1), self.unseen.0, self.unseen.1)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_tokens_map_onto_document_tokens() {
        let sentences = read_conll("(د O\nوبغداد B-LOC\nلويد B-PERS\nأوستن I-PERS\n\nفي O\n").unwrap();
        assert_eq!(sentences.len(), 2);
        let s = &sentences[0];
        assert_eq!(s.words, ["(", "د", "وبغداد", "لويد", "اوستن"]);
        assert_eq!(s.origin, [0, 0, 1, 2, 3]);
        assert_eq!(s.tags, [0, 0, 3, 1, 2]);
        assert!(read_conll("كلمة X-FOO\n").is_err());
    }

    #[test]
    fn known_names_leave_out_proclitic_forms() {
        let sentences = read_conll("وبغداد B-LOC\nبغداد B-LOC\nلواشنطن B-LOC\nواشنطن B-LOC\nوليد B-PERS\n").unwrap();
        let known: Vec<String> = known_names(sentences.iter()).into_iter().collect();
        assert_eq!(known, ["بغداد", "واشنطن", "وليد"]);
    }

    #[test]
    fn a_list_entry_with_american_in_it_is_known_in_both_spellings() {
        let mut sources = VocabularySources::default();
        sources.add("الولايات المتحدة الأمريكية", flag::LOCATION);
        sources.add("السفارة الأميركية", flag::ORGANISATION);
        let vocabulary = sources.build([].iter());
        let phrase = |text: &str| {
            let folded = Normalized::new(text);
            vocabulary.get(hash_phrase(folded.as_str().split(' ')))
        };
        for (text, bit) in [
            ("الولايات المتحدة الأمريكية", flag::LOCATION),
            ("الولايات المتحدة الأميركية", flag::LOCATION),
            ("السفارة الأميركية", flag::ORGANISATION),
            ("السفارة الأمريكية", flag::ORGANISATION),
        ] {
            assert_eq!(phrase(text) & bit, bit, "{text}");
        }
        assert_eq!(phrase("الولايات المتحدة الأمركية") & flag::LOCATION, 0);
    }
}
