// The paste page: extracts entities from the text box and shows them over a
// copy of the text with the CSS Custom Highlight API, which paints ranges
// without putting elements inside words, so Arabic letters keep joining.
// Extraction goes through the same worker as the widget's (worker-client.js),
// so typing never waits on the wasm.

import { labels, nameKey } from './labels.js';
import { openExtractor } from './worker-client.js';

const DEBOUNCE_MS = 150;
const FOCUS_MS = 2500;

const input = document.getElementById('input');
const rendered = document.getElementById('rendered');
const status = document.getElementById('status');
const legend = document.getElementById('legend');
const entityList = document.getElementById('entity-list');
const mentionPosition = document.getElementById('mention-position');

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

/** Mentions by label, then by name: Map(label → Map(key → {name, ranges})). */
function groupMentions(entities, ranges) {
  const byLabel = new Map();
  entities.forEach((entity, i) => {
    if (!byLabel.has(entity.label)) byLabel.set(entity.label, new Map());
    const byName = byLabel.get(entity.label);
    const key = nameKey(entity.text);
    if (!byName.has(key)) byName.set(key, { name: entity.text.trim(), ranges: [] });
    byName.get(key).ranges.push(ranges[i]);
  });
  return byLabel;
}

function showHighlights(byLabel) {
  CSS.highlights.clear();
  for (const [code, byName] of byLabel) {
    const ranges = [...byName.values()].flatMap((group) => group.ranges);
    CSS.highlights.set(`alam-${code}`, new Highlight(...ranges));
  }
}

/** Brings one mention into view and marks it for a moment. */
function focusMention(range) {
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

function entityButton({ name, ranges }) {
  let next = 0;
  const count = el('span', { class: 'count' }, String(ranges.length));
  const button = el('button', { type: 'button' }, el('span', { class: 'name' }, name), count);
  button.addEventListener('click', () => {
    focusMention(ranges[next]);
    mentionPosition.textContent = `${name}: ${next + 1} / ${ranges.length}`;
    next = (next + 1) % ranges.length;
  });
  return el('li', {}, button);
}

function showEntityList(byLabel) {
  // Known labels in their usual order, any newer ones after them.
  const rank = (code) => (labelsByCode.has(code) ? labels.indexOf(labelsByCode.get(code)) : labels.length);
  const codes = [...byLabel.keys()].sort((a, b) => rank(a) - rank(b));
  if (codes.length === 0) {
    entityList.replaceChildren(el('p', { class: 'note' }, 'لم يُعثر على كيانات.'));
    return;
  }
  entityList.replaceChildren(
    ...codes.map((code) => {
      const groups = [...byLabel.get(code).values()].sort((a, b) => b.ranges.length - a.ranges.length);
      const mentions = groups.reduce((sum, group) => sum + group.ranges.length, 0);
      return el(
        'section',
        { class: 'entity-group' },
        el('h3', {}, swatch(code), ...labelNames(code), ' ', el('span', { class: 'count' }, String(mentions))),
        el('ul', {}, ...groups.map(entityButton)),
      );
    }),
  );
}

async function show(text) {
  const asked = ++latest;
  const started = performance.now();
  let entities;
  try {
    ({ entities } = await extractor.extract(text));
  } catch (error) {
    if (asked !== latest) return;
    status.textContent = `تعذّر الاستخراج (هل شُغّل cargo xtask build؟): ${error.message}`;
    status.classList.add('error');
    return;
  }
  if (asked !== latest) return;
  const elapsed = performance.now() - started;
  textNode.data = text;
  const ranges = entities.map(({ start, end }) => {
    const range = new Range();
    range.setStart(textNode, start);
    range.setEnd(textNode, end);
    return range;
  });
  const byLabel = groupMentions(entities, ranges);
  if (canHighlight) showHighlights(byLabel);
  showEntityList(byLabel);
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
