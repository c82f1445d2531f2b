//! What the model knows of words before it scores them: the flags of word
//! and phrase hashes (the name lists, cue words, words known as written) and
//! how often words occur in general text.

use super::hash::hash_word;
use super::tables::{nonzero, prefetch, probe};


/// What vocabulary entries say about a word or phrase: one bit a list.
pub mod flag {
    /// A word known as written (a name seen whole in training, a word of the
    /// lists, a common word): it keeps its first letter (`بغداد` is not
    /// ب + غداد), and a proclitic before it is split off (`وبغداد`).
    pub const KNOWN: u16 = 1 << 0;
    /// Gazetteers.
    pub const PERSON: u16 = 1 << 1;
    pub const LOCATION: u16 = 1 << 2;
    pub const ORGANISATION: u16 = 1 << 3;
    pub const COUNTRY: u16 = 1 << 4;
    /// The first words of a longer entry: matching goes on.
    pub const PREFIX: u16 = 1 << 5;
    /// Cue words: titles before persons, heads of organisation and place
    /// names, verbs of speech.
    pub const TITLE: u16 = 1 << 6;
    pub const ORG_HEAD: u16 = 1 << 7;
    pub const LOC_HEAD: u16 = 1 << 8;
    pub const SPEECH: u16 = 1 << 9;
    /// Name lists (`training/lexicons.py`): given names, family names,
    /// Arabic spellings of (often foreign) names, cities. Each is its own
    /// bit: they also hold common words, in different measure.
    pub const GIVEN_NAME: u16 = 1 << 10;
    pub const FAMILY_NAME: u16 = 1 << 11;
    pub const TRANSLITERATED: u16 = 1 << 12;
    pub const CITY: u16 = 1 << 13;
    /// Sports clubs (`training/clubs.txt`): many are named after their
    /// cities (`هامبورغ`) or with common words (`الاتحاد`).
    pub const CLUB: u16 = 1 << 14;
    /// The lists that `training/lexicons.py` writes, which hold common words too.
    pub const NAME_LISTS: u16 = GIVEN_NAME | FAMILY_NAME | TRANSLITERATED | CITY | CLUB;
    /// The lists of names of persons.
    pub const PERSON_LISTS: u16 = PERSON | GIVEN_NAME | FAMILY_NAME | TRANSLITERATED;
    /// Every list of names; entries of several words carry these bits only.
    pub const NAMES: u16 = PERSON_LISTS | LOCATION | ORGANISATION | COUNTRY | CITY | CLUB;
    /// The cue words.
    pub const CUES: u16 = TITLE | ORG_HEAD | LOC_HEAD | SPEECH;
}

/// Word and phrase hashes with their vocabulary flags, in an open-addressing
/// table, and how often words occur in general text.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    /// Power-of-two sized; key 0 marks an empty slot.
    keys: Vec<u32>,
    flags: Vec<u16>,
    len: usize,
    frequencies: Frequencies,
}

/// How often words occur in general text, by word hash, as a class of half
/// a decade: a word of class `c` occurs about 10^(-c/2) times per word. The
/// class byte's top bit ([`DICTIONARY_WORD`]) says whether a spelling
/// dictionary knows the word: names are frequent too, but few are in it.
///
/// Over half a million words: a word is kept as the top 24 bits of its hash
/// (an unknown word finds a class by chance about once in 30), with its class
/// in the low byte of the same slot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frequencies {
    /// Power-of-two sized (or empty); 0 marks an empty slot.
    slots: Vec<u32>,
    len: usize,
}

impl Frequencies {
    /// The table of `(fingerprint, class)` entries, fingerprints as
    /// [`Frequencies::fingerprint`] gives them. Equal fingerprints (spellings
    /// that fold alike) share the most frequent class, and the dictionary
    /// bit if any of them has it.
    pub fn new(entries: impl IntoIterator<Item = (u32, u8)>) -> Self {
        let mut entries: Vec<(u32, u8)> = entries.into_iter().collect();
        // A model file's list comes sorted and unique.
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            entries.sort_unstable();
            entries.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 = frequency_class(kept.1).min(frequency_class(later.1)) | (kept.1 | later.1) & DICTIONARY_WORD;
                }
                same
            });
        }
        if entries.is_empty() {
            return Frequencies::default();
        }
        let size = (entries.len() * 2).next_power_of_two();
        let mut table = Frequencies { slots: vec![0; size], len: entries.len() };
        for (fingerprint, class) in entries {
            let slot = table.slot(fingerprint);
            table.slots[slot] = fingerprint << 8 | u32::from(class);
        }
        table
    }

    /// The part of a word hash that the table keeps: never 0, below 2^24.
    pub fn fingerprint(hash: u32) -> u32 {
        (hash >> 8).max(1)
    }

    #[inline]
    fn slot(&self, fingerprint: u32) -> usize {
        probe(self.slots.len(), fingerprint, |at| self.slots[at] >> 8)
    }

    /// Starts loading the slot of a word hash (see [`prefetch`]).
    #[inline]
    pub(super) fn prefetch(&self, hash: u32) {
        if !self.slots.is_empty() {
            prefetch(self.slots.as_ptr().wrapping_add(Self::fingerprint(hash) as usize & (self.slots.len() - 1)));
        }
    }

    /// The class of a word hash, `None` for words not in the list.
    #[inline]
    pub fn class(&self, hash: u32) -> Option<u8> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = self.slots[self.slot(Self::fingerprint(hash))];
        (slot != 0).then_some(slot as u8)
    }

    /// The `(fingerprint, class)` entries sorted by fingerprint.
    pub fn entries(&self) -> Vec<(u32, u8)> {
        let mut entries: Vec<(u32, u8)> = self.slots.iter().filter(|&&s| s != 0).map(|&s| (s >> 8, s as u8)).collect();
        entries.sort_unstable();
        entries
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Vocabulary {
    /// A vocabulary of `(hash, flags)` entries; flags of equal hashes are merged.
    pub fn new(entries: impl IntoIterator<Item = (u32, u16)>) -> Self {
        let mut entries: Vec<(u32, u16)> = entries.into_iter().collect();
        // Inserted in key order, equal vocabularies have equal tables.
        entries.sort_unstable();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut vocabulary = Vocabulary { keys: vec![0; size], flags: vec![0; size], len: 0, frequencies: Frequencies::default() };
        for (key, flags) in entries {
            let slot = vocabulary.slot(nonzero(key));
            if vocabulary.keys[slot] == 0 {
                vocabulary.keys[slot] = nonzero(key);
                vocabulary.len += 1;
            }
            vocabulary.flags[slot] |= flags;
        }
        vocabulary
    }

    #[inline]
    fn slot(&self, key: u32) -> usize {
        probe(self.keys.len(), key, |at| self.keys[at])
    }

    /// The flags of a word or phrase hash, 0 if it is in no list.
    #[inline]
    pub fn get(&self, key: u32) -> u16 {
        self.flags[self.slot(nonzero(key))]
    }

    /// The entries sorted by hash.
    pub fn entries(&self) -> Vec<(u32, u16)> {
        let mut entries: Vec<(u32, u16)> =
            self.keys.iter().zip(&self.flags).filter(|(&k, _)| k != 0).map(|(&k, &f)| (k, f)).collect();
        entries.sort_unstable();
        entries
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The vocabulary with word frequencies.
    pub fn with_frequencies(self, frequencies: Frequencies) -> Self {
        Vocabulary { frequencies, ..self }
    }

    pub fn frequencies(&self) -> &Frequencies {
        &self.frequencies
    }

    /// Whether a folded stem is known to keep its first letter.
    pub fn is_known(&self, stem: &str) -> bool {
        self.get(hash_word(stem)) & flag::KNOWN != 0
    }
}

/// The bit of a frequency class byte set when a spelling dictionary knows the word.
pub const DICTIONARY_WORD: u8 = 0x80;

/// The frequency class of words not in the list.
pub(super) const ABSENT: u8 = 255;

/// A frequency class byte without its dictionary bit.
pub(super) fn frequency_class(class: u8) -> u8 {
    if class == ABSENT {
        class
    } else {
        class & !DICTIONARY_WORD
    }
}

/// 1 if a frequency class byte says that a spelling dictionary knows the word.
pub(super) fn spelled(class: u8) -> u32 {
    u32::from(class != ABSENT && class & DICTIONARY_WORD != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_looks_up_hashes_and_merges_flags() {
        let vocabulary = Vocabulary::new([(hash_word("a"), flag::KNOWN), (hash_word("a"), flag::TITLE), (0, flag::SPEECH)]);
        assert_eq!(vocabulary.get(hash_word("a")), flag::KNOWN | flag::TITLE);
        assert_eq!(vocabulary.get(0), flag::SPEECH);
        assert_eq!(vocabulary.get(hash_word("b")), 0);
        assert_eq!(vocabulary.len(), 2);
    }

    #[test]
    fn frequencies_give_classes_by_word_and_merge_the_spellings_of_a_fingerprint() {
        let print = |word| Frequencies::fingerprint(hash_word(word));
        let known = DICTIONARY_WORD;
        // Two spellings of الحكومه: the dictionary knows the rarer one only.
        let table = Frequencies::new([(print("حكومه"), 7), (print("الحكومه"), 6), (print("الحكومه"), 9 | known)]);
        assert_eq!(table.len(), 2);
        assert_eq!(table.class(hash_word("حكومه")), Some(7));
        assert_eq!(table.class(hash_word("الحكومه")), Some(6 | known));
        assert_eq!(table.class(hash_word("بغداد")), None);
        assert_eq!(table.entries(), {
            let mut e = vec![(print("حكومه"), 7), (print("الحكومه"), 6 | known)];
            e.sort_unstable();
            e
        });
    }
}
