//! Normalisation for matching, with a map back to the original text.
//!
//! Arabic is written with optional marks (harakat, shadda, tatweel), several
//! spellings of alef, ya and ta marbuta, three sets of digits and invisible
//! bidi/joiner controls. Matching works on one folded form; every byte of that
//! form remembers where it came from, so entities are reported on the
//! original characters.

use std::ops::Range;

/// Text folded for matching, with the origin of each of its bytes.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    original: &'a str,
    folded: String,
    /// `origin[i]` is the original byte offset of the character that produced
    /// folded byte `i`; `origin[folded.len()]` is `original.len()`.
    origin: Vec<u32>,
}

/// What one original character becomes in the folded text.
enum Fold {
    Keep,
    Drop,
    One(char),
    Two(char, char),
}

impl<'a> Normalized<'a> {
    /// Folds `original`. Offsets are kept as `u32`, so texts are limited to 4 GiB.
    pub fn new(original: &'a str) -> Self {
        let mut folded = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut at = 0;
        while at < original.len() {
            // Most of a text is runs of characters that fold to themselves:
            // each is copied whole, every byte's origin the start of its
            // character. Those characters take one byte or two, so a
            // continuation byte (0b10xxxxxx) is the second of its character.
            let run_end = self_folding_run_end(original.as_bytes(), at);
            folded.push_str(&original[at..run_end]);
            let run = original.as_bytes()[at..run_end].iter().zip(at as u32..);
            origin.extend(run.map(|(&byte, offset)| offset - u32::from(byte & 0xC0 == 0x80)));
            let Some(c) = original[run_end..].chars().next() else { break };
            let added = push_folded(c, &mut folded);
            origin.extend(std::iter::repeat_n(run_end as u32, added));
            at = run_end + c.len_utf8();
        }
        origin.push(original.len() as u32);
        Normalized { original, folded, origin }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The text this was folded from.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Maps a byte range of the folded text to the original text. Marks that
    /// follow the last character (a final harakah) belong to the span; invisible
    /// controls after it do not.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin[folded.start] as usize;
        if folded.is_empty() {
            return start..start;
        }
        let last_start = self.origin[folded.end - 1] as usize;
        let mut end = self.origin[folded.end] as usize;
        while end > last_start {
            let Some(c) = self.original[..end].chars().next_back() else { break };
            if !is_invisible_control(c) {
                break;
            }
            end -= c.len_utf8();
        }
        start..end
    }
}

/// Text folded for matching, without the map back (for keys of lists).
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        // As in `Normalized::new`: runs that fold to themselves are copied whole.
        let run_end = self_folding_run_end(text.as_bytes(), at);
        folded.push_str(&text[at..run_end]);
        let Some(c) = text[run_end..].chars().next() else { break };
        push_folded(c, &mut folded);
        at = run_end + c.len_utf8();
    }
    folded
}

/// Appends what one character folds to; returns how many bytes that is.
#[inline]
fn push_folded(c: char, out: &mut String) -> usize {
    let before = out.len();
    if folds_to_itself(c) {
        out.push(c);
        return out.len() - before;
    }
    match fold_char(c) {
        Fold::Keep => out.push(c),
        Fold::Drop => {}
        Fold::One(f) => out.push(f),
        Fold::Two(f, g) => {
            out.push(f);
            out.push(g);
        }
    }
    out.len() - before
}

/// Most characters of a text are ASCII or Arabic letters that stay as they
/// are: one test instead of `fold_char`'s many.
fn folds_to_itself(c: char) -> bool {
    c.is_ascii() || is_kept_arabic_letter(c)
}

/// The letters of the Arabic alphabet that folding keeps (not the alef
/// with hamza or madda, ta marbuta, alef maqsura or tatweel).
const fn is_kept_arabic_letter(c: char) -> bool {
    matches!(c, 'ء' | 'ؤ' | 'ئ'..='ب' | 'ت'..='غ' | 'ف'..='و' | 'ي')
}

/// Where the run of characters that fold to themselves from byte `at` (a
/// character boundary) of UTF-8 `text` ends, found bytewise: ASCII, and the
/// kept Arabic letters, all two bytes led by 0xD8 or 0xD9.
fn self_folding_run_end(text: &[u8], mut at: usize) -> usize {
    /// Bit `b & 0x3F` is set for the kept letters led by 0xD8 (U+0600..U+063F) and 0xD9 (U+0640..U+067F) whose second byte is `b`.
    const fn kept_letters(lead: u32) -> u64 {
        let mut mask = 0;
        let mut low = 0;
        while low < 64 {
            if let Some(c) = char::from_u32((lead & 0x1F) << 6 | low) {
                if is_kept_arabic_letter(c) {
                    mask |= 1 << low;
                }
            }
            low += 1;
        }
        mask
    }
    const KEPT_AFTER_D8: u64 = kept_letters(0xD8);
    const KEPT_AFTER_D9: u64 = kept_letters(0xD9);
    while let Some(&byte) = text.get(at) {
        let kept = match byte {
            0..0x80 => {
                at += 1;
                continue;
            }
            0xD8 => KEPT_AFTER_D8,
            0xD9 => KEPT_AFTER_D9,
            _ => 0,
        };
        // A lead byte is followed by its continuation byte.
        if kept >> (text[at + 1] & 0x3F) & 1 == 0 {
            break;
        }
        at += 2;
    }
    at
}

/// Folds one character of text for matching.
fn fold_char(c: char) -> Fold {
    match c {
        // Harakat, Quranic marks, superscript alef and tatweel carry no identity.
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' | '\u{0640}' => Fold::Drop,
        c if is_invisible_control(c) => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Fold::One('ا'),
        'ى' | 'ی' => Fold::One('ي'),
        'ة' => Fold::One('ه'),
        'ک' | 'ڪ' => Fold::One('ك'),
        // Persian- and Urdu-style heh (ھ ە), as Arabic text from those keyboards writes ه.
        'ھ' | 'ە' => Fold::One('ه'),
        '٠'..='٩' => Fold::One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '۰'..='۹' => Fold::One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '٫' => Fold::One('.'),
        '٬' => Fold::One(','),
        '\u{FE70}'..='\u{FE7F}' => Fold::Drop,
        '\u{FE80}'..='\u{FEFC}' => presentation_form(c),
        '\u{FDF2}' => Fold::Keep, // ﷲ has no simple letter sequence that matching needs
        _ => Fold::Keep,
    }
}

/// Zero-width joiners, bidi marks and embeddings, the byte order mark.
fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// Arabic Presentation Forms-B: each letter's isolated, final, initial and
/// medial shapes, in code point order, folded to the letter.
fn presentation_form(c: char) -> Fold {
    const LETTERS: [(char, u32); 36] = [
        ('ء', 1), ('ا', 2), ('ا', 2), ('ؤ', 2), ('ا', 2), ('ئ', 4), ('ا', 2), ('ب', 4), ('ه', 2), ('ت', 4),
        ('ث', 4), ('ج', 4), ('ح', 4), ('خ', 4), ('د', 2), ('ذ', 2), ('ر', 2), ('ز', 2), ('س', 4), ('ش', 4),
        ('ص', 4), ('ض', 4), ('ط', 4), ('ظ', 4), ('ع', 4), ('غ', 4), ('ف', 4), ('ق', 4), ('ك', 4), ('ل', 4),
        ('م', 4), ('ن', 4), ('ه', 4), ('و', 2), ('ي', 2), ('ي', 4),
    ];
    let mut offset = c as u32 - 0xFE80;
    for (letter, shapes) in LETTERS {
        if offset < shapes {
            return Fold::One(letter);
        }
        offset -= shapes;
    }
    // FEF5..FEFC: the four lam-alef ligatures, two shapes each.
    Fold::Two('ل', 'ا')
}

/// Converts sorted byte offsets of `text` to UTF-16 code unit offsets in one pass.
pub struct Utf16Offsets<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Offsets<'a> {
    /// Offsets into `text`, from its start.
    pub fn new(text: &'a str) -> Self {
        Utf16Offsets { text, byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `at`, which must be on a character
    /// boundary. Each call walks from the offset asked before, so offsets
    /// asked in (nearly) increasing order cost one pass in total.
    pub fn at(&mut self, at: usize) -> usize {
        // One unit a character (a byte that does not continue one), two for
        // a character of four bytes: counted over bytes in byte-sized sums
        // (at most 2 × 127), which vectorise.
        let units = |s: &str| -> usize {
            let unit = |b: u8| u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0);
            s.as_bytes().chunks(127).map(|chunk| usize::from(chunk.iter().fold(0u8, |sum, &b| sum + unit(b)))).sum()
        };
        if at >= self.byte {
            self.unit += units(&self.text[self.byte..at]);
        } else {
            self.unit -= units(&self.text[at..self.byte]);
        }
        self.byte = at;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_code_units() {
        // Characters of one to four bytes, over more than one 127-byte chunk.
        let text = &"a صدّام 😀 ﻻ\u{10FFFF}é".repeat(20);
        let mut units = Utf16Offsets::new(text);
        let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        // Increasing, then back again: both directions.
        boundaries.extend(boundaries.clone().into_iter().rev());
        for at in boundaries {
            assert_eq!(units.at(at), text[..at].encode_utf16().count(), "at byte {at}");
        }
        // Whole chunks at a time.
        assert_eq!(units.at(text.len()), text.encode_utf16().count());
        assert_eq!(units.at(0), 0);
    }

    #[test]
    fn folds_marks_alef_ya_ta_marbuta_and_digits() {
        let n = Normalized::new("صدّام أحمد إلى مدرسة ٢٠٢٣ ۱۹ عَلِيٌّ ـــ");
        assert_eq!(n.as_str(), "صدام احمد الي مدرسه 2023 19 علي ");
    }

    #[test]
    fn persian_style_letters_fold_to_arabic_ones() {
        // کیم جونگ اون, and a heh doachashmee (ھ) as in ھاشمی.
        assert_eq!(Normalized::new("کیم ھاشمی ڪ ە").as_str(), "كيم هاشمي ك ه");
    }

    #[test]
    fn folding_without_a_map_is_the_same_text() {
        let text = "صدّام أحمد إلى ﻻ ٢٠٢٣\u{200F}";
        assert_eq!(fold(text), Normalized::new(text).as_str());
    }

    #[test]
    fn self_folding_runs_end_at_the_first_character_that_folds() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}ب");
            let expected = if folds_to_itself(c) { text.len() } else { 1 };
            assert_eq!(self_folding_run_end(text.as_bytes(), 0), expected, "{c:?}");
        }
    }

    #[test]
    fn kept_letters_are_what_folding_keeps() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| folds_to_itself(c)) {
            assert!(matches!(fold_char(c), Fold::Keep), "{c:?}");
        }
    }

    #[test]
    fn presentation_forms_fold_to_letters() {
        // ﺑﻐﺪﺍﺩ in presentation forms, and the lam-alef ligature ﻻ.
        let n = Normalized::new("\u{FE91}\u{FED0}\u{FEAA}\u{FE8D}\u{FEA9} \u{FEFB}");
        assert_eq!(n.as_str(), "بغداد لا");
        assert_eq!(n.original_range(11..15), 16..19);
    }

    #[test]
    fn map_back_covers_inner_and_final_marks_but_not_controls() {
        let text = "بِصدّامٌ\u{200F} هنا";
        let n = Normalized::new(text);
        assert_eq!(n.as_str(), "بصدام هنا");
        // The folded stem "صدام" starts after ب.
        let stem = 2..10;
        assert_eq!(&n.as_str()[stem.clone()], "صدام");
        let back = n.original_range(stem);
        assert_eq!(&text[back], "صدّامٌ");
    }

    #[test]
    fn every_folded_byte_maps_to_a_character_boundary() {
        let text = "a😀ﻻ\u{200D}ب٣";
        let n = Normalized::new(text);
        for i in 0..=n.as_str().len() {
            assert!(text.is_char_boundary(n.origin[i] as usize));
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_fold_as_characters_do(text in "[ -~\u{0600}-\u{06FF}\u{FE70}-\u{FEFF}\u{200B}-\u{200F}😀é]{0,40}") {
            // Character by character, every folded byte's origin is its character's start.
            let (mut folded, mut origin) = (String::new(), Vec::new());
            for (at, c) in text.char_indices() {
                let added = push_folded(c, &mut folded);
                origin.extend(std::iter::repeat_n(at as u32, added));
            }
            origin.push(text.len() as u32);
            let n = Normalized::new(&text);
            proptest::prop_assert_eq!(n.as_str(), folded.as_str());
            proptest::prop_assert_eq!(&n.origin, &origin);
        }
    }
}
