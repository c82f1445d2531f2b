// The entity types with their Arabic and English names, in the order pages
// list them, and an expression's value as pages show it. A module of its own
// so pages can name types without loading the WebAssembly glue on their main
// thread.

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

/** An expression's value with what qualifies it: `2500000000 USD`, `4 يوم`, `2021 (late)`, `1444-09 (islamic)`. */
export function valueText({ value, currency, unit, qualifier, calendar }) {
  const amount = [String(value), currency ?? unit].filter(Boolean).join(' ');
  const notes = [qualifier, calendar].filter(Boolean);
  return notes.length > 0 ? `${amount} (${notes.join(', ')})` : amount;
}
