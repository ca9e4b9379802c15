// A pass/fail check script in the benchmarks' Chromium (bench/peer-react/smoke.mjs and
// live-check.mjs): launches the browser, runs the checks, always closes it, and reports.
import { QUIET_FLAGS, launchChromium } from './chromium.mjs';

/**
 * Runs `check(browser, fail)` in a freshly launched Chromium (CHROMIUM_FLAGS + QUIET_FLAGS) and
 * closes it. The check fails when it throws or calls `fail()` (e.g. on a page error); then
 * `<label> FAILED` is printed and the process exits with 1, else `<label> passed` is printed.
 */
export async function runBrowserCheck(label, check) {
  const browser = await launchChromium({ args: QUIET_FLAGS });
  let failed = false;
  const fail = () => {
    failed = true;
  };
  try {
    await check(browser, fail);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await browser.close();
  }
  if (failed) {
    console.error(`${label} FAILED`);
    process.exit(1);
  }
  console.log(`${label} passed`);
}
