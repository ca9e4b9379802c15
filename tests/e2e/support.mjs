// Shared helpers of the end-to-end tests: a proxy + sandbox on a free loopback port, a headless
// Chromium, and the packed npm package.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Distinctive credentials, so that a leak cannot be a coincidence. */
export function freshCredentials() {
  const token = () => randomBytes(12).toString('hex');
  return {
    COFACE_USERNAME: `user-${token()}`,
    COFACE_PASSWORD: `pass-${token()}`,
    COFACE_API_KEY: `key-${token()}`,
    COFACE_POLICY_NUMBER: `POL-${token()}`,
  };
}

/** Packs pkg/ with `npm pack` and extracts it; returns the package directory and a cleanup. */
export function packPackage() {
  const dir = mkdtempSync(join(tmpdir(), 'tradecover-pack-'));
  const output = execFileSync('npm', ['pack', join(ROOT, 'pkg'), '--pack-destination', dir, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename, files }] = JSON.parse(output);
  execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir]);
  return {
    dir: join(dir, 'package'),
    files: files.map((file) => file.path),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Path of the proxy binary of `profile` ('debug' or 'release') in $CARGO_TARGET_DIR or target/. */
export function proxyBinary(profile) {
  return join(resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target'), profile, 'tradecover-proxy');
}

/**
 * Starts the proxy binary of `profile` (debug by default; embedded sandbox) on 127.0.0.1 with a
 * free port, serving www/ and `pkgDir`. Resolves to {url, profile, pid, stop, output}; `stop()`
 * sends SIGTERM (then SIGKILL after 10 s) and waits for the exit.
 */
export async function startProxy({ pkgDir, env = {}, profile = 'debug' }) {
  const binary = proxyBinary(profile);
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run cargo build -p tradecover-proxy${profile === 'release' ? ' --release' : ''}`);
  }
  const child = spawn(binary, ['--port', '0', '--www', join(ROOT, 'www'), '--pkg', pkgDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`proxy exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise((resolvePromise) => child.on('exit', resolvePromise));
  return {
    url,
    profile,
    pid: child.pid,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Launches Debian's Chromium headless with the flags this machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Records what a page does: console errors, uncaught exceptions, requests to the proxy, and every
 * response (URL, headers, body) the browser received.
 */
export function watchPage(page) {
  const seen = { errors: [], proxyRequests: [], responses: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/proxy/')) seen.proxyRequests.push(request.url());
  });
  page.on('response', async (response) => {
    const entry = { url: response.url(), headers: await response.allHeaders(), body: Buffer.alloc(0) };
    seen.responses.push(entry);
    try {
      entry.body = await response.body();
    } catch {
      // redirects and aborted requests have no body
    }
  });
  return seen;
}

/** Head offices the sandbox knows (`GET /__sandbox/companies/sample`), never hard-coded. */
export async function sampleCompanies(proxyUrl, countryCode, n, filters = {}) {
  const query = new URLSearchParams({ countryCode, n: String(n), ...filters });
  const response = await fetch(`${proxyUrl}__sandbox/companies/sample?${query}`);
  if (response.status !== 200) throw new Error(`sample: ${response.status} ${await response.text()}`);
  const { companies } = await response.json();
  if (companies.length === 0) throw new Error(`the sandbox has no sample for ${query}`);
  return companies;
}

/**
 * What the sandbox's insurer routes received (`GET /__sandbox/requests`), oldest first, each
 * `{seq, insurer, method, path, query, status}` with `params` (the query, parsed) added.
 * `after` keeps only requests with a larger `seq`.
 */
export async function sandboxRequests(proxyUrl, { insurer, after = 0, limit = 200 } = {}) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (insurer) query.set('insurer', insurer);
  const response = await fetch(`${proxyUrl}__sandbox/requests?${query}`);
  if (response.status !== 200) throw new Error(`requests: ${response.status} ${await response.text()}`);
  const { requests } = await response.json();
  return requests
    .filter((request) => request.seq > after)
    .map((request) => ({ ...request, params: new URLSearchParams(request.query ?? '') }));
}

/** The `seq` of the newest request the sandbox received (0 if none): a mark to filter from. */
export async function lastSandboxSeq(proxyUrl) {
  const requests = await sandboxRequests(proxyUrl, { limit: 1 });
  return requests.at(-1)?.seq ?? 0;
}

/** Sets (or, with `null`, clears) the sandbox's default fault (`/__sandbox/faults`). */
export async function setSandboxFault(proxyUrl, fault) {
  const response = await fetch(`${proxyUrl}__sandbox/faults`, {
    method: fault === null ? 'DELETE' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: fault === null ? undefined : JSON.stringify(fault),
  });
  if (response.status !== 200) throw new Error(`faults: ${response.status} ${await response.text()}`);
}

/**
 * Runs axe-core (from node_modules) on the page, shadow roots included; returns the violations.
 * On a page with a CSP meta tag (which forbids inline scripts, as a script tag added by the
 * test is), axe is evaluated through the DevTools protocol instead, which the CSP does not
 * govern and which reports no violation.
 */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) {
    const path = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
    const strict = await page.evaluate(() => document.querySelector('meta[http-equiv=Content-Security-Policy]') !== null);
    if (strict) await page.evaluate(readFileSync(path, 'utf8'));
    else await page.addScriptTag({ path });
  }
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      targets: nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations;
}

/** Fails with the violations when axe-core finds any on `page` in `state` (a name for the message). */
export async function assertAccessible(page, state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core in the ${state} state: ${JSON.stringify(violations, null, 2)}`);
}

/**
 * Where the run's screenshots go: `$TRADECOVER_SCREENSHOT_DIR`, else a fresh temporary folder
 * (created once per process).
 */
let screenshotFolder = null;
export function screenshotDir() {
  if (screenshotFolder === null) {
    screenshotFolder = process.env.TRADECOVER_SCREENSHOT_DIR
      ? resolve(process.env.TRADECOVER_SCREENSHOT_DIR)
      : mkdtempSync(join(tmpdir(), 'tradecover-screenshots-'));
    mkdirSync(screenshotFolder, { recursive: true });
  }
  return screenshotFolder;
}
