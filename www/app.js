// The paste page: extracts entities from the text box and shows them over a
// copy of the text with the CSS Custom Highlight API, which paints ranges
// without putting elements inside words, so Arabic letters keep joining.
// Extraction goes through the same worker as the widget's (worker-client.js),
// so typing never waits on the wasm; the tooltip, the hit test and the
// stepping through mentions are shared with the widget (entity-ui.js).

import { el, entityAt, Focus, groupsByLabel, labelNames, nextMention, supportsHighlights, swatch, Tooltip } from './entity-ui.js';
import { labels } from './labels.js';
import { openExtractor } from './worker-client.js';

const DEBOUNCE_MS = 150;
/** Quotes longer than this are shortened in the list. */
const QUOTE_CHARS = 90;

const input = document.getElementById('input');
const rendered = document.getElementById('rendered');
const status = document.getElementById('status');
const legend = document.getElementById('legend');
const entityList = document.getElementById('entity-list');
const quoteList = document.getElementById('quote-list');
const mentionPosition = document.getElementById('mention-position');

/** The page counts in Arabic; its tooltip heads with the mention's own text, then its group's name where that differs. */
const wording = {
  separator: ' ',
  swatchColour: () => 'var(--unknown-label)',
  mentionsText: (count) => `مرات الذكر: ${count}`,
  headsWithMention: true,
};
const tooltip = new Tooltip(document.getElementById('tooltip'), wording);
const focus = new Focus();
const extractor = openExtractor();

// The whole input lives in one text node, so the result's UTF-16 offsets are
// offsets into that node.
const textNode = document.createTextNode('');
rendered.append(textNode);

/** The latest text asked for: an answer for older text is not shown. */
let latest = 0;
/** What is shown now: the entities in text order, each with its Range and row. */
let shown = [];

const labelSwatch = (code) => swatch(code, wording.swatchColour(code));

function showLegend() {
  legend.replaceChildren(
    ...labels.map(({ code }) => el('li', {}, labelSwatch(code), ...labelNames(code, wording.separator), ' ', el('code', {}, code))),
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
 * @returns {Array<{label: string, name: string, roles: string[], mentions: Set<object>}>} in text order of first mention
 */
function entityRows(entities, groups = []) {
  const rows = groups.map(({ name, label, roles }) => ({ label, name, roles, mentions: new Set() }));
  const expressionRows = new Map();
  for (const entity of entities) {
    let row = rows[entity.entity];
    if (entity.entity === undefined) {
      const name = entity.text.trim();
      const key = `${entity.label}\u0000${name}`;
      if (!expressionRows.has(key)) {
        expressionRows.set(key, { label: entity.label, name, roles: [], mentions: new Set() });
        rows.push(expressionRows.get(key));
      }
      row = expressionRows.get(key);
    }
    row.mentions.add(entity);
    entity.row = row;
  }
  return rows.filter((row) => row.mentions.size > 0);
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

/** Brings a range into view and marks it: with the alam-focus highlight, or as the selection without CSS.highlights. */
function focusRange(range) {
  if (focus.move(range)) return;
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}

function showTooltip(entity) {
  tooltip.show(entity, { name: entity.row.name, roles: entity.row.roles, count: entity.row.mentions.size });
}

/** The shown entity at viewport point (x, y), found by its offset in the text node. */
function shownEntityAt(x, y) {
  return entityAt(x, y, (node, offset) => {
    if (node !== textNode) return undefined;
    // The last entity starting at or before the caret, or the one just after it (the caret may sit before its first letter).
    let low = 0;
    let high = shown.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (shown[middle].start <= offset) low = middle + 1;
      else high = middle;
    }
    return [shown[low - 1], shown[low]];
  });
}

let pointerFrame = 0;
rendered.addEventListener('pointermove', (event) => {
  cancelAnimationFrame(pointerFrame);
  pointerFrame = requestAnimationFrame(() => {
    const entity = shownEntityAt(event.clientX, event.clientY);
    if (entity) showTooltip(entity);
    else tooltip.hide();
  });
});
rendered.addEventListener('pointerleave', () => tooltip.hide());
// The tooltip follows its entity while the page scrolls (as it does after a step from the list).
addEventListener('scroll', () => tooltip.entity && tooltip.place(), { passive: true });
addEventListener('keydown', (event) => {
  if (event.key === 'Escape') tooltip.hide();
});

function entityButton(row) {
  const name = el('span', { class: 'name' }, row.name);
  if (row.roles.length > 0) name.append(el('span', { class: 'roles' }, row.roles.join('، ')));
  const button = el('button', { type: 'button' }, name, el('span', { class: 'count' }, String(row.mentions.size)));
  button.addEventListener('click', () => {
    const { mention, position } = nextMention(row);
    focusRange(mention.range);
    showTooltip(mention);
    mentionPosition.textContent = position;
  });
  // The tooltip follows the mention it shows; leaving the button takes it away.
  button.addEventListener('blur', () => tooltip.hide());
  return el('li', {}, button);
}

function showEntityList(rows) {
  const byLabel = groupsByLabel(rows);
  if (byLabel.length === 0) {
    entityList.replaceChildren(el('p', { class: 'note' }, 'لم يُعثر على كيانات.'));
    return;
  }
  entityList.replaceChildren(
    ...byLabel.map(([code, ofLabel, mentions]) =>
      el(
        'section',
        { class: 'entity-group' },
        el('h3', {}, labelSwatch(code), ...labelNames(code, wording.separator), ' ', el('span', { class: 'count' }, String(mentions))),
        el('ul', {}, ...ofLabel.map(entityButton)),
      ),
    ),
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
  tooltip.hide();
  for (const entity of entities) entity.range = rangeOf(entity.start, entity.end);
  shown = entities;
  if (supportsHighlights) showHighlights(entities);
  showEntityList(entityRows(entities, groups));
  showQuotes(text, quotes, groups);
  mentionPosition.textContent = '';
  status.classList.remove('error');
  status.textContent = `عدد الكيانات: ${entities.length} · الوقت: ${elapsed.toFixed(1)} ملّي ثانية`;
  if (!supportsHighlights) status.textContent += ' · هذا المتصفح لا يدعم CSS Custom Highlight API، فالقائمة وحدها تعمل.';
}

showLegend();
let pending;
input.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(() => show(input.value), DEBOUNCE_MS);
});
show(input.value);
