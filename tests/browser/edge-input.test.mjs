// Bad and big input through www/alam.js in Chromium (issue 7): lone
// surrogates, NUL and a 10 MB string give sane results, and the wasm's memory
// stays flat over 1,000 calls on a 100 KB document.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openServedPage } from './harness.mjs';

let opened;
let page;

before(async () => {
  // A page of the fixtures, so nothing else on it calls the wasm.
  opened = await openServedPage('/fixtures/article.html');
  page = opened.page;
});

after(async () => {
  await opened?.close();
});

/** A result is sane: sorted, not overlapping, in bounds, on whole characters, `text` the slice. */
function assertSane(text, { entities }, what) {
  assert.ok(Array.isArray(entities), what);
  let previousEnd = 0;
  for (const { start, end, text: entityText, label } of entities) {
    assert.ok(Number.isInteger(start) && Number.isInteger(end), what);
    assert.ok(previousEnd <= start && start < end && end <= text.length, `${what}: span ${start}..${end} after ${previousEnd}`);
    assert.equal(entityText, text.slice(start, end), what);
    assert.match(label, /^[A-Z]+$/, what);
    previousEnd = end;
  }
}

/** A project-written paragraph with five names the model finds. */
const PARAGRAPH = 'وقال الوزير كريم الساعدي إن البنك الدولي سيموّل مختبرات في عمّان وبيروت وبغداد.\n';

test('lone surrogates, NUL and other control characters: no throw, valid offsets', { timeout: 60_000 }, async () => {
  const documents = [
    '\uD800',
    '\uDC00بغداد\uD800',
    'بغداد\u0000العراق\u0000\u0000',
    '\u0000'.repeat(1000),
    `${'\uD83D'.repeat(500)} ${PARAGRAPH} ${'\uDE00'.repeat(500)}`,
    `\uFEFF${PARAGRAPH.replaceAll(' ', '\u0000 ')}`,
  ];
  const results = await page.evaluate(async (documents) => {
    const alam = await import('/alam.js');
    await alam.init();
    return documents.map((text) => {
      try {
        return alam.extract(text);
      } catch (error) {
        return { thrown: error.message };
      }
    });
  }, documents);
  results.forEach((result, i) => {
    assert.equal(result.thrown, undefined, `document ${i} threw`);
    assertSane(documents[i], result, `document ${i}`);
  });
  assert.deepEqual(results[1].entities, [{ start: 1, end: 6, label: 'LOC', text: 'بغداد', entity: 0 }]);
  assert.ok(results[4].entities.length >= 4, 'names between lone surrogates are found');
});

test('a 10 MB string: no throw, valid offsets', { timeout: 240_000 }, async () => {
  const result = await page.evaluate(async (paragraph) => {
    const alam = await import('/alam.js');
    await alam.init();
    const text = paragraph.repeat(Math.ceil(10_000_000 / new TextEncoder().encode(paragraph).length));
    const started = performance.now();
    const { entities } = alam.extract(text);
    const ms = performance.now() - started;
    // Checked here: the whole list would be slow to send to node.
    let previousEnd = 0;
    let bad = 0;
    for (const { start, end, text: entityText } of entities) {
      if (!(previousEnd <= start && start < end && end <= text.length && text.slice(start, end) === entityText)) bad += 1;
      previousEnd = end;
    }
    return { bytes: new TextEncoder().encode(text).length, copies: text.length / paragraph.length, entities: entities.length, bad, ms };
  }, PARAGRAPH);
  console.log(`10 MB: ${result.bytes} bytes, ${result.entities} entities in ${result.ms.toFixed(0)} ms`);
  assert.ok(result.bytes >= 10_000_000);
  assert.equal(result.bad, 0);
  assert.ok(result.entities >= result.copies * 5, `${result.entities} entities in ${result.copies} paragraphs`);
});

test('wasm memory stays flat over 1,000 calls on a 100 KB document', { timeout: 300_000 }, async () => {
  // A page of its own, so the memory is not that of the 10 MB call.
  const fresh = await opened.newPage();
  const figures = await fresh.evaluate(async (paragraph) => {
    const alam = await import('/alam.js');
    await alam.init();
    // The glue returns the instance it already has: its exports include the memory.
    const { memory } = await (await import('/pkg/alam.js')).default();
    const text = paragraph.repeat(Math.ceil(100_000 / new TextEncoder().encode(paragraph).length));
    const sizes = [];
    let entities = 0;
    const started = performance.now();
    for (let call = 1; call <= 1000; call += 1) {
      entities = alam.extract(text).entities.length;
      if (call === 10 || call % 250 === 0) sizes.push([call, memory.buffer.byteLength]);
    }
    return { bytes: new TextEncoder().encode(text).length, entities, sizes, msPerCall: (performance.now() - started) / 1000 };
  }, PARAGRAPH);
  console.log(
    `1,000 calls on ${figures.bytes} bytes (${figures.entities} entities, ${figures.msPerCall.toFixed(1)} ms a call): wasm memory ${figures.sizes.map(([call, size]) => `${size} B after ${call}`).join(', ')}`,
  );
  await fresh.close();
  const [[, afterWarmUp], ...later] = figures.sizes;
  for (const [call, size] of later) assert.equal(size, afterWarmUp, `wasm memory after ${call} calls`);
});
