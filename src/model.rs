//! The sequence model: a linear chain over BIO tags with exact Viterbi
//! decoding, its compact binary file, and the recogniser that turns its tags
//! into mentions on the stems of words.
//!
//! The file (all integers little-endian):
//!
//! | what | bytes |
//! |---|---|
//! | magic `ALAMNER\0` | 8 |
//! | format version | u16 |
//! | label count, then each label as u8 length + ASCII | |
//! | codebook: the magnitudes of weight codes 1..=127, increasing | i16 each |
//! | start weights, then transition weights from row tag to column tag | i32 each |
//! | lexicon entry count, then `(hash u32, flags u16)` sorted by hash | |
//! | frequency list length, then word fingerprints as LEB128 deltas (strictly increasing, below 2^24), then one class byte each | |
//! | feature count, then hashes as LEB128 deltas (strictly increasing) | |
//! | per feature: u16 mask of tags with a weight, then one i8 code per set bit | |
//! | FNV-1a 32 checksum of everything before it | u32 |
//!
//! Weights are integers (so decoding is exact and the same on every target);
//! a feature weight is stored as a signed code `c`, meaning
//! `sign(c) * codebook[|c|]`: log-spaced levels keep small weights and large
//! ones in one byte. A class byte's top bit says that a spelling dictionary
//! knows the word.

use crate::features::{self, flag, Lexicon, TokenInfo};
use crate::{Document, Label, Mention, Recognizer};
use std::fmt;
use std::ops::Range;

/// Tags: O, then B- and I- for each type, in this order.
pub const TYPES: [Label; 4] = [Label::PER, Label::LOC, Label::ORG, Label::MISC];
pub const TAGS: usize = 1 + 2 * TYPES.len();
const TAG_NAMES: [&str; TAGS] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

pub const OUTSIDE: u8 = 0;

/// The B- tag of a type.
pub fn begin(label: Label) -> u8 {
    1 + 2 * TYPES.iter().position(|&t| t == label).expect("a type of the model") as u8
}

/// The type of a B- or I- tag.
pub fn type_of(tag: u8) -> Option<Label> {
    (tag != OUTSIDE).then(|| TYPES[(tag as usize - 1) / 2])
}

fn is_inside(tag: u8) -> bool {
    tag != OUTSIDE && tag % 2 == 0
}

/// Whether `next` may follow `prev` (`None` at the start): an I- tag only
/// continues its own type.
fn allowed(prev: Option<u8>, next: u8) -> bool {
    !is_inside(next) || prev.is_some_and(|p| p != OUTSIDE && type_of(p) == type_of(next))
}

/// The best of `best[p] + transitions[p][t]` over the tags `p` of `from`, in
/// increasing order (ties go to the lower tag), and that tag.
#[inline(always)]
fn best_predecessor<T>(best: &[T; TAGS], transitions: &[[T; TAGS]; TAGS], t: usize, mut from: impl Iterator<Item = usize>) -> (T, u8)
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
{
    let first = from.next().expect("every tag has a predecessor");
    let mut top = (best[first] + transitions[first][t], first as u8);
    for p in from {
        let candidate = best[p] + transitions[p][t];
        if candidate > top.0 {
            top = (candidate, p as u8);
        }
    }
    top
}

/// Entity spans over tags, as conlleval reads them: an I- tag that does not
/// continue its type starts a span.
pub fn spans(tags: &[u8]) -> Vec<(Range<usize>, Label)> {
    let mut found: Vec<(Range<usize>, Label)> = Vec::new();
    for (i, &tag) in tags.iter().enumerate() {
        let Some(label) = type_of(tag) else { continue };
        match found.last_mut() {
            Some((range, last)) if is_inside(tag) && range.end == i && *last == label => range.end = i + 1,
            _ => found.push((i..i + 1, label)),
        }
    }
    found
}

/// The best tag sequence under emission and transition scores, with I- tags
/// only continuing their type. Ties go to the lower tag. Scores are kept
/// relative to the best at each token, so long documents cannot overflow.
pub fn viterbi<T>(emissions: &[[T; TAGS]], start: &[T; TAGS], transitions: &[[T; TAGS]; TAGS], tags: &mut Vec<u8>)
where
    T: Copy + PartialOrd + std::ops::Add<Output = T> + std::ops::Sub<Output = T>,
{
    tags.clear();
    let Some(first) = emissions.first() else { return };
    let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(emissions.len());
    back.push([0; TAGS]);
    let mut best: [T; TAGS] = std::array::from_fn(|t| start[t] + first[t]);
    // The transitions into O and the B- tags by predecessor, in lanes that a
    // step compares side by side (padded with copies of the last).
    let into_outside_and_begin: [[T; LANES]; TAGS] =
        std::array::from_fn(|p| std::array::from_fn(|k| transitions[p][OUTSIDE_AND_BEGIN[k.min(OUTSIDE_AND_BEGIN.len() - 1)]]));
    for (i, emission) in emissions.iter().enumerate().skip(1) {
        // Two copies of the step, so that neither tests which token it is at.
        let (next, from) = if i == 1 {
            viterbi_step(&best, transitions, &into_outside_and_begin, emission, true)
        } else {
            viterbi_step(&best, transitions, &into_outside_and_begin, emission, false)
        };
        let high = next.iter().copied().fold(next[0], |m, s| if s > m { s } else { m });
        best = next.map(|s| s - high);
        back.push(from);
    }
    let mut last = 0;
    for t in 1..TAGS {
        // With one token, the I- tags are still out of reach.
        if (emissions.len() > 1 || allowed(None, t as u8)) && best[t] > best[last] {
            last = t;
        }
    }
    tags.resize(emissions.len(), 0);
    let mut tag = last as u8;
    for i in (0..emissions.len()).rev() {
        tags[i] = tag;
        tag = back[i][tag as usize];
    }
}

/// The O and B- tags, which may follow any tag; an I- tag `t` follows only `t - 1` (its B-) and itself.
const OUTSIDE_AND_BEGIN: [usize; 5] = [0, 1, 3, 5, 7];
const INSIDE: [usize; 4] = [2, 4, 6, 8];

/// Lanes of the O and B- tags in a step of [`viterbi`].
const LANES: usize = 8;

/// One token of [`viterbi`]: each tag's best score and best predecessor, as
/// [`allowed`] says; at the second token (`second`), the I- tags of the first
/// are out of reach. (Fixed ranges, so that the compiler unrolls them.)
#[inline(always)]
fn viterbi_step<T>(
    best: &[T; TAGS],
    transitions: &[[T; TAGS]; TAGS],
    into_outside_and_begin: &[[T; LANES]; TAGS],
    emission: &[T; TAGS],
    second: bool,
) -> ([T; TAGS], [u8; TAGS])
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
{
    let mut next = *emission;
    let mut from = [0u8; TAGS];
    if second {
        for t in OUTSIDE_AND_BEGIN {
            let (top, top_from) = best_predecessor(best, transitions, t, OUTSIDE_AND_BEGIN.into_iter());
            next[t] = top + emission[t];
            from[t] = top_from;
        }
    } else {
        // As `best_predecessor` over every tag, for all of them at once: the
        // same comparisons in the same order, lane by lane.
        let mut top: [T; LANES] = std::array::from_fn(|k| best[0] + into_outside_and_begin[0][k]);
        let mut top_from = [0u32; LANES];
        for p in 1..TAGS {
            for k in 0..LANES {
                let candidate = best[p] + into_outside_and_begin[p][k];
                if candidate > top[k] {
                    top[k] = candidate;
                    top_from[k] = p as u32;
                }
            }
        }
        for (k, t) in OUTSIDE_AND_BEGIN.into_iter().enumerate() {
            next[t] = top[k] + emission[t];
            from[t] = top_from[k] as u8;
        }
    }
    for t in INSIDE {
        let (top, top_from) = if second { best_predecessor(best, transitions, t, t - 1..t) } else { best_predecessor(best, transitions, t, t - 1..t + 1) };
        next[t] = top + emission[t];
        from[t] = top_from;
    }
    (next, from)
}

/// Why model bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    NotAModel,
    UnsupportedVersion(u16),
    Truncated,
    Checksum,
    Invalid(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not an alam model (bad magic bytes)"),
            ModelError::UnsupportedVersion(v) => write!(f, "model format version {v} is not supported (this build reads {VERSION})"),
            ModelError::Truncated => write!(f, "the model is truncated"),
            ModelError::Checksum => write!(f, "the model is truncated or corrupted (checksum mismatch)"),
            ModelError::Invalid(what) => write!(f, "the model is invalid: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

const MAGIC: &[u8; 8] = b"ALAMNER\0";
/// 3: class bytes carry the dictionary bit, and the features read it.
pub const VERSION: u16 = 3;

/// The magnitudes that weight codes stand for: `0[c]` for code `c`, with
/// `0[0] == 0` and the rest strictly increasing.
#[derive(Debug, Clone, PartialEq)]
pub struct Codebook(pub [i16; 128]);

impl Codebook {
    /// Levels spaced evenly in log scale from `top / range` to `top`.
    pub fn log_spaced(top: i16, range: f64) -> Codebook {
        let mut levels = [0i16; 128];
        for (c, level) in levels.iter_mut().enumerate().skip(1) {
            let value = f64::from(top) * range.powf((c as f64 - 127.0) / 126.0);
            *level = (value.round() as i16).max(c as i16);
        }
        for c in 1..128 {
            levels[c] = levels[c].max(levels[c - 1] + 1);
        }
        Codebook(levels)
    }

    /// The weight of a code.
    pub fn value(&self, code: i8) -> i16 {
        let level = self.0[code.unsigned_abs().min(127) as usize];
        if code < 0 {
            -level
        } else {
            level
        }
    }

    /// The code whose weight is nearest to `weight` (0 for weights nearer 0
    /// than to the first level).
    pub fn code(&self, weight: i16) -> i8 {
        let magnitude = weight.unsigned_abs() as i32;
        let at = self.0.partition_point(|&l| i32::from(l) < magnitude).min(127);
        let nearest = if at > 0 && magnitude - i32::from(self.0[at - 1]) < i32::from(self.0[at]) - magnitude { at - 1 } else { at };
        if weight < 0 {
            -(nearest as i8)
        } else {
            nearest as i8
        }
    }
}

/// Feature weights in an open-addressing table keyed by feature hash.
#[derive(Debug, Clone, PartialEq)]
struct FeatureTable {
    /// Power-of-two sized; key 0 marks an empty slot. A key and its weights
    /// share a cache line.
    slots: Vec<(u32, [i16; TAGS])>,
}

impl FeatureTable {
    fn new(len: usize) -> Self {
        let size = (len * 2).next_power_of_two().max(16);
        FeatureTable { slots: vec![(0, [0; TAGS]); size] }
    }

    #[inline]
    fn slot(&self, key: u32) -> usize {
        features::probe(self.slots.len(), key, |at| self.slots[at].0)
    }

    fn insert(&mut self, key: u32, weights: [i16; TAGS]) {
        let slot = self.slot(key);
        self.slots[slot] = (key, weights);
    }

    #[inline]
    fn get(&self, key: u32) -> Option<&[i16; TAGS]> {
        // As `slot` probes, with one read of each slot.
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            let (found, weights) = &self.slots[at];
            if *found == 0 {
                return None;
            }
            if *found == key {
                return Some(weights);
            }
            at = (at + 1) & mask;
        }
    }

    /// Starts loading the first slot of each key into the cache: the table is
    /// larger than the CPU's caches and a token's features land all over it,
    /// so their misses are best waited for together rather than one by one.
    #[inline]
    fn prefetch(&self, keys: &[u32]) {
        for &key in keys {
            features::prefetch(self.slots.as_ptr().wrapping_add(key as usize & (self.slots.len() - 1)));
        }
    }

    fn len(&self) -> usize {
        self.slots.iter().filter(|(k, _)| *k != 0).count()
    }

    /// Entries sorted by key.
    fn entries(&self) -> Vec<(u32, [i16; TAGS])> {
        let mut entries: Vec<_> = self.slots.iter().filter(|(k, _)| *k != 0).copied().collect();
        entries.sort_unstable_by_key(|&(k, _)| k);
        entries
    }
}

/// A trained model: lexicon, feature weights and tag transitions, integers
/// in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    lexicon: Lexicon,
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
        lexicon: Lexicon,
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
        Model { lexicon, codebook, start, transitions, features }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// How many features carry weights.
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }

    /// Tags folded words (a sentence or a whole document).
    pub fn tag(&self, words: &[&str]) -> Tagging {
        let mut tokens = Vec::with_capacity(words.len());
        features::analyse(words, &self.lexicon, &mut tokens);
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

    /// The model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.push(TAGS as u8);
        for name in TAG_NAMES {
            out.push(name.len() as u8);
            out.extend_from_slice(name.as_bytes());
        }
        for level in &self.codebook.0[1..] {
            out.extend_from_slice(&level.to_le_bytes());
        }
        for w in self.start.iter().chain(self.transitions.iter().flatten()) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let entries = self.lexicon.entries();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (key, flags) in entries {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&flags.to_le_bytes());
        }
        let entries = self.lexicon.frequencies().entries();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        let mut previous = 0;
        for &(fingerprint, _) in &entries {
            write_leb128(&mut out, fingerprint - previous);
            previous = fingerprint;
        }
        out.extend(entries.iter().map(|&(_, class)| class));
        let entries = self.features.entries();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        let mut previous = 0;
        for &(key, _) in &entries {
            write_leb128(&mut out, key - previous);
            previous = key;
        }
        for (_, weights) in &entries {
            let mask = weights.iter().enumerate().filter(|(_, &w)| w != 0).fold(0u16, |m, (t, _)| m | 1 << t);
            out.extend_from_slice(&mask.to_le_bytes());
            out.extend(weights.iter().filter(|&&w| w != 0).map(|&w| self.codebook.code(w) as u8));
        }
        let checksum = features::hash_bytes(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Reads a model file, checking every part; never trusts a length beyond
    /// the bytes that are there.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let mut r = Reader { bytes, at: MAGIC.len() };
        let version = r.u16()?;
        if version != VERSION {
            return Err(ModelError::UnsupportedVersion(version));
        }
        let (body, sum) = bytes.split_at(bytes.len().checked_sub(4).ok_or(ModelError::Truncated)?);
        if features::hash_bytes(body).to_le_bytes() != sum {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader { bytes: body, at: r.at };
        if r.u8()? as usize != TAGS {
            return Err(ModelError::Invalid("the label set differs"));
        }
        for name in TAG_NAMES {
            let len = r.u8()? as usize;
            if r.take(len)? != name.as_bytes() {
                return Err(ModelError::Invalid("the label set differs"));
            }
        }
        let mut codebook = Codebook([0; 128]);
        for level in &mut codebook.0[1..] {
            *level = r.u16()? as i16;
        }
        if codebook.0.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ModelError::Invalid("the codebook is not strictly increasing"));
        }
        let mut start = [0; TAGS];
        for w in &mut start {
            *w = r.i32()?;
        }
        let mut transitions = [[0; TAGS]; TAGS];
        for w in transitions.iter_mut().flatten() {
            *w = r.i32()?;
        }

        let count = r.count(6)?;
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            let key = r.u32()?;
            if entries.last().is_some_and(|&(last, _)| last >= key) || key == 0 {
                return Err(ModelError::Invalid("lexicon hashes are not strictly increasing"));
            }
            entries.push((key, r.u16()?));
        }
        // Each word takes at least a byte of fingerprint and one of class.
        let count = r.count(2)?;
        let mut fingerprints = Vec::with_capacity(count);
        let mut fingerprint = 0u32;
        for _ in 0..count {
            let delta = r.leb128()?;
            fingerprint = fingerprint
                .checked_add(delta)
                .filter(|&f| delta > 0 && f < 1 << 24)
                .ok_or(ModelError::Invalid("frequency fingerprints are not strictly increasing below 2^24"))?;
            fingerprints.push(fingerprint);
        }
        let classes = r.take(count)?;
        let lexicon = Lexicon::new(entries).with_frequencies(features::Frequencies::new(fingerprints.into_iter().zip(classes.iter().copied())));

        // Each feature takes at least one byte of key and two of mask.
        let count = r.count(3)?;
        let mut keys = Vec::with_capacity(count);
        let mut key = 0u32;
        for _ in 0..count {
            let delta = r.leb128()?;
            key = key.checked_add(delta).filter(|_| delta > 0).ok_or(ModelError::Invalid("feature hashes are not strictly increasing"))?;
            keys.push(key);
        }
        let mut features = FeatureTable::new(count);
        for key in keys {
            let mask = r.u16()?;
            if mask == 0 || mask >> TAGS != 0 {
                return Err(ModelError::Invalid("a feature's tag mask is out of range"));
            }
            let mut weights = [0i16; TAGS];
            for (t, w) in weights.iter_mut().enumerate() {
                if mask & 1 << t != 0 {
                    let code = r.u8()? as i8;
                    if code == 0 || code == i8::MIN {
                        return Err(ModelError::Invalid("a weight code is out of range"));
                    }
                    *w = codebook.value(code);
                }
            }
            features.insert(key, weights);
        }
        if r.at != body.len() {
            return Err(ModelError::Invalid("trailing bytes after the features"));
        }
        Ok(Model { lexicon, codebook, start, transitions, features })
    }
}

fn write_leb128(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads the parts of a model file, each read checked against the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len()).ok_or(ModelError::Truncated)?;
        let part = &self.bytes[self.at..end];
        self.at = end;
        Ok(part)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        Ok(self.take(N)?.try_into().expect("took N bytes"))
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn i32(&mut self) -> Result<i32, ModelError> {
        Ok(i32::from_le_bytes(self.array()?))
    }

    /// A count of items that take at least `min_bytes` each, checked against
    /// the bytes left before anything is allocated for them.
    fn count(&mut self, min_bytes: usize) -> Result<usize, ModelError> {
        let count = self.u32()? as usize;
        if count.saturating_mul(min_bytes) > self.bytes.len() - self.at {
            return Err(ModelError::Truncated);
        }
        Ok(count)
    }

    fn leb128(&mut self) -> Result<u32, ModelError> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.u8()?;
            let part = u32::from(byte & 0x7f);
            if shift == 28 && part > 0x0f {
                return Err(ModelError::Invalid("a feature hash overflows 32 bits"));
            }
            value |= part << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError::Invalid("a feature hash overflows 32 bits"))
    }
}

/// One type for a name throughout a document: where the mentions of the
/// same words carry different types, each takes the type most of them carry
/// (a tie leaves them as they are).
fn consistent_labels(found: &mut [(Range<usize>, Label)], tokens: &[TokenInfo]) {
    let type_index = |label: Label| TYPES.iter().position(|&t| t == label).expect("a type of the model");
    let mut votes: rustc_hash::FxHashMap<u32, [u32; TYPES.len()]> = rustc_hash::FxHashMap::default();
    for (range, label) in found.iter() {
        votes.entry(features::name_hash(&tokens[range.clone()])).or_default()[type_index(*label)] += 1;
    }
    for (range, label) in found.iter_mut() {
        let counts = votes[&features::name_hash(&tokens[range.clone()])];
        let most = *counts.iter().max().expect("four types");
        if counts[type_index(*label)] < most && counts.iter().filter(|&&c| c == most).count() == 1 {
            *label = TYPES[counts.iter().position(|&c| c == most).expect("the maximum is there")];
        }
    }
}

/// Organisations of two words or more that the lists name whole (فيلق
/// القدس، الحشد الشعبي) are taken whole where the model found no
/// organisation in them and nothing reaching outside them: trained on 2007
/// news, it may see only the place inside one, or nothing.
fn listed_organisations(found: &mut Vec<(Range<usize>, Label)>, tokens: &[TokenInfo]) {
    let mut start = 0;
    while start < tokens.len() {
        if tokens[start].phrase_begin() & flag::NAMES != flag::ORGANISATION {
            start += 1;
            continue;
        }
        let end = start + 1 + tokens[start + 1..].iter().take_while(|t| t.phrase_inside() & flag::ORGANISATION != 0).count();
        let inside = |r: &Range<usize>| r.start < end && start < r.end;
        // An organisation the model found in part (حماس of حركة حماس) is left
        // as it is: ANERcorp often tags a name without its head.
        let kept = found.iter().any(|(r, label)| inside(r) && (r.start < start || r.end > end || *label == Label::ORG));
        if end - start >= 2 && !kept {
            found.retain(|(r, _)| r.end <= start || r.start >= end);
            let at = found.partition_point(|(r, _)| r.start < start);
            found.insert(at, (start..end, Label::ORG));
        }
        start = end;
    }
}

/// A person's name does not end in a common word (`عزت أبو عوف برنامجا`):
/// the model runs on into it where it has not seen the word in training.
/// Names of organisations and places do end in common words (`البنك التجاري`).
fn trim_common_endings(found: &mut [(Range<usize>, Label)], tokens: &[TokenInfo]) {
    for (range, label) in found.iter_mut() {
        if *label == Label::PER && range.len() >= 2 && tokens[range.end - 1].is_common_word() {
            range.end -= 1;
        }
    }
}

impl Recognizer for Model {
    fn recognize(&self, doc: &Document, mentions: &mut Vec<Mention>) {
        let mut tokens = Vec::with_capacity(doc.tokens.len());
        features::analyse_tokens(doc, &self.lexicon, &mut tokens);
        let tagging = self.tag_analysed(tokens);
        let mut found = spans(&tagging.tags);
        trim_common_endings(&mut found, &tagging.tokens);
        consistent_labels(&mut found, &tagging.tokens);
        listed_organisations(&mut found, &tagging.tokens);
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
mod tests {
    use super::*;

    #[test]
    fn names_of_persons_lose_a_common_last_word() {
        use features::{hash_word, Frequencies, DICTIONARY_WORD};
        let class = |word: &str, class: u8| (Frequencies::fingerprint(hash_word(word)), class);
        let frequencies = Frequencies::new([
            class("برنامجا", 10 | DICTIONARY_WORD),
            class("حسني", 10 | DICTIONARY_WORD),
            class("مقنع", 14 | DICTIONARY_WORD),
            class("عزت", 12),
        ]);
        // حسني is a family name too; مقنع is in the dictionary but rare.
        let lexicon = Lexicon::new([(hash_word("حسني"), flag::FAMILY_NAME)]).with_frequencies(frequencies);
        let mut tokens = Vec::new();
        features::analyse(&["عزت", "برنامجا", "عزت", "حسني", "عزت", "مقنع", "برنامجا"], &lexicon, &mut tokens);
        let mut found = vec![(0..2, Label::PER), (2..4, Label::PER), (4..6, Label::PER), (6..7, Label::PER)];
        trim_common_endings(&mut found, &tokens);
        assert_eq!(found, [(0..1, Label::PER), (2..4, Label::PER), (4..6, Label::PER), (6..7, Label::PER)]);
        let mut found = vec![(0..2, Label::ORG)];
        trim_common_endings(&mut found, &tokens);
        assert_eq!(found, [(0..2, Label::ORG)], "organisations end in common words");
    }

    #[test]
    fn spans_read_stray_inside_tags_as_starts() {
        let tags = [0, 1, 2, 2, 0, 4, 4, 3, 3, 8, 2];
        let found = spans(&tags);
        assert_eq!(
            found,
            [(1..4, Label::PER), (5..7, Label::LOC), (7..8, Label::LOC), (8..9, Label::LOC), (9..10, Label::MISC), (10..11, Label::PER)]
        );
    }

    #[test]
    fn viterbi_finds_the_best_allowed_path() {
        // O then I-PER would score 15, but I- only continues its type.
        let mut e = [[0i32; TAGS]; 2];
        e[0][OUTSIDE as usize] = 5;
        e[0][1] = -10;
        e[1][2] = 10;
        e[1][1] = 3;
        let mut tags = Vec::new();
        viterbi(&e, &[0; TAGS], &[[0; TAGS]; TAGS], &mut tags);
        assert_eq!(tags, [0, 1]);
        // A transition bonus makes B-PER I-PER the best path (9 > 8).
        let mut transitions = [[0; TAGS]; TAGS];
        transitions[1][2] = 9;
        viterbi(&e, &[0; TAGS], &transitions, &mut tags);
        assert_eq!(tags, [1, 2]);
    }

    #[test]
    fn viterbi_scores_as_well_as_every_allowed_sequence() {
        let mut seed = 7u64;
        let mut random = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as i64 % 1000 - 500
        };
        for len in 1..=4usize {
            let emissions: Vec<[i64; TAGS]> = (0..len).map(|_| std::array::from_fn(|_| random())).collect();
            let start: [i64; TAGS] = std::array::from_fn(|_| random());
            let transitions: [[i64; TAGS]; TAGS] = std::array::from_fn(|_| std::array::from_fn(|_| random()));
            let score = |tags: &[u8]| {
                let mut total = start[tags[0] as usize];
                for (i, &t) in tags.iter().enumerate() {
                    total += emissions[i][t as usize] + if i > 0 { transitions[tags[i - 1] as usize][t as usize] } else { 0 };
                }
                total
            };
            let mut best = i64::MIN;
            for n in 0..TAGS.pow(len as u32) {
                let tags: Vec<u8> = (0..len).map(|i| (n / TAGS.pow(i as u32) % TAGS) as u8).collect();
                let valid = (0..len).all(|i| allowed(i.checked_sub(1).map(|p| tags[p]), tags[i]));
                if valid {
                    best = best.max(score(&tags));
                }
            }
            let mut tags = Vec::new();
            viterbi(&emissions, &start, &transitions, &mut tags);
            assert!((0..len).all(|i| allowed(i.checked_sub(1).map(|p| tags[p]), tags[i])), "{tags:?}");
            assert_eq!(score(&tags), best, "{len} tokens");
        }
    }

    #[test]
    fn a_name_keeps_the_type_most_of_its_mentions_have() {
        let lexicon = Lexicon::new([]);
        let mut tokens = Vec::new();
        features::analyse(&["اوستن", "في", "اوستن", "و", "اوستن", "باريس", "باريس"], &lexicon, &mut tokens);
        let mut found = vec![(0..1, Label::PER), (2..3, Label::ORG), (4..5, Label::PER), (5..6, Label::LOC), (6..7, Label::PER)];
        consistent_labels(&mut found, &tokens);
        let labels: Vec<Label> = found.iter().map(|(_, l)| *l).collect();
        assert_eq!(labels, [Label::PER, Label::PER, Label::PER, Label::LOC, Label::PER], "a tie changes nothing");
    }

    #[test]
    fn a_listed_organisation_is_taken_whole_unless_the_model_found_one_in_it() {
        use features::{flag, hash_phrase, hash_word};
        let lexicon = Lexicon::new([
            (hash_word("فيلق"), flag::PREFIX),
            (hash_phrase(["فيلق", "القدس"]), flag::ORGANISATION),
            (hash_word("القدس"), flag::LOCATION),
        ]);
        let mut tokens = Vec::new();
        features::analyse(&["قائد", "فيلق", "القدس", "في", "القدس"], &lexicon, &mut tokens);
        let settle = |mut found: Vec<(Range<usize>, Label)>| {
            listed_organisations(&mut found, &tokens);
            found
        };
        assert_eq!(settle(vec![(2..3, Label::LOC), (4..5, Label::LOC)]), [(1..3, Label::ORG), (4..5, Label::LOC)]);
        assert_eq!(settle(vec![]), [(1..3, Label::ORG)]);
        assert_eq!(settle(vec![(2..3, Label::ORG)]), [(2..3, Label::ORG)], "an organisation found in part stays");
        assert_eq!(settle(vec![(0..2, Label::PER)]), [(0..2, Label::PER)], "a span reaching outside stays");
    }

    fn small_model() -> Model {
        let frequencies = features::Frequencies::new(
            [("في", 3), ("بغداد", 8), ("امس", 7)].map(|(word, class)| (features::Frequencies::fingerprint(features::hash_word(word)), class)),
        );
        let lexicon = Lexicon::new([(features::hash_word("بغداد"), features::flag::KNOWN | features::flag::LOCATION)]).with_frequencies(frequencies);
        let mut weights = Vec::new();
        let mut infos = Vec::new();
        features::analyse(&["في", "بغداد"], &lexicon, &mut infos);
        let mut keys = Vec::new();
        features::features(&infos, 1, &mut keys);
        for &key in &keys {
            let mut w = [0i8; TAGS];
            w[begin(Label::LOC) as usize] = 3;
            w[0] = -1;
            weights.push((key, w));
        }
        Model::new(lexicon, Codebook::log_spaced(1000, 100.0), [0; TAGS], [[0; TAGS]; TAGS], weights)
    }

    #[test]
    fn codes_round_trip_through_the_codebook() {
        let codebook = Codebook::log_spaced(30000, 10000.0);
        assert_eq!(codebook.0[127], 30000);
        for code in -127..=127i8 {
            assert_eq!(codebook.code(codebook.value(code)), code);
        }
        assert_eq!(codebook.code(0), 0);
    }

    #[test]
    fn bytes_round_trip() {
        let model = small_model();
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back, model);
        assert_eq!(back.lexicon().frequencies().len(), 3);
        assert_eq!(back.to_bytes(), bytes);
        let words = ["في", "بغداد", "امس"];
        assert_eq!(back.tag(&words).tags, model.tag(&words).tags);
        assert_eq!(back.tag(&words).tags[1], begin(Label::LOC));
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

    #[test]
    fn damaged_bytes_are_refused() {
        let bytes = small_model().to_bytes();
        for len in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..len]).is_err(), "truncated to {len}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert!(Model::from_bytes(&damaged).is_err(), "byte {at} flipped");
        }
        // A count beyond the bytes left is refused before anything is allocated.
        let lexicon_count = MAGIC.len() + 2 + 1 + TAG_NAMES.iter().map(|n| 1 + n.len()).sum::<usize>() + 127 * 2 + (TAGS + TAGS * TAGS) * 4;
        let mut huge = bytes.clone();
        huge[lexicon_count..lexicon_count + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let body = huge.len() - 4;
        let sum = features::hash_bytes(&huge[..body]).to_le_bytes();
        huge[body..].copy_from_slice(&sum);
        assert_eq!(Model::from_bytes(&huge), Err(ModelError::Truncated));
        let mut newer = bytes.clone();
        newer[8] = 9;
        assert_eq!(Model::from_bytes(&newer), Err(ModelError::UnsupportedVersion(9)));
    }
}
