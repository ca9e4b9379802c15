// Sizes of the built peer (after `npm run build`): each file raw, gzip (level 9) and brotli
// (quality 11), and what each widget loads in all — the entry, its static imports, and the
// widget's chunk with its own imports. CSS is inside the widget chunks (adopted stylesheets).
//
//   node sizes.mjs

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = join(dirname(fileURLToPath(import.meta.url)), 'dist');
const ENTRY = 'tradecover-peer.js';
const WIDGETS = { 'buyer search': 'BuyerSearch.js', 'cover form': 'CoverForm.js', 'decision tracker': 'DecisionTracker.js' };

const size = (name) => {
  const bytes = readFileSync(join(DIST, name));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** `name` and every chunk it imports statically, recursively. */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = readFileSync(join(DIST, name), 'utf8');
  for (const [, imported] of code.matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) closure(imported, seen);
  return seen;
}

const sum = (names) =>
  [...names].map(size).reduce((total, each) => ({ raw: total.raw + each.raw, gzip: total.gzip + each.gzip, brotli: total.brotli + each.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const row = (label, s) => `${label.padEnd(34)} ${String(s.raw).padStart(8)} ${String(s.gzip).padStart(8)} ${String(s.brotli).padStart(8)}`;

console.log(row('file', { raw: 'raw', gzip: 'gzip', brotli: 'brotli' }));
for (const name of readdirSync(DIST).filter((file) => file.endsWith('.js')).sort()) console.log(row(name, size(name)));
console.log('');
const entry = closure(ENTRY);
for (const [widget, chunk] of Object.entries(WIDGETS)) {
  const files = closure(chunk, new Set(entry));
  console.log(row(`${widget} (${files.size} files)`, sum(files)));
}
const all = new Set(entry);
for (const chunk of Object.values(WIDGETS)) closure(chunk, all);
console.log(row(`all three widgets (${all.size} files)`, sum(all)));
