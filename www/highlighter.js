// One highlight() call: reads the blocks of text under the root (dom-text.js),
// sends them to the worker in chunks (worker-client.js), paints what comes
// back (painter.js), wires the reading aids (embed-ui.js) to the page's
// pointer, focus and scrolling, and follows the page's changes until
// `remove()`. Main-thread work runs in slices of a few milliseconds.

import { blocksUnder } from './dom-text.js';
import { WidgetUI } from './embed-ui.js';
import { entityAt, supportsHighlights } from './entity-ui.js';
import { labels } from './labels.js';
import { Painter } from './painter.js';
import { openExtractor } from './worker-client.js';

/** Main-thread work between two yields to the page. */
const SLICE_MS = 8;
/** Most UTF-16 code units sent to the worker at once: a long article goes in several chunks. */
const CHUNK_UNITS = 32_768;
/** Quiet time after the page's last change before the text is read again. */
export const MUTATION_DEBOUNCE_MS = 200;
/** The budget for pages that keep changing: at most one new reading this often. */
const MUTATION_MIN_INTERVAL_MS = 1_000;

const allLabels = labels.map((label) => label.code);

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

/** One block of the page with its entities and, in the fallback, its wraps. */
class BlockState {
  constructor(block) {
    this.block = block;
    this.entities = [];
    this.wraps = [];
  }
}

/** The key joining the groups of an entity across chunks: its label and the core's group key (an expression's own text). */
function groupKey({ label, key }) {
  return `${label}\u0000${key}`;
}

export class Highlighter {
  constructor(root, { labels: shown = allLabels, exclude, panel = false, documentDate, modelUrl, dictionary }) {
    this.root = root;
    this.shown = new Set(shown);
    this.exclude = exclude;
    // The worker resolves URLs against its own; the page's are meant.
    this.extractor = openExtractor({ modelUrl: modelUrl && new URL(modelUrl, document.baseURI).href, dictionary });
    this.extractOptions = documentDate ? { documentDate } : undefined;
    this.states = [];
    this.painter = new Painter(root, () => this.states);
    /** Entity mentions by label and group key, across chunks: key → {label, name, roles: Set, mentions: Set}. */
    this.groups = new Map();
    /** Text node → entities with a part in it, for hit-testing. */
    this.entitiesByNode = new Map();
    /** Block text → entities found in it, reused when the page re-renders the same text. */
    this.found = new Map();
    this.removed = false;
    this.panelOption = panel;
    this.listeners = [];
    this.scanning = null;
    this.rescanTimer = undefined;
    this.lastScan = 0;
  }

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
      // `entity` indexes this chunk's groups, which the handle does not keep: the group's name, key and roles are kept instead.
      const { entity: groupIndex, ...fields } = entity;
      const group = groups?.[groupIndex];
      const name = (group?.name ?? entity.text).trim();
      const key = group?.key ?? name;
      state.found.push({ ...fields, start: entity.start - blockStart, end: entity.end - blockStart, name, key, roles: group?.roles ?? [] });
    }
  }

  /** Builds the Ranges of a block's entities and shows them; a block of a whole article's text takes several slices. */
  async paint(state, slices) {
    const found = state.found.filter((entity) => this.shown.has(entity.label));
    if (found.length === 0) return;
    if (!supportsHighlights) {
      this.painter.wrapWords(state, found);
      // The widget's own changes are not the page's.
      this.observer?.takeRecords();
    }
    for (const entity of found) {
      await slices.tick();
      if (this.removed) return;
      const range = state.block.range(entity.start, entity.end);
      const shownEntity = { ...entity, range };
      this.painter.add(state, shownEntity);
      this.addMention(shownEntity);
      const first = state.block.nodeIndexAt(entity.start, false);
      const last = state.block.nodeIndexAt(entity.end, true);
      for (let i = first; i <= last; i += 1) {
        const node = state.block.nodes[i];
        if (!this.entitiesByNode.has(node)) this.entitiesByNode.set(node, []);
        this.entitiesByNode.get(node).push(shownEntity);
      }
    }
    this.painter.scheduleShowNearViewport();
  }

  addMention(entity) {
    const key = groupKey(entity);
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
      entity.group.mentions.delete(entity);
      if (entity.group.mentions.size === 0) this.groups.delete(groupKey(entity));
    }
    for (const node of state.block.nodes) this.entitiesByNode.delete(node);
    this.painter.forget(state);
  }

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
    this.painter.showNearViewport();
    this.ui?.showGroups([...this.groups.values()]);
  }

  /** Adds the highlight styles and the widget's UI to the page. */
  show() {
    // The UI reads the page's direction first, while the page's styles are
    // still clean: after the sheet is added, reading a style would make the
    // browser recalculate every element's style there and then.
    this.ui = new WidgetUI({ panel: this.panelOption });
    this.painter.addStyles();
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
    this.painter.showNearViewport();
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

  /** The entity shown at viewport point (x, y), if any. */
  entityAt(x, y) {
    return entityAt(x, y, (node) => this.entitiesByNode.get(node));
  }

  /** Shows the entity under the pointer, a tap or the keyboard's focus; follows the scrolling. */
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
        if (entity) this.ui.showEntity(entity);
        else this.ui.hideTooltip();
      });
    }, { passive: true });
    // A tap shows the tooltip; the tap still does what the page makes it do.
    on(document, 'pointerdown', (event) => {
      if (event.pointerType === 'mouse') return;
      const entity = this.entityAt(event.clientX, event.clientY);
      if (entity) this.ui.showEntity(entity);
      else this.ui.hideTooltip();
    }, { passive: true });
    // Keyboard focus on a link inside a name shows and announces that name.
    on(document, 'focusin', (event) => {
      const entity = this.entityInside(event.target);
      if (!entity) return;
      this.ui.showEntity(entity);
      this.ui.announce(this.ui.describe(entity));
    });
    on(document, 'focusout', () => this.ui.hideTooltip());
    on(document, 'keydown', (event) => {
      if (event.key === 'Escape') this.ui.hideTooltip();
    });
    on(window, 'scroll', () => {
      this.ui.hideTooltip();
      this.painter.scrolled();
    }, { passive: true, capture: true });
    on(window, 'resize', () => this.painter.scheduleShowNearViewport(), { passive: true });
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

  /** The root's text as read: its blocks joined by line breaks. */
  get text() {
    return this.states.map((state) => state.block.text).join('\n');
  }

  /** Every entity shown, in page order, with offsets into `text` and its Range. */
  get entities() {
    const all = [];
    let offset = 0;
    for (const state of this.states) {
      for (const { group, name, key, roles, ...entity } of state.entities) {
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
    this.observer?.disconnect();
    for (const stop of this.listeners) stop();
    this.painter.remove();
    this.ui?.destroy();
    this.extractor.close();
  }
}
