//! The pipeline: recognisers in order of precedence, their finds settled,
//! names completed and made consistent across the document, quotes and their
//! speakers, groups, and the result in the input's UTF-16 offsets.

use crate::dictionary::{Dictionary, DictionaryEntry};
use crate::expressions::Expressions;
use crate::model::Model;
use crate::quotes::{self, QuoteSpan};
use crate::{consistency, groups, settle, summary};
use crate::{DateError, Document, Extraction, Mention, ModelError, Recognizer, Summary};

/// What the caller knows about a document beyond its text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The day the document was written (year, month, day).
    pub document_date: Option<(i32, u32, u32)>,
}

impl ExtractOptions {
    /// Options for a document written on an ISO 8601 day (`2023-03-07`).
    pub fn dated(iso: &str) -> Result<ExtractOptions, DateError> {
        let invalid = || DateError { given: iso.to_string() };
        let mut parts = iso.trim().splitn(3, '-');
        let mut number = |digits: usize| {
            parts.next().filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit())).and_then(|p| p.parse::<u32>().ok())
        };
        let (year, month, day) = (number(4).ok_or_else(invalid)?, number(2).ok_or_else(invalid)?, number(2).ok_or_else(invalid)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return Err(invalid()),
        };
        if !(1..=days).contains(&day) {
            return Err(invalid());
        }
        Ok(ExtractOptions { document_date: Some((year as i32, month, day)) })
    }
}

/// Runs recognisers in order of precedence and settles their finds.
pub struct Extractor {
    recognizers: Vec<Box<dyn Recognizer + Send + Sync>>,
}

/// The model shipped with alam (see `docs/model-card.md`).
pub const MODEL: &[u8] = include_bytes!("../models/alam.model");

impl Default for Extractor {
    /// Expressions and the shipped model.
    fn default() -> Self {
        Extractor::from_model_bytes(MODEL).expect("the shipped model is valid")
    }
}

impl Extractor {
    /// An extractor from a model file, after the expressions: where a date,
    /// amount or quantity overlaps a name (`100 مليون دولار` and the currency
    /// word دولار), the expression wins.
    pub fn from_model_bytes(bytes: &[u8]) -> Result<Extractor, ModelError> {
        let model = Model::from_bytes(bytes)?;
        Ok(Extractor { recognizers: vec![Box::new(Expressions::new()), Box::new(model)] })
    }

    /// An extractor from recognisers, the first taking precedence where finds overlap.
    pub fn with_recognizers(recognizers: Vec<Box<dyn Recognizer + Send + Sync>>) -> Self {
        Extractor { recognizers }
    }

    /// Puts a site's dictionary before every recogniser, so that its entries
    /// win where they overlap what the others find.
    pub fn with_dictionary(mut self, entries: impl IntoIterator<Item = DictionaryEntry>) -> Self {
        self.recognizers.insert(0, Box::new(Dictionary::from_entries(entries)));
        self
    }

    /// The settled mentions of a document, sorted by start.
    fn mentions(&self, doc: &Document) -> Vec<Mention> {
        let groups = self
            .recognizers
            .iter()
            .map(|r| {
                let mut found = Vec::new();
                r.recognize(doc, &mut found);
                found
            })
            .collect();
        settle::settle(groups)
    }

    /// Extracts the entities and quotes of one document.
    pub fn extract(&self, original: &str) -> Extraction {
        self.extract_with(original, &ExtractOptions::default())
    }

    /// Extracts the entities and quotes of one document, with what the caller knows about it.
    pub fn extract_with(&self, original: &str, options: &ExtractOptions) -> Extraction {
        let mut doc = Document::new(original);
        doc.date = options.document_date;
        let (mentions, quotes) = self.resolve(&doc);
        let grouping = groups::group(&doc, &mentions);
        Extraction::new(&doc.text, mentions, quotes, grouping)
    }

    /// The mentions of a document as the result reports them, and its
    /// quotes: the settled finds, completed and made consistent.
    pub(crate) fn resolve(&self, doc: &Document) -> (Vec<Mention>, Vec<QuoteSpan>) {
        let mut mentions = self.mentions(doc);
        consistency::complete_names(doc, &mut mentions);
        consistency::tag_family_names(doc, &mut mentions);
        // Quotes look at the settled names (a speaker is a person's mention) and
        // may add the bare name of a speaker that no recogniser tagged.
        let quotes = quotes::find(doc, &mut mentions);
        (mentions, quotes)
    }

    /// Summarises one document: its entities ranked by salience, with roles,
    /// quotes and the sentences that mention them.
    pub fn summarize(&self, original: &str) -> Summary {
        self.summarize_with(original, &ExtractOptions::default())
    }

    /// [`Extractor::summarize`] with what the caller knows about the document.
    pub fn summarize_with(&self, original: &str, options: &ExtractOptions) -> Summary {
        summary::summarize(original, &self.extract_with(original, options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Label;

    #[test]
    fn document_dates_are_iso_days() {
        assert_eq!(ExtractOptions::dated("2024-02-29").unwrap().document_date, Some((2024, 2, 29)));
        for bad in ["2023-02-29", "2023-13-01", "2023-3-7", "23-03-07", "2023-03-07T10:00", "", "٢٠٢٣-٠٣-٠٧"] {
            assert_eq!(ExtractOptions::dated(bad).unwrap_err(), DateError { given: bad.to_string() });
        }
    }

    #[test]
    fn an_expression_wins_over_a_name_it_overlaps() {
        let names = crate::dictionary::tests::named(&[("دولار", Label::MISC), ("آذار", Label::MISC), ("الدولار", Label::MISC)]);
        let extractor = Extractor::with_recognizers(vec![Box::new(Expressions::new()), Box::new(names)]);
        let found: Vec<_> = extractor
            .extract("خصصت 100 مليون دولار في آذار 2020 بينما بقي الدولار مستقرا")
            .entities
            .into_iter()
            .map(|e| (e.text, e.label))
            .collect();
        assert_eq!(
            found,
            [("100 مليون دولار".to_string(), Label::MONEY), ("آذار 2020".to_string(), Label::DATE), ("الدولار".to_string(), Label::MISC)]
        );
    }
}
