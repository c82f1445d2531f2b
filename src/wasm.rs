//! The WebAssembly binding: a thin shell that hands JavaScript strings to the
//! core and its results back as plain objects.

use wasm_bindgen::prelude::*;

fn to_js(extraction: &crate::Extraction) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(extraction, &serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// Extracts the entities of `text` with the shipped model, in the shape of the contract.
#[wasm_bindgen]
pub fn extract(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::extract(text))
}

/// An extractor from a model file that its user trained (`alam train`).
#[wasm_bindgen(js_name = Extractor)]
pub struct JsExtractor(crate::Extractor);

#[wasm_bindgen(js_class = Extractor)]
impl JsExtractor {
    /// Reads the model file's bytes; throws if they are not a valid model.
    #[wasm_bindgen(constructor)]
    pub fn new(model: &[u8]) -> Result<JsExtractor, JsError> {
        crate::Extractor::from_model_bytes(model).map(JsExtractor).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Extracts the entities of `text`, in the shape of the contract.
    pub fn extract(&self, text: &str) -> Result<JsValue, JsError> {
        to_js(&self.0.extract(text))
    }
}
