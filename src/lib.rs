//! alam (علم): Arabic named-entity extraction.
//!
//! The pipeline, one module a step: [`text`] folds the input for matching and
//! keeps a map back; [`tokens`] splits it into words whose stems skip the
//! proclitics; recognisers find mentions: [`expressions`] (dates, amounts),
//! [`model`], a trained sequence model over [`features`] of each token, that
//! tags names, and [`lexicon`] for a site's own dictionary; [`entities`]
//! settles overlaps; [`quotes`] finds quotations and their speakers among the
//! settled mentions; [`groups`] gathers the mentions of one entity; and
//! [`entities`] reports it all in UTF-16 offsets of the input, the shape that
//! `../shared/CONTRACT.md` fixes. [`summary`] ranks a document's entities.
//! Training and evaluation ([`train`]) come with the `train` feature.
//!
//! ```
//! let result = alam::extract("زار الأمين العام للأمم المتحدة بغداد.");
//! let found: Vec<_> = result.entities.iter().map(|e| (e.text.as_str(), e.label.as_str())).collect();
//! assert_eq!(found, [("لأمم المتحدة", "ORG"), ("بغداد", "LOC")]);
//! ```

pub mod consistency;
pub mod cues;
pub mod entities;
pub mod expressions;
pub mod features;
pub mod groups;
pub mod dictionary;
pub mod model;
mod phrases;
pub mod quotes;
pub mod summary;
pub mod text;
pub mod tokens;
#[cfg(feature = "train")]
pub mod train;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use entities::{Calendar, Detail, Entity, Extraction, Label, Mention, Qualifier, Quote, Speaker, Value};
pub use model::{Model, ModelError};

use text::Normalized;
use tokens::Token;

/// A document ready for recognition: folded text and its tokens.
pub struct Document<'a> {
    pub text: Normalized<'a>,
    pub tokens: Vec<Token>,
    /// The day the document was written (year, month, day), when the caller
    /// knows it: weekdays and dates without a year resolve against it.
    pub date: Option<(i32, u32, u32)>,
}

impl<'a> Document<'a> {
    pub fn new(original: &'a str) -> Self {
        let text = Normalized::new(original);
        let tokens = tokens::tokenize(text.as_str());
        Document { text, tokens, date: None }
    }

    /// The folded text of a token's whole word.
    pub fn word(&self, token: &Token) -> &str {
        &self.text.as_str()[token.word.clone()]
    }

    /// The folded text of a token's stem.
    pub fn stem(&self, token: &Token) -> &str {
        &self.text.as_str()[token.stem()]
    }
}

/// Something that finds mentions in a document.
pub trait Recognizer {
    /// Appends what it finds in `doc` to `mentions`.
    fn recognize(&self, doc: &Document, mentions: &mut Vec<Mention>);
}

/// What the caller knows about a document beyond its text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The day the document was written (year, month, day).
    pub document_date: Option<(i32, u32, u32)>,
}

impl ExtractOptions {
    /// Options for a document written on an ISO 8601 day (`2023-03-07`).
    pub fn dated(iso: &str) -> Result<ExtractOptions, String> {
        let invalid = || format!("not a date as YYYY-MM-DD: {iso:?}");
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

/// The model shipped with alam (see the README, "Model").
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
        Ok(Extractor { recognizers: vec![Box::new(expressions::Expressions::new()), Box::new(model)] })
    }

    /// An extractor from recognisers, the first taking precedence where finds overlap.
    pub fn with_recognizers(recognizers: Vec<Box<dyn Recognizer + Send + Sync>>) -> Self {
        Extractor { recognizers }
    }

    /// Puts a site's dictionary before every recogniser, so that its entries
    /// win where they overlap what the others find.
    pub fn with_dictionary(mut self, entries: impl IntoIterator<Item = dictionary::DictionaryEntry>) -> Self {
        self.recognizers.insert(0, Box::new(dictionary::Dictionary::from_entries(entries)));
        self
    }

    /// The settled mentions of a document, sorted by start.
    pub fn mentions(&self, doc: &Document) -> Vec<Mention> {
        let groups = self
            .recognizers
            .iter()
            .map(|r| {
                let mut found = Vec::new();
                r.recognize(doc, &mut found);
                found
            })
            .collect();
        entities::settle(groups)
    }

    /// Extracts the entities and quotes of one document.
    pub fn extract(&self, original: &str) -> Extraction {
        self.extract_with(original, &ExtractOptions::default())
    }

    /// Extracts the entities and quotes of one document, with what the caller knows about it.
    pub fn extract_with(&self, original: &str, options: &ExtractOptions) -> Extraction {
        let mut doc = Document::new(original);
        doc.date = options.document_date;
        let mut mentions = self.mentions(&doc);
        consistency::complete_names(&doc, &mut mentions);
        consistency::tag_family_names(&doc, &mut mentions);
        // Quotes look at the settled names (a speaker is a person's mention) and
        // may add the bare name of a speaker that no recogniser tagged.
        let quotes = quotes::find(&doc, &mut mentions);
        let grouped = groups::group(&doc, &mentions);
        entities::to_extraction(&doc.text, mentions, quotes, grouped)
    }
}

thread_local! {
    static DEFAULT: Extractor = Extractor::default();
}

/// Extracts entities with the default extractor.
pub fn extract(text: &str) -> Extraction {
    DEFAULT.with(|e| e.extract(text))
}

/// Summarises a document with the default extractor: its entities ranked by
/// salience, with roles, quotes and sentences.
pub fn summarize(text: &str) -> summary::Summary {
    summary::summarize(text, &extract(text))
}

#[cfg(test)]
mod tests {
    use super::ExtractOptions;

    #[test]
    fn document_dates_are_iso_days() {
        assert_eq!(ExtractOptions::dated("2024-02-29").unwrap().document_date, Some((2024, 2, 29)));
        for bad in ["2023-02-29", "2023-13-01", "2023-3-7", "23-03-07", "2023-03-07T10:00", "", "٢٠٢٣-٠٣-٠٧"] {
            assert!(ExtractOptions::dated(bad).is_err(), "{bad}");
        }
    }
}
