// The built npm package: manifest, files, and a side-effect-free main entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, packPackage } from './support.mjs';

const manifest = JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8'));

test('the manifest is an ESM package with an exports map, types and exact sideEffects', () => {
  assert.equal(manifest.name, 'tradecover');
  assert.equal(manifest.type, 'module');
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(manifest.exports['.'], { types: './index.d.ts', default: './index.js' });
  assert.deepEqual(manifest.exports['./define'], { types: './define.d.ts', default: './define.js' });
  assert.equal(manifest.types, './index.d.ts');
  assert.deepEqual(manifest.sideEffects, ['./define.js']);
});

test('npm pack ships exactly the files the manifest names', () => {
  const packed = packPackage();
  try {
    const expected = [...manifest.files, 'package.json'].sort();
    assert.deepEqual([...packed.files].sort(), expected);
  } finally {
    packed.cleanup();
  }
});

test('importing the main entry touches no DOM and exposes the mount API', async () => {
  assert.equal(typeof globalThis.document, 'undefined', 'node has no DOM');
  const entry = await import(join(ROOT, 'pkg', 'index.js'));
  assert.equal(typeof entry.load, 'function');
  assert.equal(typeof entry.mountBuyerSearch, 'function');
  assert.equal(typeof globalThis.customElements, 'undefined', 'no element was defined');
});

test('the size report of the build exists and names the wasm', () => {
  const report = JSON.parse(readFileSync(join(ROOT, 'target', 'size-report.json'), 'utf8'));
  const wasm = report.files.find((file) => file.file === 'tradecover_bg.wasm');
  assert.ok(wasm.raw > 0 && wasm.brotli > 0 && wasm.brotli < wasm.raw);
});

test('the size budget check passes within the budget and fails past it', () => {
  const script = join(ROOT, 'scripts', 'size-budget.mjs');
  const report = join(ROOT, 'target', 'size-report.json');
  const dir = mkdtempSync(join(tmpdir(), 'tradecover-budget-'));
  try {
    const { total } = JSON.parse(readFileSync(report, 'utf8'));
    const within = join(dir, 'within.json');
    writeFileSync(within, JSON.stringify({ brotli: { total: total.brotli } }));
    execFileSync('node', [script, report, within], { stdio: 'pipe' });
    const past = join(dir, 'past.json');
    writeFileSync(past, JSON.stringify({ brotli: { total: total.brotli - 1 } }));
    assert.throws(() => execFileSync('node', [script, report, past], { stdio: 'pipe' }), /size budget exceeded/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
