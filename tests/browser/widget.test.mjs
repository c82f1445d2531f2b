// The widget (www/embed.js) inside article pages the project wrote
// (tests/browser/fixtures/): exact highlights read back from CSS.highlights,
// the page's DOM, text and listeners untouched, its requests, remove(), the
// fallback without CSS.highlights, strict CSP, pages that re-render, one
// entity's groups joined across chunks, and the longest main-thread task on a
// 1 MB article.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildCli, launchChromium, natoMission, repoRoot, sampleArticle, serveWww, tagWhole } from './harness.mjs';

const fixtures = path.join(repoRoot, 'tests', 'browser', 'fixtures');
const articleHtml = readFileSync(path.join(fixtures, 'article.html'), 'utf8');

/** The article page in its script-tag form: no code but the tag. */
function articleWithTag() {
  const tag = '<script type="module" src="/embed.js" data-alam-root="article" data-alam-exclude=".comments" data-alam-panel></script>';
  return articleHtml.replace('</body>', `${tag}\n</body>`);
}

/** Paragraphs the project wrote, with links, bold and spans inside and around names. */
const PARAGRAPHS = [
  'أعلنت وزيرة الموارد المائية <a href="#p">هدى</a> <b>الجبوري</b> خطة جديدة لمدينة <a href="#b">البصرة</a>.',
  'وقال الوزير كريم الساعدي إن <span class="org">البنك الدولي</span> سيموّل مختبرات في الموصل وأربيل.',
  'وتشارك <strong>منظمة الصحة</strong> <em>العالمية</em> في المشروع إلى جانب وفد من عمّان وبيروت.',
  'ويزور الرئيس يوسف المصري القاهرة ثم واشنطن لبحث القرض مع صندوق النقد الدولي.',
];

/** An article of at least 1 MB of UTF-8 built from PARAGRAPHS, with a heading every twenty paragraphs. */
function bigArticle() {
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < 1_000_000; i += 1) {
    const html = i % 20 === 0 ? `<h2>الجزء ${i / 20 + 1}</h2>\n<p>${PARAGRAPHS[i % 4]}</p>` : `<p>${PARAGRAPHS[i % 4]}</p>`;
    parts.push(html);
    bytes += Buffer.byteLength(html.replace(/<[^>]+>/g, ''));
  }
  return `<!doctype html><html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>مقال طويل</title><link rel="icon" href="data:,"></head>
<body><article><h1>مقال طويل</h1>\n${parts.join('\n')}</article></body></html>`;
}

/** The paragraphs of `article` as a page, one a line, in an <article>. */
function articlePage(article) {
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = article.split('\n').filter((line) => line.trim() !== '');
  return `<!doctype html><html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,"></head>
<body><article>${paragraphs.map((line) => `<p>${escape(line)}</p>`).join('\n')}</article></body></html>`;
}

/**
 * A page long enough to go to the worker in two chunks, naming one
 * organisation in the first paragraph and, spelt with harakat and ه for ة,
 * in the last.
 */
function twoChunkPage() {
  const filler = Array.from({ length: 700 }, () => '<p>وقال إن العمل في المشروع مستمر منذ أشهر وسيستمر حتى نهايته.</p>').join('\n');
  return `<!doctype html><html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>فصلان</title><link rel="icon" href="data:,"></head>
<body><article><p>تبرّع الوزير لمؤسسة الرافدين للتنمية بمبلغ كبير.</p>\n${filler}\n<p>وشكر المدير مُؤسَّسة الرافدين للتنميه على تبرعها.</p></article></body></html>`;
}

const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";
const generated = {
  '/fixtures/article-tag.html': articleWithTag,
  '/fixtures/big.html': bigArticle,
  '/fixtures/nato-mission.html': () => articlePage(natoMission),
  '/fixtures/two-chunks.html': twoChunkPage,
};

let server;
let strictServer;
let browser;

before(async () => {
  buildCli();
  server = await serveWww({ generated });
  strictServer = await serveWww({ csp: STRICT_CSP, generated });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await strictServer?.close();
});

/** A new page that records its requests, console messages and errors. */
async function openPage(url, { initScript } = {}) {
  const page = await browser.newPage();
  const requests = [];
  const consoleMessages = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => errors.push(error.message));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  return { page, requests, consoleMessages, errors };
}

/** Every highlighted range as [label, text], in document order. */
function readHighlights(page) {
  return page.evaluate(() => {
    const found = [];
    for (const [name, highlight] of CSS.highlights) {
      if (name === 'alam-focus') continue;
      for (const range of highlight) if (!range.collapsed) found.push({ label: name.replace(/^alam-/, ''), range });
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(({ label, range }) => [label, range.toString()]);
  });
}

/** What the article fixture shows with `.comments` excluded, as [label, text]. */
const ARTICLE_EXPECTED = [
  ['LOC', 'البصرة'], // headline
  ['LOC', 'بغداد'],
  ['LOC', 'بغداد'], // byline
  ['PER', 'ريم الحسيني'],
  ['LOC', 'البصرة'], // figure caption
  ['PER', 'هدى الجبوري'], // <a>هدى</a> <b>الجبوري</b>
  ['DATE', 'يوم الأحد'],
  ['LOC', 'البصرة'],
  ['LOC', 'بغداد'],
  ['ORG', 'البنك الدولي'],
  ['ORG', 'منظمة الصحة العالمية'], // <strong>منظمة الصحة</strong> <em>العالمية</em>
  ['LOC', 'عمّان'],
  ['LOC', 'بيروت'],
  ['PER', 'كريم الساعدي'],
  ['LOC', 'واشنطن'],
  ['ORG', 'البنك الدولي'], // after <br>
  ['LOC', 'القاهرة'],
  ['LOC', 'واشنطن'], // list items
  ['LOC', 'بيروت'],
];

/**
 * `alam tag --whole`'s entities without their group index: the widget reads
 * a page in chunks, so `entity` would index one chunk's groups; the handle
 * gives the group's canonical name as `name` instead.
 */
function tagWholeUngrouped(text) {
  return tagWhole(text).entities.map(({ entity, ...rest }) => rest);
}

/** The widget's own files, as the page asks for them. */
const WIDGET_FILES = ['/alam.js', '/dom-text.js', '/embed-ui.js', '/embed.js', '/entity-ui.js', '/highlighter.js', '/labels.js', '/painter.js', '/pkg/alam.js', '/pkg/alam_bg.wasm', '/worker-client.js', '/worker.js'];

function requestedPaths(requests, origin) {
  const paths = requests.map((url) => {
    const parsed = new URL(url);
    assert.equal(parsed.origin, origin, `request to ${url}`);
    return parsed.pathname;
  });
  return [...new Set(paths)].sort();
}

test('highlight(): exact names and types, the page untouched, its links still working', { timeout: 60_000 }, async () => {
  const { page, requests, errors } = await openPage(`${server.origin}/fixtures/article.html`);
  const before = await page.evaluate(() => document.querySelector('.columns').outerHTML);

  const result = await page.evaluate(async () => {
    const { highlight } = await import('/embed.js');
    const started = performance.now();
    window.handle = await highlight(document.querySelector('article'), { exclude: '.comments' });
    // Two frames later the highlights are painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const painted = performance.now() - started;
    const { entities, text } = window.handle;
    return {
      painted,
      text,
      entities: entities.map(({ range, ...entity }) => ({ ...entity, rangeText: range.toString() })),
      // The name split over <a> and <b> is one Range from the link's text to the bold text.
      split: (() => {
        const { range } = entities.find((e) => e.text === 'هدى الجبوري');
        return [range.startContainer.parentNode.localName, range.endContainer.parentNode.localName];
      })(),
    };
  });

  console.log(`article fixture: highlight() to painted highlights in ${result.painted.toFixed(0)} ms, wasm and worker loaded cold`);
  assert.deepEqual(await readHighlights(page), ARTICLE_EXPECTED);
  assert.deepEqual(result.split, ['a', 'b']);
  // Blocks are lines; skipped parts (code, hidden, aria-hidden, the comments) are not read.
  assert.ok(result.text.startsWith('خطة لإصلاح شبكات المياه في البصرة وبغداد\nبغداد - كتبت: ريم الحسيني\n'));
  assert.ok(result.text.includes('إلى واشنطن\nلبحث قرض'), 'a <br> separates');
  assert.ok(result.text.includes('\nزيارة الوزير إلى واشنطن\nمؤتمر المياه في بيروت\n'), 'list items separate');
  for (const skipped of ['الخرطوم', 'دمشق', 'الرباط', 'تونس', 'طهران']) assert.ok(!result.text.includes(skipped), skipped);
  // Offsets index the text the handle reports, each with a Range over the same words.
  for (const entity of result.entities) {
    assert.equal(result.text.slice(entity.start, entity.end), entity.text);
    assert.equal(entity.rangeText, entity.text);
  }
  // The same text as one document through `alam tag --whole` gives the same entities.
  assert.deepEqual(
    result.entities.map(({ rangeText, ...entity }) => entity),
    tagWholeUngrouped(result.text),
  );

  // No node, attribute or text of the page changed.
  assert.equal(await page.evaluate(() => document.querySelector('.columns').outerHTML), before);
  // The page's own listener on the highlighted link still runs.
  await page.click('a.person');
  assert.equal(await page.evaluate(() => window.clicks), 1);

  assert.deepEqual(requestedPaths(requests, server.origin), ['/fixtures/article.css', '/fixtures/article.html', '/fixtures/article.js', ...WIDGET_FILES].sort());
  assert.deepEqual(errors, []);
  await page.close();
});

/** Highlights the page at `url` whole and checks that it shows what `alam tag --whole` finds in `article`, its text. */
async function assertPageAsTheCommandLine(url, article, what) {
  const { page } = await openPage(url);
  const result = await page.evaluate(async () => {
    const { highlight } = await import('/embed.js');
    const started = performance.now();
    const handle = await highlight(document.querySelector('article'));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return { painted: performance.now() - started, text: handle.text, entities: handle.entities.map(({ range, ...entity }) => entity) };
  });
  console.log(`${what}: highlight() to painted highlights in ${result.painted.toFixed(0)} ms, wasm and worker loaded cold`);
  assert.equal(result.text, article.split('\n').filter((line) => line.trim() !== '').map((line) => line.replace(/[\t\r\f]/g, ' ')).join('\n'));
  const expected = tagWholeUngrouped(result.text);
  assert.ok(expected.length > 20);
  assert.deepEqual(result.entities, expected);
  assert.deepEqual(await readHighlights(page), expected.map(({ label, text }) => [label, text]));
  await page.close();
}

test('a fixture article as a page: the highlights are what `alam tag --whole` finds', { timeout: 60_000 }, async () => {
  await assertPageAsTheCommandLine(`${server.origin}/fixtures/nato-mission.html`, natoMission, 'fixture article');
});

test('the reference article as a page: the highlights are what `alam tag --whole` finds', { timeout: 60_000 }, async (t) => {
  const article = sampleArticle(t);
  if (!article) return;
  // Built at test time from where the article lives, never copied.
  generated['/fixtures/sample.html'] = () => articlePage(article);
  await assertPageAsTheCommandLine(`${server.origin}/fixtures/sample.html`, article, 'reference article');
});

test('options: labels limits the types shown; a bad exclude selector is refused', { timeout: 60_000 }, async () => {
  const { page } = await openPage(`${server.origin}/fixtures/article.html`);
  const labels = await page.evaluate(async () => {
    const { highlight } = await import('/embed.js');
    const handle = await highlight(document.querySelector('article'), { exclude: '.comments', labels: ['PER', 'ORG'] });
    return [...new Set(handle.entities.map((e) => e.label))].sort();
  });
  assert.deepEqual(labels, ['ORG', 'PER']);
  assert.deepEqual(await readHighlights(page), ARTICLE_EXPECTED.filter(([label]) => label === 'PER' || label === 'ORG'));
  const refused = await page.evaluate(async () => {
    const { highlight } = await import('/embed.js');
    return highlight(document.querySelector('article'), { exclude: '[[' }).then(() => null, (error) => error.name);
  });
  assert.equal(refused, 'SyntaxError');
  await page.close();
});

/** A site's dictionary entry, written with diacritics the page leaves out. */
const RAFIDAIN = { names: ['مُؤَسَّسَة الرافدين للتنمية'], label: 'ORG', id: 'rafidain', url: 'https://example.org/rafidain' };

/** Hovers the first entity whose text is `text` and returns the tooltip's text and links. */
async function hoverTooltip(page, text) {
  const box = await page.evaluate((text) => {
    const { range } = window.handle.entities.find((e) => e.text === text);
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  }, text);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(
    (text) => document.querySelector('[data-alam-widget]').shadowRoot.querySelector('.tooltip:not([hidden]) .name')?.textContent === text,
    text,
  );
  return page.evaluate(() => {
    const tooltip = document.querySelector('[data-alam-widget]').shadowRoot.querySelector('.tooltip');
    return { text: tooltip.textContent, links: [...tooltip.querySelectorAll('a')].map((a) => [a.href, a.rel]) };
  });
}

test('options: a dictionary entry with its link in the tooltip; documentDate gives a weekday its date', { timeout: 60_000 }, async () => {
  const { page, errors } = await openPage(`${server.origin}/fixtures/options.html`);
  const entities = await page.evaluate(async (entry) => {
    const { highlight } = await import('/embed.js');
    window.handle = await highlight(document.querySelector('article'), { documentDate: '2023-03-09', dictionary: [entry], panel: true });
    return window.handle.entities.map(({ range, ...entity }) => entity);
  }, RAFIDAIN);
  const text = 'تبرعات للمدارس\nوصل الوفد يوم الثلاثاء إلى بغداد، وتبرّع الوزير لمؤسسة الرافدين للتنمية بمبلغ 2.5 مليون دولار.';
  const at = (words) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  assert.deepEqual(entities, [
    // Thursday 9 March 2023: that Tuesday was the 7th.
    { ...at('يوم الثلاثاء'), label: 'DATE', value: '2023-03-07' },
    { ...at('بغداد'), label: 'LOC' },
    // After the proclitic ل, without the entry's diacritics.
    { ...at('مؤسسة الرافدين للتنمية'), label: 'ORG', id: 'rafidain', url: 'https://example.org/rafidain' },
    { ...at('2.5 مليون دولار'), label: 'MONEY', value: 2500000, currency: 'USD', unit: 'دولار' },
  ].map(({ start, end, text, ...rest }) => ({ start, end, label: rest.label, text, ...rest })));
  assert.deepEqual(await readHighlights(page), entities.map(({ label, text }) => [label, text]));

  const org = await hoverTooltip(page, 'مؤسسة الرافدين للتنمية');
  assert.deepEqual(org.links, [['https://example.org/rafidain', 'noopener']]);
  assert.equal(org.text, 'مؤسسة · Organisationمؤسسة الرافدين للتنميةhttps://example.org/rafidainذُكر مرة واحدة · 1 mention');
  // The same link in the panel, where the keyboard reaches it: the row's button, then its link.
  const shadow = page.locator('[data-alam-widget]');
  await shadow.locator('.toggle').click();
  await shadow.locator('.panel li button', { hasText: 'مؤسسة الرافدين للتنمية' }).focus();
  await page.keyboard.press('Tab');
  assert.deepEqual(
    await page.evaluate(() => {
      const link = document.querySelector('[data-alam-widget]').shadowRoot.activeElement;
      return [link.tagName, link.href, link.rel, link.getAttribute('aria-label')];
    }),
    ['A', 'https://example.org/rafidain', 'noopener', 'مؤسسة الرافدين للتنمية: https://example.org/rafidain'],
  );
  assert.equal(await shadow.locator('.panel a').count(), 1, 'only the dictionary entry has a link');
  await shadow.locator('.toggle').click();
  assert.equal((await hoverTooltip(page, 'يوم الثلاثاء')).text, 'تاريخ · Dateيوم الثلاثاءالقيمة · value: 2023-03-07ذُكر مرة واحدة · 1 mention');
  assert.equal((await hoverTooltip(page, '2.5 مليون دولار')).text, 'مبلغ مالي · Money2.5 مليون دولارالقيمة · value: 2500000 USDذُكر مرة واحدة · 1 mention');
  assert.deepEqual(errors, []);
  await page.close();
});

test('options: modelUrl loads a model file in the worker; a bad one rejects and leaves the page untouched', { timeout: 60_000 }, async () => {
  const { page, requests } = await openPage(`${server.origin}/fixtures/article.html`);
  const own = await page.evaluate(async () => {
    const { highlight } = await import('/embed.js');
    const handle = await highlight(document.querySelector('article'), { exclude: '.comments', modelUrl: '/models/alam.model' });
    const found = handle.entities.map(({ label, text }) => [label, text]);
    handle.remove();
    return found;
  });
  // The shipped model's own file, served by the site: the same names.
  assert.deepEqual(own, ARTICLE_EXPECTED);
  assert.ok(requests.some((url) => new URL(url).pathname === '/models/alam.model'));
  await page.close();

  for (const [modelUrl, reason] of [
    ['/fixtures/article.css', /^alam: the model http:\/\/127\.0\.0\.1:\d+\/fixtures\/article\.css was refused: /],
    ['/models/missing.model', /^alam: the model http:\/\/127\.0\.0\.1:\d+\/models\/missing\.model could not be fetched: HTTP 404$/],
  ]) {
    const { page, consoleMessages, errors } = await openPage(`${server.origin}/fixtures/article.html`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const rejection = await page.evaluate(async (modelUrl) => {
      const { highlight } = await import('/embed.js');
      return highlight(document.querySelector('article'), { modelUrl }).then(
        () => null,
        (error) => [error instanceof Error, error.message],
      );
    }, modelUrl);
    assert.equal(rejection[0], true);
    assert.match(rejection[1], reason);
    const after = await page.evaluate(() => ({ html: document.documentElement.outerHTML, highlights: CSS.highlights.size, sheets: document.adoptedStyleSheets.length }));
    assert.deepEqual(after, { html: before, highlights: 0, sheets: 0 });
    assert.deepEqual(consoleMessages.filter((message) => message.type === 'warning').map((message) => message.text), [`alam: the page was left as it was. ${rejection[1]}`]);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('one entity named in two chunks is one panel row: groups join across chunks by label and key', { timeout: 60_000 }, async () => {
  const { page } = await openPage(`${server.origin}/fixtures/two-chunks.html`);
  const found = await page.evaluate(async (entry) => {
    const { highlight } = await import('/embed.js');
    const handle = await highlight(document.querySelector('article'), { dictionary: [entry], panel: true });
    return {
      units: handle.text.length,
      organisations: handle.entities.filter((e) => e.id === 'rafidain').map((e) => e.text),
      rows: [...document.querySelector('[data-alam-widget]').shadowRoot.querySelectorAll('.panel section')]
        .filter((section) => section.querySelector('h3')?.textContent.includes('Organisation'))
        .flatMap((section) => [...section.querySelectorAll('li button')].map((button) => button.textContent)),
    };
  }, RAFIDAIN);
  assert.ok(found.units > 32_768, `${found.units} UTF-16 units`);
  assert.deepEqual(found.organisations, ['مؤسسة الرافدين للتنمية', 'مُؤسَّسة الرافدين للتنميه']);
  assert.deepEqual(found.rows, ['مؤسسة الرافدين للتنمية2']);
  await page.close();
});

test('remove() leaves the document exactly as it was', { timeout: 60_000 }, async () => {
  const { page } = await openPage(`${server.origin}/fixtures/article.html`);
  const same = await page.evaluate(async () => {
    const before = document.documentElement.outerHTML;
    const { highlight } = await import('/embed.js');
    const handle = await highlight(document.querySelector('article'), { exclude: '.comments', panel: true });
    const during = CSS.highlights.size;
    handle.remove();
    return {
      during,
      html: document.documentElement.outerHTML === before,
      highlights: CSS.highlights.size,
      sheets: document.adoptedStyleSheets.length,
    };
  });
  assert.deepEqual(same, { during: 4, html: true, highlights: 0, sheets: 0 });
  await page.close();
});

test('the script tag alone highlights, with a tooltip, a panel and keyboard access', { timeout: 60_000 }, async () => {
  const { page, requests } = await openPage(`${server.origin}/fixtures/article-tag.html`);
  await page.waitForFunction(() => CSS.highlights.size > 0);
  await page.waitForFunction(() => document.querySelector('[data-alam-widget]'));
  assert.deepEqual(await readHighlights(page), ARTICLE_EXPECTED);

  // Hovering the bold half of the split name shows the whole name's tooltip.
  const tooltip = page.locator('[data-alam-widget] .tooltip');
  const box = await page.locator('article b').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => !document.querySelector('[data-alam-widget]').shadowRoot.querySelector('.tooltip').hidden);
  assert.equal(await tooltip.textContent(), 'شخص · Personهدى الجبوريوزيرة الموارد المائية العراقيةذُكر مرة واحدة · 1 mention');
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => document.querySelector('[data-alam-widget]').shadowRoot.querySelector('.tooltip').hidden);

  // Keyboard focus on the link inside the name shows and announces it.
  await page.focus('a.person');
  assert.equal(await tooltip.isVisible(), true);
  assert.match(await page.locator('[data-alam-widget] [aria-live]').textContent(), /^شخص \(Person\): هدى الجبوري/);

  // The panel lists types with counts; choosing an entry steps through its mentions.
  const toggle = page.locator('[data-alam-widget] .toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const places = page.locator('[data-alam-widget] .panel section', { hasText: 'Place' });
  assert.equal(await places.locator('h3 .count').textContent(), '12');
  const basra = places.locator('button', { hasText: 'البصرة' });
  assert.equal(await basra.locator('.count').textContent(), '3');
  // One row per person with the roles the article gives them.
  const people = page.locator('[data-alam-widget] .panel section', { hasText: 'Person' });
  assert.deepEqual(await people.locator('button').allTextContents(), ['ريم الحسيني1', 'هدى الجبوريوزيرة الموارد المائية العراقية1', 'كريم الساعديالوزير1']);
  const focused = () => page.evaluate(() => [...CSS.highlights.get('alam-focus')][0].toString());
  await basra.click();
  assert.equal(await focused(), 'البصرة');
  assert.equal(await page.locator('[data-alam-widget] [aria-live]').textContent(), 'البصرة: 1 / 3');
  await basra.press('Enter');
  assert.equal(await page.locator('[data-alam-widget] [aria-live]').textContent(), 'البصرة: 2 / 3');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');

  // The widget's styles stay in its shadow root: the page has no new style element or sheet.
  assert.deepEqual(await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length]), [1, 1]);
  assert.deepEqual(requestedPaths(requests, server.origin), ['/fixtures/article-tag.html', '/fixtures/article.css', '/fixtures/article.js', ...WIDGET_FILES].sort());
  await page.close();
});

test('a left-to-right page: Arabic names highlighted, the panel at the bottom right, a tap shows the tooltip', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ hasTouch: true, reducedMotion: 'reduce', colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/fixtures/article-ltr.html`);
  await page.waitForFunction(() => CSS.highlights.size > 0 && document.querySelector('[data-alam-widget]'));
  assert.deepEqual(await readHighlights(page), [
    ['PER', 'هدى الجبوري'],
    ['LOC', 'البصرة'],
    ['LOC', 'بغداد'],
    ['PER', 'كريم الساعدي'],
    ['ORG', 'البنك الدولي'],
  ]);
  const toggle = await page.locator('[data-alam-widget] .toggle').boundingBox();
  const { width } = page.viewportSize();
  assert.ok(toggle.x + toggle.width > width - 40, `toggle at x ${toggle.x}`);
  const name = await page.locator('article b').boundingBox();
  await page.touchscreen.tap(name.x + name.width / 2, name.y + name.height / 2);
  const tooltip = page.locator('[data-alam-widget] .tooltip');
  await page.waitForFunction(() => !document.querySelector('[data-alam-widget]').shadowRoot.querySelector('.tooltip').hidden);
  assert.match(await tooltip.textContent(), /^شخص · Personهدى الجبوري/);
  // Reduced motion: the tooltip appears without a transition; dark scheme: the dark colours.
  assert.deepEqual(
    await tooltip.evaluate((element) => [getComputedStyle(element).transitionDuration, getComputedStyle(element).backgroundColor]),
    ['0s', 'rgb(32, 32, 38)'],
  );
  await context.close();
});

test('without CSS.highlights, whole words are wrapped and remove() puts back the very same nodes', { timeout: 60_000 }, async () => {
  const { page } = await openPage(`${server.origin}/fixtures/article.html`, { initScript: () => delete CSS.highlights });
  const result = await page.evaluate(async () => {
    const article = document.querySelector('article');
    const before = document.documentElement.outerHTML;
    const textNodes = [];
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push([node, node.parentNode]);
    const { highlight } = await import('/embed.js');
    const handle = await highlight(article, { exclude: '.comments' });
    const wrapped = [...article.querySelectorAll('span.alam-fallback')].map((span) => [span.dataset.alamLabel, span.textContent]);
    const entities = handle.entities.map(({ label, text, range }) => [label, text, range.toString()]);
    const textDuring = article.textContent;
    handle.remove();
    return {
      wrapped,
      entities,
      textKept: textDuring === article.textContent,
      html: document.documentElement.outerHTML === before,
      sameNodes: textNodes.every(([node, parent]) => node.parentNode === parent),
    };
  });
  // Whole words: the proclitic و of وبغداد is inside the span, and the split name is wrapped in its two parts.
  assert.deepEqual(result.wrapped.slice(0, 7), [
    ['LOC', 'البصرة'],
    ['LOC', 'وبغداد'],
    ['LOC', 'بغداد'],
    ['PER', 'ريم الحسيني'],
    ['LOC', 'البصرة'],
    ['PER', 'هدى'],
    ['PER', 'الجبوري'],
  ]);
  // The entities and their Ranges are still the exact spans.
  assert.deepEqual(result.entities.map(([label, text]) => [label, text]), ARTICLE_EXPECTED);
  assert.ok(result.entities.every(([, text, rangeText]) => text === rangeText));
  assert.deepEqual({ textKept: result.textKept, html: result.html, sameNodes: result.sameNodes }, { textKept: true, html: true, sameNodes: true });
  await page.close();
});

test("strict CSP (script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'): the script tag works", { timeout: 60_000 }, async () => {
  const { page, requests, consoleMessages } = await openPage(`${strictServer.origin}/fixtures/article-tag.html`);
  await page.waitForFunction(() => CSS.highlights.size > 0);
  await page.waitForFunction(() => document.querySelector('[data-alam-widget]'));
  assert.deepEqual(await readHighlights(page), ARTICLE_EXPECTED);
  assert.deepEqual(consoleMessages, []);
  assert.deepEqual(requestedPaths(requests, strictServer.origin), ['/fixtures/article-tag.html', '/fixtures/article.css', '/fixtures/article.js', ...WIDGET_FILES].sort());
  await page.close();
});

for (const [blocked, csp] of [
  ['the wasm (no wasm-unsafe-eval)', "script-src 'self'; worker-src 'self'"],
  ['the worker (worker-src none)', "script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'"],
]) {
  test(`CSP blocks ${blocked}: the page is left untouched and the widget warns once`, { timeout: 60_000 }, async () => {
    const blockedServer = await serveWww({ csp, generated });
    const { page, consoleMessages, errors } = await openPage(`${blockedServer.origin}/fixtures/article.html`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const rejection = await page.evaluate(async () => {
      const { highlight } = await import('/embed.js');
      return highlight(document.querySelector('article')).then(
        () => null,
        (error) => error.message,
      );
    });
    assert.match(rejection, /^alam: the (WebAssembly could not be loaded|extraction worker .* failed to start)/);
    const after = await page.evaluate(() => ({ html: document.documentElement.outerHTML, highlights: CSS.highlights.size, sheets: document.adoptedStyleSheets.length }));
    assert.deepEqual(after, { html: before, highlights: 0, sheets: 0 });
    const warnings = consoleMessages.filter((message) => message.type === 'warning');
    assert.equal(warnings.length, 1, JSON.stringify(consoleMessages));
    assert.match(warnings[0].text, /^alam: the page was left as it was\. alam: /);
    assert.deepEqual(errors, []);
    await page.close();
    await blockedServer.close();
  });
}

test('a page that re-renders its story and navigates client-side keeps correct highlights', { timeout: 60_000 }, async () => {
  const { page } = await openPage(`${server.origin}/fixtures/rerender.html`, {
    // Records the text each request to the worker carries.
    initScript: () => {
      const post = Worker.prototype.postMessage;
      window.sentToWorker = [];
      Worker.prototype.postMessage = function (message, ...rest) {
        window.sentToWorker.push(message.text);
        return post.call(this, message, ...rest);
      };
    },
  });
  const connectedHighlights = () =>
    page.evaluate(() => {
      const found = [];
      for (const [name, highlight] of CSS.highlights) {
        for (const range of highlight) {
          if (!range.collapsed && range.startContainer.isConnected) found.push([name.slice(5), range.toString()]);
        }
      }
      return found.sort().join('|');
    });
  const waitFor = async (expected) => {
    const want = expected.map((pair) => pair.join(',')).sort();
    await page.waitForFunction(
      (want) => {
        const found = [];
        for (const [name, highlight] of CSS.highlights) {
          for (const range of highlight) {
            if (!range.collapsed && range.startContainer.isConnected) found.push([name.slice(5), range.toString()].join(','));
          }
        }
        return JSON.stringify(found.sort()) === JSON.stringify(want);
      },
      want,
      { timeout: 10_000 },
    ).catch(async () => assert.fail(`highlights: ${await connectedHighlights()}`));
  };
  await page.waitForFunction(() => window.rerendered);
  // After the re-render the paragraph with new text has a new place and the rest is highlighted on the new nodes.
  await waitFor([['LOC', 'القاهرة'], ['LOC', 'القاهرة'], ['PER', 'يوسف المصري'], ['ORG', 'الأمم المتحدة'], ['LOC', 'عمّان'], ['LOC', 'بيروت']]);
  // Only the paragraph with new text went to the worker again; the rest came from what was found before.
  const sent = await page.evaluate(() => window.sentToWorker);
  assert.deepEqual(sent.slice(1), ['ووصلت وفود من عمّان وبيروت.']);
  assert.ok(sent[0].startsWith('قمة المناخ تبدأ في القاهرة\n'));
  await page.click('#next');
  await page.waitForFunction(() => window.navigated);
  await waitFor([['LOC', 'الأردن'], ['LOC', 'سوريا'], ['ORG', 'البنك الدولي'], ['LOC', 'دمشق']]);
  // Only ranges in the page are left.
  assert.equal(await page.evaluate(() => [...CSS.highlights.values()].every((h) => [...h].every((r) => r.startContainer.isConnected))), true);
  assert.equal(new URL(page.url()).search, '?story=2');
  // The new story element is read whole, once.
  assert.deepEqual((await page.evaluate(() => window.sentToWorker)).slice(2), ['اتفاق جديد بشأن المياه\nوقّعت الأردن وسوريا اتفاقاً بإشراف البنك الدولي في دمشق.']);
  await page.close();
});

test('a 1 MB article: highlighted in slices, the longest main-thread task recorded', { timeout: 180_000 }, async () => {
  const { page } = await openPage(`${server.origin}/fixtures/big.html`, {
    initScript: () => {
      window.longTasks = [];
      window.longFrames = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
      // Long animation frames say how much of a frame was script and how much style and layout.
      new PerformanceObserver((list) => window.longFrames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
    },
  });
  const result = await page.evaluate(async () => {
    const { highlight } = await import('/embed.js');
    const started = performance.now();
    const handle = await highlight(document.querySelector('article'));
    const highlighted = performance.now() - started;
    // Two frames: the highlights are painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const inHighlights = () => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0);
    const nearTop = inHighlights();
    // Scrolled to the end, the last names come into CSS.highlights.
    scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const tasks = window.longTasks.filter((task) => task.startTime >= started);
    const frames = window.longFrames.filter((frame) => frame.startTime >= started);
    const scripts = frames.flatMap((frame) => frame.scripts.map((script) => script.duration));
    const styleAndLayout = frames.map((frame) => (frame.styleAndLayoutStart ? frame.startTime + frame.duration - frame.styleAndLayoutStart : 0));
    const entities = handle.entities;
    const last = entities.at(-1);
    return {
      highlighted,
      textLength: handle.text.length,
      entities: entities.length,
      mismatched: entities.filter((e) => e.range.toString() !== e.text).length,
      nearTop,
      lastShown: CSS.highlights.get(`alam-${last.label}`).has(last.range),
      firstShown: CSS.highlights.get(`alam-${entities[0].label}`).has(entities[0].range),
      longest: Math.max(0, ...tasks.map((task) => task.duration)),
      longestScript: Math.max(0, ...scripts),
      longestStyleAndLayout: Math.max(0, ...styleAndLayout),
    };
  });
  const paragraphs = Math.floor(result.textLength / 80);
  console.log(`1 MB article: ${result.textLength} UTF-16 units, ${result.entities} entities, highlighted in ${result.highlighted.toFixed(0)} ms, longest main-thread task ${result.longest > 0 ? `${result.longest.toFixed(0)} ms` : 'under 50 ms (no longtask entry)'} (longest script run ${result.longestScript.toFixed(0)} ms, longest style and layout ${result.longestStyleAndLayout.toFixed(0)} ms)`);
  assert.ok(result.entities > paragraphs * 2, `${result.entities} entities`);
  assert.equal(result.mismatched, 0);
  // Only names near the viewport are registered, and they follow the scrolling.
  assert.ok(result.nearTop > 0 && result.nearTop < result.entities / 10, `${result.nearTop} ranges registered at the top`);
  assert.deepEqual([result.lastShown, result.firstShown], [true, false]);
  // The widget's own work runs in slices of about 8 ms: no script runs 50 ms.
  assert.ok(result.longestScript < 50, `longest script run ${result.longestScript} ms`);
  // One frame's rendering is longer: Chromium recalculates every element's
  // style once when the ::highlight rules are added to the document (about
  // 150-300 ms for this page's 25,000 elements, in proportion to their number),
  // which the longtask entry sometimes includes. These bounds catch anything worse.
  assert.ok(result.longestStyleAndLayout < 500, `longest style and layout ${result.longestStyleAndLayout} ms`);
  assert.ok(result.longest < 500, `longest main-thread task ${result.longest} ms`);
  await page.close();
});
