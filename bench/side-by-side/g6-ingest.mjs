// G6 ingest of the 100,000-decision JSON response: neither implementation exposes an ingest
// entry point, so it is measured as the time from the end of the (instant, local) portfolio
// response (Resource Timing responseEnd) to the grid counting every row (aria-rowcount, seen by a
// MutationObserver): body read, parse, validation, store, first render of the visible rows. The
// floor: JSON.parse of the same bytes (fetched again as text) in the same page.
import { ATRADIUS_COVERS_PATH } from './fixtures.mjs';

/** Waits for the tracker just mounted in `page` to show `rows` rows; answers {ingest} (ms). */
export function measureIngest(page, rows) {
  return page.evaluate(
    ({ path, rows }) => window.bench.tracker.ingestTime(path, rows),
    { path: ATRADIUS_COVERS_PATH, rows },
  );
}

/** JSON.parse of the same bytes in `page` (keeping the G4 keys); answers {parse, bytes}. */
export function measureParseFloor(page) {
  return page.evaluate((path) => {
    const entry = performance.getEntriesByType('resource').find((candidate) => candidate.name.includes(path));
    return window.bench.tracker.parseFloor(entry.name);
  }, ATRADIUS_COVERS_PATH);
}
