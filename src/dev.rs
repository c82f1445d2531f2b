//! Internals for the project's own tests, benchmarks and fuzzers (the `dev`
//! feature): not a stable API.

pub use crate::features::hash_bytes;
pub use crate::model::Model;
