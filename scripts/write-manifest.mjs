// Writes <dir>/package.json from pkg.json: version from Cargo.toml, snippet files added, and every
// file the manifest names checked to exist.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/write-manifest.mjs <package dir>');

const manifest = JSON.parse(readFileSync('pkg.json', 'utf8'));
const cargo = readFileSync('Cargo.toml', 'utf8');
const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('no [package] version in Cargo.toml');
manifest.version = version;

if (existsSync(join(dir, 'snippets'))) manifest.files.push('snippets/');

const missing = manifest.files.filter((file) => !existsSync(join(dir, file)));
const exported = Object.values(manifest.exports)
  .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
  .filter((target) => target !== './package.json' && !existsSync(join(dir, target)));
if (missing.length || exported.length) {
  throw new Error(`pkg.json names missing files: ${[...missing, ...exported].join(', ')}`);
}
const unlisted = readdirSync(dir).filter(
  (file) => file !== 'package.json' && !manifest.files.includes(file) && !manifest.files.includes(`${file}/`),
);
if (unlisted.length) throw new Error(`built files not in pkg.json "files": ${unlisted.join(', ')}`);

writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
