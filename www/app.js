// The paste page: extracts entities from the text box and shows them over a
// copy of the text with the CSS Custom Highlight API, which paints ranges
// without putting elements inside words, so Arabic letters keep joining.
// Extraction goes through the same worker as the widget's (worker-client.js),
// so typing never waits on the wasm.

import { labels, nameKey, valueText } from './labels.js';
import { openExtractor } from './worker-client.js';

const DEBOUNCE_MS = 150;
const FOCUS_MS = 2500;
/** Quotes longer than this are shortened in the list. */
const QUOTE_CHARS = 90;

const input = document.getElementById('input');
const rendered = document.getElementById('rendered');
const status = document.getElementById('status');
const legend = document.getElementById('legend');
const entityList = document.getElementById('entity-list');
const quoteList = document.getElementById('quote-list');
const mentionPosition = document.getElementById('mention-position');
const tooltip = document.getElementById('tooltip');

const canHighlight = typeof CSS !== 'undefined' && 'highlights' in CSS;
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const labelsByCode = new Map(labels.map((label) => [label.code, label]));
const extractor = openExtractor();

// The whole input lives in one text node, so the result's UTF-16 offsets are
// offsets into that node.
const textNode = document.createTextNode('');
rendered.append(textNode);

let focusTimer;
/** The latest text asked for: an answer for older text is not shown. */
let latest = 0;
/** What is shown now: the entities in text order, each with its Range and row. */
let shown = [];
/** The entity the tooltip shows, if it is shown. */
let tooltipEntity = null;

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

function swatch(code) {
  const element = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  element.style.setProperty('--swatch', `var(--alam-${code}, var(--unknown-label))`);
  return element;
}

/** The label's Arabic and English names; a label added to the core later shows by its code. */
function labelNames(code) {
  const label = labelsByCode.get(code);
  if (!label) return [el('code', {}, code)];
  return [el('span', {}, label.arabic), ' ', el('span', { class: 'latin', lang: 'en', dir: 'ltr' }, label.english)];
}

function showLegend() {
  legend.replaceChildren(
    ...labels.map(({ code }) => el('li', {}, swatch(code), ...labelNames(code), ' ', el('code', {}, code))),
  );
}

function rangeOf(start, end) {
  const range = new Range();
  range.setStart(textNode, start);
  range.setEnd(textNode, end);
  return range;
}

/**
 * One row per entity: each of the result's groups (a person, place,
 * organisation with all its mentions and roles), and each expression text.
 * @returns {Array<{label: string, name: string, roles: string[], mentions: object[]}>} in text order of first mention
 */
function entityRows(entities, groups = []) {
  const rows = groups.map(({ name, label, roles }) => ({ label, name, roles, mentions: [] }));
  const expressionRows = new Map();
  for (const entity of entities) {
    let row = rows[entity.entity];
    if (entity.entity === undefined) {
      const key = `${entity.label}\u0000${nameKey(entity.text)}`;
      if (!expressionRows.has(key)) {
        expressionRows.set(key, { label: entity.label, name: entity.text.trim(), roles: [], mentions: [] });
        rows.push(expressionRows.get(key));
      }
      row = expressionRows.get(key);
    }
    row.mentions.push(entity);
    entity.row = row;
  }
  return rows.filter((row) => row.mentions.length > 0);
}

function showHighlights(entities) {
  CSS.highlights.clear();
  const byLabel = new Map();
  for (const { label, range } of entities) {
    if (!byLabel.has(label)) byLabel.set(label, []);
    byLabel.get(label).push(range);
  }
  for (const [code, ranges] of byLabel) CSS.highlights.set(`alam-${code}`, new Highlight(...ranges));
}

/** Brings a range into view and marks it for a moment. */
function focusRange(range) {
  clearTimeout(focusTimer);
  if (canHighlight) {
    const focus = new Highlight(range);
    focus.priority = 1;
    CSS.highlights.set('alam-focus', focus);
    focusTimer = setTimeout(() => CSS.highlights.delete('alam-focus'), FOCUS_MS);
  } else {
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }
  const { top } = range.getBoundingClientRect();
  window.scrollBy({ top: top - innerHeight / 3, behavior: reducedMotion.matches ? 'instant' : 'smooth' });
}

// ---- the tooltip: type, name, value, roles of the entity under the pointer ----

function showTooltip(entity) {
  const { label, text, row } = entity;
  const lines = [el('span', { class: 'tooltip-type' }, swatch(label), ...labelNames(label)), el('strong', { dir: 'auto' }, text)];
  if (row.name !== text.trim()) lines.push(el('span', {}, '= ', el('bdi', {}, row.name)));
  if (entity.value !== undefined) {
    lines.push(el('span', {}, 'القيمة ', el('span', { class: 'latin', lang: 'en' }, 'value'), ': ', el('bdi', { class: 'value' }, valueText(entity))));
  }
  if (row.roles.length > 0) lines.push(el('span', { class: 'roles' }, row.roles.join('، ')));
  lines.push(el('span', { class: 'tooltip-count' }, `مرات الذكر: ${row.mentions.length}`));
  tooltip.replaceChildren(...lines);
  tooltip.hidden = false;
  tooltipEntity = entity;
  placeTooltip();
}

/** Puts the tooltip above its entity (below it near the top of the window). */
function placeTooltip() {
  const rect = tooltipEntity.range.getBoundingClientRect();
  const { width, height } = tooltip.getBoundingClientRect();
  const margin = 6;
  tooltip.style.top = `${rect.top - height - margin >= 0 ? rect.top - height - margin : rect.bottom + margin}px`;
  tooltip.style.left = `${Math.min(Math.max(margin, rect.left + rect.width / 2 - width / 2), innerWidth - width - margin)}px`;
}

function hideTooltip() {
  tooltip.hidden = true;
  tooltipEntity = null;
}

/** The shown entity at viewport point (x, y): by its offset in the text node, then its rectangles. */
function entityAt(x, y) {
  let node;
  let offset;
  if (document.caretPositionFromPoint) ({ offsetNode: node, offset } = document.caretPositionFromPoint(x, y) ?? {});
  else ({ startContainer: node, startOffset: offset } = document.caretRangeFromPoint?.(x, y) ?? {});
  if (node !== textNode) return undefined;
  // The last entity starting at or before the caret, or the one just after it (the caret may sit before its first letter).
  let low = 0;
  let high = shown.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (shown[middle].start <= offset) low = middle + 1;
    else high = middle;
  }
  return [shown[low - 1], shown[low]].find(
    (entity) => entity && [...entity.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
  );
}

let pointerFrame = 0;
rendered.addEventListener('pointermove', (event) => {
  cancelAnimationFrame(pointerFrame);
  pointerFrame = requestAnimationFrame(() => {
    const entity = entityAt(event.clientX, event.clientY);
    if (entity) showTooltip(entity);
    else hideTooltip();
  });
});
rendered.addEventListener('pointerleave', hideTooltip);
// The tooltip follows its entity while the page scrolls (as it does after a step from the list).
addEventListener('scroll', () => tooltipEntity && placeTooltip(), { passive: true });
addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTooltip();
});

// ---- the lists ----

function entityButton(row) {
  let next = 0;
  const name = el('span', { class: 'name' }, row.name);
  if (row.roles.length > 0) name.append(el('span', { class: 'roles' }, row.roles.join('، ')));
  const button = el('button', { type: 'button' }, name, el('span', { class: 'count' }, String(row.mentions.length)));
  button.addEventListener('click', () => {
    const mention = row.mentions[next];
    focusRange(mention.range);
    showTooltip(mention);
    mentionPosition.textContent = `${row.name}: ${next + 1} / ${row.mentions.length}`;
    next = (next + 1) % row.mentions.length;
  });
  // The tooltip follows the mention it shows; leaving the button takes it away.
  button.addEventListener('blur', hideTooltip);
  return el('li', {}, button);
}

function showEntityList(rows) {
  // Known labels in their usual order, any newer ones after them.
  const rank = (code) => (labelsByCode.has(code) ? labels.indexOf(labelsByCode.get(code)) : labels.length);
  const codes = [...new Set(rows.map((row) => row.label))].sort((a, b) => rank(a) - rank(b));
  if (codes.length === 0) {
    entityList.replaceChildren(el('p', { class: 'note' }, 'لم يُعثر على كيانات.'));
    return;
  }
  entityList.replaceChildren(
    ...codes.map((code) => {
      const ofLabel = rows.filter((row) => row.label === code).sort((a, b) => b.mentions.length - a.mentions.length);
      const mentions = ofLabel.reduce((sum, row) => sum + row.mentions.length, 0);
      return el(
        'section',
        { class: 'entity-group' },
        el('h3', {}, swatch(code), ...labelNames(code), ' ', el('span', { class: 'count' }, String(mentions))),
        el('ul', {}, ...ofLabel.map(entityButton)),
      );
    }),
  );
}

/** The quotes with their speakers, by the speaker's group name where there is one. */
function showQuotes(text, quotes = [], groups = []) {
  if (quotes.length === 0) {
    quoteList.replaceChildren(el('li', { class: 'note' }, 'لا اقتباسات.'));
    return;
  }
  quoteList.replaceChildren(
    ...quotes.map(({ start, end, speaker }) => {
      const words = text.slice(start, end);
      const shortened = words.length > QUOTE_CHARS ? `${words.slice(0, QUOTE_CHARS).trimEnd()}…` : words;
      const who = speaker ? (groups[speaker.entity]?.name ?? speaker.text) : 'بلا قائل';
      const button = el(
        'button',
        { type: 'button' },
        el('span', { class: speaker ? 'speaker' : 'speaker none' }, who),
        el('q', { dir: 'auto' }, shortened),
      );
      button.addEventListener('click', () => focusRange(rangeOf(start, end)));
      return el('li', {}, button);
    }),
  );
}

async function show(text) {
  const asked = ++latest;
  const started = performance.now();
  let result;
  try {
    result = await extractor.extract(text);
  } catch (error) {
    if (asked !== latest) return;
    status.textContent = `تعذّر الاستخراج (هل شُغّل cargo xtask build؟): ${error.message}`;
    status.classList.add('error');
    return;
  }
  if (asked !== latest) return;
  const elapsed = performance.now() - started;
  const { entities, groups, quotes } = result;
  textNode.data = text;
  hideTooltip();
  for (const entity of entities) entity.range = rangeOf(entity.start, entity.end);
  shown = entities;
  if (canHighlight) showHighlights(entities);
  showEntityList(entityRows(entities, groups));
  showQuotes(text, quotes, groups);
  mentionPosition.textContent = '';
  status.classList.remove('error');
  status.textContent = `عدد الكيانات: ${entities.length} · الوقت: ${elapsed.toFixed(1)} ملّي ثانية`;
  if (!canHighlight) status.textContent += ' · هذا المتصفح لا يدعم CSS Custom Highlight API، فالقائمة وحدها تعمل.';
}

showLegend();
let pending;
input.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(() => show(input.value), DEBOUNCE_MS);
});
show(input.value);
