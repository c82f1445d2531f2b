// The interface around highlighted entities that the paste page (app.js) and
// the widget (embed-ui.js) share: label names and swatches, the tooltip of one
// entity and where it goes, which entity is under a point, and stepping
// through an entity's mentions. Its top level needs no DOM, so it also loads
// where there is none.

import { labels, valueText } from './labels.js';

/** How long a mention stepped to stays marked. */
const FOCUS_MS = 2_500;

const labelsByCode = new Map(labels.map((label) => [label.code, label]));

/** Whether the browser paints CSS Custom Highlights. */
export const supportsHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** An element with its attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A label's colour: `--alam-<LABEL>`, or `fallback` where the page sets none. */
export function swatch(code, fallback) {
  const element = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  element.style.setProperty('--swatch', `var(--alam-${code}, ${fallback})`);
  return element;
}

/** A label's Arabic and English names with `separator` between them; a label added to the core later shows by its code. */
export function labelNames(code, separator) {
  const label = labelsByCode.get(code);
  if (!label) return [el('span', { lang: 'en', class: 'latin' }, code)];
  return [el('span', {}, label.arabic), separator, el('span', { lang: 'en', dir: 'ltr', class: 'latin' }, label.english)];
}

/**
 * Groups by label: [label, its groups (most mentioned first), its mentions],
 * labels in the usual order, any newer ones after them.
 */
export function groupsByLabel(groups) {
  const byLabel = new Map();
  for (const group of groups) {
    if (!byLabel.has(group.label)) byLabel.set(group.label, []);
    byLabel.get(group.label).push(group);
  }
  const rank = (code) => (labelsByCode.has(code) ? labels.indexOf(labelsByCode.get(code)) : labels.length);
  return [...byLabel.keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((label) => {
      const ofLabel = byLabel.get(label).sort((a, b) => b.mentions.size - a.mentions.size);
      return [label, ofLabel, ofLabel.reduce((sum, group) => sum + group.mentions.size, 0)];
    });
}

/**
 * The tooltip of one entity, next to it (above it where there is room): its
 * type, name, an expression's value, its group's roles, a dictionary entry's
 * link and how often it is mentioned.
 */
export class Tooltip {
  /**
   * @param {HTMLElement} element hidden until shown
   * @param {{separator: string, swatchColour(code: string): string, mentionsText(count: number): string, headsWithMention: boolean}} wording
   *   `separator` goes between an Arabic word and its English one; `headsWithMention`: the mention's own text heads the
   *   tooltip, its group's name after it where they differ, rather than the name alone
   */
  constructor(element, wording) {
    this.element = element;
    this.wording = wording;
    /** The entity shown, while it is. */
    this.entity = null;
  }

  /** @param {{name: string, roles: Iterable<string>, count: number}} group the entity's group: its name, roles and number of mentions */
  show(entity, { name, roles, count }) {
    const { separator, swatchColour, mentionsText, headsWithMention } = this.wording;
    const { label, text, value, url } = entity;
    const roleList = [...roles];
    this.element.replaceChildren(
      el('span', { class: 'type' }, swatch(label, swatchColour(label)), ...labelNames(label, separator)),
      el('strong', { class: 'name', dir: 'auto' }, headsWithMention ? text : name),
      ...(headsWithMention && name !== text.trim() ? [el('span', {}, '= ', el('bdi', {}, name))] : []),
      ...(value !== undefined
        ? [el('span', { class: 'detail' }, 'القيمة', separator, el('span', { lang: 'en', class: 'latin' }, 'value'), ': ', el('bdi', { class: 'value' }, valueText(entity)))]
        : []),
      ...(roleList.length > 0 ? [el('span', { class: 'roles' }, roleList.join('، '))] : []),
      ...(url ? [el('span', { class: 'detail' }, el('a', { href: url, rel: 'noopener', target: '_blank', dir: 'auto' }, url))] : []),
      el('span', { class: 'mentions' }, mentionsText(count)),
    );
    this.element.hidden = false;
    this.entity = entity;
    this.place();
  }

  /** Puts the tooltip above its entity, or below it near the top of the window. */
  place() {
    const rect = this.entity.range.getBoundingClientRect();
    const { width, height } = this.element.getBoundingClientRect();
    const margin = 6;
    const top = rect.top - height - margin >= 0 ? rect.top - height - margin : rect.bottom + margin;
    const left = Math.min(Math.max(margin, rect.left + rect.width / 2 - width / 2), innerWidth - width - margin);
    this.element.style.top = `${top}px`;
    this.element.style.left = `${left}px`;
  }

  hide() {
    this.element.hidden = true;
    this.entity = null;
  }
}

/**
 * The entity at viewport point (x, y): of the `candidates(node, offset)` at
 * the text position there, the one whose rectangles hold the point (the caret
 * lands between letters, so the rectangles decide).
 */
export function entityAt(x, y, candidates) {
  let node;
  let offset;
  if (document.caretPositionFromPoint) ({ offsetNode: node, offset } = document.caretPositionFromPoint(x, y) ?? {});
  else ({ startContainer: node, startOffset: offset } = document.caretRangeFromPoint?.(x, y) ?? {});
  if (!node) return undefined;
  return candidates(node, offset)?.find(
    (entity) => entity && [...entity.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
  );
}

/**
 * The next mention of `group` ({name, mentions}) in page order, from the first
 * again after the last (`group.next` keeps the place), and its position to
 * announce: {mention, position}.
 */
export function nextMention(group) {
  const mentions = [...group.mentions].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  if (mentions.length === 0) return undefined;
  const index = (group.next ?? 0) % mentions.length;
  group.next = index + 1;
  return { mention: mentions[index], position: `${group.name}: ${index + 1} / ${mentions.length}` };
}

/** Brings a range into view and marks it with the `alam-focus` highlight for a moment. */
export class Focus {
  /** @returns {boolean} whether the range is marked: not where the browser has no CSS.highlights */
  move(range) {
    clearTimeout(this.timer);
    const { top } = range.getBoundingClientRect();
    window.scrollBy({ top: top - innerHeight / 3, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
    if (!supportsHighlights) return false;
    const mark = new Highlight(range);
    mark.priority = 1;
    CSS.highlights.set('alam-focus', mark);
    this.timer = setTimeout(() => CSS.highlights.delete('alam-focus'), FOCUS_MS);
    return true;
  }

  clear() {
    clearTimeout(this.timer);
    if (supportsHighlights) CSS.highlights.delete('alam-focus');
  }
}
