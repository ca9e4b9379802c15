// Builds the React peer (bench/peer-react) when its dist/ is missing, or when asked: `npm ci`
// when its node_modules is missing, then its production build (`npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/repository.mjs';
import { PEER_DIST } from './implementations.mjs';

const PEER_DIR = join(ROOT, 'bench', 'peer-react');

/** Makes sure the peer is built (always rebuilt when `force`); answers whether it is there. */
export function ensurePeerBuild({ force = false } = {}) {
  if (!existsSync(join(PEER_DIR, 'package.json'))) return false;
  if (existsSync(PEER_DIST) && !force) return true;
  const npm = (args) => execFileSync('npm', ['--prefix', PEER_DIR, ...args], { stdio: 'inherit' });
  if (!existsSync(join(PEER_DIR, 'node_modules'))) npm(['ci', '--no-audit', '--no-fund']);
  npm(['run', 'build']);
  return existsSync(PEER_DIST);
}
