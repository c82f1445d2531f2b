// Types of www/alam.js; the result follows ../shared/CONTRACT.md.

/** One entity: offsets are UTF-16 code units, `text === input.slice(start, end)`. */
export interface Entity {
  start: number;
  end: number;
  label: 'PER' | 'LOC' | 'ORG' | 'MISC' | 'DATE' | 'TIME' | 'MONEY' | 'PERCENT' | 'QUANTITY' | (string & {});
  text: string;
  /** Fields the contract may add (a normalised `value`, a group index `entity`, …). */
  [field: string]: unknown;
}

/** The result for one document; more top-level keys (`groups`, `quotes`) may be present. */
export interface Extraction {
  entities: Entity[];
  [key: string]: unknown;
}

export interface Label {
  readonly code: string;
  readonly arabic: string;
  readonly english: string;
}

/** The entity types with their Arabic and English names. */
export const labels: readonly Label[];

/** Loads the WebAssembly once; by default `pkg/alam_bg.wasm` next to alam.js. */
export function init(moduleOrPath?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** The entities of `text`; throws if `init()` has not finished. */
export function extract(text: string): Extraction;
