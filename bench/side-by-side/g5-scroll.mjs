// G5 scripted scroll through 100,000 rows at 4× CPU throttling: a requestAnimationFrame loop
// adds 400 px to the grid's scrollTop every frame for 5 s while a DevTools trace records the
// renderer's main thread. Headless Chromium has no real vsync, so frames are not counted as fps:
// the figure is the main-thread work per frame (the top-level tasks, RunTask, between two
// BeginMainThreadFrame events), its p99, and the tasks over 50 ms.
import { traced } from '../lib/chromium.mjs';
import { p99, median } from '../lib/statistics.mjs';

/** Trace categories: top-level tasks and frame boundaries. */
export const SCROLL_TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
];

/** Scroll duration (ms) and step (px per frame). */
export const SCROLL_MS = 5000;
export const SCROLL_STEP = 400;

/** The renderer main thread of the trace with the most task time: {pid, tid}. */
function mainThread(events) {
  const names = events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  let best = null;
  let bestTime = -1;
  for (const thread of names) {
    const time = events
      .filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.name === 'RunTask' && event.ph === 'X')
      .reduce((sum, event) => sum + (event.dur || 0), 0);
    if (time > bestTime) {
      best = thread;
      bestTime = time;
    }
  }
  return best;
}

/**
 * Per-frame main-thread work of a trace (ms): the RunTask durations summed per frame, frames
 * bounded by BeginMainThreadFrame (else FireAnimationFrame); and every task over 50 ms.
 */
export function frameWork(events) {
  const thread = mainThread(events);
  if (!thread) return { frames: [], longTasks: [] };
  const own = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid);
  const tasks = own.filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.dur !== undefined);
  let marks = own.filter((event) => event.name === 'BeginMainThreadFrame').map((event) => event.ts);
  if (marks.length < 10) marks = own.filter((event) => event.name === 'FireAnimationFrame').map((event) => event.ts);
  marks.sort((a, b) => a - b);
  const frames = new Array(Math.max(marks.length - 1, 0)).fill(0);
  let frame = 0;
  for (const task of tasks.sort((a, b) => a.ts - b.ts)) {
    if (task.ts < marks[0] || task.ts >= marks[marks.length - 1]) continue;
    while (frame + 1 < marks.length && task.ts >= marks[frame + 1]) frame += 1;
    frames[frame] += task.dur / 1000;
  }
  const longTasks = tasks.filter((task) => task.dur / 1000 > 50).map((task) => task.dur / 1000);
  // Where the frames' time goes (ms per frame), from the trace rather than a guess.
  const breakdown = {};
  const inside = (event) => event.ts >= marks[0] && event.ts < marks[marks.length - 1];
  for (const [kind, names] of Object.entries(BREAKDOWN)) {
    const total = own
      .filter((event) => event.ph === 'X' && names.includes(event.name) && inside(event))
      .reduce((sum, event) => sum + (event.dur || 0) / 1000, 0);
    breakdown[kind] = frames.length ? total / frames.length : NaN;
  }
  return { frames, longTasks, breakdown };
}

/** Trace events (main thread, complete events) whose time is summed per kind for the breakdown;
 * script kinds nest (a FunctionCall inside an EventDispatch), so kinds are not added up. */
export const BREAKDOWN = {
  scrollEvents: ['EventDispatch'],
  animationFrames: ['FireAnimationFrame'],
  microtasks: ['RunMicrotasks'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
  gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR'],
};

/** Runs the scroll in `page` (tracker showing every row) under a trace; answers {p99, median,
 * frames, longTasks, maxRows, scrolled}. */
export async function measureScroll(page, cdp) {
  const { result, events } = await traced(cdp, SCROLL_TRACE_CATEGORIES, () =>
    page.evaluate(({ ms, step }) => window.bench.tracker.scrollLoop(ms, step), { ms: SCROLL_MS, step: SCROLL_STEP }),
  );
  const { frames, longTasks, breakdown } = frameWork(events);
  return {
    p99: p99(frames),
    median: median(frames),
    frames: frames.length,
    rafFrames: result.frames,
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks),
    maxRows: result.maxRows,
    scrolled: result.scrollTop,
    breakdown,
  };
}
