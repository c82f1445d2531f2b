// The widget's own interface: a tooltip for one entity, a live region for
// screen readers and an optional panel listing the entities by type. All of it
// lives in one shadow root, so the page's styles do not reach it and its styles
// do not reach the page. Colours are custom properties the page may set.

import { labels, valueText } from './labels.js';

const labelsByCode = new Map(labels.map((label) => [label.code, label]));

/** Default highlight colours, light and dark; the page overrides them with --alam-<LABEL>. */
export const palette = {
  light: { ink: '#1f1f24', PER: '#ffd19a', LOC: '#b5ebc4', ORG: '#bcd6ff', MISC: '#e3c9ff', DATE: '#fff09a', TIME: '#ffcfe6', MONEY: '#b8efe8', PERCENT: '#ffc2bd', QUANTITY: '#dcd7cc' },
  dark: { ink: '#f2f1ee', PER: '#7a4b12', LOC: '#1f5d35', ORG: '#24457a', MISC: '#56327f', DATE: '#6b5c0c', TIME: '#742a52', MONEY: '#155e57', PERCENT: '#7a2b26', QUANTITY: '#4d4a43' },
};

const UI_STYLE = `
:host { all: initial; }
* { box-sizing: border-box; }
.ui {
  --bg: var(--alam-ui-background, #ffffff);
  --fg: var(--alam-ui-ink, #1f1f24);
  --muted: var(--alam-ui-muted, #5c5b63);
  --line: var(--alam-ui-line, #d8d4ca);
  --accent: var(--alam-ui-accent, #0a5bb5);
  font: 15px/1.6 var(--alam-ui-font, "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, system-ui, sans-serif);
  color: var(--fg);
}
@media (prefers-color-scheme: dark) {
  .ui {
    --bg: var(--alam-ui-background, #202026);
    --fg: var(--alam-ui-ink, #ecebe8);
    --muted: var(--alam-ui-muted, #a8a7ae);
    --line: var(--alam-ui-line, #3a3a42);
    --accent: var(--alam-ui-accent, #7db4ff);
  }
}
.tooltip {
  position: fixed;
  z-index: 2147483647;
  max-inline-size: 18rem;
  padding: 0.4rem 0.7rem;
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 0.4rem;
  box-shadow: 0 2px 10px rgb(0 0 0 / 0.2);
  pointer-events: none;
  opacity: 1;
  transition: opacity 120ms ease-out;
}
.tooltip[hidden] { display: block; opacity: 0; visibility: hidden; }
/* Only a tooltip with a link takes the pointer, so the link can be followed. */
.tooltip:has(a) { pointer-events: auto; }
.tooltip a { color: var(--accent); }
.detail, .roles { display: block; font-size: 0.85em; }
.roles { color: var(--muted); }
.type { display: flex; align-items: center; gap: 0.35rem; color: var(--muted); font-size: 0.85em; }
.name { display: block; font-weight: bold; font-size: 1.05em; }
.mentions { color: var(--muted); font-size: 0.85em; }
.latin { font-family: system-ui, sans-serif; }
.swatch {
  display: inline-block;
  inline-size: 0.9em;
  block-size: 0.9em;
  border-radius: 0.2em;
  border: 1px solid var(--line);
  background: var(--swatch);
  flex: none;
}
.toggle {
  position: fixed;
  z-index: 2147483646;
  bottom: 1rem;
  padding: 0.4rem 0.9rem;
  font: inherit;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 2rem;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  cursor: pointer;
}
.panel {
  position: fixed;
  z-index: 2147483646;
  bottom: 3.8rem;
  inline-size: min(20rem, calc(100vw - 2rem));
  max-block-size: min(28rem, calc(100vh - 6rem));
  overflow-y: auto;
  padding: 0.75rem 1rem;
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 0.6rem;
  box-shadow: 0 4px 18px rgb(0 0 0 / 0.2);
}
.panel[hidden] { display: none; }
.panel h2 { font-size: 1em; margin: 0 0 0.5rem; }
.panel h3 { display: flex; align-items: center; gap: 0.35rem; font-size: 0.95em; margin: 0.6rem 0 0.25rem; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.panel li { display: flex; align-items: center; gap: 0.25rem; }
/* A dictionary entry's link beside its row: the tooltip's link is out of the keyboard's reach. */
.panel li a { flex: none; padding: 0.2rem 0.4rem; color: var(--accent); text-decoration: none; border-radius: 0.3rem; }
.panel li a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.panel li button {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  inline-size: 100%;
  padding: 0.2rem 0.5rem;
  font: inherit;
  text-align: start;
  color: inherit;
  background: none;
  border: 1px solid transparent;
  border-radius: 0.3rem;
  cursor: pointer;
}
.panel li button:hover { border-color: var(--line); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.panel li .label-name { flex: 1; }
.panel li .roles { font-size: 0.8em; }
.count {
  margin-inline-start: auto;
  min-inline-size: 1.8em;
  padding: 0 0.4em;
  font: 0.8em/1.6 system-ui, sans-serif;
  text-align: center;
  border-radius: 1em;
  background: var(--line);
}
.visually-hidden {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
@media (prefers-reduced-motion: reduce) {
  .tooltip { transition: none; }
}
`;

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function swatch(code) {
  const element = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  element.style.setProperty('--swatch', `var(--alam-${code}, ${palette.light[code] ?? '#d0d0d0'})`);
  return element;
}

/** The type's Arabic and English names; a label added to the core later shows by its code. */
function typeNames(code) {
  const label = labelsByCode.get(code);
  if (!label) return [el('span', { lang: 'en', class: 'latin' }, code)];
  return [el('span', {}, label.arabic), ' · ', el('span', { lang: 'en', dir: 'ltr', class: 'latin' }, label.english)];
}

function mentionsText(count) {
  return `${count === 1 ? 'ذُكر مرة واحدة' : `ذُكر ${count} مرات`} · ${count === 1 ? '1 mention' : `${count} mentions`}`;
}

/** Labels in the usual order, any newer ones after them. */
function byLabelOrder(a, b) {
  const rank = (code) => (labelsByCode.has(code) ? labels.indexOf(labelsByCode.get(code)) : labels.length);
  return rank(a) - rank(b);
}

export class WidgetUI {
  /**
   * @param {{panel: boolean, onChoose(group: object): void}} options
   *   `onChoose` is called when a panel entry is chosen, with the group given to showGroups().
   */
  constructor({ panel, onChoose }) {
    this.host = el('div', { 'data-alam-widget': '' });
    const shadow = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UI_STYLE);
    shadow.adoptedStyleSheets = [sheet];

    this.ui = el('div', { class: 'ui', dir: 'rtl', lang: 'ar' });
    this.tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: '' });
    this.announcer = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.ui.append(this.tooltip, this.announcer);
    this.onChoose = onChoose;
    // The panel's text is Arabic, but it sits at the end of the page's lines: bottom left on a right-to-left page.
    const end = getComputedStyle(document.body).direction === 'rtl' ? 'left' : 'right';
    if (panel) {
      this.toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'alam-panel' });
      this.panel = el('section', { id: 'alam-panel', class: 'panel', 'aria-labelledby': 'alam-panel-title', hidden: '' });
      this.toggle.addEventListener('click', () => this.setPanelOpen(this.panel.hidden));
      this.panel.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          this.setPanelOpen(false);
          this.toggle.focus();
        }
      });
      this.toggle.style[end] = '1rem';
      this.panel.style[end] = '1rem';
      this.ui.append(this.toggle, this.panel);
      this.showGroups([]);
    }
    shadow.append(this.ui);
    document.body.append(this.host);
  }

  setPanelOpen(open) {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) this.panel.querySelector('button')?.focus();
  }

  /**
   * Shows `entity` in the tooltip next to `rect` (a DOMRect in viewport coordinates):
   * its type, name, an expression's value, the roles of its group, the
   * dictionary entry's link and how often it is mentioned.
   * @param {{label: string, name: string, value?: string | number, url?: string}} entity
   * @param {number} count mentions of the same entity
   * @param {Iterable<string>} roles
   */
  showTooltip(entity, count, roles, rect) {
    const { label, name, value, url } = entity;
    const roleList = [...roles];
    this.tooltip.replaceChildren(
      el('span', { class: 'type' }, swatch(label), ...typeNames(label)),
      el('span', { class: 'name', dir: 'auto' }, name),
      ...(value !== undefined ? [el('span', { class: 'detail' }, 'القيمة · ', el('span', { lang: 'en', class: 'latin' }, 'value'), ': ', el('bdi', { class: 'value' }, valueText(entity)))] : []),
      ...(roleList.length > 0 ? [el('span', { class: 'roles' }, roleList.join('، '))] : []),
      ...(url ? [el('span', { class: 'detail' }, el('a', { href: url, rel: 'noopener', target: '_blank', dir: 'auto' }, url))] : []),
      el('span', { class: 'mentions' }, mentionsText(count)),
    );
    this.tooltip.hidden = false;
    const { width, height } = this.tooltip.getBoundingClientRect();
    const margin = 6;
    const top = rect.top - height - margin >= 0 ? rect.top - height - margin : rect.bottom + margin;
    const left = Math.min(Math.max(margin, rect.left + rect.width / 2 - width / 2), innerWidth - width - margin);
    this.tooltip.style.top = `${top}px`;
    this.tooltip.style.left = `${left}px`;
  }

  hideTooltip() {
    this.tooltip.hidden = true;
  }

  announce(text) {
    this.announcer.textContent = text;
  }

  /** Describes an entity for the live region. */
  describe({ label, name }, count) {
    const type = labelsByCode.get(label);
    return `${type ? `${type.arabic} (${type.english})` : label}: ${name}، ${mentionsText(count)}`;
  }

  /**
   * Lists the entities in the panel.
   * @param {Array<{label: string, name: string, url?: string, roles: Set<string>, mentions: {size: number}}>} groups
   */
  showGroups(groups) {
    if (!this.panel) return;
    const byLabel = new Map();
    for (const group of groups) {
      if (!byLabel.has(group.label)) byLabel.set(group.label, []);
      byLabel.get(group.label).push(group);
    }
    const total = groups.reduce((sum, group) => sum + group.mentions.size, 0);
    this.toggle.replaceChildren('الكيانات', ' · ', el('span', { lang: 'en', class: 'latin' }, 'Entities'), ' ', el('span', { class: 'count' }, String(total)));
    const sections = [...byLabel.keys()].sort(byLabelOrder).map((label) => {
      const entries = byLabel.get(label).sort((a, b) => b.mentions.size - a.mentions.size);
      const mentions = entries.reduce((sum, group) => sum + group.mentions.size, 0);
      const buttons = entries.map((group) => {
        const roles = group.roles.size > 0 ? [el('span', { class: 'roles' }, [...group.roles].join('، '))] : [];
        const name = el('span', { class: 'label-name', dir: 'auto' }, group.name, ...roles);
        const button = el('button', { type: 'button' }, name, el('span', { class: 'count' }, String(group.mentions.size)));
        button.addEventListener('click', () => this.onChoose(group));
        const link = group.url
          ? [el('a', { href: group.url, rel: 'noopener', target: '_blank', 'aria-label': `${group.name}: ${group.url}`, title: group.url }, '↗')]
          : [];
        return el('li', {}, button, ...link);
      });
      return el('section', {}, el('h3', {}, swatch(label), ...typeNames(label), el('span', { class: 'count' }, String(mentions))), el('ul', {}, ...buttons));
    });
    this.panel.replaceChildren(
      el('h2', { id: 'alam-panel-title' }, 'الكيانات في المقال ', el('span', { lang: 'en', class: 'latin' }, 'Entities in the article')),
      ...(sections.length > 0 ? sections : [el('p', {}, 'لم يُعثر على كيانات.')]),
    );
  }

  destroy() {
    this.host.remove();
  }
}
