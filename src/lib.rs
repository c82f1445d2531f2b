//! alam (علم): Arabic named-entity extraction.
//!
//! ```
//! let result = alam::extract("زار الأمين العام للأمم المتحدة بغداد.");
//! let found: Vec<_> = result.entities.iter().map(|e| (e.text.as_str(), e.label.as_str())).collect();
//! assert_eq!(found, [("لأمم المتحدة", "ORG"), ("بغداد", "LOC")]);
//! ```
//!
//! [`extract`] returns an [`Extraction`]: the people, places, organisations,
//! other names, dates, times, amounts and quotations of one document, in
//! UTF-16 offsets of the input (what JavaScript indexes), with the mentions of
//! one entity gathered in [`Group`]s. It serialises (serde) to the shape that
//! `docs/contract.md` fixes. An [`Extractor`] runs a model of your own
//! ([`Extractor::from_model_bytes`]), a site's dictionary
//! ([`Extractor::with_dictionary`]) and the document's date
//! ([`ExtractOptions`]); [`Recognizer`]s of your own see a [`Document`].
//!
//! The pipeline, a module a step: the text is folded for matching with a map
//! back to the input ([`text`]), split into words whose stems skip the
//! proclitics ([`tokens`]), read by recognisers (expressions; the trained
//! sequence model over features of each token; a site's dictionary), whose
//! finds are settled by precedence, completed and made consistent across the
//! document, given speakers and groups, and reported in the input's offsets
//! ([`result`]). Training and evaluation come with the `train` feature
//! ([`train`]).

#![deny(unsafe_code)]
#![warn(missing_docs)]
// Writing models (the file's writer, the codebook's encoder, the cue lists)
// is training's: a build without it leaves those parts unused, and the
// linker drops them. Dead code is checked in the build with training.
#![cfg_attr(not(feature = "train"), allow(dead_code, unused_imports))]

mod consistency;
mod cues;
mod dictionary;
mod document;
mod error;
mod expressions;
mod extractor;
mod features;
mod groups;
mod mention;
mod model;
mod phrases;
mod quotes;
pub mod result;
mod settle;
pub mod summary;
pub mod text;
pub mod tokens;
#[cfg(feature = "train")]
pub mod train;

#[cfg(feature = "dev")]
pub mod dev;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use dictionary::DictionaryEntry;
pub use document::{Document, Recognizer};
pub use error::{DateError, ModelError};
pub use extractor::{ExtractOptions, Extractor, MODEL};
pub use mention::{Label, Mention};
pub use result::{Entity, Extraction, Group, Quote};
pub use summary::Summary;

thread_local! {
    static DEFAULT: Extractor = Extractor::default();
}

/// Extracts the entities of one document with the shipped model.
pub fn extract(text: &str) -> Extraction {
    DEFAULT.with(|e| e.extract(text))
}

/// Summarises one document with the shipped model: its entities ranked by
/// salience, with roles, quotes and sentences.
pub fn summarize(text: &str) -> Summary {
    DEFAULT.with(|e| e.summarize(text))
}
