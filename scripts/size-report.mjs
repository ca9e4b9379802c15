// Prints the raw, gzip and brotli sizes of the built package's wasm and JS, and writes them to
// <dir>/../target/size-report.json for later comparison.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'pkg';
const files = ['tradecover_bg.wasm', 'tradecover.js', 'index.js', 'define.js'];
const rows = files.map((file) => {
  const bytes = readFileSync(join(dir, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});
const total = rows.reduce(
  (sum, row) => ({ file: 'total', raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
console.log('size report (bytes shipped to the browser)');
for (const row of [...rows, total]) {
  console.log(`  ${row.file.padEnd(20)} raw ${kb(row.raw)}  gzip ${kb(row.gzip)}  brotli ${kb(row.brotli)}`);
}
mkdirSync('target', { recursive: true });
writeFileSync('target/size-report.json', `${JSON.stringify({ files: rows, total }, null, 2)}\n`);
