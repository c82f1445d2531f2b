//! alam (علم): Arabic named-entity extraction.
//!
//! The pipeline, one module a step: [`text`] folds the input for matching and
//! keeps a map back; [`tokens`] splits it into words whose stems skip the
//! proclitics; [`features`] describes each token for [`model`], a trained
//! sequence model that tags names; recognisers (the model, [`lexicon`]) find
//! mentions; [`entities`] settles overlaps and reports spans in UTF-16
//! offsets of the input, the shape that `../shared/CONTRACT.md` fixes.
//! Training and evaluation ([`train`]) come with the `train` feature.
//!
//! ```
//! let result = alam::extract("زار الأمين العام للأمم المتحدة بغداد.");
//! let found: Vec<_> = result.entities.iter().map(|e| (e.text.as_str(), e.label.as_str())).collect();
//! assert_eq!(found, [("لأمم المتحدة", "ORG"), ("بغداد", "LOC")]);
//! ```

pub mod entities;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod text;
pub mod tokens;
#[cfg(feature = "train")]
pub mod train;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use entities::{Entity, Extraction, Label, Mention, Value};
pub use model::{Model, ModelError};

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

/// The model shipped with alam (see the README, "Model").
pub const MODEL: &[u8] = include_bytes!("../models/alam.model");

impl Default for Extractor {
    /// The shipped model.
    fn default() -> Self {
        Extractor::from_model_bytes(MODEL).expect("the shipped model is valid")
    }
}

impl Extractor {
    /// An extractor from a model file. The model alone: adding the built-in
    /// lexicon after it lowers dev F1 (its title cue over-reaches).
    pub fn from_model_bytes(bytes: &[u8]) -> Result<Extractor, ModelError> {
        let model = Model::from_bytes(bytes)?;
        Ok(Extractor { recognizers: vec![Box::new(model)] })
    }

    /// An extractor from recognisers, the first taking precedence where finds overlap.
    pub fn with_recognizers(recognizers: Vec<Box<dyn Recognizer + Send + Sync>>) -> Self {
        Extractor { recognizers }
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

    /// Extracts the entities of one document.
    pub fn extract(&self, original: &str) -> Extraction {
        let doc = Document::new(original);
        entities::to_extraction(&doc.text, self.mentions(&doc))
    }
}

/// Extracts entities with the default extractor.
pub fn extract(text: &str) -> Extraction {
    thread_local! {
        static DEFAULT: Extractor = Extractor::default();
    }
    DEFAULT.with(|e| e.extract(text))
}
