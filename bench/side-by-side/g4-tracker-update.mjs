// G4 filter and sort of 100,000 tracker rows → next paint, at 4× CPU throttling: the buyer
// column's sort button clicked, then a word typed in the free-text filter at once (one input
// event), each timed in the page until the grid shows the result and a frame is painted; and
// the floor: a bare JS sort (by lower-case name then id) and filter (substring) of the same keys
// in the same page under the same throttling.
import { FILTER_WORD } from './fixtures.mjs';

/** Runs G4 in `page`, whose tracker shows every row and whose keys are loaded (parseFloor).
 * Answers {sort, filter, sortFloor, filterFloor, count}. */
export async function measureTrackerUpdate(page, rows) {
  return page.evaluate(
    async ({ word, rows }) => {
      const { tracker } = window.bench;
      const floor = tracker.floors(word);
      const sort = await tracker.sortByBuyer(floor.firstName);
      const filter = await tracker.filterBy(word, floor.count);
      window.bench.typeValue(window.bench.deepQuery('input[name=q]') || window.bench.deepQuery('input[type=search]'), '');
      await tracker.waitRows(rows);
      await window.bench.nextPaint();
      return { sort, filter, sortFloor: floor.sort, filterFloor: floor.filter, count: floor.count };
    },
    { word: FILTER_WORD, rows },
  );
}
