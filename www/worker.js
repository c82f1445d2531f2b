// The extraction worker: runs alam.js (and so the WebAssembly) off the page's
// main thread. The wasm loads on the first message, not before.
//
// Messages in:
//   {id, configure: {key, modelUrl?, dictionary?}}: makes extractor `key`
//     (a model fetched from `modelUrl`, a site dictionary), for later messages;
//   {id, key?, text, options?}: extracts `text` with extractor `key` (the
//     shipped model without one), `options` as in alam.js's extract().
// Messages out: {id, result} or {id, error, fatal?}; `fatal` means the wasm
// itself could not be loaded, so no call can succeed.

import { init, extract, createExtractor } from './alam.js';

/** Extractor key → promise of an extractor made by `configure`. */
const configured = new Map();

async function makeExtractor({ modelUrl, dictionary }) {
  let extractor;
  if (modelUrl) {
    const response = await fetch(modelUrl).catch((error) => {
      throw new Error(`the model ${modelUrl} could not be fetched: ${error.message}`);
    });
    if (!response.ok) throw new Error(`the model ${modelUrl} could not be fetched: HTTP ${response.status}`);
    try {
      extractor = createExtractor(await response.arrayBuffer());
    } catch (error) {
      throw new Error(`the model ${modelUrl} was refused: ${error.message.replace(/^alam: /, '')}`);
    }
  } else {
    extractor = createExtractor();
  }
  if (dictionary) {
    try {
      extractor.setDictionary(dictionary);
    } catch (error) {
      throw new Error(`the dictionary was refused: ${error.message.replace(/^alam: /, '')}`);
    }
  }
  return extractor;
}

self.addEventListener('message', async ({ data: { id, configure, key, text, options } }) => {
  try {
    await init();
  } catch (error) {
    self.postMessage({ id, error: `the WebAssembly could not be loaded: ${error.message}`, fatal: true });
    return;
  }
  if (configure) {
    const making = makeExtractor(configure);
    // Later messages for this key wait on it (and fail with its error).
    configured.set(configure.key, making);
    making.then(
      () => self.postMessage({ id, result: null }),
      (error) => self.postMessage({ id, error: error.message }),
    );
    return;
  }
  let extractor = { extract };
  if (key !== undefined) {
    try {
      extractor = await configured.get(key);
    } catch (error) {
      self.postMessage({ id, error: error.message });
      return;
    }
  }
  try {
    self.postMessage({ id, result: extractor.extract(text, options) });
  } catch (error) {
    self.postMessage({ id, error: `extraction failed: ${error.message}` });
  }
});
