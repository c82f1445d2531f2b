//! Training and evaluation (the `train` feature; the wasm never includes it):
//! CoNLL files in, an averaged structured perceptron, the vocabulary the
//! features read, and conlleval-style scores.
//!
//! Sentences are read into [`Document`]s of their tokens joined by spaces, so
//! the model learns on exactly the tokens it tags later; each document token
//! takes the tag of the CoNLL token it comes from.

mod conll;
mod evaluate;
mod markup;
mod perceptron;
mod sources;

pub use conll::{read_conll, Sentence};
pub use crate::model::Model;
pub use evaluate::{evaluate_model, Counts, Evaluation, ModelScores};
pub use markup::{read_markup, Article, MarkedName};
pub use perceptron::train;
pub use sources::{List, VocabularySources, FREQUENCY_FILE, LIST_FILES};

/// Annotated text: CoNLL sentences, or an article with its names marked.
pub enum Annotated {
    /// `TOKEN TAG` lines, a blank line between sentences.
    Sentences(Vec<Sentence>),
    /// `{LABEL:…}` marks in running text.
    Article(Article),
}

impl Annotated {
    /// Reads either kind: a text with marks is an article.
    pub fn read(text: &str) -> Result<Annotated, InputError> {
        if markup::is_markup(text) {
            read_markup(text).map(Annotated::Article)
        } else {
            read_conll(text).map(Annotated::Sentences)
        }
    }

    /// The training sentences of the text.
    pub fn into_sentences(self) -> Vec<Sentence> {
        match self {
            Annotated::Sentences(sentences) => sentences,
            Annotated::Article(article) => article.sentences(),
        }
    }
}

/// How to train.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Features seen fewer times are dropped before training.
    pub min_count: u32,
    /// Seeds the order of sentences in each epoch and the dropout.
    pub seed: u64,
    /// The probability of leaving a feature out of one training pass.
    pub dropout: f32,
    /// Perceptrons trained (with consecutive seeds) and averaged.
    pub runs: usize,
    /// Features whose weights all stay below this share of the largest are
    /// left out of the model.
    pub prune: f32,
}

impl Default for Options {
    fn default() -> Self {
        // Leaving out the features below 0.4% of the largest weight (two in
        // five) cost 0.02 of dev F1 over 24 seeds, for a model file smaller by
        // a sixth and a weight table half the size.
        Options { epochs: 25, min_count: 2, seed: 0x616c_616d, dropout: 0.4, runs: 4, prune: 0.004 }
    }
}

/// A training input that could not be read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The line (from 1), or 0 where the input as a whole is wrong.
    pub line: usize,
    /// What is wrong there.
    pub reason: String,
}

impl InputError {
    fn at(line: usize, reason: impl Into<String>) -> Self {
        InputError { line, reason: reason.into() }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.reason),
            line => write!(f, "line {line}: {}", self.reason),
        }
    }
}

impl std::error::Error for InputError {}
