// The paste page (www/index.html): the sample article pasted in comes back
// highlighted through CSS.highlights, with its text unchanged, and the page
// fetches nothing but its own files.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium, sampleArticle, serveWww, tagWhole } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveWww();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page, pastes `text` and waits until the view shows it. */
async function openWith(text) {
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${server.origin}/`);
  // The page first shows its own sample; wait for that, then paste.
  await page.waitForFunction(() => CSS.highlights.size > 0);
  await page.fill('#input', text);
  await page.waitForFunction((text) => document.getElementById('rendered').textContent === text, text);
  return { page, requests };
}

/** Every highlighted range as {name, start, end, text}, in text order. */
function readHighlights(page) {
  return page.evaluate(() => {
    const found = [];
    for (const [name, highlight] of CSS.highlights) {
      for (const range of highlight) {
        found.push({ name, start: range.startOffset, end: range.endOffset, text: range.toString() });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  });
}

/** The highlight `alam-<label>` over the first occurrence of `text` at or after `from`. */
function expectedAt(label, text, from = 0) {
  const start = sampleArticle.indexOf(text, from);
  assert.ok(start >= 0, `${text} is in the article`);
  return { name: `alam-${label}`, start, end: start + text.length, text };
}

test('the sample article is highlighted by type, text unchanged', { timeout: 60_000 }, async () => {
  const { page } = await openWith(sampleArticle);

  // Exact spans of names the lexicon and the title cue find.
  const highlights = await readHighlights(page);
  for (const expected of [
    expectedAt('PER', 'لويد أوستن'),
    expectedAt('LOC', 'بغداد'),
    expectedAt('LOC', 'العراق'),
    expectedAt('LOC', 'واشنطن', sampleArticle.indexOf('لواشنطن')),
    expectedAt('PER', 'أنالينا بيربوك'),
    expectedAt('ORG', 'حلف شمال الأطلسي'),
  ]) {
    assert.deepEqual(highlights.find((h) => h.start === expected.start), expected);
  }
  // The proclitic of لواشنطن stays outside the span.
  assert.equal(sampleArticle[sampleArticle.indexOf('لواشنطن')], 'ل');

  // Everything else as the command line finds it in the whole article.
  const fromCli = tagWhole(sampleArticle).entities.map(({ start, end, label, text }) => ({
    name: `alam-${label}`,
    start,
    end,
    text,
  }));
  assert.deepEqual(highlights, fromCli);

  // The view is the input, as one text node: no elements inside words.
  const view = await page.evaluate(() => {
    const rendered = document.getElementById('rendered');
    return {
      input: document.getElementById('input').value,
      text: rendered.textContent,
      nodes: [...rendered.childNodes].map((node) => node.nodeName),
    };
  });
  assert.equal(view.input, sampleArticle);
  assert.equal(view.text, sampleArticle);
  assert.deepEqual(view.nodes, ['#text']);

  const status = await page.textContent('#status');
  assert.match(status, new RegExp(`عدد الكيانات: ${fromCli.length} · الوقت: \\d+\\.\\d ملّي ثانية`));
  await page.close();
});

test('the entity list counts mentions and steps through them', { timeout: 60_000 }, async () => {
  const { page } = await openWith(sampleArticle);
  const entities = tagWhole(sampleArticle).entities;
  const baghdad = entities.filter((e) => e.label === 'LOC' && e.text === 'بغداد');
  assert.ok(baghdad.length >= 2);

  const perGroup = await page.$$eval('.entity-group', (groups) =>
    groups.map((group) => ({
      heading: group.querySelector('h3').textContent,
      entries: [...group.querySelectorAll('button')].map((b) => [b.querySelector('.name').textContent, b.querySelector('.count').textContent]),
    })),
  );
  const places = perGroup.find((g) => g.heading.includes('Place'));
  assert.ok(places.heading.endsWith(String(entities.filter((e) => e.label === 'LOC').length)));
  assert.deepEqual(places.entries.find(([name]) => name === 'بغداد'), ['بغداد', String(baghdad.length)]);
  assert.deepEqual(
    perGroup.find((g) => g.heading.includes('Organisation')).entries.find(([name]) => name === 'حلف شمال الأطلسي'),
    ['حلف شمال الأطلسي', '1'],
  );

  const focused = () =>
    page.evaluate(() => {
      const [range] = CSS.highlights.get('alam-focus') ?? [];
      return range && [range.startOffset, range.endOffset];
    });
  const button = page.locator('.entity-group button', { hasText: 'بغداد' }).first();
  await button.click();
  assert.deepEqual(await focused(), [baghdad[0].start, baghdad[0].end]);
  // The same button, from the keyboard, goes on to the next mention.
  await button.focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await focused(), [baghdad[1].start, baghdad[1].end]);
  assert.equal(await page.textContent('#mention-position'), `بغداد: 2 / ${baghdad.length}`);
  await page.close();
});

test('the page asks for nothing but its own files', { timeout: 60_000 }, async () => {
  const { page, requests } = await openWith(sampleArticle);
  await page.locator('.entity-group button').first().click();
  const paths = requests.map((url) => {
    const { origin, pathname } = new URL(url);
    assert.equal(origin, server.origin, `request to ${url}`);
    return pathname;
  });
  // The worker has a module map of its own, so it asks for labels.js (through alam.js) too.
  assert.deepEqual([...new Set(paths)].sort(), ['/', '/alam.js', '/app.js', '/labels.js', '/pkg/alam.js', '/pkg/alam_bg.wasm', '/style.css', '/worker-client.js', '/worker.js']);
  await page.close();
});
