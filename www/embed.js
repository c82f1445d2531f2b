// The embeddable widget: highlights the entities of an article in a live page.
//
//   import { highlight } from './embed.js';
//   const handle = await highlight(document.querySelector('article'), { exclude: '.comments' });
//
// or, with no other code: <script type="module" src=".../embed.js" data-alam-root="article">.
//
// Text is read from the DOM's text nodes (never parsed as HTML), extracted in
// a worker, and painted with the CSS Custom Highlight API, so the page's nodes
// stay as they were. Main-thread work runs in slices of a few milliseconds.

import { blocksUnder, Block, containerOf } from './dom-text.js';
import { palette, WidgetUI } from './embed-ui.js';
import { labels, nameKey } from './labels.js';
import { openExtractor } from './worker-client.js';

/** Main-thread work between two yields to the page. */
const SLICE_MS = 8;
/** Most UTF-16 code units sent to the worker at once: a long article goes in several chunks. */
const CHUNK_UNITS = 32_768;
/** Quiet time after the page's last change before the text is read again. */
const MUTATION_DEBOUNCE_MS = 200;
/** The budget for pages that keep changing: at most one new reading this often. */
const MUTATION_MIN_INTERVAL_MS = 1_000;
/**
 * Above this many entities only blocks near the viewport have their Ranges in
 * CSS.highlights: the browser re-checks every registered range on each frame in
 * which a highlight changes (about 5 µs a range), which on a 1 MB article would
 * take well over 50 ms a frame.
 */
const ALL_SHOWN_UP_TO = 2_000;
/** "Near": within this many viewport heights above or below it. */
const NEAR_VIEWPORTS = 1.5;
/** How long the panel marks the mention it moved to. */
const FOCUS_MS = 2_500;

const allLabels = labels.map((label) => label.code);
const canHighlight = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const darkScheme = matchMedia('(prefers-color-scheme: dark)');

function yieldToPage() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/** Runs work in slices: `tick()` yields to the page once the slice is used up. */
class Slices {
  constructor() {
    this.started = performance.now();
  }

  async tick() {
    if (performance.now() - this.started < SLICE_MS) return;
    await yieldToPage();
    this.started = performance.now();
  }
}

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
   */
  constructor(original, pieces) {
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
    const colours = darkScheme.matches ? palette.dark : palette.light;
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

/** One block of the page with its entities and, in the fallback, its wraps. */
class BlockState {
  constructor(block) {
    this.block = block;
    this.entities = [];
    this.wraps = [];
  }
}

/**
 * One `highlight()` call: reads the root, asks the worker, paints, follows
 * the page's changes until `remove()`.
 */
class Highlighter {
  constructor(root, { labels: shown = allLabels, exclude, panel = false, documentDate, modelUrl, dictionary }) {
    this.root = root;
    this.shown = new Set(shown);
    this.exclude = exclude;
    // The worker resolves URLs against its own; the page's are meant.
    this.extractor = openExtractor({ modelUrl: modelUrl && new URL(modelUrl, document.baseURI).href, dictionary });
    this.extractOptions = documentDate ? { documentDate } : undefined;
    this.states = [];
    /** Entity mentions by label and canonical name, across chunks: key → {label, name, roles: Set, mentions: Set}. */
    this.groups = new Map();
    /** Text node → entities with a part in it, for hit-testing. */
    this.entitiesByNode = new Map();
    /** Block text → entities found in it, reused when the page re-renders the same text. */
    this.found = new Map();
    this.highlights = new Map();
    this.removed = false;
    this.panelOption = panel;
    this.listeners = [];
    this.scanning = null;
    this.rescanTimer = undefined;
    this.lastScan = 0;
    /** Blocks whose Ranges are in CSS.highlights now. */
    this.shownStates = new Set();
    this.entityCount = 0;
    this.windowFrame = 0;
  }

  // ---- reading and extracting ----

  /** Reads the blocks under the root, a slice at a time. */
  async readBlocks(slices) {
    const blocks = [];
    const ignored = new Set(this.ui ? [this.ui.host] : []);
    for (const block of blocksUnder(this.root, { exclude: this.exclude, ignored })) {
      blocks.push(block);
      await slices.tick();
      if (this.removed) return [];
    }
    return blocks;
  }

  /**
   * Extracts `states` in chunks of whole blocks, calling `paint(state)` for
   * each block as soon as its chunk's entities arrive.
   */
  async extractInChunks(states, paint, slices) {
    const chunks = [];
    let chunk = [];
    let units = 0;
    for (const state of states) {
      if (chunk.length > 0 && units + state.block.text.length > CHUNK_UNITS) {
        chunks.push(chunk);
        chunk = [];
        units = 0;
      }
      chunk.push(state);
      units += state.block.text.length + 1;
    }
    if (chunk.length > 0) chunks.push(chunk);
    // All chunks go to the worker at once; their results are painted in order.
    const results = chunks.map((blocks) => this.extractor.extract(blocks.map((state) => state.block.text).join('\n'), this.extractOptions));
    // Nothing waits on a later chunk while an earlier one fails.
    for (const result of results) result.catch(() => {});
    for (const [i, blocks] of chunks.entries()) {
      const result = await results[i];
      if (this.removed) return;
      this.assign(blocks, result);
      for (const state of blocks) {
        this.found.set(state.block.text, state.found);
        await paint(state);
        if (this.removed) return;
      }
    }
  }

  /** Gives each block of a chunk the entities that fall in it, with offsets into the block. */
  assign(blocks, { entities, groups }) {
    let blockIndex = 0;
    let blockStart = 0;
    for (const state of blocks) state.found = [];
    for (const entity of entities) {
      while (blockIndex < blocks.length && entity.start >= blockStart + blocks[blockIndex].block.text.length + 1) {
        blockStart += blocks[blockIndex].block.text.length + 1;
        blockIndex += 1;
      }
      const state = blocks[blockIndex];
      // A span across two blocks would join text the page shows apart.
      if (!state || entity.end > blockStart + state.block.text.length) continue;
      // `entity` indexes this chunk's groups, which the handle does not keep: the group's name and roles are kept instead.
      const { entity: groupIndex, ...fields } = entity;
      const group = groups?.[groupIndex];
      const name = (group?.name ?? entity.text).trim();
      state.found.push({ ...fields, start: entity.start - blockStart, end: entity.end - blockStart, name, roles: group?.roles ?? [] });
    }
  }

  // ---- painting ----

  /** Builds the Ranges of a block's entities and shows them; a block of a whole article's text takes several slices. */
  async paint(state, slices) {
    const found = state.found.filter((entity) => this.shown.has(entity.label));
    if (found.length === 0) return;
    if (!canHighlight) this.wrapWords(state, found);
    state.element = containerOf(state.block.nodes[0], this.root);
    for (const entity of found) {
      await slices.tick();
      if (this.removed) return;
      const range = state.block.range(entity.start, entity.end);
      const shownEntity = { ...entity, range };
      state.entities.push(shownEntity);
      this.entityCount += 1;
      this.addMention(shownEntity);
      const first = state.block.nodeIndexAt(entity.start, false);
      const last = state.block.nodeIndexAt(entity.end, true);
      for (let i = first; i <= last; i += 1) {
        const node = state.block.nodes[i];
        if (!this.entitiesByNode.has(node)) this.entitiesByNode.set(node, []);
        this.entitiesByNode.get(node).push(shownEntity);
      }
    }
    this.scheduleShowNearViewport();
  }

  /**
   * Puts in CSS.highlights the Ranges of every painted block, or, on a long
   * article, of the blocks near the viewport, found by binary search over the
   * blocks in page order, and takes the others out.
   */
  showNearViewport() {
    cancelAnimationFrame(this.windowFrame);
    if (!canHighlight || this.removed) return;
    const painted = this.states.filter((state) => state.entities.length > 0);
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
    for (const state of this.shownStates) if (!nearSet.has(state)) this.showRanges(state, false);
    for (const state of nearSet) if (!this.shownStates.has(state)) this.showRanges(state, true);
    this.shownStates = nearSet;
  }

  /** Calls showNearViewport() on the next frame, once however often asked. */
  scheduleShowNearViewport() {
    cancelAnimationFrame(this.windowFrame);
    this.windowFrame = requestAnimationFrame(() => this.showNearViewport());
  }

  showRanges(state, shown) {
    for (const entity of state.entities) {
      const highlight = this.highlightFor(entity.label);
      if (shown) highlight.add(entity.range);
      else highlight.delete(entity.range);
    }
  }

  /** The fallback: wraps the words of `found`, then reads the block again from the new nodes. */
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
    const block = new Block();
    state.block.nodes.forEach((node, i) => {
      if (!piecesByNode.has(i)) {
        block.add(node);
        return;
      }
      const wrap = new Wrap(node, piecesByNode.get(i));
      state.wraps.push(wrap);
      for (const textNode of wrap.textNodes) block.add(textNode);
    });
    state.block = block;
    // The widget's own changes are not the page's.
    this.observer?.takeRecords();
  }

  highlightFor(label) {
    if (!this.highlights.has(label)) {
      const highlight = new Highlight();
      this.highlights.set(label, highlight);
      CSS.highlights.set(`alam-${label}`, highlight);
    }
    return this.highlights.get(label);
  }

  addMention(entity) {
    const key = `${entity.label}\u0000${nameKey(entity.name)}`;
    if (!this.groups.has(key)) this.groups.set(key, { label: entity.label, name: entity.name, roles: new Set(), mentions: new Set() });
    entity.group = this.groups.get(key);
    entity.group.mentions.add(entity);
    // A site dictionary's link, for the panel, where the keyboard reaches it.
    entity.group.url ??= entity.url;
    for (const role of entity.roles) entity.group.roles.add(role);
  }

  /** Takes a block's highlights away (its nodes are gone or changed). */
  unpaint(state) {
    for (const entity of state.entities) {
      this.highlights.get(entity.label)?.delete(entity.range);
      entity.group.mentions.delete(entity);
      if (entity.group.mentions.size === 0) this.groups.delete(`${entity.label}\u0000${nameKey(entity.name)}`);
    }
    for (const node of state.block.nodes) this.entitiesByNode.delete(node);
    this.entityCount -= state.entities.length;
    this.shownStates.delete(state);
    for (const wrap of state.wraps) wrap.restore();
    state.entities = [];
    state.wraps = [];
  }

  // ---- the first reading and the page's changes ----

  /** The first reading; changes the page makes meanwhile bring a second one after it. */
  start() {
    this.observe();
    this.scanning = this.firstScan().finally(() => (this.scanning = null));
    return this.scanning;
  }

  async firstScan() {
    const slices = new Slices();
    const blocks = await this.readBlocks(slices);
    const states = blocks.map((block) => new BlockState(block));
    this.states = states;
    let shown = false;
    await this.extractInChunks(
      states,
      (state) => {
        // Only once the worker has answered does anything change in the page.
        if (!shown) {
          shown = true;
          this.show();
        }
        return this.paint(state, slices);
      },
      slices,
    );
    if (!shown && !this.removed) this.show();
    // Resolved means registered: what is on screen is in CSS.highlights now, not a frame later.
    this.showNearViewport();
    this.ui?.showGroups([...this.groups.values()]);
  }

  /** Adds the highlight styles and the widget's UI to the page. */
  show() {
    // The UI reads the page's direction first, while the page's styles are
    // still clean: after the sheet is added, reading a style would make the
    // browser recalculate every element's style there and then.
    this.ui = new WidgetUI({ panel: this.panelOption, onChoose: (group) => this.step(group) });
    if (canHighlight) {
      this.sheet = highlightSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    }
    this.listen();
  }

  observe() {
    if (this.removed) return;
    this.observer = new MutationObserver((records) => {
      const host = this.ui?.host;
      if (records.every((record) => host && host.contains(record.target))) return;
      this.scheduleRescan();
    });
    this.observer.observe(this.root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'],
    });
  }

  scheduleRescan() {
    clearTimeout(this.rescanTimer);
    const wait = Math.max(MUTATION_DEBOUNCE_MS, this.lastScan + MUTATION_MIN_INTERVAL_MS - performance.now());
    this.rescanTimer = setTimeout(() => {
      // One reading at a time; changes during it bring another after it.
      if (this.scanning) this.scanning.then(() => this.scheduleRescan());
      else {
        this.scanning = this.rescan()
          .catch((error) => {
            console.warn(`alam: highlights were taken away after the page changed. ${error.message}`);
            this.remove();
          })
          .finally(() => (this.scanning = null));
      }
    }, wait);
  }

  /**
   * Reads the root again: blocks whose nodes are the same keep their
   * highlights, blocks with text seen before get new Ranges without the worker,
   * and only blocks with new text are extracted.
   */
  async rescan() {
    this.lastScan = performance.now();
    const slices = new Slices();
    let blocks = await this.readBlocks(slices);
    let kept = this.match(blocks);
    // In the fallback, a changed block's spans come out first, and the blocks are read again without them.
    const dropped = this.states.filter((state) => !kept.has(state));
    if (dropped.some((state) => state.wraps.length > 0)) {
      for (const state of dropped) this.unpaint(state);
      this.observer.takeRecords();
      blocks = await this.readBlocks(slices);
      kept = this.match(blocks);
    }
    if (this.removed) return;
    const states = blocks.map((block) => kept.get(block) ?? new BlockState(block));
    for (const state of this.states) if (!kept.has(state)) this.unpaint(state);
    this.states = states;
    const unknown = [];
    for (const state of states) {
      if (kept.has(state)) continue;
      const found = this.found.get(state.block.text);
      if (found) {
        state.found = found;
        await this.paint(state, slices);
      } else {
        unknown.push(state);
      }
    }
    await this.extractInChunks(unknown, (state) => this.paint(state, slices), slices);
    if (this.removed) return;
    this.showNearViewport();
    // Only the texts on the page now are worth remembering.
    this.found = new Map(states.map((state) => [state.block.text, state.found]));
    this.ui.showGroups([...this.groups.values()]);
  }

  /**
   * Pairs freshly read blocks with the states of the same nodes.
   * @returns {Map<Block | BlockState, BlockState>} new block → state kept, and each kept state → itself
   */
  match(blocks) {
    const byFirstNode = new Map(this.states.map((state) => [state.block.nodes[0], state]));
    const kept = new Map();
    for (const block of blocks) {
      const state = byFirstNode.get(block.nodes[0]);
      if (state && state.block.text === block.text && state.block.nodes.every((node, i) => node === block.nodes[i])) {
        kept.set(block, state);
        kept.set(state, state);
      }
    }
    return kept;
  }

  // ---- reading aids ----

  /** The entity shown at viewport point (x, y), if any. */
  entityAt(x, y) {
    let node;
    if (document.caretPositionFromPoint) node = document.caretPositionFromPoint(x, y)?.offsetNode;
    else node = document.caretRangeFromPoint?.(x, y)?.startContainer;
    const candidates = node && this.entitiesByNode.get(node);
    if (!candidates) return undefined;
    // The caret lands between letters, so the rectangles decide.
    return candidates.find((entity) =>
      [...entity.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
    );
  }

  showEntity(entity, rect) {
    this.ui.showTooltip(entity, entity.group.mentions.size, entity.group.roles, rect);
  }

  listen() {
    const on = (target, type, handler, options) => {
      target.addEventListener(type, handler, options);
      this.listeners.push(() => target.removeEventListener(type, handler, options));
    };
    let frame = 0;
    on(document, 'pointermove', (event) => {
      if (event.pointerType !== 'mouse') return;
      // The tooltip stays while the pointer is on it, so its link can be followed.
      if (event.composedPath().includes(this.ui.host)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (this.removed) return;
        const entity = this.entityAt(event.clientX, event.clientY);
        if (entity) this.showEntity(entity, entity.range.getBoundingClientRect());
        else this.ui.hideTooltip();
      });
    }, { passive: true });
    // A tap shows the tooltip; the tap still does what the page makes it do.
    on(document, 'pointerdown', (event) => {
      if (event.pointerType === 'mouse') return;
      const entity = this.entityAt(event.clientX, event.clientY);
      if (entity) this.showEntity(entity, entity.range.getBoundingClientRect());
      else this.ui.hideTooltip();
    }, { passive: true });
    // Keyboard focus on a link inside a name shows and announces that name.
    on(document, 'focusin', (event) => {
      const entity = this.entityInside(event.target);
      if (!entity) return;
      this.showEntity(entity, entity.range.getBoundingClientRect());
      this.ui.announce(this.ui.describe(entity, entity.group.mentions.size));
    });
    on(document, 'focusout', () => this.ui.hideTooltip());
    on(document, 'keydown', (event) => {
      if (event.key === 'Escape') this.ui.hideTooltip();
    });
    on(window, 'scroll', () => {
      this.ui.hideTooltip();
      if (this.entityCount > ALL_SHOWN_UP_TO) this.scheduleShowNearViewport();
    }, { passive: true, capture: true });
    on(window, 'resize', () => this.scheduleShowNearViewport(), { passive: true });
  }

  entityInside(element) {
    if (!(element instanceof Element) || !this.root.contains(element)) return undefined;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const entities = this.entitiesByNode.get(node);
      if (entities) return entities[0];
    }
    return undefined;
  }

  /** Moves to the next mention of a panel entry: scrolls to it, marks it and says where it is. */
  step(group) {
    const mentions = [...group.mentions].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    if (mentions.length === 0) return;
    group.next = (group.next ?? 0) % mentions.length;
    const entity = mentions[group.next];
    const { top } = entity.range.getBoundingClientRect();
    window.scrollBy({ top: top - innerHeight / 3, behavior: reducedMotion.matches ? 'instant' : 'smooth' });
    clearTimeout(this.focusTimer);
    if (canHighlight) {
      const focus = new Highlight(entity.range);
      focus.priority = 1;
      CSS.highlights.set('alam-focus', focus);
      this.focusTimer = setTimeout(() => CSS.highlights.delete('alam-focus'), FOCUS_MS);
    }
    this.showEntity(entity, entity.range.getBoundingClientRect());
    this.ui.announce(`${group.name}: ${group.next + 1} / ${mentions.length}`);
    group.next += 1;
  }

  // ---- the handle ----

  /** The root's text as read: its blocks joined by line breaks. */
  get text() {
    return this.states.map((state) => state.block.text).join('\n');
  }

  /** Every entity shown, in page order, with offsets into `text` and its Range. */
  get entities() {
    const all = [];
    let offset = 0;
    for (const state of this.states) {
      for (const { group, name, roles, ...entity } of state.entities) {
        all.push({ ...entity, start: entity.start + offset, end: entity.end + offset });
      }
      offset += state.block.text.length + 1;
    }
    return all;
  }

  remove() {
    if (this.removed) return;
    this.removed = true;
    clearTimeout(this.rescanTimer);
    clearTimeout(this.focusTimer);
    this.observer?.disconnect();
    cancelAnimationFrame(this.windowFrame);
    for (const stop of this.listeners) stop();
    for (const [label, highlight] of this.highlights) {
      if (CSS.highlights.get(`alam-${label}`) === highlight) CSS.highlights.delete(`alam-${label}`);
    }
    if (canHighlight) CSS.highlights.delete('alam-focus');
    for (const state of this.states) for (const wrap of state.wraps) wrap.restore();
    if (this.sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    this.ui?.destroy();
    this.extractor.close();
  }
}

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

highlightFromScriptTag();
