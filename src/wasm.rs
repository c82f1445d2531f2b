//! The WebAssembly binding: a thin shell that hands JavaScript strings to the
//! core and its results back as JSON, which `www/alam.js` parses.

use crate::{DictionaryEntry, ExtractOptions};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A result as JSON text: one string across the boundary and the browser's
/// `JSON.parse` cost less than building the objects field by field from wasm.
fn to_json(value: &impl Serialize) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))
}

/// What JavaScript may say about a document: `{documentDate: "2023-03-07"}`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
struct Options {
    document_date: Option<String>,
}

fn options(value: JsValue) -> Result<ExtractOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(ExtractOptions::default());
    }
    let options: Options = serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("options: {e}")))?;
    match options.document_date {
        Some(date) => ExtractOptions::dated(&date).map_err(|e| JsError::new(&e.to_string())),
        None => Ok(ExtractOptions::default()),
    }
}

/// Extracts the entities of `text` with the shipped model, as JSON in the shape of the contract.
#[wasm_bindgen]
pub fn extract(text: &str) -> Result<String, JsError> {
    to_json(&crate::extract(text))
}

/// Summarises `text` with the shipped model, as JSON: its entities ranked by salience.
#[wasm_bindgen]
pub fn summarize(text: &str) -> Result<String, JsError> {
    to_json(&crate::summarize(text))
}

/// An extractor: the shipped model or a model file its user trained
/// (`alam train`), with a site's dictionary if one is set.
#[wasm_bindgen(js_name = Extractor)]
pub struct JsExtractor(crate::Extractor);

#[wasm_bindgen(js_class = Extractor)]
impl JsExtractor {
    /// Reads a model file's bytes (throws if they are not a valid model), or
    /// takes the shipped model when given none.
    #[wasm_bindgen(constructor)]
    pub fn new(model: Option<Vec<u8>>) -> Result<JsExtractor, JsError> {
        match model {
            Some(bytes) => crate::Extractor::from_model_bytes(&bytes).map(JsExtractor).map_err(|e| JsError::new(&e.to_string())),
            None => Ok(JsExtractor(crate::Extractor::default())),
        }
    }

    /// Puts a dictionary (`[{names: [...], label, id?, url?}, ...]`, as JSON
    /// text) before the model: its entries win where they overlap what the
    /// model finds. The text crosses into the wasm in one copy, where an array
    /// of objects would be read a property at a time.
    #[wasm_bindgen(js_name = setDictionary)]
    pub fn set_dictionary(&mut self, entries: &str) -> Result<(), JsError> {
        let entries: Vec<DictionaryEntry> =
            serde_json::from_str(entries).map_err(|e| JsError::new(&format!("dictionary: {e}")))?;
        let extractor = std::mem::replace(&mut self.0, crate::Extractor::with_recognizers(Vec::new()));
        self.0 = extractor.with_dictionary(entries);
        Ok(())
    }

    /// Extracts the entities of `text`, as JSON in the shape of the contract;
    /// `options` may give the document's date (`{documentDate: "2023-03-07"}`).
    pub fn extract(&self, text: &str, options: JsValue) -> Result<String, JsError> {
        to_json(&self.0.extract_with(text, &self::options(options)?))
    }

    /// Summarises `text`, as JSON: its entities ranked by salience, with roles, quotes and sentences.
    pub fn summarize(&self, text: &str, options: JsValue) -> Result<String, JsError> {
        to_json(&self.0.summarize_with(text, &self::options(options)?))
    }
}
