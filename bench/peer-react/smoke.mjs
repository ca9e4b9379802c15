// Smoke test of the built peer (not part of `npm test`): serves dist/ and stub insurer answers
// through Playwright's request routing, mounts each widget in headless Chromium and checks that
// it renders, searches, validates, submits and shows 100,000 tracker rows.
//
//   npm run build && node smoke.mjs
//
// playwright-core is resolved from the repository's node_modules; Chromium from
// $CHROMIUM (default /usr/bin/chromium).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserCheck } from '../lib/browser_check.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ORIGIN = 'http://peer.test';
const ROWS = 100_000;

/** A SIREN with a valid Luhn key for `n`. */
function siren(n) {
  const body = String(n % 100_000_000).padStart(8, '0');
  for (let key = 0; key < 10; key++) {
    const number = body + key;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let digit = Number(number[8 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return number;
  }
  throw new Error('unreachable');
}

/** A Coface `GET /companies/products` answer with `count` product lines (5 per company). */
function portfolio(count) {
  const statuses = [['STATUS_CLOSED', 'DECIDED_FULL'], ['STATUS_CLOSED', 'DECIDED_PARTIAL'], ['STATUS_PENDING_UNDERWRITING', null], ['STATUS_CLOSED', 'DECIDED_REFUSED']];
  const companies = [];
  for (let c = 0; c * 5 < count; c++) {
    const products = [];
    for (let p = 0; p < 5 && c * 5 + p < count; p++) {
      const n = c * 5 + p;
      const [orderStatus, deliveryStatus] = statuses[n % statuses.length];
      products.push({
        productCode: 'CREDITLIMIT', orderId: `ORD-${n}`, ...(deliveryStatus ? { deliveryId: `DLV-${n}`, deliveryStatus } : {}),
        orderStatus, requestedAmount: 1000 * (1 + (n % 97)), grantedAmount: deliveryStatus === 'DECIDED_FULL' ? 1000 * (1 + (n % 97)) : null,
        currencyCode: 'EUR', orderDate: `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      });
    }
    companies.push({
      easyNumber: String(10_000_000 + c).padStart(19, '0'), companyName: `Company ${c} SAS`, customerReference: `REF-${c}`,
      legalIdentifiers: [{ identifierType: 'SIREN_FRA', identifierValue: siren(100_000 + c) }], products,
    });
  }
  return JSON.stringify({ companies, count: companies.length });
}

const SEARCH_ANSWER = JSON.stringify({
  companies: [
    { easyNumber: '0012345678904700000', companyName: 'Société Dupont SAS', establishmentType: 'HEAD_OFFICE',
      address: { streetAddress: '12 rue de la Paix', postalCode: '75002', town: 'Paris', countryCode: 'FRA' },
      legalIdentifiers: [{ identifierType: 'SIREN_FRA', identifierValue: '552032534' }] },
    { easyNumber: '0012345678905800001', companyName: 'Société Dupont SAS - Lyon', establishmentType: 'ESTABLISHMENT',
      headOfficeEasyNumber: '0012345678904700000', address: { town: 'Lyon', countryCode: 'FRA' } },
  ],
  count: 2,
});

const ORDER_ANSWER = JSON.stringify({
  easyNumber: '0012345678904700000', companyName: 'Société Dupont SAS', productCode: 'CREDITLIMIT', orderId: 'ORD-1007',
  deliveryId: 'DLV-5005', orderStatus: 'STATUS_CLOSED', deliveryStatus: 'DECIDED_FULL', requestedAmount: '1000.50',
  grantedAmount: '1000.50', currencyCode: 'EUR', decisionDate: '2026-06-01',
});

const PAGE = `<!doctype html><meta charset="utf-8"><body>
<div id="search"></div><div id="form"></div><div id="tracker"></div>
<script type="module">
  import * as peer from './tradecover-peer.js';
  window.peer = peer;
  window.events = [];
  for (const name of ['tradecover-select', 'tradecover-error', 'tradecover-submitted', 'tradecover-decision', 'tradecover-view', 'tradecover-unknown-buyer']) {
    document.addEventListener(name, (event) => window.events.push({ name, detail: event.detail }));
  }
  window.ready = true;
</script>`;

await runBrowserCheck('smoke test', async (browser, fail) => {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    fail();
    console.error('page error:', error);
  });
  const requests = [];
  const big = portfolio(ROWS);
  await page.route(`${ORIGIN}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname.startsWith('/proxy/')) {
      requests.push({ method: request.method(), path: url.pathname + url.search, headers: request.headers(), body: request.postData() });
      assert.ok(request.headers()['x-tradecover-client'], 'every proxy request carries x-tradecover-client');
    }
    const json = (body, status = 200) => route.fulfill({ status, contentType: 'application/json', body });
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
    const built = join(HERE, 'dist', url.pathname.slice(1));
    if (/^\/[\w.-]+\.js$/.test(url.pathname) && existsSync(built)) {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(built) });
    }
    if (url.pathname === '/proxy/coface/companies/name') return json(SEARCH_ANSWER);
    if (url.pathname === '/proxy/coface/companies/identifier') return json(SEARCH_ANSWER);
    if (url.pathname === '/proxy/coface/companies/products') return json(big);
    if (/^\/proxy\/coface\/companies\/[^/]+\/products$/.test(url.pathname)) return json(ORDER_ANSWER, 201);
    return json('{"code":"not_found"}', 404);
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => window.ready === true);

  // Buyer search: a name, then an identifier.
  await page.evaluate(async () => {
    window.search = await window.peer.mountBuyerSearch(document.getElementById('search'), { insurer: 'coface', proxy: '/proxy', country: 'FR', locale: 'en' });
  });
  const search = page.locator('#search [role=combobox]');
  await search.fill('Dupont');
  await page.locator('#search [role=option]').first().waitFor();
  assert.equal(await page.locator('#search [role=option]').count(), 2);
  assert.equal(await page.locator('#search [role=option][aria-disabled=true]').count(), 1, 'the branch cannot be chosen');
  assert.ok(requests.some((r) => r.path === '/proxy/coface/companies/name?countryCode=FRA&companyName=Dupont'), JSON.stringify(requests));
  await search.press('ArrowDown');
  assert.match(await search.getAttribute('aria-activedescendant'), /option-0$/);
  await search.press('Enter');
  const selected = await page.evaluate(() => window.events.find((event) => event.name === 'tradecover-select')?.detail.buyer);
  assert.equal(selected.insurerId, '0012345678904700000');
  assert.deepEqual(selected.identifiers.map((identifier) => identifier.kind), ['coface.easy', 'fr.siren']);
  await search.fill('552 032 534');
  await page.waitForFunction(() => true);
  await page.waitForTimeout(400);
  assert.ok(requests.some((r) => r.path.startsWith('/proxy/coface/companies/identifier?countryCode=FRA&identifierType=SIREN_FRA&identifierValue=552032534')));
  await page.evaluate(() => window.search.update({ country: 'BE' }));
  await page.waitForTimeout(100);
  assert.equal(await page.locator('#search select[part=country]').inputValue(), 'BE');
  assert.ok(requests.some((r) => r.path === '/proxy/coface/companies/identifier?countryCode=BEL&identifierType=DUNS&identifierValue=552032534'), JSON.stringify(requests.slice(-3)));
  console.log('ok buyer search');

  // Cover form: a French amount, validation on blur, an idempotent submit.
  await page.evaluate((buyer) => window.peer.mountCoverForm(document.getElementById('form'), { insurer: 'coface', proxy: '/proxy', locale: 'fr', buyer }), selected);
  const amount = page.locator('#form input[name=amount]');
  await amount.fill('12,345,6');
  await amount.blur();
  assert.equal(await page.locator('#form [data-field=amount] [data-code]').getAttribute('data-code'), 'amount.format');
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  await amount.fill('1 000,50');
  await page.locator('#form input[name=customerReference]').fill('ACME-42');
  assert.equal(await page.locator('#form [data-field=amount] [data-code]').count(), 0);
  await page.locator('#form button[type=submit]').click();
  await page.locator('#form [part~=outcome]').waitFor();
  const order = requests.find((r) => r.method === 'POST');
  assert.equal(order.path, '/proxy/coface/companies/0012345678904700000/products');
  assert.deepEqual(JSON.parse(order.body), { productCode: 'CREDITLIMIT', actionCode: 'CREA', amount: 1000.5, currencyCode: 'EUR', customerReference: 'ACME-42' });
  assert.match(order.headers['idempotency-key'], /^[0-9a-f-]{36}$/);
  const decision = await page.evaluate(() => window.events.find((event) => event.name === 'tradecover-decision')?.detail);
  assert.equal(decision.status.status.state, 'decided');
  assert.equal(decision.requested.minor, 100050);
  console.log('ok cover form');

  // Unknown buyer: identifier check digits.
  const unknownHost = await page.evaluateHandle(() => {
    const host = document.createElement('div');
    document.body.append(host);
    return host;
  });
  const unknownForm = await page.evaluate(async (host) => {
    const handle = await window.peer.mountCoverForm(host, { insurer: 'coface', proxy: '/proxy', locale: 'en' });
    const root = host.shadowRoot;
    const set = (name, value) => {
      const input = root.querySelector(`[name=${name}]`);
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
      setter.call(input, value);
      input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    };
    set('buyerCountry', 'FR');
    set('identifier', '552 032 535');
    root.querySelector('[name=identifier]').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const code = root.querySelector('[data-field=identifier] [data-code]')?.getAttribute('data-code');
    handle.unmount();
    return { code, mounted: handle.mounted, left: root.childElementCount };
  }, unknownHost);
  assert.deepEqual(unknownForm, { code: 'identifier.checksum', mounted: false, left: 0 });
  console.log('ok identifier checksum');

  // Tracker: 100,000 rows, virtualised, sorted, filtered.
  const started = Date.now();
  await page.evaluate(async () => {
    window.tracker = await window.peer.mountDecisionTracker(document.getElementById('tracker'), { insurers: ['coface'], proxy: '/proxy', locale: 'en', syncUrl: false });
  });
  const count = page.locator('#tracker [part=count]');
  await page.waitForFunction(() => document.querySelector('#tracker').shadowRoot.querySelector('[part=count]')?.textContent.startsWith('100000 of 100000'), null, { timeout: 60_000 });
  console.log(`  ${ROWS} rows loaded and shown in ${Date.now() - started} ms (request, JSON.parse, normalising, first paint)`);
  const rendered = await page.locator('#tracker [role=row][aria-rowindex]:not([aria-rowindex="1"])').count();
  assert.ok(rendered > 5 && rendered < 40, `a window of rows is rendered, not ${rendered}`);
  await page.locator('#tracker [role=columnheader][data-column=requested] button').click();
  assert.equal(await page.locator('#tracker [role=columnheader][data-column=requested]').getAttribute('aria-sort'), 'ascending');
  // ORD-4242 and ORD-42420…42429; a quarter of the orders (n % 4 == 2) are pending.
  await page.locator('#tracker input[name=q]').fill('ord-4242 ');
  assert.match(await count.textContent(), /^11 of 100000/);
  await page.locator('#tracker select[name=status]').selectOption('pending');
  assert.match(await count.textContent(), /^3 of 100000/);
  const view = await page.evaluate(() => document.getElementById('tracker').getAttribute('view'));
  assert.equal(view, 'sort=requested&status=pending&q=ord-4242');
  await page.locator('#tracker input[name=q]').fill('');
  await page.locator('#tracker select[name=status]').selectOption('');
  await page.evaluate(() => {
    const scroller = document.querySelector('#tracker').shadowRoot.querySelector('[part=scroller]');
    scroller.scrollTop = scroller.scrollHeight;
  });
  await page.locator(`#tracker [role=row][aria-rowindex="${ROWS + 1}"]`).waitFor();
  await page.locator('#tracker [role=row][aria-rowindex="100001"] [role=gridcell]').first().dblclick();
  await page.locator('#tracker [part=detail]').waitFor();
  await page.locator('#tracker input[name=q]').fill('DLV-99997');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#tracker [part~=export]').click()]);
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  assert.equal(csv[0], '\ufeffBuyer,Identifiers,Insurer,Product,Requested,Granted,Status,Applied,Decided,Effective,Expires,Reference');
  assert.match(csv[1], /^Company 19999 SAS,/);
  // Mount and unmount on the same element: nothing left behind.
  const cycles = await page.evaluate(async () => {
    const host = document.getElementById('tracker');
    window.tracker.unmount();
    const left = [host.shadowRoot.childElementCount];
    for (let i = 0; i < 3; i++) {
      const handle = await window.peer.mountDecisionTracker(host, { insurers: 'coface', proxy: '/proxy', syncUrl: false });
      handle.unmount();
      left.push(host.shadowRoot.childElementCount + (handle.mounted ? 100 : 0));
    }
    return left;
  });
  assert.deepEqual(cycles, [0, 0, 0, 0]);
  console.log('ok decision tracker');
});
