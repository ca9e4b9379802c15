// What the benchmark ran on: CPU model and cores, memory, load, Chromium and Node versions.
import { cpus, loadavg, totalmem, platform, release } from 'node:os';

/** The machine's description; `browser` is the launched Chromium. */
export function describeMachine(browser) {
  return {
    cpu: cpus()[0]?.model.trim() || 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((load) => load.toFixed(2)),
    os: `${platform()} ${release()}`,
    chromium: browser.version(),
    node: process.version,
  };
}
