//! The matcher behind every word table (the expressions' tables, a site's
//! dictionary): folded phrases looked up a token at a time.

use crate::tokens::tokenize;
use crate::Document;
use rustc_hash::{FxHashMap, FxHashSet};

/// Phrases of one kind, keyed by their folded words joined by single spaces,
/// each with what it means.
pub struct Phrases<T> {
    map: FxHashMap<String, T>,
    /// First words of the phrases of more than one word: only these need a longer look.
    openers: FxHashSet<String>,
    /// The most tokens any phrase has.
    longest: usize,
}

impl<T: Copy> Phrases<T> {
    /// Phrases from `(spellings, meaning)` pairs, the spellings of one meaning
    /// separated by `|` and written as in running text (folding unifies alef,
    /// ya, ta marbuta and marks).
    pub fn new<'s>(entries: impl IntoIterator<Item = (&'s str, T)>) -> Self {
        let mut phrases = Phrases { map: FxHashMap::default(), openers: FxHashSet::default(), longest: 0 };
        for (spellings, meaning) in entries {
            for spelling in spellings.split('|') {
                phrases.insert(spelling, meaning);
            }
        }
        phrases
    }

    pub fn insert(&mut self, phrase: &str, meaning: T) {
        let key = fold_key(phrase);
        if let Some((opener, _)) = key.split_once(' ') {
            self.openers.insert(opener.to_string());
        }
        if !key.is_empty() {
            self.longest = self.longest.max(key.split(' ').count());
            self.map.insert(key, meaning);
        }
    }

    /// The first words of the phrases.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.first_words_where(|_| true)
    }

    /// The first words of the phrases whose meaning `keep` accepts.
    pub fn first_words_where(&self, keep: impl Fn(T) -> bool) -> impl Iterator<Item = &str> {
        self.map.iter().filter(move |(_, &meaning)| keep(meaning)).map(|(key, _)| key.split(' ').next().unwrap_or(key))
    }

    /// The longest phrase at token `i`, its first word read from byte `from`
    /// of that token (to skip proclitics): its meaning and how many tokens it spans.
    pub fn at(&self, doc: &Document, i: usize, from: usize) -> Option<(T, usize)> {
        let first = doc.tokens.get(i)?;
        self.at_word(doc, i, &doc.text.as_str()[from..first.word.end])
    }

    /// The longest phrase at token `i` whose first word is read as `word`
    /// (`الامم` for the stem `لامم` of `للامم`).
    pub fn at_word(&self, doc: &Document, i: usize, word: &str) -> Option<(T, usize)> {
        let mut best = self.map.get(word).map(|&meaning| (meaning, 1));
        if self.openers.contains(word) {
            let mut key = word.to_string();
            for n in 2..=self.longest.min(doc.tokens.len() - i) {
                key.push(' ');
                key.push_str(doc.word(&doc.tokens[i + n - 1]));
                if let Some(&meaning) = self.map.get(&key) {
                    best = Some((meaning, n));
                }
            }
        }
        best
    }

    /// The meaning of one folded word.
    pub fn get(&self, word: &str) -> Option<T> {
        self.map.get(word).copied()
    }
}

/// A set of words asked of every token: a bitmap answers most look-ups of
/// words outside it (most words of a text) before any hashing.
pub struct WordSet<S> {
    words: FxHashSet<S>,
    /// Bit [`sketch`] of each word of the set.
    sketch: [u64; SKETCH_BITS / 64],
}

const SKETCH_BITS: usize = 4096;

/// A word's bit in a [`WordSet`]'s bitmap, from its length and three of its
/// bytes: those that tell Arabic letters apart (the second of the first
/// letter, the last of the last two) when every letter takes two.
fn sketch(word: &str) -> usize {
    let bytes = word.as_bytes();
    let byte = |at: Option<usize>| u64::from(at.and_then(|at| bytes.get(at)).copied().unwrap_or(0));
    let len = bytes.len();
    let mixed = (len as u64 | byte(Some(1)) << 16 | byte(len.checked_sub(1)) << 24 | byte(len.checked_sub(3)) << 32).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> (64 - SKETCH_BITS.trailing_zeros())) as usize
}

impl<S: std::borrow::Borrow<str> + std::hash::Hash + Eq> WordSet<S> {
    pub fn contains(&self, word: &str) -> bool {
        let bit = sketch(word);
        self.sketch[bit / 64] & 1 << (bit % 64) != 0 && self.words.contains(word)
    }
}

impl<S> Default for WordSet<S> {
    fn default() -> Self {
        WordSet { words: FxHashSet::default(), sketch: [0; SKETCH_BITS / 64] }
    }
}

impl<S: std::borrow::Borrow<str> + std::hash::Hash + Eq> FromIterator<S> for WordSet<S> {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> Self {
        let mut set = WordSet::default();
        for word in words {
            let bit = sketch(word.borrow());
            set.sketch[bit / 64] |= 1 << (bit % 64);
            set.words.insert(word);
        }
        set
    }
}

/// The folded words of a phrase joined by single spaces.
fn fold_key(phrase: &str) -> String {
    let folded = crate::text::fold(phrase);
    // Arabic letters between spaces (most names) are words as they stand:
    // the tokenizer, with its rules for punctuation and digits, is not needed.
    if folded.chars().all(|c| c == ' ' || ('\u{0621}'..='\u{064A}').contains(&c)) {
        if !folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  ") {
            return folded;
        }
        return folded.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    }
    tokenize(&folded).iter().map(|t| &folded[t.word.clone()]).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut for names of Arabic letters and spaces keys them as
        /// the tokenizer would split them (marks and tatweel fold away first).
        #[test]
        fn names_of_letters_and_spaces_key_as_the_tokenizer_splits_them(name in "[ ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْـ]{0,24}") {
            let folded = crate::text::fold(&name);
            let tokenized = tokenize(&folded).iter().map(|t| &folded[t.word.clone()]).collect::<Vec<_>>().join(" ");
            prop_assert_eq!(fold_key(&name), tokenized);
        }
    }

    #[test]
    fn a_word_set_holds_its_words_and_no_others() {
        let words = ["", "ب", "قال", "قالت", "ab", "abc", "الساعه"];
        let set: WordSet<&str> = words.iter().copied().collect();
        assert!(words.iter().all(|w| set.contains(w)));
        for other in ["ل", "قول", "قالتا", "a", "abd", "الساعات", "ساعه"] {
            assert!(!set.contains(other), "{other}");
        }
    }

    #[test]
    fn the_longest_phrase_wins_and_spelling_does_not_matter() {
        let months = Phrases::new([("كانون الثاني|يناير", 1), ("كانون الأول", 12), ("كانون", 0)]);
        let doc = Document::new("في كانونِ الأوّل وكانون ثم يناير");
        let at = |i: usize| months.at(&doc, i, doc.tokens[i].word.start);
        assert_eq!(at(1), Some((12, 2)));
        assert_eq!(at(3), None, "a proclitic is only skipped when the caller says so");
        assert_eq!(months.at(&doc, 3, doc.tokens[3].word.start + 'و'.len_utf8()), Some((0, 1)));
        assert_eq!(at(5), Some((1, 1)));
    }
}
