// The npm package of www/: `npm pack` works offline after `cargo xtask build`
// and holds the widget, alam.js, the wasm and their types, not the paste page.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './harness.mjs';

const www = path.join(repoRoot, 'www');

test('npm pack --dry-run lists exactly the package files', { timeout: 60_000 }, () => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--offline'], { cwd: www, encoding: 'utf8', timeout: 60_000 }),
  );
  assert.deepEqual(packed.files.map((file) => file.path).sort(), [
    'alam.d.ts',
    'alam.js',
    'dom-text.js',
    'embed-ui.js',
    'embed.d.ts',
    'embed.js',
    'entity-ui.js',
    'highlighter.js',
    'labels.js',
    'package.json',
    'painter.js',
    'pkg/alam.d.ts',
    'pkg/alam.js',
    'pkg/alam_bg.wasm',
    'pkg/alam_bg.wasm.d.ts',
    'worker-client.js',
    'worker.js',
  ]);
});

test('every export and every relative import of the packed modules is in the package', () => {
  const manifest = JSON.parse(readFileSync(path.join(www, 'package.json'), 'utf8'));
  const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  const files = new Set(manifest.files.map((file) => `./${file}`));
  for (const target of targets) assert.ok(files.has(target) || target === './package.json', target);
  for (const file of manifest.files.filter((name) => name.endsWith('.js') && !name.startsWith('pkg/'))) {
    const source = readFileSync(path.join(www, file), 'utf8');
    for (const [, imported] of source.matchAll(/(?:from\s+|new URL\(\s*)'(\.\/[^']+)'/g)) {
      assert.ok(files.has(imported), `${file} uses ${imported}`);
    }
  }
});
