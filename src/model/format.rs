//! The model file, written and read: every part checked on reading, no
//! length trusted beyond the bytes that are there.
//!
//! The layout (all integers little-endian):
//!
//! | what | bytes |
//! |---|---|
//! | magic `ALAMNER\0` | 8 |
//! | format version | u16 |
//! | label count, then each label as u8 length + ASCII | |
//! | codebook: the magnitudes of weight codes 1..=127, increasing | i16 each |
//! | start weights, then transition weights from row tag to column tag | i32 each |
//! | vocabulary entry count, then `(hash u32, flags u16)` sorted by hash | |
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

use super::codebook::Codebook;
use super::tags::{TAGS, TAG_NAMES};
use super::weights::FeatureTable;
use super::Model;
use crate::features::{self, Vocabulary};
use crate::ModelError;


const MAGIC: &[u8; 8] = b"ALAMNER\0";
/// 3: class bytes carry the dictionary bit, and the features read it.
pub const VERSION: u16 = 3;

impl Model {
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
        let entries = self.vocabulary.entries();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (key, flags) in entries {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&flags.to_le_bytes());
        }
        let entries = self.vocabulary.frequencies().entries();
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
                return Err(ModelError::Invalid("vocabulary hashes are not strictly increasing"));
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
        let vocabulary = Vocabulary::new(entries).with_frequencies(features::Frequencies::new(fingerprints.into_iter().zip(classes.iter().copied())));

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
        Ok(Model { vocabulary, codebook, start, transitions, features })
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

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tests::small_model;
    use super::super::tags::begin;
    use crate::Label;

    #[test]
    fn bytes_round_trip() {
        let model = small_model();
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back, model);
        assert_eq!(back.vocabulary().frequencies().len(), 3);
        assert_eq!(back.to_bytes(), bytes);
        let words = ["في", "بغداد", "امس"];
        assert_eq!(back.tag(&words).tags, model.tag(&words).tags);
        assert_eq!(back.tag(&words).tags[1], begin(Label::LOC));
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
        let vocabulary_count = MAGIC.len() + 2 + 1 + TAG_NAMES.iter().map(|n| 1 + n.len()).sum::<usize>() + 127 * 2 + (TAGS + TAGS * TAGS) * 4;
        let mut huge = bytes.clone();
        huge[vocabulary_count..vocabulary_count + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let body = huge.len() - 4;
        let sum = features::hash_bytes(&huge[..body]).to_le_bytes();
        huge[body..].copy_from_slice(&sum);
        assert_eq!(Model::from_bytes(&huge), Err(ModelError::Truncated));
        let mut newer = bytes.clone();
        newer[8] = 9;
        assert_eq!(Model::from_bytes(&newer), Err(ModelError::UnsupportedVersion(9)));
    }
}
