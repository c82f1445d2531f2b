// www/alam.js in Chromium returns exactly what `alam tag` returns for the same text.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildCli, natoMission, openServedPage, sampleArticle, tagLines, tagWhole, waterDeal } from './harness.mjs';

let opened;
let page;

before(async () => {
  buildCli();
  opened = await openServedPage('/');
  page = opened.page;
});

after(async () => {
  await opened?.close();
});

/** Runs `extract` from www/alam.js in the page on each text. */
function extractInBrowser(texts) {
  return page.evaluate(async (texts) => {
    const alam = await import('/alam.js');
    await alam.init();
    return texts.map((text) => alam.extract(text));
  }, texts);
}

test('extract() before init() throws a clear error', { timeout: 30_000 }, async () => {
  const message = await page.evaluate(async () => {
    // A fresh copy of the module, not the one the page has initialised.
    const fresh = await import('/alam.js?fresh');
    try {
      fresh.extract('بغداد');
      return null;
    } catch (error) {
      return error.message;
    }
  });
  assert.match(message, /before init\(\)/);
});

/** Each line of `article` through extract() in the page, as `alam tag` gives it. */
async function assertLinesAsTheCommandLine(article) {
  const lines = article.split('\n');
  const expected = tagLines(lines);
  assert.equal(expected.length, lines.length);
  assert.deepEqual(await extractInBrowser(lines), expected);
}

/** `article` through extract() in the page, as `alam tag --whole` gives it. */
async function assertWholeAsTheCommandLine(article) {
  const expected = tagWhole(article);
  assert.ok(expected.entities.length > 20, 'the recogniser finds the article’s names');
  assert.deepEqual(await extractInBrowser([article]), [expected]);
}

test('each line of the fixture articles, as `alam tag` gives it', { timeout: 60_000 }, async () => {
  await assertLinesAsTheCommandLine(`${natoMission}${waterDeal}`);
});

test('each fixture article whole, as `alam tag --whole` gives it', { timeout: 60_000 }, async () => {
  await assertWholeAsTheCommandLine(natoMission);
  await assertWholeAsTheCommandLine(waterDeal);
});

test('each line of the sample article, as `alam tag` gives it', { timeout: 60_000 }, async (t) => {
  const article = sampleArticle(t);
  if (article) await assertLinesAsTheCommandLine(article);
});

test('the whole sample article, as `alam tag --whole` gives it', { timeout: 60_000 }, async (t) => {
  const article = sampleArticle(t);
  if (article) await assertWholeAsTheCommandLine(article);
});

test('empty, astral, control and bidi text, as `alam tag` gives it', { timeout: 60_000 }, async () => {
  const documents = [
    '',
    '😀👍🏽 زار وزير الخارجية سلمى الجبوري بغداد 🇮🇶 ثم واشنطن',
    '𝔸𝕃𝔸𝕄 في العراق و😀بغداد',
    '\u0000\u0001\u0007\t\u000b\u000c زار الرئيس كريم الساعدي\u0085 بغداد\u2028العراق\u001f',
    '\u200fالتقى\u200e الوزير\u202b سلمى الجبوري\u202c في \u2067بغداد\u2069 و\u200dالعراق\u200c',
  ];
  const expected = tagLines(documents);
  assert.deepEqual(expected[0], { entities: [] });
  assert.ok(expected.every((result, i) => i === 0 || result.entities.length > 0), 'every non-empty line has entities');
  assert.deepEqual(await extractInBrowser(documents), expected);
});

test('lone surrogates count as one unit, like the U+FFFD the command line gets', { timeout: 60_000 }, async () => {
  const documents = ['\uD800 بغداد', 'العراق \uDC00\uDC00 وبغداد \uD83D', 'في\uDBFFبغداد'];
  // UTF-8 cannot carry a lone surrogate; the wasm glue's TextEncoder writes U+FFFD for it too.
  const expected = tagLines(documents.map((text) => text.toWellFormed()));
  assert.deepEqual(expected[0], {
    entities: [{ start: 2, end: 7, label: 'LOC', text: 'بغداد', entity: 0 }],
    groups: [{ name: 'بغداد', key: 'بغداد', label: 'LOC', roles: [], mentions: [0] }],
  });
  assert.deepEqual(await extractInBrowser(documents), expected);
});

test('a 1 MB article, as `alam tag --whole` gives it', { timeout: 120_000 }, async () => {
  const copies = Math.ceil(1_000_000 / Buffer.byteLength(natoMission));
  const text = Array(copies).fill(natoMission).join('\n');
  assert.ok(Buffer.byteLength(text) >= 1_000_000);
  const expected = tagWhole(text);
  assert.ok(expected.entities.length > copies * 20, 'the recogniser finds the names of every copy');
  const [got] = await extractInBrowser([text]);
  assert.equal(got.entities.length, expected.entities.length);
  assert.deepEqual(got, expected);
});

test('extract() and summarize() take a document date; a dictionary and a custom model', { timeout: 60_000 }, async () => {
  const text = 'وصل الوفد يوم الثلاثاء إلى بغداد، وتبرّع الوزير لمؤسسة الرافدين للتنمية بمبلغ 2.5 مليون دولار.';
  const result = await page.evaluate(async (text) => {
    const alam = await import('/alam.js');
    await alam.init();
    const dated = alam.extract(text, { documentDate: '2023-03-09' });
    const undated = alam.extract(text);
    const summary = alam.summarize(text, { documentDate: '2023-03-09' });
    const own = alam.createExtractor(await (await fetch('/models/alam.model')).arrayBuffer());
    own.setDictionary([{ names: ['مُؤَسَّسَة الرافدين للتنمية'], label: 'ORG', id: 'rafidain', url: 'https://example.org/rafidain' }]);
    let refused = null;
    try {
      alam.createExtractor(new Uint8Array([1, 2, 3]));
    } catch (error) {
      refused = error.message;
    }
    return { dated, undated, summary, own: own.extract(text).entities, refused };
  }, text);
  // Thursday 9 March 2023: that Tuesday was the 7th.
  const weekday = (entities) => entities.find((e) => e.text === 'يوم الثلاثاء');
  const at = text.indexOf('يوم الثلاثاء');
  assert.deepEqual(weekday(result.dated.entities), { start: at, end: at + 12, label: 'DATE', text: 'يوم الثلاثاء', value: '2023-03-07' });
  assert.deepEqual(weekday(result.undated.entities), { start: at, end: at + 12, label: 'DATE', text: 'يوم الثلاثاء' });
  assert.deepEqual(result.undated, tagLines([text])[0]);
  // The summary has one entry per group of the extraction.
  assert.deepEqual(
    result.summary.entities.map((entry) => [entry.entity, entry.name, entry.label]).sort((a, b) => a[0] - b[0]),
    result.dated.groups.map((group, i) => [i, group.name, group.label]),
  );
  // Found after the proclitic ل and without the entry's diacritics, with its id and link.
  const start = text.indexOf('مؤسسة');
  assert.deepEqual(result.own.find((e) => e.id), {
    start,
    end: start + 'مؤسسة الرافدين للتنمية'.length,
    label: 'ORG',
    text: 'مؤسسة الرافدين للتنمية',
    id: 'rafidain',
    url: 'https://example.org/rafidain',
    entity: result.own.find((e) => e.id).entity,
  });
  assert.match(result.refused, /^alam: not a valid model: /);
});

