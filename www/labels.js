// The entity types with their Arabic and English names, in the order pages
// list them. A module of its own so the widget can name types without loading
// the WebAssembly glue on the page's main thread.

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
