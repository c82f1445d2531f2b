// The widget's own interface: a tooltip for one entity, a live region for
// screen readers and an optional panel listing the entities by type, whose
// entries step through their mentions (the parts shared with the paste page
// are entity-ui.js's). All of it lives in one shadow root, so the page's
// styles do not reach it and its styles do not reach the page. Colours are
// custom properties the page may set.

import { el, Focus, groupsByLabel, labelNames, nextMention, swatch, Tooltip } from './entity-ui.js';
import { labels } from './labels.js';
import { palette } from './painter.js';

const labelsByCode = new Map(labels.map((label) => [label.code, label]));

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

function mentionsText(count) {
  return `${count === 1 ? 'ذُكر مرة واحدة' : `ذُكر ${count} مرات`} · ${count === 1 ? '1 mention' : `${count} mentions`}`;
}

/** The widget says everything in Arabic and English; its tooltip names the entity by its group, the mention being right there in the page. */
const wording = {
  separator: ' · ',
  swatchColour: (code) => palette.light[code] ?? '#d0d0d0',
  mentionsText,
  headsWithMention: false,
};

const labelSwatch = (code) => swatch(code, wording.swatchColour(code));

export class WidgetUI {
  /** @param {{panel: boolean}} options */
  constructor({ panel }) {
    this.host = el('div', { 'data-alam-widget': '' });
    const shadow = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UI_STYLE);
    shadow.adoptedStyleSheets = [sheet];

    this.ui = el('div', { class: 'ui', dir: 'rtl', lang: 'ar' });
    const tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: '' });
    this.tooltip = new Tooltip(tooltip, wording);
    this.focus = new Focus();
    this.announcer = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.ui.append(tooltip, this.announcer);
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
   * Shows a highlighted entity in the tooltip, with its group's roles and mentions.
   * @param {{label: string, text: string, name: string, range: Range, group: {roles: Set<string>, mentions: Set<object>}}} entity
   */
  showEntity(entity) {
    this.tooltip.show(entity, { name: entity.name, roles: entity.group.roles, count: entity.group.mentions.size });
  }

  hideTooltip() {
    this.tooltip.hide();
  }

  announce(text) {
    this.announcer.textContent = text;
  }

  /** Describes an entity for the live region. */
  describe({ label, name, group }) {
    const type = labelsByCode.get(label);
    return `${type ? `${type.arabic} (${type.english})` : label}: ${name}، ${mentionsText(group.mentions.size)}`;
  }

  /** Moves to the next mention of a panel entry: scrolls to it, marks it and says where it is. */
  step(group) {
    const next = nextMention(group);
    if (!next) return;
    this.focus.move(next.mention.range);
    this.showEntity(next.mention);
    this.announce(next.position);
  }

  /**
   * Lists the entities in the panel.
   * @param {Array<{label: string, name: string, url?: string, roles: Set<string>, mentions: Set<object>}>} groups
   */
  showGroups(groups) {
    if (!this.panel) return;
    const total = groups.reduce((sum, group) => sum + group.mentions.size, 0);
    this.toggle.replaceChildren('الكيانات', ' · ', el('span', { lang: 'en', class: 'latin' }, 'Entities'), ' ', el('span', { class: 'count' }, String(total)));
    const sections = groupsByLabel(groups).map(([label, entries, mentions]) => {
      const buttons = entries.map((group) => {
        const roles = group.roles.size > 0 ? [el('span', { class: 'roles' }, [...group.roles].join('، '))] : [];
        const name = el('span', { class: 'label-name', dir: 'auto' }, group.name, ...roles);
        const button = el('button', { type: 'button' }, name, el('span', { class: 'count' }, String(group.mentions.size)));
        button.addEventListener('click', () => this.step(group));
        const link = group.url
          ? [el('a', { href: group.url, rel: 'noopener', target: '_blank', 'aria-label': `${group.name}: ${group.url}`, title: group.url }, '↗')]
          : [];
        return el('li', {}, button, ...link);
      });
      return el('section', {}, el('h3', {}, labelSwatch(label), ...labelNames(label, wording.separator), el('span', { class: 'count' }, String(mentions))), el('ul', {}, ...buttons));
    });
    this.panel.replaceChildren(
      el('h2', { id: 'alam-panel-title' }, 'الكيانات في المقال ', el('span', { lang: 'en', class: 'latin' }, 'Entities in the article')),
      ...(sections.length > 0 ? sections : [el('p', {}, 'لم يُعثر على كيانات.')]),
    );
  }

  destroy() {
    this.focus.clear();
    this.host.remove();
  }
}
