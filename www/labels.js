// The entity types with their Arabic and English names, in the order pages
// list them, the key under which pages count mentions of one name, and an
// expression's value as pages show it. A module of its own so pages can name
// types without loading the WebAssembly glue on their main thread.

export const labels = Object.freeze([
  { code: 'PER', arabic: 'شخص', english: 'Person' },
  { code: 'LOC', arabic: 'مكان', english: 'Place' },
  { code: 'ORG', arabic: 'مؤسسة', english: 'Organisation' },
  { code: 'MISC', arabic: 'متفرقات', english: 'Miscellaneous' },
  { code: 'DATE', arabic: 'تاريخ', english: 'Date' },
  { code: 'TIME', arabic: 'وقت', english: 'Time' },
  { code: 'MONEY', arabic: 'مبلغ مالي', english: 'Money' },
  { code: 'PERCENT', arabic: 'نسبة مئوية', english: 'Percentage' },
  { code: 'QUANTITY', arabic: 'كمية', english: 'Quantity' },
].map(Object.freeze));

/** A light normal form for counting mentions: no harakat, tatweel or invisible marks; one alef. */
export function nameKey(text) {
  return text
    .normalize('NFC')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An expression's value with what qualifies it: `2500000000 USD`, `4 يوم`, `2021 (late)`, `1444-09 (islamic)`. */
export function valueText({ value, currency, unit, qualifier, calendar }) {
  const amount = [String(value), currency ?? unit].filter(Boolean).join(' ');
  const notes = [qualifier, calendar].filter(Boolean);
  return notes.length > 0 ? `${amount} (${notes.join(', ')})` : amount;
}
