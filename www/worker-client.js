// The one way pages reach the extractor: a module worker running worker.js,
// started on first use and shared by every caller in the page (the paste page,
// each widget handle). It stops when the last caller closes.

let worker = null;
let users = 0;
let nextId = 0;
/** Keys of the extractors callers configured in the worker. */
let nextKey = 0;
const pending = new Map();

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(`alam: ${message}`));
  pending.clear();
}

function startWorker() {
  // Written out in the call, the form bundlers recognise and copy the worker for.
  const started = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'alam' });
  started.addEventListener('message', ({ data: { id, result, error, fatal } }) => {
    const call = pending.get(id);
    pending.delete(id);
    if (error === undefined) {
      call?.resolve(result);
      return;
    }
    call?.reject(new Error(`alam: ${error}`));
    // Without its wasm the worker can do nothing: every waiting call fails the same way.
    if (fatal) failAll(error);
  });
  // A script that fails to load or parse (404, blocked by worker-src) arrives here.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(`the extraction worker (worker.js) failed to start${event.message ? `: ${event.message}` : ''}`);
  });
  return started;
}

function send(message) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

/**
 * Opens the shared extractor: the shipped model, or, given a `modelUrl` or a
 * `dictionary`, an extractor of this caller's own in the same worker.
 * @param {{modelUrl?: string, dictionary?: object[]}} [config] `modelUrl` absolute
 * @returns {{extract(text: string, options?: {documentDate?: string}): Promise<object>, close(): void}}
 */
export function openExtractor({ modelUrl, dictionary } = {}) {
  users += 1;
  let open = true;
  const key = modelUrl || dictionary ? nextKey++ : undefined;
  let configured = null;
  return {
    extract(text, options) {
      if (!open) return Promise.reject(new Error('alam: this extractor was closed'));
      try {
        worker ??= startWorker();
      } catch (error) {
        // Some browsers refuse a worker the page's CSP forbids right in the constructor.
        return Promise.reject(new Error(`alam: the extraction worker (worker.js) failed to start: ${error.message}`));
      }
      // Configured once, before its first text, in the worker that is running now.
      if (key !== undefined && configured !== worker) {
        configured = worker;
        // A failure reaches the caller through the extraction, which waits on it.
        send({ configure: { key, modelUrl, dictionary } }).catch(() => {});
      }
      return send({ key, text, options });
    },
    close() {
      if (!open) return;
      open = false;
      users -= 1;
      if (users === 0 && worker) {
        worker.terminate();
        worker = null;
        failAll('the extractor was closed');
      }
    },
  };
}
