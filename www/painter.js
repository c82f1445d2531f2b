// Paints the widget's entities into the page: one CSS Custom Highlight per
// label (`alam-PER`, `alam-LOC`, …) with its ::highlight rules, or, where the
// browser has no CSS.highlights, spans around the words holding them, taken
// away again with the page's own text nodes put back. On a long article only
// the blocks near the viewport have their Ranges registered. A block is the
// highlighter's: {block (dom-text.js), entities (each with its range), wraps}.

import { Block, containerOf } from './dom-text.js';
import { supportsHighlights } from './entity-ui.js';

/**
 * Above this many entities only blocks near the viewport have their Ranges in
 * CSS.highlights: the browser re-checks every registered range on each frame in
 * which a highlight changes (about 5 µs a range), which on a 1 MB article would
 * take well over 50 ms a frame.
 */
const ALL_SHOWN_UP_TO = 2_000;
/** "Near": within this many viewport heights above or below it. */
const NEAR_VIEWPORTS = 1.5;

/** Default highlight colours, light and dark; the page overrides them with --alam-<LABEL>. */
export const palette = {
  light: { ink: '#1f1f24', PER: '#ffd19a', LOC: '#b5ebc4', ORG: '#bcd6ff', MISC: '#e3c9ff', DATE: '#fff09a', TIME: '#ffcfe6', MONEY: '#b8efe8', PERCENT: '#ffc2bd', QUANTITY: '#dcd7cc' },
  dark: { ink: '#f2f1ee', PER: '#7a4b12', LOC: '#1f5d35', ORG: '#24457a', MISC: '#56327f', DATE: '#6b5c0c', TIME: '#742a52', MONEY: '#155e57', PERCENT: '#7a2b26', QUANTITY: '#4d4a43' },
};

/**
 * The ::highlight rules, added to the document while highlights are shown.
 * On `html`, from which every element's highlight styles inherit: adding a rule
 * with a tag selector makes Chromium recalculate styles about half as long as
 * a bare ::highlight() rule would on a long page.
 */
function highlightSheet() {
  const rules = (colours) =>
    Object.keys(colours)
      .filter((code) => code !== 'ink')
      .map((code) => `html::highlight(alam-${code}) { background-color: var(--alam-${code}, ${colours[code]}); color: var(--alam-ink, ${colours.ink}); }`)
      .join('\n');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${rules(palette.light)}
@media (prefers-color-scheme: dark) {
${rules(palette.dark)}
}
html::highlight(alam-focus) { background-color: var(--alam-focus, #1f1f24); color: var(--alam-focus-ink, #ffffff); }`);
  return sheet;
}

const WORD_UNIT = /[\p{L}\p{M}\p{N}\u200C\u200D]/u;

/**
 * Where CSS.highlights is missing: wraps the words holding each entity in
 * spans. The original text node is kept aside untouched and put back by
 * `restore()`, so the page gets its own nodes back.
 */
class Wrap {
  /**
   * @param {Text} original
   * @param {Array<[number, number, string]>} pieces [start, end, label] in the node, sorted
   * @param {Record<string, string>} colours the palette of the page's colour scheme
   */
  constructor(original, pieces, colours) {
    this.original = original;
    const data = original.data;
    // Whole words only: a span inside a word would break the joining of Arabic letters.
    const words = [];
    for (let [start, end, label] of pieces) {
      while (start > 0 && WORD_UNIT.test(data[start - 1])) start -= 1;
      while (end < data.length && WORD_UNIT.test(data[end])) end += 1;
      const last = words.at(-1);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else words.push([start, end, label]);
    }
    /** What replaces the original in the page, and the text nodes among and inside it, in order. */
    this.nodes = [];
    this.textNodes = [];
    const text = (start, end) => {
      const node = document.createTextNode(data.slice(start, end));
      this.textNodes.push(node);
      return node;
    };
    let at = 0;
    for (const [start, end, label] of words) {
      if (start > at) this.nodes.push(text(at, start));
      const span = document.createElement('span');
      span.className = 'alam-fallback';
      span.dataset.alamLabel = label;
      // The style through the CSSOM, which a strict style-src allows.
      span.style.backgroundColor = `var(--alam-${label}, ${colours[label] ?? '#d0d0d0'})`;
      span.style.color = `var(--alam-ink, ${colours.ink})`;
      span.append(text(start, end));
      this.nodes.push(span);
      at = end;
    }
    if (at < data.length) this.nodes.push(text(at, data.length));
    original.replaceWith(...this.nodes);
  }

  restore() {
    const [first] = this.nodes;
    if (!first.parentNode) return;
    // Text the page changed inside the spans since is kept.
    this.original.data = this.textNodes.map((node) => node.data).join('');
    first.before(this.original);
    for (const node of this.nodes) node.remove();
  }
}

/** The painting of one highlight() call. */
export class Painter {
  /**
   * @param {Element} root the element highlighted
   * @param {() => object[]} blocks the highlighter's blocks, in page order
   */
  constructor(root, blocks) {
    this.root = root;
    this.blocks = blocks;
    /** Label → its Highlight, in CSS.highlights as `alam-<label>`. */
    this.highlights = new Map();
    /** Blocks whose Ranges are in CSS.highlights now. */
    this.shownBlocks = new Set();
    this.entityCount = 0;
    this.frame = 0;
    this.sheet = null;
  }

  /** Adds the ::highlight rules to the document. */
  addStyles() {
    if (!supportsHighlights) return;
    this.sheet = highlightSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  /** The fallback: wraps the words of `found` in `state`'s block, then reads the block again from the new nodes. */
  wrapWords(state, found) {
    const piecesByNode = new Map();
    for (const { start, end, label } of found) {
      const first = state.block.nodeIndexAt(start, false);
      const last = state.block.nodeIndexAt(end, true);
      for (let i = first; i <= last; i += 1) {
        const nodeStart = state.block.starts[i];
        const nodeEnd = nodeStart + state.block.nodes[i].length;
        const piece = [Math.max(start, nodeStart) - nodeStart, Math.min(end, nodeEnd) - nodeStart, label];
        // The space between two elements of a name needs no span.
        if (!/\S/.test(state.block.nodes[i].data.slice(piece[0], piece[1]))) continue;
        if (!piecesByNode.has(i)) piecesByNode.set(i, []);
        piecesByNode.get(i).push(piece);
      }
    }
    const colours = matchMedia('(prefers-color-scheme: dark)').matches ? palette.dark : palette.light;
    const block = new Block();
    state.block.nodes.forEach((node, i) => {
      if (!piecesByNode.has(i)) {
        block.add(node);
        return;
      }
      const wrap = new Wrap(node, piecesByNode.get(i), colours);
      state.wraps.push(wrap);
      for (const textNode of wrap.textNodes) block.add(textNode);
    });
    state.block = block;
  }

  /** Adds an entity, with its Range, to a block; it shows once showNearViewport() finds the block near. */
  add(state, entity) {
    // Where the block shows on the page, for the viewport's test.
    state.element ??= containerOf(state.block.nodes[0], this.root);
    state.entities.push(entity);
    this.entityCount += 1;
  }

  /** Takes a block's highlights away (its nodes are gone or changed). */
  forget(state) {
    for (const entity of state.entities) this.highlights.get(entity.label)?.delete(entity.range);
    this.entityCount -= state.entities.length;
    this.shownBlocks.delete(state);
    for (const wrap of state.wraps) wrap.restore();
    state.entities = [];
    state.wraps = [];
  }

  /**
   * Puts in CSS.highlights the Ranges of every painted block, or, on a long
   * article, of the blocks near the viewport, found by binary search over the
   * blocks in page order, and takes the others out.
   */
  showNearViewport() {
    cancelAnimationFrame(this.frame);
    if (!supportsHighlights) return;
    const painted = this.blocks().filter((state) => state.entities.length > 0);
    let near = painted;
    if (this.entityCount > ALL_SHOWN_UP_TO) {
      const margin = NEAR_VIEWPORTS * innerHeight;
      const rect = (i) => painted[i].element.getBoundingClientRect();
      let low = 0;
      let high = painted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (rect(middle).bottom < -margin) low = middle + 1;
        else high = middle;
      }
      let end = low;
      while (end < painted.length && rect(end).top <= innerHeight + margin) end += 1;
      near = painted.slice(low, end);
    }
    const nearSet = new Set(near);
    for (const state of this.shownBlocks) if (!nearSet.has(state)) this.showRanges(state, false);
    for (const state of nearSet) if (!this.shownBlocks.has(state)) this.showRanges(state, true);
    this.shownBlocks = nearSet;
  }

  /** Calls showNearViewport() on the next frame, once however often asked. */
  scheduleShowNearViewport() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.showNearViewport());
  }

  /** After the page scrolled: blocks come near and go, where only near ones are shown. */
  scrolled() {
    if (this.entityCount > ALL_SHOWN_UP_TO) this.scheduleShowNearViewport();
  }

  showRanges(state, shown) {
    for (const entity of state.entities) {
      const highlight = this.highlightFor(entity.label);
      if (shown) highlight.add(entity.range);
      else highlight.delete(entity.range);
    }
  }

  highlightFor(label) {
    if (!this.highlights.has(label)) {
      const highlight = new Highlight();
      this.highlights.set(label, highlight);
      CSS.highlights.set(`alam-${label}`, highlight);
    }
    return this.highlights.get(label);
  }

  /** Takes every highlight, span and style away. */
  remove() {
    cancelAnimationFrame(this.frame);
    for (const [label, highlight] of this.highlights) {
      if (CSS.highlights.get(`alam-${label}`) === highlight) CSS.highlights.delete(`alam-${label}`);
    }
    for (const state of this.blocks()) for (const wrap of state.wraps) wrap.restore();
    if (this.sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
  }
}
