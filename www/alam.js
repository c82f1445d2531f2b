// alam in the browser: load the WebAssembly once, then extract entities
// synchronously. The result has exactly the shape of the contract
// (docs/contract.md): UTF-16 offsets, so `text.slice(start, end)` is the
// entity's text.

import loadGlue, { Extractor } from './pkg/alam.js';

/** The entity types with their Arabic and English names. */
export { labels } from './labels.js';

let loading = null;
/** The shipped model's extractor, made once the wasm is loaded. */
let shipped = null;

/**
 * Loads the WebAssembly; later calls return the same promise.
 * @param {string | URL | Response | BufferSource | WebAssembly.Module} [moduleOrPath]
 *   where the wasm is, by default `pkg/alam_bg.wasm` next to this module.
 * @returns {Promise<void>}
 */
export function init(moduleOrPath = new URL('./pkg/alam_bg.wasm', import.meta.url)) {
  loading ??= loadGlue({ module_or_path: moduleOrPath }).then(
    () => {
      shipped = wrap(new Extractor());
    },
    (error) => {
      // A failed load (offline, wrong path) may be retried.
      loading = null;
      throw error;
    },
  );
  return loading;
}

function loaded(call) {
  if (!shipped) throw new Error(`alam: ${call} was called before init() finished; await init() first`);
}

function checkText(call, text) {
  if (typeof text !== 'string') throw new TypeError(`alam: ${call} takes a string, not ${typeof text}`);
}

/** A lone surrogate reaches the wasm as U+FFFD (one UTF-16 unit too, so the
 * offsets hold); taking each text from the input keeps `text` its exact slice. */
function textsFromInput(text, spans) {
  for (const span of spans) span.text = text.slice(span.start, span.end);
}

/** The JavaScript face of one wasm Extractor. */
function wrap(inner) {
  return {
    extract(text, options) {
      checkText('extract()', text);
      const result = JSON.parse(inner.extract(text, options));
      textsFromInput(text, result.entities);
      for (const quote of result.quotes ?? []) if (quote.speaker) textsFromInput(text, [quote.speaker]);
      return result;
    },
    summarize(text, options) {
      checkText('summarize()', text);
      return JSON.parse(inner.summarize(text, options));
    },
    setDictionary(entries) {
      if (!Array.isArray(entries)) throw new TypeError('alam: setDictionary() takes a list of {names, label, id?, url?}');
      inner.setDictionary(JSON.stringify(entries));
    },
  };
}

/**
 * Finds the entities of `text` with the shipped model (and the dictionary, if set).
 * @param {string} text
 * @param {{documentDate?: string}} [options] `documentDate` ("YYYY-MM-DD") resolves weekdays
 */
export function extract(text, options) {
  loaded('extract()');
  return shipped.extract(text, options);
}

/**
 * The entities of `text` grouped and ranked by salience, with their roles, quotes and sentences.
 * @param {string} text
 * @param {{documentDate?: string}} [options]
 */
export function summarize(text, options) {
  loaded('summarize()');
  return shipped.summarize(text, options);
}

/**
 * Puts a site's dictionary before the shipped model: each entry's names are
 * found with the model's normalisation and clitic handling, and win where they
 * overlap what the model finds. A later call adds its entries before the
 * earlier ones (which win where they overlap).
 * @param {Array<{names: string[], label: string, id?: string, url?: string}>} entries
 */
export function setDictionary(entries) {
  loaded('setDictionary()');
  shipped.setDictionary(entries);
}

/**
 * An extractor of its own, with the same `extract`, `summarize` and
 * `setDictionary`: over a model file you trained (`alam train`), or the
 * shipped model when given no bytes. Throws if the bytes are not a valid model.
 * @param {BufferSource} [modelBytes]
 */
export function createExtractor(modelBytes) {
  loaded('createExtractor()');
  if (modelBytes === undefined || modelBytes === null) return wrap(new Extractor());
  const bytes = ArrayBuffer.isView(modelBytes)
    ? new Uint8Array(modelBytes.buffer, modelBytes.byteOffset, modelBytes.byteLength)
    : new Uint8Array(modelBytes);
  try {
    return wrap(new Extractor(bytes));
  } catch (error) {
    throw new Error(`alam: not a valid model: ${error.message}`);
  }
}
