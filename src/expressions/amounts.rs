//! Amounts: money (a number with a currency name or symbol), percentages and
//! counts of things (a number and the noun it counts).
//!
//! Values are numbers with their scale applied (2.5 مليار → 2500000000).
//! MONEY says its currency's name as `unit` and its ISO 4217 `currency` code
//! where the text fixes it; QUANTITY says the singular of what it counts as
//! `unit` (أربعة أيام → يوم, 2500 عنصر → عنصر).

use super::tables::Currency;
use super::{starts, text_from, word_start, Expressions, Found};
use crate::mention::Detail;
use crate::tokens::TokenKind;
use crate::mention::{Label, Value};
use crate::Document;

impl Expressions {
    /// The amount at token `i`, its first word read from byte `from`.
    pub(super) fn amount_at(&self, doc: &Document, i: usize, from: usize) -> Option<Found> {
        // A symbol before the number: $100.
        if let Some((currency, n)) = self.currency_symbols.at(doc, i, from) {
            let number = self.number_at(doc, i + n, word_start(doc, i + n)?)?;
            return Some(money(doc, from, number.end, number.value, currency));
        }
        let number = self.number_at(doc, i, from)?;
        let t = number.end;
        let at = word_start(doc, t)?;
        if let Some(((), n)) = self.percent.at(doc, t, at) {
            return Some(Found::new(doc, from, t + n, Label::PERCENT, Some(Value::Number(number.value)), Detail::default()));
        }
        if let Some((currency, n)) = self.currency_symbols.at(doc, t, at).or_else(|| self.currencies.at(doc, t, at)) {
            return Some(money(doc, from, t + n, number.value, currency));
        }
        let unit = self.counted_noun(doc, t, number.value)?;
        let detail = Detail { unit: Some(unit), ..Detail::default() };
        Some(Found::new(doc, from, t + 1, Label::QUANTITY, Some(Value::Number(number.value)), detail))
    }

    /// The singular of the noun at token `t` if it is what a number counts:
    /// an indefinite Arabic word that is not a function word nor itself a number.
    fn counted_noun(&self, doc: &Document, t: usize, count: f64) -> Option<String> {
        let token = doc.tokens.get(t)?;
        let word = doc.word(token);
        let plain = token.kind == TokenKind::Arabic && word.chars().all(crate::tokens::is_arabic_letter);
        if !plain || word.starts_with("ال") || word.chars().count() < 2 {
            return None;
        }
        // Function words, numbers and the words of dates, also behind proclitics (بتاريخ، وفي).
        let other = starts(doc, t).into_iter().flatten().any(|from| {
            let word = text_from(doc, t, from);
            self.not_counted.get(word).is_some()
                || self.number_words.get(word).is_some()
                || self.percent.get(word).is_some()
                || self.months.get(word).is_some()
                || self.cues.get(word).is_some()
        });
        if other {
            return None;
        }
        if let Some(singular) = self.units.get(word) {
            return Some(singular.to_string());
        }
        // The noun as written, marks dropped; after 11 to 99 it is accusative
        // (عنصراً) and its alef of tanween is not part of the word.
        let original = doc.text.original();
        let mut noun: String = original[doc.text.original_range(token.word.clone())].chars().filter(|&c| !is_harakah(c)).collect();
        let accusative = (11.0..100.0).contains(&count) && count.fract() == 0.0;
        if accusative && noun.ends_with('ا') && noun.chars().count() > 2 {
            noun.pop();
        }
        Some(noun)
    }
}

fn money(doc: &Document, from: usize, end: usize, value: f64, currency: Currency) -> Found {
    let detail = Detail { currency: currency.code, unit: Some(currency.name.to_string()), ..Detail::default() };
    Found::new(doc, from, end, Label::MONEY, Some(Value::Number(value)), detail)
}

/// Harakat and tatweel, which a unit's spelling leaves out.
fn is_harakah(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}
