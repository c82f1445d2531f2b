// alam in the browser: load the WebAssembly once, then extract entities
// synchronously. The result has exactly the shape of the contract
// (../shared/CONTRACT.md): UTF-16 offsets, so `text.slice(start, end)` is the
// entity's text.

import loadGlue, { extract as extractInWasm } from './pkg/alam.js';

/** The entity types with their Arabic and English names. */
export { labels } from './labels.js';

let loading = null;
let ready = false;

/**
 * Loads the WebAssembly; later calls return the same promise.
 * @param {string | URL | Response | BufferSource | WebAssembly.Module} [moduleOrPath]
 *   where the wasm is, by default `pkg/alam_bg.wasm` next to this module.
 * @returns {Promise<void>}
 */
export function init(moduleOrPath = new URL('./pkg/alam_bg.wasm', import.meta.url)) {
  loading ??= loadGlue({ module_or_path: moduleOrPath }).then(
    () => {
      ready = true;
    },
    (error) => {
      // A failed load (offline, wrong path) may be retried.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Finds the entities of `text`.
 * @param {string} text
 * @returns {{entities: Array<{start: number, end: number, label: string, text: string}>}}
 */
export function extract(text) {
  if (!ready) {
    throw new Error('alam: extract() was called before init() finished; await init() first');
  }
  if (typeof text !== 'string') {
    throw new TypeError(`alam: extract() takes a string, not ${typeof text}`);
  }
  const result = extractInWasm(text);
  // A lone surrogate reaches the wasm as U+FFFD (one UTF-16 unit too, so the
  // offsets hold); taking each text from the input keeps `text` its exact slice.
  for (const entity of result.entities) {
    entity.text = text.slice(entity.start, entity.end);
  }
  return result;
}
