// Starts and stops the tradecover proxy (with its embedded sandbox) for benchmarks: the binary
// of `cargo build -p tradecover-proxy [--release]`, on 127.0.0.1 with a free port, serving www/
// and a package directory (pkg/ by default). The process itself is run by the end-to-end tests'
// startProxy (tests/e2e/support.mjs); this adds the choice of the newest-built profile.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { proxyBinary, startProxy as startTestProxy } from '../../tests/e2e/support.mjs';
import { ROOT } from './repository.mjs';

/** The newest-built profile available: release when its binary exists, else debug. */
export function availableProfile() {
  return existsSync(proxyBinary('release')) ? 'release' : 'debug';
}

/**
 * Starts the proxy of `profile` serving `pkgDir`, which must hold a built package; resolves to
 * {url, profile, pid, stop, output} (see tests/e2e/support.mjs startProxy).
 */
export async function startProxy({ profile = availableProfile(), pkgDir = join(ROOT, 'pkg'), env = {} } = {}) {
  if (!existsSync(join(pkgDir, 'tradecover.js'))) throw new Error(`${pkgDir} has no package: run bash scripts/build-pkg.sh`);
  return startTestProxy({ profile, pkgDir, env });
}
