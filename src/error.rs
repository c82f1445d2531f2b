//! Why the library refuses its input: a model file it cannot read, a date
//! that is not a day.

use std::fmt;

/// Why model bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes do not start as a model file does.
    NotAModel,
    /// A model file of another format version.
    UnsupportedVersion(u16),
    /// The bytes end before the model does.
    Truncated,
    /// The bytes differ from those the model was written with.
    Checksum,
    /// A part of the model breaks the format's rules.
    Invalid(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not an alam model (bad magic bytes)"),
            ModelError::UnsupportedVersion(v) => {
                write!(f, "model format version {v} is not supported (this build reads {})", crate::model::VERSION)
            }
            ModelError::Truncated => write!(f, "the model is truncated"),
            ModelError::Checksum => write!(f, "the model is truncated or corrupted (checksum mismatch)"),
            ModelError::Invalid(what) => write!(f, "the model is invalid: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A document date that is not a day of the calendar written as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text that was given.
    pub given: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "not a date as YYYY-MM-DD: {:?}", self.given)
    }
}

impl std::error::Error for DateError {}
