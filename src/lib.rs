//! alam (علم): Arabic named-entity extraction.
//!
//! The pipeline, one module a step: [`text`] folds the input for matching and
//! keeps a map back; [`tokens`] splits it into words whose stems skip the
//! proclitics; recognisers ([`lexicon`]) find mentions; [`entities`] settles
//! overlaps and reports spans in UTF-16 offsets of the input, the shape that
//! `../shared/CONTRACT.md` fixes.
//!
//! ```
//! let result = alam::extract("زار الأمين العام للأمم المتحدة بغداد.");
//! let found: Vec<_> = result.entities.iter().map(|e| (e.text.as_str(), e.label.as_str())).collect();
//! assert_eq!(found, [("لأمم المتحدة", "ORG"), ("بغداد", "LOC")]);
//! ```

pub mod entities;
pub mod groups;
pub mod lexicon;
pub mod text;
pub mod tokens;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use entities::{Entity, Extraction, Label, Mention, Value};

use text::Normalized;
use tokens::Token;

/// A document ready for recognition: folded text and its tokens.
pub struct Document<'a> {
    pub text: Normalized<'a>,
    pub tokens: Vec<Token>,
}

impl<'a> Document<'a> {
    pub fn new(original: &'a str) -> Self {
        let text = Normalized::new(original);
        let tokens = tokens::tokenize(text.as_str());
        Document { text, tokens }
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

/// Runs recognisers in order of precedence and settles their finds.
pub struct Extractor {
    recognizers: Vec<Box<dyn Recognizer + Send + Sync>>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor { recognizers: vec![Box::new(lexicon::Lexicon::builtin())] }
    }
}

impl Extractor {
    /// An extractor from recognisers, the first taking precedence where finds overlap.
    pub fn with_recognizers(recognizers: Vec<Box<dyn Recognizer + Send + Sync>>) -> Self {
        Extractor { recognizers }
    }

    /// Extracts the entities of one document.
    pub fn extract(&self, original: &str) -> Extraction {
        let doc = Document::new(original);
        let groups = self
            .recognizers
            .iter()
            .map(|r| {
                let mut found = Vec::new();
                r.recognize(&doc, &mut found);
                found
            })
            .collect();
        entities::to_extraction(&doc.text, entities::settle(groups))
    }
}

/// Extracts entities with the default extractor.
pub fn extract(text: &str) -> Extraction {
    thread_local! {
        static DEFAULT: Extractor = Extractor::default();
    }
    DEFAULT.with(|e| e.extract(text))
}
