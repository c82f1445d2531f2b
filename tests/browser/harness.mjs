// Shared by the browser tests: a static server for www/, Debian's Chromium
// through playwright-core (which downloads nothing), and the `alam` command
// line whose output the browser must match.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const www = path.join(repoRoot, 'www');
const fixtures = path.join(repoRoot, 'tests', 'browser', 'fixtures');
const models = path.join(repoRoot, 'models');

/** Fixture articles written for the project (tests/fixtures/): a Canadian minister in Baghdad and Erbil, an Iraqi-Turkish water deal. */
export const natoMission = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'nato-mission.txt'), 'utf8');
export const waterDeal = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'water-deal.txt'), 'utf8');

/** Third-party data beside the repository, read where it lives and never copied. */
const sharedDataDir = path.join(repoRoot, '..', 'shared', 'data');

/**
 * The path of `relative` in ../shared/data/ for the test `t`. Without that
 * folder the test is skipped and this returns null, unless
 * ALAM_REQUIRE_SHARED_DATA=1 (as .ci/run sets), where it throws and the test fails.
 */
export function sharedData(t, relative) {
  if (existsSync(sharedDataDir)) return path.join(sharedDataDir, relative);
  if (process.env.ALAM_REQUIRE_SHARED_DATA === '1') {
    throw new Error(`ALAM_REQUIRE_SHARED_DATA=1 but ${sharedDataDir} is missing: put the shared data beside the repository`);
  }
  t.skip(`${sharedDataDir} is missing`);
  return null;
}

/** The third-party reference article for the test `t`, or null as for sharedData(). */
export function sampleArticle(t) {
  const file = sharedData(t, 'sample-article-ar.txt');
  return file && readFileSync(file, 'utf8');
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves www/ on 127.0.0.1 at a free port, tests/browser/fixtures/ under
 * /fixtures/ and models/ under /models/ (a model file as a site would serve
 * its own); resolves to {origin, close()}.
 * @param {{csp?: string, generated?: Record<string, () => string>}} [options]
 *   `csp`: a Content-Security-Policy header sent with every response, as a site
 *   would; `generated`: pages made by the tests, by path.
 */
export async function serveWww({ csp, generated = {} } = {}) {
  if (!existsSync(path.join(www, 'pkg', 'alam_bg.wasm'))) {
    throw new Error('www/pkg/alam_bg.wasm is missing: run `cargo xtask build` first');
  }
  const server = http.createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://localhost');
      const headers = csp ? { 'Content-Security-Policy': csp } : {};
      if (request.method === 'GET' && Object.hasOwn(generated, pathname)) {
        response.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES['.html'] });
        response.end(generated[pathname]());
        return;
      }
      const [top, relative] = pathname.startsWith('/fixtures/')
        ? [fixtures, pathname.slice('/fixtures'.length)]
        : pathname.startsWith('/models/')
          ? [models, pathname.slice('/models'.length)]
          : [www, pathname];
      const file = path.join(top, decodeURIComponent(relative).replace(/\/$/, '/index.html'));
      // Only files below www/ and the fixtures are served.
      if (request.method !== 'GET' || !file.startsWith(top + path.sep)) throw new Error('not served');
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
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

export function launchChromium() {
  return chromium.launch({
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
}

/**
 * Serves www/, launches Chromium and opens one page at `pathname`, for tests
 * that call the wasm in one page; resolves to {page, newPage(), close()},
 * where `newPage()` opens another page at the same address.
 */
export async function openServedPage(pathname) {
  const server = await serveWww();
  const browser = await launchChromium().catch(async (error) => {
    await server.close();
    throw error;
  });
  const page = await browser.newPage();
  await page.goto(`${server.origin}${pathname}`);
  return {
    page,
    newPage: async () => {
      const another = await browser.newPage();
      await another.goto(`${server.origin}${pathname}`);
      return another;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

let cliBuilt = false;

/**
 * Makes sure the `alam` binary is current. Test files call it in `before()`:
 * after `cargo test --workspace` (whose features differ) it recompiles the
 * crate, which on a busy machine takes longer than a test's timeout.
 */
export function buildCli() {
  if (cliBuilt) return;
  execFileSync(process.env.CARGO ?? 'cargo', ['build', '--quiet', '--bin', 'alam'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 600_000,
  });
  cliBuilt = true;
}

/** Runs `alam` with `args` on `input`, after making sure the binary is current. */
export function alam(args, input) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, 'target');
  buildCli();
  return execFileSync(path.join(targetDir, 'debug', 'alam'), args, {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
}

/** `alam tag`: one result per document; the documents must not contain line breaks. */
export function tagLines(documents) {
  const out = alam(['tag'], documents.map((d) => `${d}\n`).join(''));
  return out.split('\n').slice(0, -1).map((line) => JSON.parse(line));
}

/** `alam tag --whole`: one result for the whole text. */
export function tagWhole(text) {
  return JSON.parse(alam(['tag', '--whole'], text));
}
