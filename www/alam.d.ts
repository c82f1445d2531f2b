// Types of www/alam.js; the result follows docs/contract.md.

/** One entity: offsets are UTF-16 code units, `text === input.slice(start, end)`. */
export interface Entity {
  start: number;
  end: number;
  label: 'PER' | 'LOC' | 'ORG' | 'MISC' | 'DATE' | 'TIME' | 'MONEY' | 'PERCENT' | 'QUANTITY' | (string & {});
  text: string;
  /** An expression's normalised value: an ISO 8601 date or time, or a number. */
  value?: string | number;
  /** ISO 4217 code of a MONEY amount, where the text fixes it. */
  currency?: string;
  /** What a QUANTITY counts, or a currency's name. */
  unit?: string;
  /** `early`, `mid` or `late` for a DATE. */
  qualifier?: string;
  /** `islamic` for a Hijri DATE. */
  calendar?: string;
  /** A dictionary entry's id and link. */
  id?: string;
  url?: string;
  /** Index into `groups` of a PER, LOC, ORG or MISC mention. */
  entity?: number;
  [field: string]: unknown;
}

/** Mentions of one person, place, organisation or other name. */
export interface Group {
  name: string;
  /** `name` folded as the core matches text (no harakat or tatweel; one alef, ي for ى, ه for ة; ASCII digits) and without the article ال, words joined by one space: groups of the same entity in two texts have the same label and key. */
  key: string;
  label: string;
  roles: string[];
  /** Indices into `entities`. */
  mentions: number[];
}

export interface Quote {
  start: number;
  end: number;
  speaker: { start: number; end: number; text: string; entity?: number } | null;
}

/** The result for one document; `groups` and `quotes` are left out when empty. */
export interface Extraction {
  entities: Entity[];
  groups?: Group[];
  quotes?: Quote[];
  [key: string]: unknown;
}

/** One entity of a summary, most salient first. */
export interface SummaryEntry {
  /** Index of the group in the extraction's `groups`. */
  entity: number;
  name: string;
  label: string;
  roles: string[];
  mentions: number;
  salience: number;
  quotes: string[];
  sentences: string[];
  [field: string]: unknown;
}

export interface Summary {
  entities: SummaryEntry[];
  [key: string]: unknown;
}

export interface ExtractOptions {
  /** The document's date, `YYYY-MM-DD`: weekdays resolve to dates on or before it. */
  documentDate?: string;
}

/** A site's dictionary entry: every written form of one name. */
export interface DictionaryEntry {
  names: string[];
  label: 'PER' | 'LOC' | 'ORG' | 'MISC';
  id?: string;
  url?: string;
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

/** The entities of `text` with the shipped model; throws if `init()` has not finished. */
export function extract(text: string, options?: ExtractOptions): Extraction;

/** The entities of `text` grouped and ranked by salience. */
export function summarize(text: string, options?: ExtractOptions): Summary;

/** Puts a dictionary before the shipped model; a later call's entries go before earlier ones. */
export function setDictionary(entries: DictionaryEntry[]): void;

export interface AlamExtractor {
  extract(text: string, options?: ExtractOptions): Extraction;
  summarize(text: string, options?: ExtractOptions): Summary;
  setDictionary(entries: DictionaryEntry[]): void;
}

/** An extractor of its own over a model file (`alam train`), or the shipped model without bytes; throws on a bad model. */
export function createExtractor(modelBytes?: BufferSource): AlamExtractor;
