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

/// 32-bit FNV-1a: the same on every target (a `usize`-based hasher would hash
/// differently in the 32-bit wasm than where the model was trained).
const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// Continues an FNV-1a hash over `bytes`.
fn fnv(mut hash: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        hash = (hash ^ u32::from(b)).wrapping_mul(FNV_PRIME);
    }
    hash
}

/// The 32-bit FNV-1a hash of bytes.
pub fn hash_bytes(bytes: &[u8]) -> u32 {
    fnv(FNV_OFFSET, bytes)
}

/// The hash of a folded word.
pub fn hash_word(word: &str) -> u32 {
    hash_bytes(word.as_bytes())
}

/// Chains two hashes, order-sensitive (murmur3's finaliser spreads the bits).
pub fn combine(a: u32, b: u32) -> u32 {
    let mut h = a.rotate_left(13).wrapping_mul(0x9e37_79b1) ^ b;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// The hash of a phrase of folded words, as lexicon entries are keyed.
pub fn hash_phrase<'w>(words: impl IntoIterator<Item = &'w str>) -> u32 {
    words.into_iter().map(hash_word).reduce(combine).unwrap_or(0)
}

/// What lexicon entries say about a word or phrase: one bit a list.
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

/// The longest phrase looked up, in words.
const MAX_PHRASE: usize = 4;

/// Word and phrase hashes with their lexicon flags, in an open-addressing
/// table, and how often words occur in general text.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
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
    fn prefetch(&self, hash: u32) {
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

impl Lexicon {
    /// A lexicon of `(hash, flags)` entries; flags of equal hashes are merged.
    pub fn new(entries: impl IntoIterator<Item = (u32, u16)>) -> Self {
        let mut entries: Vec<(u32, u16)> = entries.into_iter().collect();
        // Inserted in key order, equal lexicons have equal tables.
        entries.sort_unstable();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut lexicon = Lexicon { keys: vec![0; size], flags: vec![0; size], len: 0, frequencies: Frequencies::default() };
        for (key, flags) in entries {
            let slot = lexicon.slot(nonzero(key));
            if lexicon.keys[slot] == 0 {
                lexicon.keys[slot] = nonzero(key);
                lexicon.len += 1;
            }
            lexicon.flags[slot] |= flags;
        }
        lexicon
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

    /// The lexicon with word frequencies.
    pub fn with_frequencies(self, frequencies: Frequencies) -> Self {
        Lexicon { frequencies, ..self }
    }

    pub fn frequencies(&self) -> &Frequencies {
        &self.frequencies
    }

    /// Whether a folded stem is known to keep its first letter.
    pub fn is_known(&self, stem: &str) -> bool {
        self.get(hash_word(stem)) & flag::KNOWN != 0
    }
}

/// Linear probing in an open-addressing table of `size` slots (a power of
/// two) whose slot `at` holds key `key_at(at)`, 0 when empty: the slot of
/// `key` (never 0), or the empty slot where it would go.
#[inline]
pub(crate) fn probe(size: usize, key: u32, key_at: impl Fn(usize) -> u32) -> usize {
    let mask = size - 1;
    let mut at = key as usize & mask;
    loop {
        let found = key_at(at);
        if found == 0 || found == key {
            return at;
        }
        at = (at + 1) & mask;
    }
}

/// Starts loading the cache line at `address`: the weight table and the
/// frequency list are larger than the CPU's caches, and a token's look-ups
/// land all over them, so their misses are best waited for together rather
/// than one by one.
#[inline]
pub(crate) fn prefetch<T>(address: *const T) {
    // SAFETY: SSE is part of every x86-64 CPU, and a prefetch is only a hint:
    // it reads nothing the program sees and never faults.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address.cast())
    };
    // WebAssembly has no prefetch: there the look-ups wait in turn.
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}

/// Hashes are stored with 0 meaning "empty"; 0 itself becomes 1.
pub fn nonzero(key: u32) -> u32 {
    key.max(1)
}

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

const SYMBOL_SHAPE: u32 = 256;

/// The hash of the phrase that tokens spell, as lexicon phrases are keyed:
/// the first word's lemma, then the words.
pub fn name_hash(tokens: &[TokenInfo]) -> u32 {
    let mut hash = tokens.first().map_or(0, |t| t.lemma);
    for t in tokens.iter().skip(1) {
        hash = combine(hash, t.word);
    }
    hash
}

/// Analyses the folded words of a sentence or document.
pub fn analyse(words: &[&str], lexicon: &Lexicon, infos: &mut Vec<TokenInfo>) {
    let forms = words.iter().map(|&word| {
        let kind = tokens::kind_of(word);
        let fixed = if kind == TokenKind::Arabic { tokens::definite_stem(word) } else { 0 };
        (word, kind, fixed)
    });
    analyse_forms(forms, lexicon, infos);
}

/// [`analyse`] of a document's tokens, whose kinds and fixed proclitics the
/// tokenizer has found already.
pub fn analyse_tokens(doc: &Document, lexicon: &Lexicon, infos: &mut Vec<TokenInfo>) {
    let forms = doc.tokens.iter().map(|token| (doc.word(token), token.kind, token.stem_start - token.word.start));
    analyse_forms(forms, lexicon, infos);
}

/// Analyses words, each with its kind and the bytes of proclitics its
/// written form fixes.
fn analyse_forms<'w>(forms: impl ExactSizeIterator<Item = (&'w str, TokenKind, usize)>, lexicon: &Lexicon, infos: &mut Vec<TokenInfo>) {
    infos.clear();
    let mut lookups = Vec::with_capacity(forms.len());
    for (word, kind, fixed) in forms {
        let (info, lookup) = analyse_word(word, kind, fixed, lexicon);
        lexicon.frequencies().prefetch(lookup.stem);
        infos.push(info);
        lookups.push(lookup);
    }
    // The frequency list is megabytes: its look-ups are made apart from the
    // rest of the work, one after the other, so that their memory fetches
    // overlap (in WebAssembly too, which has no prefetch).
    let frequencies = lexicon.frequencies();
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
            let flags = lexicon.get(hash);
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
fn analyse_word(word: &str, kind: TokenKind, fixed: usize, lexicon: &Lexicon) -> (TokenInfo, FrequencyLookup) {
    let whole = hash_with_prefixes(word);
    let word_hash = whole.0;
    // Looked up once: proclitics and flags both need it.
    let word_flags = lexicon.get(word_hash);
    let is_known = |s: &str| if s.len() == word.len() { word_flags & flag::KNOWN != 0 } else { lexicon.is_known(s) };
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
        TokenKind::Punctuation => 192 | is_quote(word) as u32,
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
        flags: if lemma == word_hash { word_flags } else { word_flags | lexicon.get(lemma) },
        word_frequency: ABSENT,
        stem_frequency: ABSENT,
        article_contrast: ABSENT,
        phrase_begin: 0,
        phrase_inside: 0,
    };
    (info, lookup)
}

/// Whether a byte of UTF-8 starts a character (continuation bytes are 0b10xxxxxx).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// In one pass over a stem: its hash, the hashes of its first letters, one
/// to four (0 past its end), and its letters counted up to 8.
fn hash_with_prefixes(stem: &str) -> (u32, [u32; 4], u32) {
    let mut prefixes = [0; 4];
    let mut letters = 0usize;
    let mut hash = FNV_OFFSET;
    for &b in stem.as_bytes() {
        if starts_char(b) {
            // The hash so far is that of the letters before this one.
            if let Some(prefix) = letters.checked_sub(1).and_then(|n| prefixes.get_mut(n)) {
                *prefix = hash;
            }
            letters += 1;
        }
        hash = (hash ^ u32::from(b)).wrapping_mul(FNV_PRIME);
    }
    if let Some(prefix) = letters.checked_sub(1).and_then(|n| prefixes.get_mut(n)) {
        *prefix = hash;
    }
    (hash, prefixes, letters.min(8) as u32)
}

/// The hashes of a stem's last letters, one to four, taken from the end (0
/// past its start); a letter's bytes are hashed in their order.
fn suffix_hashes(stem: &str) -> [u32; 4] {
    let bytes = stem.as_bytes();
    let mut suffixes = [0; 4];
    let mut hash = FNV_OFFSET;
    let mut end = bytes.len();
    let step = |hash: u32, byte: u8| (hash ^ u32::from(byte)).wrapping_mul(FNV_PRIME);
    for suffix in &mut suffixes {
        // Most letters are Arabic (two bytes, the first 0b110xxxxx) or ASCII:
        // those are hashed byte by byte, without a search for their start.
        (hash, end) = match end {
            0 => break,
            _ if bytes[end - 1] < 0x80 => (step(hash, bytes[end - 1]), end - 1),
            _ if end >= 2 && bytes[end - 2] & 0xE0 == 0xC0 => (step(step(hash, bytes[end - 2]), bytes[end - 1]), end - 2),
            _ => {
                let start = bytes[..end].iter().rposition(|&b| starts_char(b)).expect("a stem starts with a character");
                (fnv(hash, &bytes[start..end]), start)
            }
        };
        *suffix = hash;
    }
    suffixes
}

/// The hash of a stem with the article toggled: `العراق` → `عراق`, `حكومه` → `الحكومه`.
fn toggled_article(stem: &str) -> u32 {
    match stem.strip_prefix("ال") {
        Some(bare) => hash_word(bare),
        None => fnv(hash_word("ال"), stem.as_bytes()),
    }
}

/// The bit of a frequency class byte set when a spelling dictionary knows the word.
pub const DICTIONARY_WORD: u8 = 0x80;

/// The frequency class of words not in the list.
const ABSENT: u8 = 255;

/// A frequency class byte without its dictionary bit.
fn frequency_class(class: u8) -> u8 {
    if class == ABSENT {
        class
    } else {
        class & !DICTIONARY_WORD
    }
}

/// 1 if a frequency class byte says that a spelling dictionary knows the word.
fn spelled(class: u8) -> u32 {
    u32::from(class != ABSENT && class & DICTIONARY_WORD != 0)
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

    fn lexicon() -> Lexicon {
        Lexicon::new([
            (hash_word("بغداد"), flag::KNOWN | flag::LOCATION),
            (hash_word("العراق"), flag::LOCATION),
            (hash_word("الامم"), flag::PREFIX),
            (hash_phrase(["الامم", "المتحده"]), flag::ORGANISATION),
        ])
    }

    #[test]
    fn lexicon_looks_up_hashes_and_merges_flags() {
        let lexicon = Lexicon::new([(hash_word("a"), flag::KNOWN), (hash_word("a"), flag::TITLE), (0, flag::SPEECH)]);
        assert_eq!(lexicon.get(hash_word("a")), flag::KNOWN | flag::TITLE);
        assert_eq!(lexicon.get(0), flag::SPEECH);
        assert_eq!(lexicon.get(hash_word("b")), 0);
        assert_eq!(lexicon.len(), 2);
    }

    #[test]
    fn known_stems_decide_proclitics_and_lists_match_through_them() {
        let words = ["وبغداد", "بغداد", "للعراق", "للامم", "المتحده", "قال"];
        let mut infos = Vec::new();
        analyse(&words, &lexicon(), &mut infos);
        let proclitics: Vec<u32> = infos.iter().map(|t| t.proclitics).collect();
        assert_eq!(proclitics, [2, 0, 2, 2, 0, 0]);
        assert_eq!(infos[0].flags & flag::LOCATION, flag::LOCATION);
        assert_eq!(infos[2].flags & flag::LOCATION, flag::LOCATION, "للعراق is looked up as العراق");
        assert_eq!(infos[3].phrase_begin, flag::ORGANISATION);
        assert_eq!(infos[4].phrase_inside, flag::ORGANISATION);
        assert_eq!(infos[5].phrase_inside, 0);
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

    #[test]
    fn a_common_noun_takes_the_article_and_a_name_does_not() {
        let print = |word| Frequencies::fingerprint(hash_word(word));
        let known = DICTIONARY_WORD;
        let frequencies = Frequencies::new([(print("حكومه"), 8 | known), (print("الحكومه"), 7 | known), (print("بغداد"), 8), (print("وبغداد"), 10)]);
        let lexicon = Lexicon::new([(hash_word("بغداد"), flag::KNOWN)]).with_frequencies(frequencies);
        let mut infos = Vec::new();
        analyse(&["حكومه", "الحكومه", "وبغداد", "غوتيريش"], &lexicon, &mut infos);
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
    fn prefixes_and_suffixes_hash_whole_letters() {
        for stem in ["", "ب", "بغداد", "ab", "a😀€bcd", "٪€"] {
            let letters: Vec<&str> = stem.char_indices().map(|(at, c)| &stem[at..at + c.len_utf8()]).collect();
            // The first or last `n` letters, the last ones taken from the end.
            let expected = |n: usize, from_end: bool| {
                if n > letters.len() {
                    return 0;
                }
                let taken: Vec<&str> = if from_end { letters[letters.len() - n..].iter().rev().copied().collect() } else { letters[..n].to_vec() };
                hash_bytes(taken.concat().as_bytes())
            };
            let (hash, prefixes, count) = hash_with_prefixes(stem);
            assert_eq!(hash, hash_word(stem));
            assert_eq!(count as usize, letters.len().min(8));
            assert_eq!(prefixes, std::array::from_fn(|n| expected(n + 1, false)), "{stem:?}");
            assert_eq!(suffix_hashes(stem), std::array::from_fn(|n| expected(n + 1, true)), "{stem:?}");
        }
    }

    #[test]
    fn a_documents_tokens_analyse_as_their_words() {
        let doc = Document::new("وبالعراق قال، في 2003: «للعراق» وبغداد 😀 U.S. والولايات فلله");
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.word(t)).collect();
        let (mut from_words, mut from_tokens) = (Vec::new(), Vec::new());
        analyse(&words, &lexicon(), &mut from_words);
        analyse_tokens(&doc, &lexicon(), &mut from_tokens);
        for i in 0..words.len() {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            features(&from_words, i, &mut a);
            features(&from_tokens, i, &mut b);
            assert_eq!((a, from_words[i].proclitics), (b, from_tokens[i].proclitics), "{}", words[i]);
        }
    }

    #[test]
    fn features_depend_on_the_neighbours_only_within_the_window() {
        let lexicon = lexicon();
        let keys = |words: &[&str], i| {
            let mut infos = Vec::new();
            analyse(words, &lexicon, &mut infos);
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
