// Types of www/embed.js, the widget (see ../shared/CONTRACT.md, "Widget").

import type { Entity } from './alam.js';

export type { Entity, Extraction, Label } from './alam.js';

export interface HighlightOptions {
  /** Label codes to show, e.g. `['PER', 'LOC']`; all by default. */
  labels?: string[];
  /** A selector of parts of the root to leave out (comments, asides, captions). */
  exclude?: string;
  /** Whether to show the panel listing the entities by type; false by default. */
  panel?: boolean;
}

/** An entity of the page: the contract's fields, offsets into `HighlightHandle.text`, and its DOM Range. */
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
 * Highlights the entities under `root`. Rejects (after one console warning,
 * with the page untouched) if the WebAssembly or the worker cannot load.
 */
export function highlight(root: Element, options?: HighlightOptions): Promise<HighlightHandle>;
