#!/usr/bin/env node
// `npm run bench`: tradecover and the React peer (bench/peer-react/dist) side by side in one
// headless Chromium, served by one local server (brotli, application/wasm), run alternately;
// writes bench/results/latest.json and latest.md and prints the table. See bench/README.md.
//
// Options: --runs N (measured runs per side, default 15), --warmups N (default 3),
// --cycle-runs N (memory-cycle runs per side, default 3), --rows N (tracker rows, default
// 100000), --only transfer,search,form,tracker,cycles (the default) and/or profile (CPU
// profiles: `npm run bench:profile` runs them on a build that keeps the wasm's function names),
// --no-peer, --build-peer (build the peer again; it is built anyway when bench/peer-react/dist
// is missing), --out DIR, --from FILE (no measuring: the figures and the table again from a
// latest.json's samples). BENCH_PKG_DIR: measure another build of the package than pkg/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.mjs';
import { measureTransfer } from './side-by-side/g1-transfer.mjs';
import { ROOT } from './lib/repository.mjs';
import { PEER_DIST, PKG_DIR, TRADECOVER, peerImplementation } from './side-by-side/implementations.mjs';
import { describeMachine } from './side-by-side/machine.mjs';
import { servePortfolio } from './side-by-side/mocks.mjs';
import { buildFigures } from './side-by-side/figures.mjs';
import { ensurePeerBuild } from './side-by-side/peer-build.mjs';
import { profileSearch, profileTracker } from './side-by-side/profile.mjs';
import { markdownTable } from './side-by-side/report.mjs';
import { cyclesRun, inputRun, interleaved, trackerRun } from './side-by-side/scenarios.mjs';
import { startServer } from './side-by-side/server.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmups: { type: 'string', default: '3' },
    'cycle-runs': { type: 'string', default: '3' },
    rows: { type: 'string', default: '100000' },
    only: { type: 'string', default: 'transfer,search,form,tracker,cycles' },
    'no-peer': { type: 'boolean', default: false },
    'build-peer': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
    from: { type: 'string' },
  },
});

/** Writes latest.json and latest.md into the output directory and prints the table. */
function writeResults(results) {
  mkdirSync(options.out, { recursive: true });
  const table = markdownTable(results);
  writeFileSync(join(options.out, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(options.out, 'latest.md'), table);
  console.log(`\n${table}`);
}

if (options.from) {
  const saved = JSON.parse(readFileSync(options.from, 'utf8'));
  const [own, peerName = null] = saved.implementations;
  writeResults({ ...saved, figures: buildFigures(saved.raw, own, peerName) });
  process.exit(0);
}
const counts = {
  runs: Number(options.runs),
  warmups: Number(options.warmups),
  cycleRuns: Number(options['cycle-runs']),
  rows: Number(options.rows),
};
const only = new Set(options.only.split(','));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

if (!existsSync(join(PKG_DIR, 'tradecover_bg.wasm'))) {
  console.error(`bench: ${PKG_DIR} has no build: run npm run build first`);
  process.exit(1);
}
if (!options['no-peer']) ensurePeerBuild({ force: options['build-peer'] });
const peer = options['no-peer'] ? null : peerImplementation();
if (!peer && !options['no-peer']) {
  console.warn(`bench: no peer build in ${PEER_DIST} (npm --prefix bench/peer-react ci && npm --prefix bench/peer-react run build); measuring tradecover alone`);
}
const implementations = peer ? [TRADECOVER, peer] : [TRADECOVER];

const server = await startServer({
  '/tradecover/': PKG_DIR,
  '/peer/': PEER_DIST,
  '/pages/': join(ROOT, 'bench', 'side-by-side', 'pages'),
});
const portfolioBytes = servePortfolio(server, counts.rows);
await server.precompress();
const browser = await launchChromium();
const machine = describeMachine(browser);
const pageUrl = `${server.url}/pages/harness.html`;
console.log(`bench: ${machine.cpu}, ${machine.cores} cores, Chromium ${machine.chromium}; portfolio ${(portfolioBytes.length / 1e6).toFixed(1)} MB; ${implementations.map((impl) => impl.name).join(' vs ')}`);

const log = (label) => ({ impl, index, warmup, ms }) =>
  console.log(`  ${label} ${warmup ? 'warm-up' : 'run'} ${index} ${impl.name}: ${ms} ms (${elapsed()})`);

const raw = {};
try {
  if (only.has('transfer')) {
    raw.transfer = {};
    for (const impl of implementations) raw.transfer[impl.name] = await measureTransfer(browser, pageUrl, impl);
    console.log(`G1 transfer done (${elapsed()})`);
  }
  for (const widget of ['search', 'form']) {
    if (!only.has(widget)) continue;
    raw[widget] = await interleaved(implementations, counts, (impl, run) => inputRun(browser, pageUrl, impl, widget, run), log(widget));
  }
  if (only.has('tracker')) {
    raw.tracker = await interleaved(implementations, counts, (impl, run) => trackerRun(browser, pageUrl, impl, counts.rows, run), log('tracker'));
  }
  if (only.has('cycles')) {
    raw.cycles = await interleaved(implementations, { warmups: 0, runs: counts.cycleRuns }, (impl) => cyclesRun(browser, pageUrl, impl, counts.rows), log('cycles'));
  }
  if (only.has('profile')) {
    raw.profiles = {};
    for (const impl of implementations) {
      const dir = join(options.out, 'profiles');
      raw.profiles[impl.name] = {
        ...(await profileTracker(browser, pageUrl, impl, counts.rows, dir)),
        search: await profileSearch(browser, pageUrl, impl, dir),
      };
    }
    console.log(`profiles done (${elapsed()})`);
  }
} finally {
  await browser.close();
  await server.stop();
}

const results = {
  date: new Date().toISOString(),
  machine,
  implementations: implementations.map((impl) => impl.name),
  counts,
  durationSeconds: (Date.now() - started) / 1000,
  portfolioBytes: portfolioBytes.length,
  figures: buildFigures(raw, TRADECOVER.name, peer?.name ?? null),
  raw,
};
writeResults(results);
console.log(`bench: wrote ${join(options.out, 'latest.json')} and latest.md in ${elapsed()}`);
