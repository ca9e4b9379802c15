// G3 keystroke latency: real key events (CDP Input.dispatchKeyEvent through Playwright, 80 ms
// apart) typed into the search box (searching as it goes, API answered after a fixed 20 ms) and
// into the cover form; per keystroke the longest Event Timing duration of its events
// (durationThreshold 16: shorter keystrokes count as 16 ms, an upper bound), and the time from
// keydown to the next frame after it. Per run: the p95 of both.
import { p95 } from './statistics.mjs';

/** Delay between keystrokes, in ms. */
export const KEY_DELAY_MS = 80;
/** Pause after each burst, long enough for the search (250 ms debounce + 20 ms API) to show. */
export const PAUSE_MS = 450;

/** What is typed into each widget: bursts of text (or key names) into an input. */
export const SCRIPTS = {
  search: [
    { input: 'input[role=combobox]', bursts: ['dupo', 'nt', ' tra', 'nspo', 'rts', '{Backspace}×4', ' sa'] },
  ],
  form: [
    { input: 'input[name=amount]', bursts: ['125 000', '{Backspace}×3', '500'] },
    { input: '[name=comment]', bursts: ['Pays at 60 days.'] },
  ],
};

async function typeBurst(page, burst) {
  const repeated = /^\{(\w+)\}×(\d+)$/.exec(burst);
  if (repeated) {
    for (let index = 0; index < Number(repeated[2]); index += 1) {
      await page.keyboard.press(repeated[1], { delay: 0 });
      await page.waitForTimeout(KEY_DELAY_MS);
    }
  } else {
    await page.keyboard.type(burst, { delay: KEY_DELAY_MS });
  }
  await page.waitForTimeout(PAUSE_MS);
}

/** Types `widget`'s script (after its cold start) and answers {count, durations, nextFrame,
 * p95, p95NextFrame}. */
export async function measureKeystrokes(page, widgetKey) {
  const since = await page.evaluate(() => window.bench.startKeystrokes());
  for (const { input, bursts } of SCRIPTS[widgetKey]) {
    await page.evaluate((selector) => {
      const element = window.bench.deepQuery(selector);
      window.bench.typeValue(element, '');
      element.focus();
    }, input);
    await page.waitForTimeout(PAUSE_MS);
    for (const burst of bursts) await typeBurst(page, burst);
  }
  const result = await page.evaluate((since) => window.bench.stopKeystrokes(since), since);
  return { ...result, p95: p95(result.durations), p95NextFrame: p95(result.nextFrame) };
}
