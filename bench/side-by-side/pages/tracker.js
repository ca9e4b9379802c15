// The in-page measurements of the decision tracker (G4, G5, G6): waiting on the grid's
// `aria-rowcount` with a MutationObserver (no polling), sorting and filtering through the
// widget's own controls, the bare-JS floor over the same keys, and the rAF scroll loop.
import { deepQuery, deepQueryAll, host, nextPaint, now, typeValue } from './dom.js';

/** Resolves with the time at which `check()` first holds, re-checked on every DOM mutation
 * under the host and its open shadow roots. */
export function whenDom(check, timeout = 120_000) {
  return new Promise((resolve, reject) => {
    if (check()) {
      resolve(now());
      return;
    }
    const observers = [];
    const stop = () => observers.forEach((observer) => observer.disconnect());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${check}`));
    }, timeout);
    const observe = (root) => {
      const observer = new MutationObserver(() => {
        // new shadow roots may appear while mounting
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot && !element.shadowRoot.__observed) {
            element.shadowRoot.__observed = true;
            observe(element.shadowRoot);
          }
        }
        if (check()) {
          const at = now();
          clearTimeout(timer);
          stop();
          resolve(at);
        }
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      observers.push(observer);
    };
    observe(host);
    if (host.shadowRoot) observe(host.shadowRoot);
    for (const element of host.querySelectorAll('*')) if (element.shadowRoot) observe(element.shadowRoot);
  });
}

/** The grid's row count (aria-rowcount, header row included), or NaN. */
export const rowCount = () => Number(deepQuery('[role=grid]')?.getAttribute('aria-rowcount') ?? NaN);

/** G6: waits until the grid counts `rows` data rows; answers the time from the end of the
 * portfolio response (Resource Timing responseEnd) to then. */
export async function ingestTime(urlPart, rows) {
  const shown = await whenDom(() => rowCount() === rows + 1);
  const [entry] = performance
    .getEntriesByType('resource')
    .filter((candidate) => candidate.name.includes(urlPart));
  return { ingest: shown - entry.responseEnd, responseEnd: entry.responseEnd, shown };
}

let keys = null;

/** G6 floor: fetches the same bytes, times JSON.parse of them; keeps the G4 keys (lower-case
 * buyer names and ids, as the tracker's table precomputes them). */
export async function parseFloor(url) {
  const text = await (await fetch(url)).text();
  const start = now();
  const parsed = JSON.parse(text);
  const parse = now() - start;
  keys = {
    names: parsed.data.map((row) => (row.buyerName || '').toLowerCase()),
    ids: parsed.data.map((row) => Number(row.buyerId)),
  };
  return { parse, bytes: text.length };
}

/** The bare-JS floor of G4 over the same keys: sort of the indices by name then id, and filter
 * by a word. */
export function floors(word) {
  const { names, ids } = keys;
  const indices = names.map((_, index) => index);
  let start = now();
  indices.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : ids[a] - ids[b]));
  const sort = now() - start;
  start = now();
  const kept = indices.filter((index) => names[index].includes(word));
  const filter = now() - start;
  return { sort, filter, firstName: names[indices[0]], count: kept.length };
}

const firstRowText = () =>
  (deepQuery('[role=row][aria-rowindex="2"] [role=gridcell]')?.textContent || '').trim().toLowerCase();

/** G4 sort: clicks the buyer column's sort button; answers the time to the next paint after the
 * grid shows `firstName` first with aria-sort ascending. */
export async function sortByBuyer(firstName) {
  const header =
    deepQuery('[role=columnheader][data-column=buyer]') || deepQuery('[role=columnheader]');
  const button = header.querySelector('button') || header;
  const start = now();
  button.click();
  await whenDom(() => header.getAttribute('aria-sort') === 'ascending' && firstRowText().startsWith(firstName));
  return (await nextPaint()) - start;
}

/** G4 filter: types `word` in the free-text filter at once; answers the time to the next paint
 * after the grid counts `count` rows. */
export async function filterBy(word, count) {
  const input = deepQuery('input[name=q]') || deepQuery('input[type=search]');
  const start = now();
  typeValue(input, word);
  await whenDom(() => rowCount() === count + 1);
  return (await nextPaint()) - start;
}

/** The grid's scrolling element: the first element of the grid that scrolls vertically. */
function scroller() {
  const grid = deepQuery('[role=grid]');
  const candidates = [grid, ...deepQueryAll('[role=grid] *')];
  return candidates.find((element) => element.scrollHeight > element.clientHeight + 10 &&
    /auto|scroll/.test(getComputedStyle(element).overflowY));
}

/** G5: scrolls by `step` px every animation frame for `duration` ms; answers frames, distance
 * and the most row nodes seen (sampled every 30 frames). */
export function scrollLoop(duration = 5000, step = 400) {
  const element = scroller();
  if (!element) return Promise.reject(new Error('no scrolling element in the grid'));
  element.scrollTop = 0;
  return new Promise((resolve) => {
    const start = now();
    let frames = 0;
    let maxRows = 0;
    let position = 0;
    const frame = () => {
      frames += 1;
      position += step;
      element.scrollTop = position;
      if (frames % 30 === 1) maxRows = Math.max(maxRows, deepQueryAll('[role=row]').length);
      if (now() - start < duration) requestAnimationFrame(frame);
      else resolve({ frames, scrollTop: element.scrollTop, maxRows, elapsed: now() - start });
    };
    requestAnimationFrame(frame);
  });
}

/** Waits until the grid counts `rows` data rows (no timing). */
export const waitRows = (rows) => whenDom(() => rowCount() === rows + 1);

/** Drops the G4 keys (before a memory figure). */
export function dropKeys() {
  keys = null;
}
