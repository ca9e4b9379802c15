// The two implementations measured side by side, as the test pages load them: an ES module with
// the same JS API (mountBuyerSearch, mountCoverForm, mountDecisionTracker) and, for the peer, the
// stylesheets its build emits. The widgets' options are the same for both.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/repository.mjs';
import {
  ATRADIUS_CUSTOMER_ID,
  ATRADIUS_POLICY_ID,
} from './fixtures.mjs';

export const PKG_DIR = process.env.BENCH_PKG_DIR || join(ROOT, 'pkg');
export const PEER_DIST = join(ROOT, 'bench', 'peer-react', 'dist');

/** tradecover: the npm package in pkg/, served under /tradecover/. */
export const TRADECOVER = { name: 'tradecover', prefix: '/tradecover/', module: '/tradecover/index.js', styles: [] };

/**
 * The React peer: its dist/ served under /peer/; the entry is dist/tradecover-peer.js (else index.js, else the one .js
 * file of dist/ besides chunks), its stylesheets every dist .css file. Null when not built.
 */
export function peerImplementation() {
  if (!existsSync(PEER_DIST)) return null;
  const files = readdirSync(PEER_DIST, { recursive: true }).map(String);
  const entry =
    files.find((file) => file === 'tradecover-peer.js') ||
    files.find((file) => file === 'index.js') ||
    files.find((file) => /^[^/]+\.js$/.test(file) && !/chunk/.test(file));
  if (!entry) return null;
  return {
    name: 'react-peer',
    prefix: '/peer/',
    module: `/peer/${entry}`,
    styles: files.filter((file) => file.endsWith('.css')).map((file) => `/peer/${file}`),
  };
}

/** A Coface head office, as `tradecover-select` reports it: the cover form's buyer. */
export const FORM_BUYER = {
  insurer: 'coface',
  insurerId: '0012345678904700000',
  name: 'Société Dupont SAS',
  address: { street: '12 rue de la Paix', postcode: '75002', town: 'Paris', country: 'FR' },
  identifiers: [
    { kind: 'fr.siren', value: '552032534' },
    { kind: 'fr.vat', value: 'FR27552032534' },
    { kind: 'coface.easy', value: '0012345678904700000' },
  ],
  establishment: 'headOffice',
};

/** The three widgets: mount function, options, and the input typed into. */
export const WIDGETS = {
  search: {
    label: 'buyer search',
    mount: 'mountBuyerSearch',
    options: { insurer: 'coface', proxy: '/proxy', country: 'FR', locale: 'en' },
    input: 'input[role=combobox]',
  },
  form: {
    label: 'cover form',
    mount: 'mountCoverForm',
    options: { insurer: 'coface', proxy: '/proxy', locale: 'en', currency: 'EUR', buyer: FORM_BUYER },
    input: 'input[name=amount]',
  },
  tracker: {
    label: 'decision tracker',
    mount: 'mountDecisionTracker',
    options: {
      insurers: ['atradius'],
      proxy: '/proxy',
      locale: 'en',
      atradiusCustomerId: ATRADIUS_CUSTOMER_ID,
      atradiusPolicyId: ATRADIUS_POLICY_ID,
      syncUrl: false,
    },
    input: 'input[name=q]',
  },
};
