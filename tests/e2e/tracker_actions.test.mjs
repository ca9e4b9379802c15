// The decision tracker's actions end to end: decisions created through the proxy in the
// embedded sandbox (core-shaped insurer requests), then every action of every insurer performed
// from the detail panel of the tracker (mounted from the proxy's /pkg/ on a page served by a
// Playwright route), each confirmed, with the row and its timeline updated; then a batch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible,
  freshCredentials,
  lastSandboxSeq,
  launchBrowser,
  packPackage,
  sampleCompanies,
  sandboxRequests,
  startProxy,
  watchPage,
} from './support.mjs';

const ATRADIUS = { customerId: 10000001, policyId: 'POL-E2E-ACTIONS' };
const ALLIANZ_POLICY = { businessUnitCode: 'FRA', policyId: 'POL-E2E-ACTIONS', extensionId: 'DCL' };
const COVERS = 'credit-insurance/cover-management/v1/covers';

let packed;
let proxy;
let browser;
/** The buyers, by role: {name, atradiusBuyerId?, allianzCompanyId?, easyNumber}. */
const buyers = {};

/** Calls the proxy like a browser of the same origin would; resolves to {status, json}. */
async function call(method, path, body) {
  const response = await fetch(new URL(`proxy/${path}`, proxy.url), {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-tradecover-client': 'tradecover-e2e' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function advance(seconds) {
  const response = await fetch(new URL(`__sandbox/clock/advance?seconds=${seconds}`, proxy.url), { method: 'POST' });
  assert.equal(response.status, 200);
}

function siren(company) {
  const id = company.legalIdentifiers.find((identifier) => identifier.identifierType.startsWith('SIREN'));
  return id.identifierValue.replace(/\D/g, '');
}

/** An Atradius cover of `coverType` for `company`; returns the buyer id. */
async function atradiusCover(company, coverType, amount) {
  const found = await call('GET', `atradius/credit-insurance/organisation-management/v1/buyers?country=FRA&uid=${siren(company)}&uidType=SN`);
  assert.equal(found.status, 200, JSON.stringify(found.json));
  const buyerId = found.json.data[0].buyerId;
  const applied = await call('POST', `atradius/${COVERS}`, {
    ...ATRADIUS, buyerId, coverType, currencyCode: 'EUR', creditLimitAmount: amount,
  });
  assert.equal(applied.status, 201, JSON.stringify(applied.json));
  return buyerId;
}

/** An Allianz Trade cover of `amount` for `company`; returns its company id. */
async function allianzCover(company, amount) {
  const found = await call('POST', 'allianz-trade/search/v2/companies/advancedSearch', {
    companyName: company.companyName, countryCode: 'FR', pageSize: 10,
  });
  assert.equal(found.status, 200, JSON.stringify(found.json));
  const companyId = String(found.json.results[0].company.companyId);
  const requested = await call('POST', 'allianz-trade/riskinfo/v3/covers', {
    requestTypeCode: 'Primary', policy: ALLIANZ_POLICY,
    creditLimitDetails: { requestedAmount: amount, currencyCode: 'EUR' }, companyId, isRequestUrgent: false,
  });
  assert.equal(requested.status, 202, JSON.stringify(requested.json));
  return companyId;
}

/** A Coface product on `company`. */
async function cofaceOrder(company, productCode, amount) {
  const ordered = await call('POST', `coface/companies/${company.easyNumber}/products`, {
    productCode, actionCode: 'CREA', amount, currencyCode: 'EUR',
  });
  assert.equal(ordered.status, 201, JSON.stringify(ordered.json));
}

before(async () => {
  packed = packPackage();
  proxy = await startProxy({ pkgDir: packed.dir, env: freshCredentials() });
  browser = await launchBrowser();
  const companies = await sampleCompanies(proxy.url, 'FRA', 6, { hasEstablishments: 'false', highRisk: 'false', review: 'keep' });
  const [limit, indication, coface, score, allianz] = companies;
  buyers.atradiusLimit = { name: limit.companyName, id: await atradiusCover(limit, 'credit-limit', 50000) };
  buyers.atradiusIndication = { name: indication.companyName, id: await atradiusCover(indication, 'indication', 20000) };
  await cofaceOrder(coface, 'CREDITLIMIT', 50000);
  buyers.coface = { name: coface.companyName };
  await cofaceOrder(score, 'SCOREMON', 1);
  buyers.score = { name: score.companyName };
  buyers.allianz = { name: allianz.companyName, id: await allianzCover(allianz, 50000) };
  await advance(2);
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  packed?.cleanup();
});

function trackerPage() {
  const options = {
    insurers: 'atradius coface allianz-trade',
    proxy: '/proxy',
    syncUrl: false,
    atradiusCustomerId: ATRADIUS.customerId,
    atradiusPolicyId: ATRADIUS.policyId,
    allianzPolicies: [ALLIANZ_POLICY],
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tracker actions</title></head>
<body><main><h1>Tracker actions</h1><h2>Decisions</h2><div id="tracker"></div></main>
<script type="module">
import { mountDecisionTracker } from '/pkg/index.js';
window.__tracker = await mountDecisionTracker(document.getElementById('tracker'), ${JSON.stringify(options)});
</script></body></html>`;
}

async function openTracker() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watchPage(page);
  const url = new URL('tracker-actions-test.html', proxy.url).href;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: trackerPage() }));
  await page.goto(url);
  await page.locator('#tracker [role=grid]').waitFor();
  await page.locator('#tracker .tc-progress').waitFor({ state: 'detached', timeout: 20_000 });
  return { page, seen, context };
}

/** Shows the rows of `name` (filter), opens the detail of the one whose product is `product`. */
async function openDetail(page, name, product) {
  await page.locator('#tracker input[name=q]').fill(name);
  const row = page.locator('#tracker .tc-row:not([hidden])', { hasText: product }).first();
  await row.waitFor();
  await row.locator('[data-col="0"]').click();
  await page.keyboard.press('Enter');
  await page.locator('#tracker .tc-detail').waitFor();
}

/** Performs `action` from the open detail panel (typing `amount` or `reference` if given). */
async function act(page, action, { amount, reference, whileSending } = {}) {
  const steps = await page.locator('#tracker .tc-detail [part=detail-step]').count();
  await page.locator(`#tracker [data-action=${action}] button`).click();
  const confirm = page.locator('#tracker .tc-detail .tc-confirm');
  await confirm.waitFor();
  if (amount !== undefined) await confirm.locator('input[name=amount]').fill(amount);
  if (reference !== undefined) await confirm.locator('input[name=reference]').fill(reference);
  await confirm.locator('[part~=confirm]').click();
  if (whileSending) await whileSending();
  await confirm.waitFor({ state: 'detached', timeout: 30_000 });
  const timeline = page.locator('#tracker .tc-detail [part=detail-step]');
  await page.waitForFunction(
    ([before]) => {
      const root = document.getElementById('tracker').shadowRoot;
      return root.querySelectorAll('.tc-detail [part=detail-step]').length > before;
    },
    [steps],
  );
  return (await timeline.allTextContents()).join('\n');
}

async function detailStatus(page) {
  return page.locator('#tracker .tc-detail [data-column=status]').textContent();
}

test('every action of every insurer from the detail panel, with the timeline updated', async () => {
  const { page, seen, context } = await openTracker();

  // Atradius: increase (a new cover replaces the row), then convert an indication and cancel it.
  await openDetail(page, buyers.atradiusLimit.name, 'credit-limit');
  await page.locator('#tracker [data-action=action_increase] button').click();
  await page.locator('#tracker .tc-confirm input[name=amount]').fill('40,000');
  await page.locator('#tracker .tc-confirm [part~=confirm]').click();
  assert.equal(await page.locator('#tracker .tc-confirm [role=alert]').getAttribute('data-code'), 'amount.not_above_current');
  await assertAccessible(page, 'increase confirmation with an amount error');
  await page.locator('#tracker .tc-detail [part~=disclosure]').click();
  await page.locator('#tracker .tc-detail [part=detail-payload-body]').first().waitFor();
  await assertAccessible(page, 'insurer answer shown');
  await page.locator('#tracker .tc-confirm [part~=back]').click();
  let timeline = await act(page, 'action_increase', { amount: '80,000' });
  assert.match(timeline, /Increase/);
  assert.match(await detailStatus(page), /^Replaced/);
  const covers = (await call('GET', `atradius/${COVERS}?customerId=${ATRADIUS.customerId}&policyId=${ATRADIUS.policyId}&buyerId=${buyers.atradiusLimit.id}`)).json;
  assert.equal(covers.data[0].totalDecision.decisionAmtInPolicyCurrency, 80000, JSON.stringify(covers));

  await openDetail(page, buyers.atradiusIndication.name, 'indication');
  timeline = await act(page, 'action_convert');
  assert.match(timeline, /Turn into a credit limit/);
  await page.locator('#tracker .tc-detail [data-column=product]', { hasText: 'credit-limit' }).waitFor();
  timeline = await act(page, 'action_cancel');
  assert.match(timeline, /Cancel the cover/);
  assert.match(await detailStatus(page), /^Withdrawn/);

  // Coface: increase (UPDT), stop the monitored score, delete it (its delivery id shown), set the
  // reference.
  await openDetail(page, buyers.coface.name, 'CREDITLIMIT');
  timeline = await act(page, 'action_increase', { amount: '60,000' });
  assert.match(timeline, /Increase/);
  assert.match(await detailStatus(page), /^Replaced/);
  await openDetail(page, buyers.score.name, 'SCOREMON');
  assert.equal(await page.locator('#tracker [data-action=action_delete]').count(), 0, 'stop first');
  timeline = await act(page, 'action_stop');
  assert.match(timeline, /Stop the monitoring/);
  await page.locator('#tracker [data-action=action_delete] button').click();
  assert.match(await page.locator('#tracker .tc-confirm').textContent(), /\(delivery [^)]+\)/);
  await assertAccessible(page, 'delete confirmation');
  await page.locator('#tracker .tc-confirm [part~=back]').click();
  timeline = await act(page, 'action_delete');
  assert.match(timeline, /Delete the product/);
  assert.match(await detailStatus(page), /^Withdrawn/);
  timeline = await act(page, 'action_set_reference', { reference: 'E2E-REF' });
  assert.equal(await page.locator('#tracker .tc-detail [data-column=reference]').textContent(), 'E2E-REF');

  // Allianz Trade: increase and cancel, each followed through its job.
  await openDetail(page, buyers.allianz.name, 'CreditLimit');
  timeline = await act(page, 'action_increase', { amount: '60,000', whileSending: () => advance(2) });
  assert.match(timeline, /Increase/);
  assert.match(await page.locator('#tracker .tc-detail [data-column=granted]').textContent(), /60,000/);
  timeline = await act(page, 'action_cancel', { whileSending: () => advance(2) });
  assert.match(await detailStatus(page), /^Cancelled/);

  assert.match(await page.locator('#tracker [aria-live=polite]').textContent(), /Cancel the cover done/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a batch increase: Atradius in one batch request, the others one by one, skipped rows listed', async () => {
  const { page, seen, context } = await openTracker();
  const mark = await lastSandboxSeq(proxy.url);
  await page.locator('#tracker .tc-row:not([hidden]) [data-col="0"]').first().click();
  await page.keyboard.press('Control+a');
  const count = await page.locator('#tracker .tc-row:not([hidden])').count();
  await page.locator('#tracker .tc-batch [part=batch-count]', { hasText: 'selected' }).waitFor();
  await assertAccessible(page, 'rows selected');
  await page.locator('#tracker [data-batch=increase]').click();
  await page.locator('#tracker .tc-confirm input[name=percent]').fill('10');
  await assertAccessible(page, 'batch confirmation');
  await page.locator('#tracker .tc-confirm [part~=confirm]').click();
  await page.locator('#tracker .tc-batch-results li').first().waitFor({ timeout: 30_000 });
  const outcomes = await page.locator('#tracker .tc-batch-results li').evaluateAll((items) =>
    items.map((item) => item.dataset.outcome),
  );
  assert.ok(outcomes.length > 0 && outcomes.length <= count, `${outcomes}`);
  assert.ok(outcomes.includes('done'), `${outcomes}`);
  assert.ok(outcomes.includes('skipped'), `${outcomes}`);
  await assertAccessible(page, 'batch results');
  const received = await sandboxRequests(proxy.url, { after: mark });
  const batches = received.filter((request) => request.method === 'POST' && request.path.endsWith('/covers/batch'));
  assert.equal(batches.length, 1, JSON.stringify(received.map((request) => request.path)));
  assert.match(await page.locator('#tracker [aria-live=polite]').textContent(), /done, \d+ failed, \d+ skipped/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
