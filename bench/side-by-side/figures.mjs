// The issue's figures G1–G7 from the raw runs of run.mjs, each with its targets: per widget
// against the React peer, and G4 / G6 also against their bare-JS floors measured in the same
// pages.
import { median } from '../lib/statistics.mjs';
import { figure } from './report.mjs';

/** G1 target for the three tradecover widgets together: 80 KB (as KiB, like the size report). */
export const TRANSFER_BUDGET_BYTES = 80 * 1024;

const pick = (runs, read) => (runs ?? []).map(read).filter(Number.isFinite);

/** The figure records of `raw` ({transfer, search, form, tracker, cycles}); `peer` may be null. */
export function buildFigures(raw, own, peer) {
  const figures = [];
  const side = (kind, read) => ({
    samples: pick(raw[kind]?.[own], read),
    reference: peer ? pick(raw[kind]?.[peer], read) : null,
    referenceName: peer,
  });

  if (raw.transfer) {
    for (const key of ['search', 'form', 'tracker', 'all']) {
      const ownBytes = raw.transfer[own][key].total;
      const peerBytes = peer ? raw.transfer[peer][key].total : null;
      figures.push(
        figure({
          id: 'G1',
          name: key === 'all' ? 'transfer, three widgets' : `transfer, ${key}`,
          unit: 'bytes',
          samples: [ownBytes],
          reference: peer ? [peerBytes] : null,
          referenceName: peer,
          ratioTarget: 1.0,
          absolute: key === 'all' ? { max: TRANSFER_BUDGET_BYTES } : null,
          note: key === 'all' ? `files: ${Object.entries(raw.transfer[own].all.files).map(([file, size]) => `${file} ${size} B`).join(', ')}` : null,
        }),
      );
    }
  }

  for (const widget of ['search', 'form']) {
    if (!raw[widget]) continue;
    const label = widget === 'search' ? 'buyer search' : 'cover form';
    const wasmShare = median(pick(raw[widget][own], (run) => run.coldStart.wasm / run.coldStart.total));
    const wasm = median(pick(raw[widget][own], (run) => run.coldStart.wasm));
    figures.push(
      figure({
        id: 'G2',
        name: `cold start, ${label} (4× throttle)`,
        unit: 'ms',
        ...side(widget, (run) => run.coldStart.total),
        ratioTarget: 1.0,
        note: `tradecover's WebAssembly compile + instantiate (streaming): ${wasm.toFixed(1)} ms median, ${(wasmShare * 100).toFixed(1)} % of its cold start`,
      }),
    );
  }
  if (raw.tracker) {
    figures.push(
      figure({
        id: 'G2',
        name: 'cold start, decision tracker (unthrottled)',
        unit: 'ms',
        ...side('tracker', (run) => run.coldStart.total),
        ratioTarget: 1.0,
        note: 'measured in the tracker runs, unthrottled because the mount starts the 100,000-row load whose ingest G6 times; the keystroke goes into the free-text filter',
      }),
    );
  }
  for (const widget of ['search', 'form']) {
    if (!raw[widget]) continue;
    const label = widget === 'search' ? 'buyer search' : 'cover form';
    const keys = pick(raw[widget][own], (run) => run.keystrokes.count).reduce((a, b) => a + b, 0);
    const options = (name) => Math.min(...pick(raw[widget][name], (run) => run.keystrokes.optionsShown));
    const nextFrame = side(widget, (run) => run.keystrokes.p95NextFrame);
    figures.push(
      figure({
        id: 'G3',
        name: `keystroke p95 (Event Timing), ${label} (4× throttle)`,
        unit: 'ms',
        ...side(widget, (run) => run.keystrokes.p95),
        ratioTarget: 1.0,
        absolute: { max: 50 },
        note: `${keys} keystrokes over the measured runs; keydown → next frame p95: tradecover ${median(nextFrame.samples).toFixed(1)} ms` +
          (peer ? `, ${peer} ${median(nextFrame.reference).toFixed(1)} ms` : '') +
          '; Event Timing reports only events of 16 ms or more, shorter keystrokes count as 16 ms' +
          (widget === 'search' ? `; listbox options shown (fewest over runs): tradecover ${options(own)}${peer ? `, ${peer} ${options(peer)}` : ''}` : ''),
      }),
    );
  }

  if (raw.tracker) {
    const runs = raw.tracker[own];
    for (const [key, label, floorKey, floorName] of [
      ['sort', 'sort by buyer', 'sortFloor', 'bare JS sort'],
      ['filter', 'free-text filter', 'filterFloor', 'bare JS filter'],
    ]) {
      figures.push(figure({ id: 'G4', name: `${label} of the rows → next paint (4× throttle)`, unit: 'ms', ...side('tracker', (run) => run.update[key]), ratioTarget: 1.0 }));
      figures.push(
        figure({
          id: 'G4',
          name: `${label} vs the floor (4× throttle)`,
          unit: 'ms',
          samples: pick(runs, (run) => run.update[key]),
          reference: pick(runs, (run) => run.update[floorKey]),
          referenceName: floorName,
          ratioTarget: 2.0,
        }),
      );
    }
    const maxRows = (name) => Math.max(...pick(raw.tracker[name], (run) => run.scroll.maxRows));
    const breakdown = (name) =>
      Object.keys(raw.tracker[name][0]?.scroll.breakdown ?? {})
        .map((kind) => `${kind} ${median(pick(raw.tracker[name], (run) => run.scroll.breakdown[kind])).toFixed(1)}`)
        .join(', ');
    figures.push(
      figure({
        id: 'G5',
        name: 'scroll: p99 main-thread work per frame (4× throttle)',
        unit: 'ms',
        ...side('tracker', (run) => run.scroll.p99),
        ratioTarget: 1.0,
        absolute: { under: 16.7 },
        note: `frames traced per run (median): ${median(pick(runs, (run) => run.scroll.frames))}; row nodes mounted at most: tradecover ${maxRows(own)}${peer ? `, ${peer} ${maxRows(peer)}` : ''}; tradecover's median frame work ${median(pick(runs, (run) => run.scroll.median)).toFixed(1)} ms; ` +
          `where a frame's main-thread time goes (ms per frame, from the trace; script kinds nest, so they do not add up): ` +
          `tradecover: ${breakdown(own)}${peer ? `; ${peer}: ${breakdown(peer)}` : ''}`,
      }),
    );
    figures.push(
      figure({
        id: 'G5',
        name: 'scroll: tasks over 50 ms per run (4× throttle)',
        unit: 'count',
        ...side('tracker', (run) => run.scroll.longTasks),
        absolute: { max: 0 },
        note: `longest task (median of runs): ${median(pick(runs, (run) => run.scroll.longestTask)).toFixed(1)} ms`,
      }),
    );
    figures.push(
      figure({
        id: 'G6',
        name: 'ingest of the portfolio response vs JSON.parse',
        unit: 'ms',
        samples: pick(runs, (run) => run.ingest.ingest),
        reference: pick(runs, (run) => run.parse.parse),
        referenceName: 'JSON.parse',
        ratioTarget: 2.0,
        note: `no ingest entry point is exported: measured from the response's end (Resource Timing) to aria-rowcount counting every row (read, parse, store, first render); JSON.parse of the same ${(runs[0]?.parse.bytes / 1e6).toFixed(1)} MB in the same page`,
      }),
    );
    if (peer) figures.push(figure({ id: 'G6', name: 'ingest of the portfolio response', unit: 'ms', ...side('tracker', (run) => run.ingest.ingest), ratioTarget: 1.0 }));
    figures.push(
      figure({
        id: 'G7',
        name: 'memory after loading the rows (JS heap + wasm memory)',
        unit: 'MB',
        ...side('tracker', (run) => run.memory.total / 1e6),
        ratioTarget: 1.5,
        note: `tradecover: JS heap ${median(pick(runs, (run) => run.memory.jsHeap / 1e6)).toFixed(1)} MB + wasm memory ${median(pick(runs, (run) => run.memory.wasm / 1e6)).toFixed(1)} MB`,
      }),
    );
  }
  if (raw.cycles) {
    figures.push(
      figure({
        id: 'G7',
        name: 'high-water growth over 5 mount/unmount cycles',
        unit: '%',
        ...side('cycles', (run) => run.growth * 100),
        absolute: { max: 5 },
      }),
    );
  }
  return figures;
}
