//! Numbers written in digits (already ASCII after folding, with `,` and `.`
//! for ٬ and ٫) or in words (ثلاثة آلاف، خمسة وعشرون، نصف مليون).

use super::{text_from, word_start, Expressions};
use crate::expressions::tables::NumberWord;
use crate::Document;

/// Digits at the start of a word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Digits {
    pub value: f64,
    /// No fraction was written.
    pub whole: bool,
    /// How many digits the whole part has (thousands separators not counted).
    pub whole_digits: usize,
    /// Bytes read; what follows (م in 2022م) is the caller's.
    pub len: usize,
}

/// Reads digits with separators: `,` groups thousands when every group after
/// it has three digits (1,000,000), else it is a decimal comma (2,5); `.` is
/// the decimal point.
pub fn digits(word: &str) -> Option<Digits> {
    let len = word.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(word.len());
    let written = word[..len].trim_end_matches([',', '.']);
    if !written.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Most numbers have no comma, and need no copy without it.
    let plain: std::borrow::Cow<str> = if !written.contains(',') {
        written.into()
    } else if written.split(',').skip(1).all(|g| g.split('.').next().is_some_and(|w| w.len() == 3)) {
        written.replace(',', "").into()
    } else {
        written.replacen(',', ".", 1).into()
    };
    let value: f64 = plain.parse().ok()?;
    let whole_part = plain.split('.').next().unwrap_or("");
    Some(Digits { value, whole: !plain.contains('.'), whole_digits: whole_part.len(), len: written.len() })
}

/// A number and where it ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Token index after the number.
    pub end: usize,
}

impl Expressions {
    /// The number at token `t` read from byte `from`: digits with an optional
    /// scale word (2.5 مليار), or number words.
    pub(super) fn number_at(&self, doc: &Document, t: usize, from: usize) -> Option<Number> {
        let word = text_from(doc, t, from);
        if let Some(d) = digits(word) {
            if d.len != word.len() {
                return None;
            }
            let next = word_start(doc, t + 1);
            return Some(match next.and_then(|n| self.number_words.at(doc, t + 1, n)) {
                Some((NumberWord::Scale(scale), n)) => Number { value: d.value * scale, end: t + 1 + n },
                _ => Number { value: d.value, end: t + 1 },
            });
        }
        self.number_words_at(doc, t, from)
    }

    /// Number words: units, tens and hundreds add up (خمسة وعشرون), a scale
    /// multiplies what came before it (ثلاثة آلاف), a fraction takes part of
    /// the scale after it (نصف مليون) or before it (مليون ونصف).
    fn number_words_at(&self, doc: &Document, t: usize, from: usize) -> Option<Number> {
        let (mut total, mut current, mut last_scale) = (0.0, 0.0, 0.0);
        let (mut t, mut from) = (t, from);
        let mut read = 0;
        while t < doc.tokens.len() {
            let mut found = self.number_words.at(doc, t, from);
            // Later words may join with و: وعشرون، ونصف.
            let joined = found.is_none() && read > 0 && text_from(doc, t, from).starts_with('و');
            if joined {
                found = self.number_words.at(doc, t, from + 'و'.len_utf8());
            }
            let Some((word, n)) = found else { break };
            match word {
                NumberWord::Add(v) => current += v,
                NumberWord::Hundred if (1.0..10.0).contains(&current) => current *= 100.0,
                NumberWord::Hundred => current += 100.0,
                NumberWord::Scale(s) => {
                    total += if current == 0.0 { 1.0 } else { current } * s;
                    current = 0.0;
                    last_scale = s;
                }
                NumberWord::Fraction(f) if read == 0 => current = f,
                NumberWord::Fraction(f) if joined && current == 0.0 && last_scale > 0.0 => total += f * last_scale,
                NumberWord::Fraction(_) => break,
            }
            read += 1;
            t += n;
            match word_start(doc, t) {
                Some(start) => from = start,
                None => break,
            }
        }
        (read > 0).then_some(Number { value: total + current, end: t })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_separators() {
        let value = |w: &str| digits(w).map(|d| (d.value, d.whole, d.len));
        assert_eq!(value("2500"), Some((2500.0, true, 4)));
        assert_eq!(value("2.5"), Some((2.5, false, 3)));
        assert_eq!(value("1,000,000"), Some((1e6, true, 9)));
        assert_eq!(value("2,5"), Some((2.5, false, 3)));
        assert_eq!(value("1,250.75"), Some((1250.75, false, 8)));
        assert_eq!(value("2022م"), Some((2022.0, true, 4)));
        assert_eq!(value("2017،"), Some((2017.0, true, 4)));
        assert_eq!(value("م"), None);
    }

    #[test]
    fn arabic_indic_and_persian_digits_arrive_folded() {
        let doc = Document::new("١٬٥٠٠ ۲٫۵");
        let words: Vec<_> = doc.tokens.iter().map(|t| digits(doc.word(t)).map(|d| d.value)).collect();
        assert_eq!(words, [Some(1500.0), Some(2.5)]);
    }

    #[test]
    fn number_words_add_multiply_and_take_fractions() {
        let ex = Expressions::new();
        let cases = [
            ("ثلاثة", 3.0),
            ("عشرين", 20.0),
            ("خمسة وعشرون", 25.0),
            ("ثلاثة عشر", 13.0),
            ("أحد عشر", 11.0),
            ("مئة", 100.0),
            ("مائة", 100.0),
            ("ثلاث مئة", 300.0),
            ("ثلاثمائة وخمسون", 350.0),
            ("ألفين", 2000.0),
            ("ألف", 1000.0),
            ("ثلاثة آلاف", 3000.0),
            ("مئة ألف", 100_000.0),
            ("مليون", 1e6),
            ("مليار", 1e9),
            ("نصف", 0.5),
            ("نصف مليون", 500_000.0),
            ("مليون ونصف", 1_500_000.0),
            ("ألفين وخمسمئة", 2500.0),
        ];
        for (text, value) in cases {
            let doc = Document::new(text);
            let found = ex.number_at(&doc, 0, 0);
            assert_eq!(found, Some(Number { value, end: doc.tokens.len() }), "{text}");
        }
    }

    #[test]
    fn digits_take_a_scale_word() {
        let ex = Expressions::new();
        let doc = Document::new("2.5 مليار دولار");
        assert_eq!(ex.number_at(&doc, 0, 0), Some(Number { value: 2.5e9, end: 2 }));
    }
}
