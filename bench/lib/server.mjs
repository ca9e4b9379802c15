// Starts and stops the tradecover proxy (with its embedded sandbox) for benchmarks: the binary
// of `cargo build -p tradecover-proxy [--release]`, on 127.0.0.1 with a free port, serving www/
// and a package directory (pkg/ by default).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './repository.mjs';

/** Path of the proxy binary of `profile` ('release' or 'debug') in $CARGO_TARGET_DIR or target/. */
export function proxyBinary(profile) {
  return join(resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target'), profile, 'tradecover-proxy');
}

/** The newest-built profile available: release when its binary exists, else debug. */
export function availableProfile() {
  return existsSync(proxyBinary('release')) ? 'release' : 'debug';
}

/**
 * Starts the proxy; resolves to {url, profile, pid, stop, output}. `stop()` sends SIGTERM (then
 * SIGKILL after 10 s) and waits for the exit.
 */
export async function startProxy({ profile = availableProfile(), pkgDir = join(ROOT, 'pkg'), env = {} } = {}) {
  const binary = proxyBinary(profile);
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run cargo build -p tradecover-proxy${profile === 'release' ? ' --release' : ''}`);
  }
  if (!existsSync(join(pkgDir, 'tradecover.js'))) throw new Error(`${pkgDir} has no package: run bash scripts/build-pkg.sh`);
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
