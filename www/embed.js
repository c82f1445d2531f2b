// The embeddable widget: highlights the entities of an article in a live page.
//
//   import { highlight } from './embed.js';
//   const handle = await highlight(document.querySelector('article'), { exclude: '.comments' });
//
// or, with no other code: <script type="module" src=".../embed.js" data-alam-root="article">.
//
// This module is the public face: it checks the options, gives the handle
// and starts from the script tag; highlighter.js does the work. Text is read
// from the DOM's text nodes (never parsed as HTML), extracted in a worker, and
// painted with the CSS Custom Highlight API, so the page's nodes stay as they were.

import { Highlighter, MUTATION_DEBOUNCE_MS } from './highlighter.js';

/**
 * Highlights the entities under `root`.
 * @param {Element} root
 * @param {{labels?: string[], exclude?: string, panel?: boolean, documentDate?: string, modelUrl?: string | URL,
 *   dictionary?: Array<{names: string[], label: string, id?: string, url?: string}>}} [options]
 * @returns {Promise<{entities: object[], text: string, remove(): void}>}
 */
export async function highlight(root, options = {}) {
  if (!(root instanceof Element)) throw new TypeError('alam: highlight() takes the element whose text to highlight');
  if (options.labels !== undefined && !Array.isArray(options.labels)) throw new TypeError('alam: the labels option is a list of label codes');
  // A bad selector throws here, before anything starts.
  if (options.exclude !== undefined) document.createDocumentFragment().querySelector(options.exclude);
  if (options.documentDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.documentDate)) {
    throw new TypeError('alam: the documentDate option is a date written YYYY-MM-DD');
  }
  if (options.dictionary !== undefined && !Array.isArray(options.dictionary)) {
    throw new TypeError('alam: the dictionary option is a list of {names, label, id?, url?}');
  }
  const highlighter = new Highlighter(root, options);
  try {
    await highlighter.start();
  } catch (error) {
    highlighter.remove();
    console.warn(`alam: the page was left as it was. ${error.message}`);
    throw error;
  }
  return {
    get entities() {
      return highlighter.entities;
    },
    get text() {
      return highlighter.text;
    },
    remove: () => highlighter.remove(),
  };
}

/**
 * The script-tag form: <script type="module" src=".../embed.js" data-alam-root="selector">.
 * When the page puts a new element in the root's place (client-side
 * navigation), the new one is highlighted instead.
 */
function highlightFromScriptTag() {
  const script = [...document.querySelectorAll('script[data-alam-root]')].find((s) => s.src === import.meta.url);
  if (!script) return;
  const selector = script.dataset.alamRoot;
  const options = {
    labels: script.dataset.alamLabels?.split(/[\s,]+/).filter(Boolean),
    exclude: script.dataset.alamExclude,
    panel: script.hasAttribute('data-alam-panel'),
    documentDate: script.dataset.alamDocumentDate,
    modelUrl: script.dataset.alamModel,
  };
  let root = document.querySelector(selector);
  if (!root) {
    console.warn(`alam: no element matches data-alam-root="${selector}"; nothing was highlighted`);
    return;
  }
  let handle = highlight(root, options);
  let timer;
  const rootReplaced = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const current = document.querySelector(selector);
      if (!current || current === root) return;
      root = current;
      const previous = handle;
      handle = previous.then((shown) => {
        shown.remove();
        return highlight(root, options);
      });
      handle.catch(() => rootReplaced.disconnect());
    }, MUTATION_DEBOUNCE_MS);
  });
  rootReplaced.observe(document.body, { childList: true, subtree: true });
  // highlight() has already said why in the console if it failed; it is not tried again.
  handle.catch(() => rootReplaced.disconnect());
}

// Where there is no document (a server rendering the page), there is no script tag either.
if (typeof document !== 'undefined') highlightFromScriptTag();
