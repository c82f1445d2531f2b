// Takes the README's screenshot of the paste page: serves www/ on 127.0.0.1,
// opens it in Debian's headless Chromium, waits until the page's own demo text
// is highlighted, and writes docs/paste-page.png (1200×800, light scheme).
//
//   cargo xtask build                 # the wasm, into www/pkg/
//   npm ci --prefix tests/browser     # playwright-core, once
//   node docs/screenshot.mjs
//
// playwright-core is the browser tests' dependency: it drives /usr/bin/chromium
// and downloads no browser of its own.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repoRoot, 'www');
const out = path.join(repoRoot, 'docs', 'paste-page.png');

const require = createRequire(path.join(repoRoot, 'tests', 'browser', 'package.json'));
const { chromium } = require('playwright-core');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves the files below www/ on 127.0.0.1 at a free port; resolves to {origin, close()}. */
async function serveWww() {
  const server = http.createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://localhost');
      const file = path.join(www, decodeURIComponent(pathname).replace(/\/$/, '/index.html'));
      if (request.method !== 'GET' || !file.startsWith(www + path.sep)) throw new Error('not served');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (!existsSync(path.join(www, 'pkg', 'alam_bg.wasm'))) {
  console.error('www/pkg/alam_bg.wasm is missing: run `cargo xtask build` first');
  process.exit(1);
}

const server = await serveWww();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, colorScheme: 'light', deviceScaleFactor: 1 });
  await page.goto(`${server.origin}/`);
  // The page extracts its demo text on load: wait for the highlights and for
  // the entity list, then for the fonts, so nothing is painted half-way.
  await page.waitForFunction(() => CSS.highlights.size > 0 && document.querySelector('#entity-list')?.children.length > 0, null, {
    timeout: 60_000,
  });
  // The first answer's time includes starting the worker and loading the wasm;
  // extract the same text once more, as typing would, so the status line shows
  // the time of an extraction on its own.
  const first = await page.textContent('#status');
  await page.dispatchEvent('#input', 'input');
  await page.waitForFunction((first) => document.getElementById('status').textContent !== first, first, { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  // The text box shows its first lines only (as if its reader had dragged it
  // smaller), and the page is scrolled to the text box's heading, so that the
  // highlighted text and the lists fit in one screen.
  await page.evaluate(() => {
    const input = document.getElementById('input');
    input.style.blockSize = '6.5em';
    const paste = document.querySelector('.paste');
    window.scrollTo(0, paste.getBoundingClientRect().top + window.scrollY - 20);
  });
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await server.close();
}
