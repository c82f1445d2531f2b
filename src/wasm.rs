//! The WebAssembly binding: a thin shell that hands JavaScript strings to the
//! core and its results back as plain objects.

use wasm_bindgen::prelude::*;

/// Extracts the entities of `text`, in the shape of the contract.
#[wasm_bindgen]
pub fn extract(text: &str) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&crate::extract(text), &serializer).map_err(|e| JsError::new(&e.to_string()))
}
