// G3 keystroke latency: real key events (CDP Input.dispatchKeyEvent through Playwright, 80 ms
// apart) typed into the search box (searching as it goes, API answered after a fixed 20 ms) and
// into the cover form; per keystroke the longest Event Timing duration of its events
// (durationThreshold 16: shorter keystrokes count as 16 ms, an upper bound), and the time from
// keydown to the next frame after it. Per run: the p95 of both.
import { p95 } from '../lib/statistics.mjs';

/** Delay between keystrokes, in ms. */
export const KEY_DELAY_MS = 80;
/** What is typed into each widget: bursts of text (or `{Key}×n`) into an input, with a pause
 * after each burst: in the search box long enough for the search (250 ms debounce + 20 ms API)
 * to show its results, so that the next keystrokes land on a list. */
export const SCRIPTS = {
  search: {
    pause: 450,
    fields: [{ input: 'input[role=combobox]', bursts: ['dupo', 'nt', ' tra', 'nspo', 'rts', '{Backspace}×4', ' sa'] }],
  },
  form: {
    pause: 150,
    fields: [
      { input: 'input[name=amount]', bursts: ['125 000', '{Backspace}×3', '500'] },
      { input: '[name=comment]', bursts: ['Pays at 60 days.'] },
    ],
  },
};

async function typeBurst(page, burst, pause) {
  const repeated = /^\{(\w+)\}×(\d+)$/.exec(burst);
  if (repeated) {
    for (let index = 0; index < Number(repeated[2]); index += 1) {
      await page.keyboard.press(repeated[1], { delay: 0 });
      await page.waitForTimeout(KEY_DELAY_MS);
    }
  } else {
    await page.keyboard.type(burst, { delay: KEY_DELAY_MS });
  }
  await page.waitForTimeout(pause);
}

/** Types `widget`'s script (after its cold start) and answers {count, durations, nextFrame,
 * p95, p95NextFrame, optionsShown} (optionsShown: the most listbox options seen after a burst,
 * proof that the mocked search answered). */
export async function measureKeystrokes(page, widgetKey) {
  const { pause, fields } = SCRIPTS[widgetKey];
  const since = await page.evaluate(() => window.bench.startKeystrokes());
  let optionsShown = 0;
  for (const { input, bursts } of fields) {
    await page.evaluate((selector) => {
      const element = window.bench.deepQuery(selector);
      window.bench.typeValue(element, '');
      element.focus();
    }, input);
    await page.waitForTimeout(pause);
    for (const burst of bursts) {
      await typeBurst(page, burst, pause);
      const options = await page.evaluate(() => window.bench.deepQueryAll('[role=option]').length);
      optionsShown = Math.max(optionsShown, options);
    }
  }
  const result = await page.evaluate((since) => window.bench.stopKeystrokes(since), since);
  return { ...result, p95: p95(result.durations), p95NextFrame: p95(result.nextFrame), optionsShown };
}
