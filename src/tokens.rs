//! Words of the folded text, each with the span of its stem after proclitics.
//!
//! Arabic writes the conjunctions و ف, the prepositions ب ك ل and the article
//! ال onto the next word (`وبغداد`, `للعراق`). An entity covers the stem, so
//! every token knows where its stem starts. Where the written form alone does
//! not tell (`بغداد` is a name, not ب + غداد), the default keeps the word
//! whole and [`Token::stem_with`] lets a lexicon decide.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Arabic letters (and marks).
    Arabic,
    /// Latin letters.
    Latin,
    /// Digits, with their separators.
    Number,
    /// Punctuation, quotation marks among it.
    Punctuation,
    /// Anything else: emoji, symbols.
    Other,
}

/// One word of the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The whole written word, as a byte range of the folded text.
    pub word: Range<usize>,
    /// Where the stem starts (after proclitics); `stem_start == word.start` when there are none.
    pub stem_start: usize,
    /// What the word is made of.
    pub kind: TokenKind,
}

impl Token {
    /// The stem as a byte range of the folded text.
    pub fn stem(&self) -> Range<usize> {
        self.stem_start..self.word.end
    }

    /// Length of the proclitics in bytes, decided by `is_known` where the
    /// written form is ambiguous: the word is kept whole if it is known, else
    /// the shortest proclitic run whose remainder is known is split off.
    pub fn stem_with(&self, text: &str, is_known: impl Fn(&str) -> bool) -> usize {
        if self.stem_start > self.word.start {
            return self.stem_start;
        }
        self.word.start + proclitic_length(&text[self.word.clone()], is_known)
    }
}

/// Length in bytes of the proclitics of one folded word: the ones its written
/// form fixes (before the article, inside لل), else, where the form is
/// ambiguous, none if `is_known(word)`, or the shortest run whose remainder
/// is known, or none.
pub fn proclitic_length(word: &str, is_known: impl Fn(&str) -> bool) -> usize {
    if kind_of(word) != TokenKind::Arabic {
        return 0;
    }
    arabic_proclitic_length(word, definite_stem(word), is_known)
}

/// [`proclitic_length`] of an Arabic word whose written form fixes `fixed`
/// bytes of proclitics (as [`Token::stem_start`] has them).
pub(crate) fn arabic_proclitic_length(word: &str, fixed: usize, is_known: impl Fn(&str) -> bool) -> usize {
    if fixed > 0 || is_known(word) {
        return fixed;
    }
    proclitic_runs(word).find(|&n| is_known(&word[n..])).unwrap_or(0)
}

/// Splits folded text into tokens, skipping white space: the words of
/// Unicode's word boundaries (UAX #29).
pub fn tokenize(folded: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(folded.len() / 6);
    let push_segmented = |tokens: &mut Vec<Token>, part: Range<usize>| {
        let words = folded[part.clone()].split_word_bound_indices().filter(|(_, w)| !w.chars().all(char::is_whitespace));
        tokens.extend(words.map(|(at, w)| token(folded, part.start + at..part.start + at + w.len(), kind_of(w))));
    };
    // UAX #29 breaks before a space that follows a letter, digit or other
    // plain character, and after spaces before a letter or digit. So the text
    // splits there into pieces (spaces, then what follows them up to the next
    // space); most pieces are one run of letters and digits, which is one
    // word. Only the rest needs the full rules.
    let mut needs_rules: Option<usize> = None;
    let mut after_plain = true;
    let mut at = 0;
    while at < folded.len() {
        let run_start = at + folded[at..].bytes().take_while(|&b| b == b' ').count();
        let (run_end, simple) = simple_word_run(folded.as_bytes(), run_start);
        let run = &folded[run_start..run_end];
        match simple.filter(|_| after_plain) {
            Some(kind) => {
                if let Some(start) = needs_rules.take() {
                    push_segmented(&mut tokens, start..at);
                }
                tokens.push(token(folded, run_start..run_end, kind));
            }
            None => {
                needs_rules.get_or_insert(at);
            }
        }
        // A simple word ends in a letter or digit.
        after_plain = simple.is_some() || run.chars().next_back().is_some_and(|c| c.is_ascii() || is_basic_arabic_letter(c) || is_punctuation(c));
        at = run_end;
    }
    if let Some(start) = needs_rules {
        push_segmented(&mut tokens, start..folded.len());
    }
    tokens
}

fn token(folded: &str, word: Range<usize>, kind: TokenKind) -> Token {
    let stem = if kind == TokenKind::Arabic { definite_stem(&folded[word.clone()]) } else { 0 };
    Token { stem_start: word.start + stem, word, kind }
}

/// The run of UTF-8 `text` from byte `start` (a character boundary) up to the
/// next space or the end: where it ends, and its kind if it is a single word
/// by UAX #29's rules for letters and digits (WB5, WB8 to WB10): Arabic
/// letters (none of them a mark), ASCII letters and digits, at least one;
/// `None` for anything else. Read bytewise: those Arabic letters are two
/// bytes, led by 0xD8 to 0xDB.
fn simple_word_run(text: &[u8], start: usize) -> (usize, Option<TokenKind>) {
    /// Bit `b & 0x3F` is set for the letters led by `lead` whose second byte is `b`.
    const fn letters_led_by(lead: u32) -> u64 {
        let mut mask = 0;
        let mut low = 0;
        while low < 64 {
            if let Some(c) = char::from_u32((lead & 0x1F) << 6 | low) {
                if is_basic_arabic_letter(c) {
                    mask |= 1 << low;
                }
            }
            low += 1;
        }
        mask
    }
    const LETTERS: [u64; 4] = [letters_led_by(0xD8), letters_led_by(0xD9), letters_led_by(0xDA), letters_led_by(0xDB)];
    let (mut arabic, mut simple) = (false, true);
    let mut at = start;
    while let Some(&byte) = text.get(at) {
        match byte {
            b' ' => break,
            0..0x80 => simple &= byte.is_ascii_alphanumeric(),
            0xD8..=0xDB if simple => {
                // A lead byte is followed by its continuation byte.
                let letter = LETTERS[usize::from(byte - 0xD8)] >> (text[at + 1] & 0x3F) & 1 != 0;
                arabic |= letter;
                simple &= letter;
                at += 1;
            }
            _ => simple = false,
        }
        at += 1;
    }
    // As [`kind_of`] would say of these characters.
    let kind = match text.get(start) {
        Some(_) if !simple => None,
        Some(_) if arabic => Some(TokenKind::Arabic),
        Some(first) if first.is_ascii_digit() => Some(TokenKind::Number),
        Some(_) => Some(TokenKind::Latin),
        None => None,
    };
    (at, kind)
}

/// Arabic letters that UAX #29 counts as ALetter: the letters of the Arabic
/// block (without tatweel and marks), which folded text is mostly made of.
const fn is_basic_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// What a word is made of, by its characters.
pub fn kind_of(word: &str) -> TokenKind {
    let first = word.chars().next().unwrap_or(' ');
    // Arabic letters are two bytes in UTF-8, led by 0xD8 to 0xDD (never a
    // continuation byte): only characters so led are decoded.
    let arabic = word.as_bytes().windows(2).any(|pair| {
        matches!(pair[0], 0xD8..=0xDD) && char::from_u32(u32::from(pair[0] & 0x1F) << 6 | u32::from(pair[1] & 0x3F)).is_some_and(is_arabic_letter)
    });
    if arabic {
        TokenKind::Arabic
    } else if first.is_ascii_digit() {
        TokenKind::Number
    } else if first.is_ascii_punctuation() || is_punctuation(first) {
        // Tested before letters, whose test is slower: no mark is a letter.
        TokenKind::Punctuation
    } else if first.is_alphabetic() {
        TokenKind::Latin
    } else {
        TokenKind::Other
    }
}

/// Letters of the Arabic script (marks are gone after folding).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}')
}

fn is_punctuation(c: char) -> bool {
    matches!(c, '،' | '؛' | '؟' | '«' | '»' | '“' | '”' | '‘' | '’' | '‹' | '›' | '–' | '—' | '…' | '٪')
}

/// Proclitic runs in the order they attach: an optional conjunction, then an
/// optional preposition.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ك', 'ل'];
/// A stem keeps at least this many letters.
const MIN_STEM: usize = 2;

/// Byte lengths of the proclitic runs that `word` could start with, shortest
/// first, each leaving a stem of at least [`MIN_STEM`] letters.
pub fn proclitic_runs(word: &str) -> impl Iterator<Item = usize> + '_ {
    let conj = leading(word, &CONJUNCTIONS);
    let prep = leading(word, &PREPOSITIONS);
    let conj_prep = conj.and_then(|c| leading(&word[c..], &PREPOSITIONS).map(|p| c + p));
    [conj, prep, conj_prep].into_iter().flatten().filter(move |&n| has_letters(&word[n..], MIN_STEM))
}

/// The first of [`proclitic_runs`], without making them all: a word starts
/// with a conjunction or a preposition, not both, and a longer run leaves a
/// shorter stem.
pub fn shortest_proclitic_run(word: &str) -> Option<usize> {
    leading(word, &CONJUNCTIONS).or_else(|| leading(word, &PREPOSITIONS)).filter(|&n| has_letters(&word[n..], MIN_STEM))
}

/// The rest of `word` after a conjunction (و ف) that it starts with.
pub fn after_conjunction(word: &str) -> Option<&str> {
    conjunction_length(word).map(|n| &word[n..])
}

/// The byte length of a conjunction (و ف) that `word` starts with.
pub fn conjunction_length(word: &str) -> Option<usize> {
    leading(word, &CONJUNCTIONS)
}

/// The byte length of a preposition (ب ك ل) that `word` starts with.
pub fn preposition_length(word: &str) -> Option<usize> {
    leading(word, &PREPOSITIONS)
}

/// Whether `word` has at least `n` characters (without counting them all).
fn has_letters(word: &str, n: usize) -> bool {
    // Characters counted by their first bytes, without decoding them.
    word.bytes().filter(|&b| b & 0xC0 != 0x80).take(n).count() == n
}

/// The byte length of `word`'s first character if it is one of `set`.
fn leading(word: &str, set: &[char]) -> Option<usize> {
    set.iter().find(|&&c| word.starts_with(c)).map(|c| c.len_utf8())
}

/// The stem offset that the written form fixes: before the article
/// (`وبالعراق` → `العراق`) or inside the لل contraction (`للعراق` → `لعراق`).
/// Other words are kept whole.
pub(crate) fn definite_stem(word: &str) -> usize {
    let conj = leading(word, &CONJUNCTIONS).unwrap_or(0);
    let rest = &word[conj..];
    let has_stem = |s: &str, article: usize| has_letters(s, article + MIN_STEM);
    if rest.starts_with("لل") && has_stem(rest, 2) {
        // ل + ال contracts to لل: the article's lam stays in the stem.
        return conj + 'ل'.len_utf8();
    }
    let prep = leading(rest, &PREPOSITIONS).unwrap_or(0);
    let stem = &rest[prep..];
    if stem.starts_with("ال") && has_stem(stem, 2) {
        conj + prep
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.stem()]).collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        let text = "قال أوستن، في 2003: «نعم»";
        let words: Vec<_> = tokenize(text).into_iter().map(|t| (&text[t.word], t.kind)).collect();
        assert_eq!(
            words,
            [
                ("قال", TokenKind::Arabic),
                ("أوستن", TokenKind::Arabic),
                ("،", TokenKind::Punctuation),
                ("في", TokenKind::Arabic),
                ("2003", TokenKind::Number),
                (":", TokenKind::Punctuation),
                ("«", TokenKind::Punctuation),
                ("نعم", TokenKind::Arabic),
                ("»", TokenKind::Punctuation),
            ]
        );
    }

    #[test]
    fn the_written_form_fixes_stems_before_the_article() {
        assert_eq!(
            stems("والعراق بالعراق وبالعراق للعراق فللعراق العراق لله كالبحر"),
            ["العراق", "العراق", "العراق", "لعراق", "لعراق", "العراق", "لله", "البحر"]
        );
    }

    #[test]
    fn ambiguous_words_stay_whole_by_default() {
        assert_eq!(stems("وبغداد بغداد لواشنطن فرنسا"), ["وبغداد", "بغداد", "لواشنطن", "فرنسا"]);
    }

    #[test]
    fn a_lexicon_decides_ambiguous_proclitics() {
        let known = |w: &str| ["بغداد", "واشنطن", "فرنسا"].contains(&w);
        let text = "وبغداد بغداد لواشنطن فرنسا وفرنسا بيربوك";
        let got: Vec<_> = tokenize(text).into_iter().map(|t| &text[t.stem_with(text, known)..t.word.end]).collect();
        assert_eq!(got, ["بغداد", "بغداد", "واشنطن", "فرنسا", "فرنسا", "بيربوك"]);
    }

    /// Tokens as Unicode's word boundaries give them, without the fast path.
    fn reference_tokens(text: &str) -> Vec<Token> {
        text.split_word_bound_indices()
            .filter(|(_, w)| !w.chars().all(char::is_whitespace))
            .map(|(at, w)| token(text, at..at + w.len(), kind_of(w)))
            .collect()
    }

    #[test]
    fn simple_words_are_single_words_of_unicode() {
        let letters = ('\u{0600}'..='\u{06FF}').filter(|&c| is_basic_arabic_letter(c));
        for c in letters.chain('0'..='9').chain('a'..='z').chain('A'..='Z') {
            for text in [format!("{c}"), format!("{c}{c}"), format!("ب{c}1"), format!("1{c}x"), format!("x{c}ب")] {
                assert_eq!(text.split_word_bounds().count(), 1, "{text:?} ({:04X})", c as u32);
            }
        }
    }

    #[test]
    fn a_simple_word_is_made_of_basic_arabic_letters_ascii_letters_and_digits() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| c != ' ') {
            let word = format!("ب{c}1");
            let simple = is_basic_arabic_letter(c) || c.is_ascii_alphanumeric();
            assert_eq!(simple_word_run(word.as_bytes(), 0), (word.len(), simple.then_some(TokenKind::Arabic)), "{c:?}");
        }
        assert_eq!(simple_word_run(b"12 a", 0), (2, Some(TokenKind::Number)));
        assert_eq!(simple_word_run(b"a1", 0), (2, Some(TokenKind::Latin)));
        assert_eq!(simple_word_run(b"", 0), (0, None));
    }

    #[test]
    fn tokens_are_unicode_words() {
        let pieces = [
            "بغداد", "وبالعراق", "2003", "١٩", "3.5", "a.b", "U.S.", "don't", "،", ".", ":", "«", "»", "😀", "🇮🇶🇮🇶", "\u{200D}",
            "\u{0301}", "\u{0670}", "\u{064E}", "\u{00AD}", "\u{00A0}", "\t", "\n", "\r\n", "_", "ـ", "x", "ﻻ", "א", "'", "\"",
            "カタ", "中文", "\u{3000}", "\u{3000}\u{200D}", "\u{2003}\u{0301}",
        ];
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                for sep in ["", " ", "  "] {
                    texts.push(format!("{a}{sep}{b}"));
                    texts.push(format!(" {a}{sep}{b} "));
                    texts.push(format!("{b}{sep}{a}{sep}{a}"));
                }
            }
        }
        for text in texts {
            assert_eq!(tokenize(&text), reference_tokens(&text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_tokenizes_as_unicode_words(text in "[ ا-ي0-9a-z.,:'\u{0300}\u{0670}\u{200D}\u{3000}\u{00A0}\t\n،«😀🇮]{0,24}") {
            proptest::prop_assert_eq!(tokenize(&text), reference_tokens(&text));
        }
    }

    #[test]
    fn a_word_is_arabic_if_any_of_its_characters_is_an_arabic_letter() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for word in [format!("{c}"), format!("a{c}"), format!("{c}1")] {
                assert_eq!(kind_of(&word) == TokenKind::Arabic, is_arabic_letter(c), "{word:?}");
            }
        }
    }

    #[test]
    fn punctuation_is_no_letter() {
        let marks = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| c.is_ascii_punctuation() || is_punctuation(c));
        assert!(marks.clone().count() > 40 && marks.clone().all(|c| !c.is_alphabetic()));
    }

    #[test]
    fn proclitic_runs_are_shortest_first() {
        for word in ["وبغداد", "بغداد", "وب", "وبا", "فلان", "كل", "لله", "ولله", "و", "", "بغ", "ab", "والعراق", "فبكم"] {
            assert_eq!(shortest_proclitic_run(word), proclitic_runs(word).next(), "{word}");
        }
        assert_eq!(proclitic_runs("وبغداد").collect::<Vec<_>>(), [2, 4]);
        assert_eq!(proclitic_runs("بغداد").collect::<Vec<_>>(), [2]);
        assert_eq!(proclitic_runs("وب").count(), 0);
    }
}
