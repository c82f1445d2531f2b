//! Features of a token sequence for the sequence model, computed by the same
//! code when training (CoNLL sentences) and when tagging (a [`Document`]'s
//! tokens): both hand in the folded words in order.
//!
//! A feature is a 32-bit hash of a template id and a value. Words are hashed
//! once each; templates combine those hashes, so no feature allocates.
//!
//! [`Document`]: crate::Document

use crate::tokens::{self, TokenKind};
use crate::Document;

mod hash;
mod tables;
mod vocabulary;

pub use hash::{combine, hash_bytes, hash_phrase, hash_word};
pub(crate) use tables::{nonzero, prefetch, probe};
pub use vocabulary::{flag, Frequencies, Vocabulary, DICTIONARY_WORD};

use hash::{fnv, hash_with_prefixes, suffix_hashes};
use vocabulary::{frequency_class, spelled, ABSENT};

/// The longest phrase looked up, in words.
const MAX_PHRASE: usize = 4;

/// What the features need of one token, computed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    /// Bytes of proclitics before the stem.
    pub proclitics: u32,
    /// The hash of the proclitics (`و`, `ب`, `ول`).
    proclitic_letters: u32,
    word: u32,
    /// The stem as lists spell it: after the لل contraction, with its article
    /// restored (`للعراق` → `العراق`).
    lemma: u32,
    prefixes: [u32; 4],
    suffixes: [u32; 4],
    /// The rest of an unknown word after a possible proclitic (0 if none).
    remainder: u32,
    shape: u32,
    /// Flags of the word or its lemma.
    flags: u16,
    /// Frequency classes of the word and of its stem in general text
    /// ([`ABSENT`] for words not in the list), and how the stem's compares
    /// with the same stem with the article toggled: common nouns take ال,
    /// most names do not (`حكومه` and `الحكومه` are both frequent, `بغداد`
    /// and `البغداد` are not).
    word_frequency: u8,
    stem_frequency: u8,
    article_contrast: u8,
    /// Flags of list phrases that start at this token, or go on through it.
    phrase_begin: u16,
    phrase_inside: u16,
}

impl TokenInfo {
    /// Whether the token is neither a word, a number nor punctuation (an
    /// emoji, a symbol): never part of a name.
    pub fn is_symbol(&self) -> bool {
        self.shape == SYMBOL_SHAPE
    }

    /// Whether the token is punctuation (a quotation mark among it).
    pub fn is_punctuation(&self) -> bool {
        self.shape & !1 == PUNCTUATION_SHAPE
    }

    /// The hash of the stem as lists spell it (`للعراق` → `العراق`).
    pub fn lemma_hash(&self) -> u32 {
        self.lemma
    }

    /// The list bits of the longest list phrase of two words or more that
    /// starts at this token.
    pub fn phrase_begin(&self) -> u16 {
        self.phrase_begin
    }

    /// Whether the word is a common one and nobody's name: the spelling
    /// dictionary knows its stem, which occurs more than about once in
    /// 300,000 words of general text, and neither a list nor the training
    /// sentences name anything with it.
    pub fn is_common_word(&self) -> bool {
        const COMMON: u8 = 11;
        self.flags & (flag::NAMES | flag::KNOWN) == 0
            && self.phrase_begin | self.phrase_inside == 0
            && spelled(self.stem_frequency) == 1
            && frequency_class(self.stem_frequency) <= COMMON
    }

    /// The list bits of the list phrases that go on through this token.
    pub fn phrase_inside(&self) -> u16 {
        self.phrase_inside
    }

    /// Fills in the frequency classes that `lookup` finds.
    fn set_frequencies(&mut self, frequencies: &Frequencies, lookup: &FrequencyLookup) {
        let stem_class = frequencies.class(lookup.stem);
        let word_class = match lookup.word {
            Some(word) => frequencies.class(word),
            None => stem_class,
        };
        self.word_frequency = word_class.unwrap_or(ABSENT);
        self.stem_frequency = stem_class.unwrap_or(ABSENT);
        self.article_contrast = match stem_class.map(|own| (own, frequencies.class(lookup.toggled))) {
            None => ABSENT,
            Some((_, None)) => ABSENT - 1,
            // Classes apart, either way, and whether the stem is the form with ال.
            Some((own, Some(other))) => (i32::from(frequency_class(other)) - i32::from(frequency_class(own))).clamp(-6, 6) as u8 & 0x0f | u8::from(lookup.definite) << 4,
        };
    }
}

const PUNCTUATION_SHAPE: u32 = 192;
const SYMBOL_SHAPE: u32 = 256;

/// The hash of the phrase that tokens spell, as vocabulary phrases are keyed:
/// the first word's lemma, then the words.
pub fn name_hash(tokens: &[TokenInfo]) -> u32 {
    let mut hash = tokens.first().map_or(0, |t| t.lemma);
    for t in tokens.iter().skip(1) {
        hash = combine(hash, t.word);
    }
    hash
}

/// Analyses the folded words of a sentence or document.
pub fn analyse(words: &[&str], vocabulary: &Vocabulary, infos: &mut Vec<TokenInfo>) {
    let forms = words.iter().map(|&word| {
        let kind = tokens::kind_of(word);
        let fixed = if kind == TokenKind::Arabic { tokens::definite_stem(word) } else { 0 };
        (word, kind, fixed)
    });
    analyse_forms(forms, vocabulary, infos);
}

/// [`analyse`] of a document's tokens, whose kinds and fixed proclitics the
/// tokenizer has found already.
pub fn analyse_tokens(doc: &Document, vocabulary: &Vocabulary, infos: &mut Vec<TokenInfo>) {
    let forms = doc.tokens.iter().map(|token| (doc.word(token), token.kind, token.stem_start - token.word.start));
    analyse_forms(forms, vocabulary, infos);
}

/// Analyses words, each with its kind and the bytes of proclitics its
/// written form fixes.
fn analyse_forms<'w>(forms: impl ExactSizeIterator<Item = (&'w str, TokenKind, usize)>, vocabulary: &Vocabulary, infos: &mut Vec<TokenInfo>) {
    infos.clear();
    let mut lookups = Vec::with_capacity(forms.len());
    for (word, kind, fixed) in forms {
        let (info, lookup) = analyse_word(word, kind, fixed, vocabulary);
        vocabulary.frequencies().prefetch(lookup.stem);
        infos.push(info);
        lookups.push(lookup);
    }
    // The frequency list is megabytes: its look-ups are made apart from the
    // rest of the work, one after the other, so that their memory fetches
    // overlap (in WebAssembly too, which has no prefetch).
    let frequencies = vocabulary.frequencies();
    for (info, lookup) in infos.iter_mut().zip(&lookups) {
        info.set_frequencies(frequencies, lookup);
    }
    for start in 0..infos.len() {
        let mut hash = infos[start].lemma;
        let mut matched = (0, 0);
        for end in start + 1..=infos.len().min(start + MAX_PHRASE) {
            if end > start + 1 {
                hash = combine(hash, infos[end - 1].word);
            }
            let flags = vocabulary.get(hash);
            if flags & flag::NAMES != 0 {
                matched = (end, flags & flag::NAMES);
            }
            if flags & flag::PREFIX == 0 {
                break;
            }
        }
        let (end, flags) = matched;
        if end > start + 1 {
            infos[start].phrase_begin |= flags;
            for info in &mut infos[start + 1..end] {
                info.phrase_inside |= flags;
            }
        }
    }
}

/// What a token looks up in the frequency list: its stem, the word as
/// written when a proclitic makes it differ, and the stem with the article toggled.
struct FrequencyLookup {
    stem: u32,
    word: Option<u32>,
    toggled: u32,
    definite: bool,
}

/// A token's features but its frequencies, and what it looks up for those:
/// of a word of `kind` whose written form fixes `fixed` bytes of proclitics.
fn analyse_word(word: &str, kind: TokenKind, fixed: usize, vocabulary: &Vocabulary) -> (TokenInfo, FrequencyLookup) {
    let whole = hash_with_prefixes(word);
    let word_hash = whole.0;
    // Looked up once: proclitics and flags both need it.
    let word_flags = vocabulary.get(word_hash);
    let is_known = |s: &str| if s.len() == word.len() { word_flags & flag::KNOWN != 0 } else { vocabulary.is_known(s) };
    let proclitics = if kind == TokenKind::Arabic { tokens::arabic_proclitic_length(word, fixed, is_known) } else { 0 };
    let stem = &word[proclitics..];
    let (stem_hash, prefixes, letters) = if proclitics == 0 { whole } else { hash_with_prefixes(stem) };
    let contracted = stem.starts_with('ل') && word[..proclitics].ends_with('ل');
    let lemma = if contracted { fnv(hash_word("ا"), stem.as_bytes()) } else { stem_hash };

    let remainder = if proclitics == 0 { tokens::shortest_proclitic_run(word).map_or(0, |n| hash_word(&word[n..])) } else { 0 };

    let definite = stem.starts_with("ال");
    let lookup = FrequencyLookup { stem: stem_hash, word: (proclitics > 0).then_some(word_hash), toggled: toggled_article(stem), definite };

    let shape = match kind {
        TokenKind::Arabic => letters | (definite as u32) << 4 | ((proclitics > 0) as u32) << 5,
        TokenKind::Latin => 64 | letters | (stem.chars().next().is_some_and(char::is_uppercase) as u32) << 4,
        TokenKind::Number => 128 | letters,
        TokenKind::Punctuation => PUNCTUATION_SHAPE | is_quote(word) as u32,
        TokenKind::Other => SYMBOL_SHAPE,
    };
    let info = TokenInfo {
        proclitics: proclitics as u32,
        proclitic_letters: hash_word(&word[..proclitics]),
        word: word_hash,
        lemma,
        prefixes,
        suffixes: suffix_hashes(stem),
        remainder,
        shape,
        flags: if lemma == word_hash { word_flags } else { word_flags | vocabulary.get(lemma) },
        word_frequency: ABSENT,
        stem_frequency: ABSENT,
        article_contrast: ABSENT,
        phrase_begin: 0,
        phrase_inside: 0,
    };
    (info, lookup)
}

/// The hash of a stem with the article toggled: `العراق` → `عراق`, `حكومه` → `الحكومه`.
fn toggled_article(stem: &str) -> u32 {
    match stem.strip_prefix("ال") {
        Some(bare) => hash_word(bare),
        None => fnv(hash_word("ال"), stem.as_bytes()),
    }
}

fn is_quote(word: &str) -> bool {
    word.chars().all(|c| matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’' | '‹' | '›'))
}

/// Feature templates; their ids are part of the model format.
#[derive(Clone, Copy)]
#[repr(u32)]
enum Template {
    Bias = 1,
    Word,
    Lemma,
    Prefix,
    Suffix,
    Shape,
    Flag,
    PhraseBegin,
    PhraseInside,
    WordPair,
    LemmaShape,
    Proclitic,
    Remainder,
    ListContext,
    Frequency,
    ArticleContrast,
    Spelled,
    ListFrequency,
}

/// The hash a template gives a value at a relative position.
fn key(template: Template, offset: i32, value: u32) -> u32 {
    nonzero(combine((template as u32) << 8 | (offset + 8) as u32, value))
}

/// The feature every token has.
#[cfg(test)]
pub(crate) fn bias_key() -> u32 {
    key(Template::Bias, 0, 0)
}

/// Stand-ins for the words before the first and after the last token.
const OUTSIDE_BEFORE: u32 = 0x5157_4f53;
const OUTSIDE_AFTER: u32 = 0x454f_5351;

/// Appends the feature hashes of token `i` to `out`.
pub fn features(infos: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    let at = |offset: i32| -> Option<&TokenInfo> { infos.get(i.checked_add_signed(offset as isize)?) };
    let word_at = |offset: i32| {
        at(offset).map_or(if offset < 0 { OUTSIDE_BEFORE } else { OUTSIDE_AFTER }, |t| t.word)
    };
    let lemma_at = |offset: i32| {
        at(offset).map_or(if offset < 0 { OUTSIDE_BEFORE } else { OUTSIDE_AFTER }, |t| t.lemma)
    };
    let this = &infos[i];

    out.push(key(Template::Bias, 0, 0));
    // Offsets in half-open ranges: the compiler unrolls those loops (not
    // those over inclusive ones), so that each key's constant part folds.
    for offset in -2..3 {
        out.push(key(Template::Word, offset, word_at(offset)));
    }
    for offset in -1..2 {
        out.push(key(Template::Lemma, offset, lemma_at(offset)));
    }
    for (n, (&prefix, &suffix)) in this.prefixes.iter().zip(&this.suffixes).enumerate() {
        if prefix != 0 {
            out.push(key(Template::Prefix, n as i32, prefix));
            out.push(key(Template::Suffix, n as i32, suffix));
        }
    }
    for offset in -1..2 {
        out.push(key(Template::Shape, offset, at(offset).map_or(512, |t| t.shape)));
    }
    for offset in -2..2 {
        if let Some(t) = at(offset) {
            // KNOWN only decides stems: as a feature it would tell the
            // training names apart from unseen ones.
            push_bits(out, Template::Flag, offset, t.flags & !flag::KNOWN);
        }
    }
    push_bits(out, Template::PhraseBegin, 0, this.phrase_begin);
    push_bits(out, Template::PhraseInside, 0, this.phrase_inside);
    out.push(key(Template::WordPair, -1, combine(word_at(-1), this.word)));
    out.push(key(Template::WordPair, 1, combine(this.word, word_at(1))));
    out.push(key(Template::LemmaShape, -1, combine(lemma_at(-1), this.shape)));
    if this.proclitics > 0 {
        out.push(key(Template::Proclitic, 0, combine(this.proclitics, this.lemma)));
        out.push(key(Template::Proclitic, 1, this.proclitic_letters));
    }
    if this.remainder != 0 {
        out.push(key(Template::Remainder, 0, this.remainder));
    }
    out.push(key(Template::Frequency, 0, frequency_class(this.word_frequency).into()));
    out.push(key(Template::Frequency, 1, frequency_class(this.stem_frequency).into()));
    out.push(key(Template::Spelled, 0, spelled(this.word_frequency) << 1 | spelled(this.stem_frequency)));
    // The name lists hold common words too, and how much a list's word says
    // depends on how common it is: `زار` is a given name and a verb.
    let names = this.flags & flag::NAMES;
    if names != 0 {
        out.push(key(Template::ListFrequency, 0, u32::from(names) << 1 | spelled(this.stem_frequency)));
        out.push(key(Template::ListFrequency, 1, u32::from(names) << 8 | u32::from(frequency_class(this.stem_frequency))));
    }
    out.push(key(Template::ArticleContrast, 0, this.article_contrast.into()));
    // A word of the lists is a name more likely next to a cue or another
    // such word: a title before a person, a head before a place, a given
    // name before a family name.
    if names != 0 {
        let context = flag::NAMES | flag::CUES;
        for offset in [-1, 1] {
            let around = at(offset).map_or(0, |t| t.flags & context);
            out.push(key(Template::ListContext, offset, u32::from(around) << 16 | u32::from(names)));
        }
    }
}

/// One feature for each set bit of `flags`.
fn push_bits(out: &mut Vec<u32>, template: Template, offset: i32, mut flags: u16) {
    while flags != 0 {
        let bit = flags.trailing_zeros();
        out.push(key(template, offset, bit));
        flags &= flags - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new([
            (hash_word("بغداد"), flag::KNOWN | flag::LOCATION),
            (hash_word("العراق"), flag::LOCATION),
            (hash_word("الامم"), flag::PREFIX),
            (hash_phrase(["الامم", "المتحده"]), flag::ORGANISATION),
        ])
    }

    #[test]
    fn known_stems_decide_proclitics_and_lists_match_through_them() {
        let words = ["وبغداد", "بغداد", "للعراق", "للامم", "المتحده", "قال"];
        let mut infos = Vec::new();
        analyse(&words, &vocabulary(), &mut infos);
        let proclitics: Vec<u32> = infos.iter().map(|t| t.proclitics).collect();
        assert_eq!(proclitics, [2, 0, 2, 2, 0, 0]);
        assert_eq!(infos[0].flags & flag::LOCATION, flag::LOCATION);
        assert_eq!(infos[2].flags & flag::LOCATION, flag::LOCATION, "للعراق is looked up as العراق");
        assert_eq!(infos[3].phrase_begin, flag::ORGANISATION);
        assert_eq!(infos[4].phrase_inside, flag::ORGANISATION);
        assert_eq!(infos[5].phrase_inside, 0);
    }

    #[test]
    fn a_common_noun_takes_the_article_and_a_name_does_not() {
        let print = |word| Frequencies::fingerprint(hash_word(word));
        let known = DICTIONARY_WORD;
        let frequencies = Frequencies::new([(print("حكومه"), 8 | known), (print("الحكومه"), 7 | known), (print("بغداد"), 8), (print("وبغداد"), 10)]);
        let vocabulary = Vocabulary::new([(hash_word("بغداد"), flag::KNOWN)]).with_frequencies(frequencies);
        let mut infos = Vec::new();
        analyse(&["حكومه", "الحكومه", "وبغداد", "غوتيريش"], &vocabulary, &mut infos);
        let classes: Vec<(u8, u8)> = infos.iter().map(|t| (t.word_frequency, t.stem_frequency)).collect();
        assert_eq!(classes, [(8 | known, 8 | known), (7 | known, 7 | known), (10, 8), (ABSENT, ABSENT)]);
        let spelled: Vec<(u32, u32)> = infos.iter().map(|t| (spelled(t.word_frequency), spelled(t.stem_frequency))).collect();
        assert_eq!(spelled, [(1, 1), (1, 1), (0, 0), (0, 0)]);
        // حكومه: the form with ال is a class more frequent; الحكومه: the bare
        // form a class less (the dictionary bit aside).
        assert_eq!(infos[0].article_contrast, (-1i8 as u8) & 0x0f);
        assert_eq!(infos[1].article_contrast, 1 | 1 << 4);
        assert_eq!(infos[2].article_contrast, ABSENT - 1, "no البغداد");
        assert_eq!(infos[3].article_contrast, ABSENT);
    }

    #[test]
    fn a_documents_tokens_analyse_as_their_words() {
        let doc = Document::new("وبالعراق قال، في 2003: «للعراق» وبغداد 😀 U.S. والولايات فلله");
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.word(t)).collect();
        let (mut from_words, mut from_tokens) = (Vec::new(), Vec::new());
        analyse(&words, &vocabulary(), &mut from_words);
        analyse_tokens(&doc, &vocabulary(), &mut from_tokens);
        for i in 0..words.len() {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            features(&from_words, i, &mut a);
            features(&from_tokens, i, &mut b);
            assert_eq!((a, from_words[i].proclitics), (b, from_tokens[i].proclitics), "{}", words[i]);
        }
    }

    #[test]
    fn features_depend_on_the_neighbours_only_within_the_window() {
        let vocabulary = vocabulary();
        let keys = |words: &[&str], i| {
            let mut infos = Vec::new();
            analyse(words, &vocabulary, &mut infos);
            let mut out = Vec::new();
            features(&infos, i, &mut out);
            out
        };
        let a = keys(&["في", "بغداد", "امس", "و", "اليوم"], 1);
        assert_eq!(a, keys(&["في", "بغداد", "امس", "و", "غدا"], 1));
        assert_ne!(a, keys(&["في", "بغداد", "امس", "ثم", "اليوم"], 1));
        assert!(a.iter().all(|&k| k != 0));
    }
}
