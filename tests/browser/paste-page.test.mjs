// The paste page (www/index.html): a fixture article pasted in comes back
// highlighted through CSS.highlights, with its text unchanged; one row per
// entity with its roles, the quotes with their speakers, values on hover; the
// page fetches nothing but its own files. The sample article, where the shared
// data is, is highlighted as the command line finds it too.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildCli, launchChromium, natoMission, sampleArticle, serveWww, tagWhole } from './harness.mjs';

let server;
let browser;

before(async () => {
  buildCli();
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

/** The highlight `alam-<label>` over the first occurrence of `text` at or after `from` in the fixture article. */
function expectedAt(label, text, from = 0) {
  const start = natoMission.indexOf(text, from);
  assert.ok(start >= 0, `${text} is in the article`);
  return { name: `alam-${label}`, start, end: start + text.length, text };
}

/** Pastes `article` and checks that the highlights are what `alam tag --whole` finds, over the text unchanged; resolves to the page and the highlights. */
async function assertHighlightedAsTheCommandLine(article) {
  const { page } = await openWith(article);
  const highlights = await readHighlights(page);
  const fromCli = tagWhole(article).entities.map(({ start, end, label, text }) => ({
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
  assert.equal(view.input, article);
  assert.equal(view.text, article);
  assert.deepEqual(view.nodes, ['#text']);

  const status = await page.textContent('#status');
  assert.match(status, new RegExp(`عدد الكيانات: ${fromCli.length} · الوقت: \\d+\\.\\d ملّي ثانية`));
  return { page, highlights };
}

test('the fixture article is highlighted by type, text unchanged', { timeout: 60_000 }, async () => {
  const { page, highlights } = await assertHighlightedAsTheCommandLine(natoMission);
  // Exact spans of names and expressions the model and the rules find.
  for (const expected of [
    expectedAt('PER', 'صوفي بيكر'),
    expectedAt('LOC', 'بغداد'),
    expectedAt('LOC', 'العراق', natoMission.indexOf('في العراق ')),
    expectedAt('LOC', 'واشنطن', natoMission.indexOf('لواشنطن')),
    expectedAt('ORG', 'لأمم المتحدة', natoMission.indexOf('للأمم المتحدة')),
    expectedAt('ORG', 'حلف شمال الأطلسي'),
    expectedAt('DATE', 'تشرين الأول/أكتوبر 2018'),
  ]) {
    assert.deepEqual(highlights.find((h) => h.start === expected.start), expected);
  }
  // The proclitic of لواشنطن stays outside the span.
  assert.equal(natoMission[natoMission.indexOf('لواشنطن')], 'ل');
  await page.close();
});

test('the sample article is highlighted as the command line finds it, text unchanged', { timeout: 60_000 }, async (t) => {
  const article = sampleArticle(t);
  if (!article) return;
  const { page } = await assertHighlightedAsTheCommandLine(article);
  await page.close();
});

test('the entity list has one row per entity, with its roles, and steps through its mentions', { timeout: 60_000 }, async () => {
  const { page } = await openWith(natoMission);
  const { entities, groups } = tagWhole(natoMission);

  const perLabel = await page.$$eval('.entity-group', (sections) =>
    sections.map((section) => ({
      heading: section.querySelector('h3').textContent,
      rows: [...section.querySelectorAll('button')].map((b) => [
        b.querySelector('.name').firstChild.textContent,
        b.querySelector('.roles')?.textContent ?? '',
        b.querySelector('.count').textContent,
      ]),
    })),
  );
  // Each group of `alam tag --whole` is one row, the most mentioned first.
  const rowsOf = (label) =>
    groups
      .filter((group) => group.label === label)
      .sort((a, b) => b.mentions.length - a.mentions.length)
      .map((group) => [group.name, group.roles.join('، '), String(group.mentions.length)]);
  const people = perLabel.find((section) => section.heading.includes('Person'));
  assert.deepEqual(people.rows, rowsOf('PER'));
  assert.deepEqual(people.rows[0], ['صوفي بيكر', 'وزيرة الدفاع الكندية', '4']);
  assert.deepEqual(perLabel.find((section) => section.heading.includes('Place')).rows, rowsOf('LOC'));
  assert.ok(perLabel.find((section) => section.heading.includes('Place')).heading.endsWith(String(entities.filter((e) => e.label === 'LOC').length)));
  // Expressions have no group: one row per text.
  const dates = perLabel.find((section) => section.heading.includes('Date')).rows;
  assert.deepEqual(dates.find(([name]) => name === 'الأحد'), ['الأحد', '', '2']);

  const focused = () =>
    page.evaluate(() => {
      const [range] = CSS.highlights.get('alam-focus') ?? [];
      return range && [range.startOffset, range.endOffset];
    });
  const minister = groups.find((group) => group.name === 'صوفي بيكر').mentions.map((i) => entities[i]);
  const button = page.locator('.entity-group button', { hasText: 'صوفي بيكر' });
  await button.click();
  assert.deepEqual(await focused(), [minister[0].start, minister[0].end]);
  // The same button, from the keyboard, goes on to the next mention: بيكر alone, shown with the group's name.
  await button.focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await focused(), [minister[1].start, minister[1].end]);
  assert.equal(await page.textContent('#mention-position'), `صوفي بيكر: 2 / ${minister.length}`);
  assert.equal(await page.textContent('#tooltip'), 'شخص Personبيكر= صوفي بيكروزيرة الدفاع الكنديةمرات الذكر: 4');
  // It stays by the mention once the page has scrolled to it.
  await page.waitForTimeout(1000);
  assert.equal(await page.isVisible('#tooltip'), true);
  await page.close();
});

test('the legend names all nine labels; hovering an expression shows its value', { timeout: 60_000 }, async () => {
  const { page } = await openWith(natoMission);
  assert.deepEqual(await page.$$eval('#legend code', (codes) => codes.map((code) => code.textContent)), [
    'PER', 'LOC', 'ORG', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY',
  ]);
  const hover = async (text) => {
    const start = natoMission.indexOf(text);
    const box = await page.evaluate(([start, end]) => {
      const range = new Range();
      range.setStart(document.getElementById('rendered').firstChild, start);
      range.setEnd(document.getElementById('rendered').firstChild, end);
      scrollBy({ top: range.getClientRects()[0].top - innerHeight / 2, behavior: 'instant' });
      const { x, y, width, height } = range.getClientRects()[0];
      return { x, y, width, height };
    }, [start, start + text.length]);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((text) => !document.getElementById('tooltip').hidden && document.querySelector('#tooltip strong').textContent === text, text);
    return page.textContent('#tooltip');
  };
  assert.equal(await hover('تشرين الأول/أكتوبر 2018'), 'تاريخ Dateتشرين الأول/أكتوبر 2018القيمة value: 2018-10مرات الذكر: 1');
  assert.equal(await hover('1200 عنصر'), 'كمية Quantity1200 عنصرالقيمة value: 1200 عنصرمرات الذكر: 1');
  assert.equal(await hover('45 مليون دولار'), 'مبلغ مالي Money45 مليون دولارالقيمة value: 45000000 USDمرات الذكر: 1');
  await page.close();
});

test('the quotes are listed with their speakers, and choosing one goes to it', { timeout: 60_000 }, async () => {
  const { page } = await openWith(natoMission);
  const { groups, quotes } = tagWhole(natoMission);
  const listed = await page.$$eval('#quote-list button', (buttons) => buttons.map((b) => [b.querySelector('.speaker').textContent, b.querySelector('q').textContent]));
  assert.deepEqual(
    listed,
    quotes.map(({ start, end, speaker }) => {
      const words = natoMission.slice(start, end);
      return [speaker ? groups[speaker.entity].name : 'بلا قائل', words.length > 90 ? `${words.slice(0, 90).trimEnd()}…` : words];
    }),
  );
  assert.ok(listed.some(([speaker]) => speaker === 'نزار الكبيسي'));
  const third = quotes[2];
  await page.locator('#quote-list button').nth(2).click();
  assert.deepEqual(
    await page.evaluate(() => {
      const [range] = CSS.highlights.get('alam-focus');
      return [range.startOffset, range.endOffset];
    }),
    [third.start, third.end],
  );
  await page.close();
});

test('the page asks for nothing but its own files', { timeout: 60_000 }, async () => {
  const { page, requests } = await openWith(natoMission);
  await page.locator('.entity-group button').first().click();
  const paths = requests.map((url) => {
    const { origin, pathname } = new URL(url);
    assert.equal(origin, server.origin, `request to ${url}`);
    return pathname;
  });
  // The worker has a module map of its own, so it asks for labels.js (through alam.js) too.
  assert.deepEqual([...new Set(paths)].sort(), ['/', '/alam.js', '/app.js', '/entity-ui.js', '/labels.js', '/pkg/alam.js', '/pkg/alam_bg.wasm', '/style.css', '/worker-client.js', '/worker.js']);
  await page.close();
});
