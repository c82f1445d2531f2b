// Browser benchmark (not a test; run `node tests/browser/bench.mjs` after
// `cargo xtask build`): www/alam.js in headless Chromium.
//
// - extract() over the ANERcorp dev sentences, each sentence one document,
//   tokens counted as the CoNLL file's tokens: tokens per second;
// - extract() on documents of 1 KB to 10 MB (copies of the fixture article
//   tests/fixtures/nato-mission.txt, which serves as well as the sample
//   article and is in the repository): time, time per byte and the wasm
//   memory each leaves, every size in a fresh page so the memory is that
//   size's own;
// - setDictionary() with 10,000 entries, once in each of five pages.
//
// The dev sentences are read from ../shared/data/ at run time, never copied.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, natoMission, repoRoot, serveWww } from './harness.mjs';

const DEV = path.join(repoRoot, '..', 'shared', 'data', 'anercorp', 'dev.txt');
if (!existsSync(DEV)) {
  console.error(`bench: ${DEV} is missing; the benchmark reads the ANERcorp dev sentences from the shared data beside the repository`);
  process.exit(1);
}
const PASSES = 5;
const SIZES = [1e3, 1e4, 1e5, 1e6, 1e7];

/** The dev file's sentences as documents (tokens joined by spaces) and its token count. */
function devSentences() {
  const sentences = [];
  let tokens = 0;
  let current = [];
  for (const line of readFileSync(DEV, 'utf8').split('\n')) {
    const token = line.trim().split(/\s+/)[0];
    if (token) {
      current.push(token);
      tokens += 1;
    } else if (current.length > 0) {
      sentences.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current.join(' '));
  return { sentences, tokens };
}

/** `bytes` bytes of UTF-8 (up to a character's end): copies of the fixture article. */
function documentOf(bytes) {
  const copy = Buffer.from(natoMission);
  const buffer = Buffer.concat(Array(Math.ceil(bytes / copy.length)).fill(copy));
  let end = bytes;
  while (end < buffer.length && (buffer[end] & 0xc0) === 0x80) end += 1;
  return buffer.subarray(0, end).toString();
}

/** Ten thousand dictionary entries: given × family names the project wrote, each with an id and a link. */
function dictionary() {
  const given = ['محمد', 'أحمد', 'علي', 'حسن', 'حسين', 'عمر', 'خالد', 'يوسف', 'إبراهيم', 'سلمى', 'ريم', 'نور', 'ليلى', 'فاطمة', 'زينب', 'مريم', 'هدى', 'سعاد', 'كريم', 'سامي', 'طارق', 'وليد', 'ماجد', 'نبيل', 'جميل'];
  const family = ['الجبوري', 'الساعدي', 'الحسيني', 'المصري', 'العبيدي', 'الدليمي', 'التميمي', 'الربيعي', 'الخفاجي', 'الشمري', 'العاني', 'الكبيسي', 'الزبيدي', 'الموسوي', 'الحكيم', 'البياتي', 'النعيمي', 'الطائي', 'العزاوي', 'الجنابي'];
  const entries = [];
  for (let i = 0; entries.length < 10_000; i += 1) {
    const first = given[i % given.length];
    const middle = given[Math.floor(i / given.length) % given.length];
    const last = family[Math.floor(i / (given.length * given.length)) % family.length];
    entries.push({ names: [`${first} ${middle} ${last}`, `${first} ${last}`], label: 'PER', id: `p${i}`, url: `https://example.org/people/${i}` });
  }
  return entries;
}

/**
 * A page with alam.js loaded and warmed up: the first calls run in the
 * baseline compiler's code until V8 has optimised the wasm, which on this
 * 2-core machine takes some 200,000 tokens: 400 calls on the fixture
 * article (20 calls on the sample article were too few: the timed passes
 * then ran partly unoptimised, at 0.6-0.8 of the speed).
 */
async function freshPage(browser, origin) {
  const page = await browser.newPage();
  await page.goto(`${origin}/fixtures/article.html`);
  await page.evaluate(async (article) => {
    window.alam = await import('/alam.js');
    await window.alam.init();
    // The glue returns the instance it already has: its exports include the memory.
    window.wasmMemory = (await (await import('/pkg/alam.js')).default()).memory;
    for (let i = 0; i < 400; i += 1) window.alam.extract(article);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }, natoMission);
  return page;
}

const server = await serveWww();
const browser = await launchChromium();
try {
  const { sentences, tokens } = devSentences();
  let page = await freshPage(browser, server.origin);
  const dev = await page.evaluate(
    ([sentences, passes]) => {
      for (const sentence of sentences) window.alam.extract(sentence); // warm-up
      const times = [];
      for (let pass = 0; pass < passes; pass += 1) {
        const started = performance.now();
        for (const sentence of sentences) window.alam.extract(sentence);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    },
    [sentences, PASSES],
  );
  const median = dev[Math.floor(dev.length / 2)];
  console.log(`ANERcorp dev: ${sentences.length} sentences, ${tokens} tokens; ${PASSES} passes, median ${median.toFixed(0)} ms (best ${dev[0].toFixed(0)} ms): ${Math.round(tokens / (median / 1000)).toLocaleString('en')} tokens/s (best ${Math.round(tokens / (dev[0] / 1000)).toLocaleString('en')})`);
  await page.close();

  console.log('size | bytes | ms | ns per byte | entities | wasm memory after');
  for (const size of SIZES) {
    const text = documentOf(size);
    page = await freshPage(browser, server.origin);
    const figures = await page.evaluate((text) => {
      const before = window.wasmMemory.buffer.byteLength;
      // Small documents run several times, for a stable figure.
      const runs = text.length < 200_000 ? 10 : text.length < 2_000_000 ? 3 : 1;
      let entities = 0;
      const times = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        entities = window.alam.extract(text).entities.length;
        times.push(performance.now() - started);
      }
      return { ms: Math.min(...times), entities, before, after: window.wasmMemory.buffer.byteLength };
    }, text);
    const bytes = Buffer.byteLength(text);
    console.log(`${size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`} | ${bytes} | ${figures.ms.toFixed(1)} | ${((figures.ms * 1e6) / bytes).toFixed(0)} | ${figures.entities} | ${(figures.after / 2 ** 20).toFixed(1)} MiB (from ${(figures.before / 2 ** 20).toFixed(1)})`);
    await page.close();
  }

  // Each load in a page of its own, as a site sets its dictionary once.
  const entries = dictionary();
  const loads = [];
  for (let run = 0; run < 5; run += 1) {
    page = await freshPage(browser, server.origin);
    loads.push(
      await page.evaluate((entries) => {
        const started = performance.now();
        window.alam.setDictionary(entries);
        return performance.now() - started;
      }, entries),
    );
    await page.close();
  }
  loads.sort((a, b) => a - b);
  console.log(`setDictionary, 10,000 entries (20,000 names), a fresh page each: median ${loads[2].toFixed(1)} ms (runs: ${loads.map((ms) => ms.toFixed(1)).join(', ')})`);
} finally {
  await browser.close();
  await server.close();
}
