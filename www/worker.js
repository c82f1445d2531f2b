// The extraction worker: runs alam.js (and so the WebAssembly) off the page's
// main thread. Messages in: {id, text}; out: {id, result} or {id, error}.
// The wasm loads on the first message, not before.

import { init, extract } from './alam.js';

self.addEventListener('message', async ({ data: { id, text } }) => {
  try {
    await init();
  } catch (error) {
    self.postMessage({ id, error: `the WebAssembly could not be loaded: ${error.message}`, fatal: true });
    return;
  }
  try {
    self.postMessage({ id, result: extract(text) });
  } catch (error) {
    self.postMessage({ id, error: `extraction failed: ${error.message}` });
  }
});
