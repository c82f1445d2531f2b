// Types of www/embed.js, the widget (see docs/contract.md, "Widget").

import type { DictionaryEntry, Entity } from './alam.js';

export type { DictionaryEntry, Entity, Extraction, Label } from './alam.js';

export interface HighlightOptions {
  /** Label codes to show, e.g. `['PER', 'LOC']`; all by default. */
  labels?: string[];
  /** A selector of parts of the root to leave out (comments, asides, captions). */
  exclude?: string;
  /** Whether to show the panel listing the entities by type, one row per entity with its roles; false by default. */
  panel?: boolean;
  /** The article's date, `YYYY-MM-DD`: weekdays get the date of that week's day on or before it. */
  documentDate?: string;
  /** A model file (`alam train`) to use instead of the shipped model, fetched by the worker; relative to the page. */
  modelUrl?: string | URL;
  /** The site's own names, found before the model's (with proclitics, without diacritics); `url` shows in the tooltip. */
  dictionary?: DictionaryEntry[];
}

/**
 * An entity of the page: the contract's fields (with `value`, `id`, `url`… where
 * present) but no group index `entity`, since a page is read in chunks; offsets
 * into `HighlightHandle.text`, and its DOM Range.
 */
export interface PageEntity extends Entity {
  range: Range;
}

export interface HighlightHandle {
  /** The entities shown under the root, in page order; kept current as the page changes. */
  readonly entities: PageEntity[];
  /** The root's text as read: its blocks (paragraphs, headings, cells…) joined by "\n". */
  readonly text: string;
  /** Takes every highlight, listener and element of the widget away and leaves the page as it was. */
  remove(): void;
}

/**
 * Highlights the entities under `root`. Rejects with an Error (after one
 * console warning, with the page untouched) if the WebAssembly, the worker or
 * the `modelUrl` model cannot load.
 */
export function highlight(root: Element, options?: HighlightOptions): Promise<HighlightHandle>;
