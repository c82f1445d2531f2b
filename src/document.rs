//! A document as recognisers see it (its folded text and tokens), and the
//! trait of a recogniser.

use crate::text::Normalized;
use crate::tokens::{self, Token};
use crate::Mention;

/// A document ready for recognition: folded text and its tokens.
pub struct Document<'a> {
    /// The input folded for matching, with its map back.
    pub text: Normalized<'a>,
    /// The words of the folded text, in order.
    pub tokens: Vec<Token>,
    /// The day the document was written (year, month, day), when the caller
    /// knows it: weekdays and dates without a year resolve against it.
    pub date: Option<(i32, u32, u32)>,
}

impl<'a> Document<'a> {
    /// Folds and tokenizes `original`.
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
