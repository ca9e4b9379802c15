// The decision tracker live, end to end (www/tracker.html, under a strict CSP): an application
// sent from the cover form on the same page joins the tracker, and the insurer's later decision
// reaches it through proxy and sandbox — by the proxy's event stream, or, with the stream cut,
// by polling — without a reload. Sandbox time is moved on explicitly (never slept for).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible,
  freshCredentials,
  launchBrowser,
  packPackage,
  sampleCompanies,
  startProxy,
  watchPage,
} from './support.mjs';

let packed;
let proxy;
let browser;
let credentials;
/** Distinct head offices known to Coface, one per test. */
let companies;

before(async () => {
  packed = packPackage();
  credentials = freshCredentials();
  proxy = await startProxy({ pkgDir: packed.dir, env: credentials });
  browser = await launchBrowser();
  companies = await sampleCompanies(proxy.url, 'FRA', 6, { hasEstablishments: 'false', highRisk: 'false' });
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  packed?.cleanup();
});

/** Moves sandbox time on (referred applications and identifications fall due). */
async function advanceSandbox(seconds) {
  const response = await fetch(`${proxy.url}__sandbox/clock/advance?seconds=${seconds}`, { method: 'POST' });
  assert.equal(response.status, 200, await response.text());
}

/**
 * Opens tracker.html following the Coface contract's stream, with events and CSP violations
 * recorded from the start. `cutStream` makes every connection to the stream fail; `polling`
 * is the page's polling delay in seconds; `fragment` the URL fragment to open with.
 */
async function openTrackerPage({ cutStream = false, polling = null, fragment = '' } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    window.__violations = [];
    for (const type of ['tradecover-decision', 'tradecover-error']) {
      document.addEventListener(type, (event) => window.__events.push({ type, detail: event.detail }));
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI }),
    );
  });
  const streams = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/proxy/events') streams.push(request.url());
  });
  if (cutStream) await page.route('**/proxy/events?*', (route) => route.abort('connectionreset'));
  const seen = watchPage(page);
  const query = new URLSearchParams({ policy: credentials.COFACE_POLICY_NUMBER });
  if (polling !== null) query.set('polling', String(polling));
  await page.goto(new URL(`/tracker.html?${query}${fragment}`, proxy.url).href);
  await page.locator('#buyer-search input[role=combobox]').waitFor();
  await page.locator('#tracker [role=grid]').waitFor();
  // The page is never reloaded: this mark would be gone.
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  return { context, page, seen, streams };
}

/** Finds `company` with the search box and chooses it; resolves once the form shows. */
async function chooseBuyer(page, company) {
  await page.locator('#buyer-search input[role=combobox]').fill(company.companyName);
  await page.locator(`#buyer-search [role=option][data-insurer-id="${company.easyNumber}"]`).click();
  await page.locator('#cover-form input[name=amount]').waitFor();
}

/**
 * Sends the form with `amount` and waits for the insurer's answer (past an Allianz Trade job's
 * `processing`, which the form follows until the job is processed).
 */
async function apply(page, amount) {
  await page.locator('#cover-form input[name=amount]').fill(amount);
  await page.locator('#cover-form button[type=submit]').click();
  const outcome = page.locator('#cover-form .tc-outcome:not([data-outcome=processing])');
  await outcome.waitFor({ timeout: 20_000 });
  return outcome.getAttribute('data-outcome');
}

/** The tracker's rows (shown ones) whose buyer cell is `name`. */
function rowsOf(page, name) {
  return page.locator('#tracker .tc-row:not([hidden])').filter({
    has: page.locator('[part~=cell-buyer]', { hasText: name }),
  });
}

async function waitForStatus(page, name, status, timeout = 15_000) {
  await page.waitForFunction(
    ([buyer, wanted]) => {
      const root = document.getElementById('tracker').shadowRoot;
      return [...root.querySelectorAll('.tc-row:not([hidden])')].some(
        (row) => row.querySelector('[part~=cell-buyer]')?.textContent === buyer && row.dataset.status === wanted,
      );
    },
    [name, status],
    { timeout },
  );
}

async function announcement(page) {
  return (await page.locator('#tracker [part=announcer]').textContent()).trim();
}

/** Opens the detail panel of the row of `name`; resolves to the timeline's steps. */
async function timelineOf(page, name) {
  await rowsOf(page, name).locator('[part~=cell-buyer]').dblclick();
  const panel = page.locator('#tracker [part=detail]');
  await panel.waitFor();
  return panel.locator('[part=detail-step]').allTextContents();
}

async function closeDetail(page) {
  await page.locator('#tracker [part~=close]').click();
  await page.locator('#tracker [part=detail]').waitFor({ state: 'detached' });
}

/** Resolves once `condition()` holds (checked every 50 ms, at most `timeout` ms). */
async function waitUntil(condition, timeout = 15_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Checks of pending Coface rows (`GET …/companies/products?easyNumber=…`) the page made. */
function pendingChecks(seen) {
  return seen.proxyRequests.filter((url) => url.includes('/coface/companies/products?easyNumber='));
}

test('a referred Coface application from the form is decided in the tracker through the event stream', async () => {
  const company = companies[0];
  const { context, page, seen, streams } = await openTrackerPage();
  const container = page.locator('#tracker .tc-tracker');
  await page.waitForFunction(() =>
    document.getElementById('tracker').shadowRoot.querySelector('.tc-tracker')?.dataset.live === 'live',
  );
  assert.equal(streams.length, 1);
  const stream = new URL(streams[0]);
  assert.equal(stream.searchParams.get('client'), 'tradecover-tracker');
  assert.equal(stream.searchParams.get('policy'), credentials.COFACE_POLICY_NUMBER);

  await chooseBuyer(page, company);
  assert.equal(await apply(page, '150,000'), 'referred');
  await waitForStatus(page, company.companyName, 'pending');
  assert.equal(await rowsOf(page, company.companyName).count(), 1);
  assert.match(await rowsOf(page, company.companyName).locator('[part~=cell-status]').textContent(), /Pending/);
  await assertAccessible(page, 'pending row');

  await advanceSandbox(3600);
  await waitForStatus(page, company.companyName, 'granted');
  assert.equal(await rowsOf(page, company.companyName).count(), 1, 'the row is replaced, not duplicated');
  assert.match(await rowsOf(page, company.companyName).locator('[part~=cell-status]').textContent(), /DECIDED_FULL/);
  assert.equal(await announcement(page), `${company.companyName}: Granted`);
  assert.equal(await container.getAttribute('data-live'), 'live');
  assert.deepEqual(pendingChecks(seen), [], 'nothing was polled: the stream said it');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  await assertAccessible(page, 'decided row');

  const steps = await timelineOf(page, company.companyName);
  assert.ok(steps.some((step) => /^Pending — STATUS_PENDING_UNDERWRITING/.test(step)), JSON.stringify(steps));
  assert.ok(steps.some((step) => /^Granted — DECIDED_FULL/.test(step)), JSON.stringify(steps));
  await assertAccessible(page, 'detail panel open');
  await closeDetail(page);

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a referred Allianz Trade application from the form is decided through the webhook the proxy registers', async () => {
  const company = companies[5];
  // The page's polling waits its first 30 s: a decision sooner than that came by the stream.
  const { context, page, seen } = await openTrackerPage();
  await page.waitForFunction(() =>
    document.getElementById('tracker').shadowRoot.querySelector('.tc-tracker')?.dataset.live === 'live',
  );
  await chooseBuyerAt(page, 'allianz-trade', company);
  await page.locator('#cover-form input[name=policyBusinessUnit]').fill('FRA');
  // Under the policy whose events the page follows.
  await page.locator('#cover-form input[name=policyId]').fill(credentials.COFACE_POLICY_NUMBER);
  await page.locator('#cover-form input[name=policyExtension]').fill('DCL');
  assert.equal(await apply(page, '150,000'), 'referred');
  await waitForStatus(page, company.companyName, 'pending');

  // (The form itself read the cover once its job was processed; nothing reads it after.)
  const before = seen.proxyRequests.length;
  await advanceSandbox(3600);
  await waitForStatus(page, company.companyName, 'granted', 10_000);
  assert.equal(await rowsOf(page, company.companyName).count(), 1, 'the row is replaced, not duplicated');
  assert.equal(await announcement(page), `${company.companyName}: Granted`);
  assert.deepEqual(
    seen.proxyRequests.slice(before).filter((url) => url.includes('/allianz-trade/')),
    [],
    'the cover was not polled: the stream said it',
  );
  const steps = await timelineOf(page, company.companyName);
  assert.ok(steps.some((step) => /^Granted — /.test(step)), JSON.stringify(steps));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('with the event stream cut, the tracker polls the pending application and still flips it', async () => {
  const company = companies[1];
  const { context, page, seen, streams } = await openTrackerPage({ cutStream: true, polling: 1 });
  await page.waitForFunction(() =>
    document.getElementById('tracker').shadowRoot.querySelector('.tc-tracker')?.dataset.live === 'polling',
  );
  assert.ok(streams.length >= 1, 'the stream was tried');
  assert.match(await page.locator('#tracker [part=live]').textContent(), /checked again at/);
  await assertAccessible(page, 'polling notice');

  await chooseBuyer(page, company);
  assert.equal(await apply(page, '180,000'), 'referred');
  await waitForStatus(page, company.companyName, 'pending');
  // Polled while pending: the row's company is asked about again.
  await waitUntil(() => pendingChecks(seen).some((url) => url.endsWith(`easyNumber=${company.easyNumber}`)));
  await waitForStatus(page, company.companyName, 'pending');

  await advanceSandbox(3600);
  await waitForStatus(page, company.companyName, 'granted');
  assert.equal(await rowsOf(page, company.companyName).count(), 1, 'the row is replaced, not duplicated');
  assert.equal(await announcement(page), `${company.companyName}: Granted`);
  assert.equal(await page.locator('#tracker .tc-tracker').getAttribute('data-live'), 'polling');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  await assertAccessible(page, 'decided while polling');

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // The only errors are the browser's own reports of the cut stream.
  assert.deepEqual(
    seen.errors.filter((error) => !/events\?client=|ERR_CONNECTION_RESET|EventSource/.test(error)),
    [],
  );
  await context.close();
});

test('an order for a company Coface does not know: its temporary Z number is replaced in place', async () => {
  const [unknown] = await sampleCompanies(proxy.url, 'FRA', 1, { knownToCoface: 'false', hasEstablishments: 'false' });
  const identifier = unknown.legalIdentifiers[0];
  assert.ok(identifier, JSON.stringify(unknown));
  const { context, page, seen } = await openTrackerPage();
  await page.waitForFunction(() =>
    document.getElementById('tracker').shadowRoot.querySelector('.tc-tracker')?.dataset.live === 'live',
  );
  // Nothing found by the search: the page offers the form for an unknown buyer.
  await page.locator('#buyer-search input[role=combobox]').pressSequentially('Qwzx Nowhere Holdings', { delay: 15 });
  await page.locator('#buyer-search [part~=unknown-button]').click();
  await page.locator('#cover-form input[name=buyerName]').waitFor();
  await page.locator('#cover-form input[name=buyerName]').fill(unknown.companyName);
  await page.locator('#cover-form input[name=buyerTown]').fill(unknown.address.town);
  await page.locator('#cover-form [name=buyerCountry]').selectOption('FR');
  await page.locator('#cover-form input[name=identifier]').fill(identifier.identifierValue);
  assert.equal(await apply(page, '20,000'), 'identification');
  const [decision] = (await page.evaluate(() => window.__events)).filter((event) => event.type === 'tradecover-decision');
  const temporary = decision.detail.buyerId;
  assert.match(temporary, /^Z/, JSON.stringify(decision.detail));
  const orderId = decision.detail.orderId;
  assert.ok(orderId);
  await waitForStatus(page, unknown.companyName, 'pending');
  const identifiersCell = rowsOf(page, unknown.companyName).locator('[part~=cell-identifiers]');
  assert.match(await identifiersCell.textContent(), new RegExp(temporary));
  const rowsBefore = await page.locator('#tracker [part=count]').textContent();

  await advanceSandbox(3600);
  // The definitive number, as Coface now gives it for the order (linked by its id).
  const order = await page.evaluate(
    async ([easyNumber, id]) => {
      const response = await fetch(`/proxy/coface/companies/${easyNumber}/products/orders/${id}`, {
        headers: { 'x-tradecover-client': 'tradecover-e2e' },
      });
      return { status: response.status, body: await response.json() };
    },
    [temporary, orderId],
  );
  assert.equal(order.status, 200, JSON.stringify(order.body));
  const definitive = order.body.easyNumber;
  assert.ok(definitive && !definitive.startsWith('Z'), JSON.stringify(order.body));
  await page.waitForFunction(
    ([name, number]) => {
      const root = document.getElementById('tracker').shadowRoot;
      return [...root.querySelectorAll('.tc-row:not([hidden])')].some(
        (row) =>
          row.querySelector('[part~=cell-buyer]')?.textContent === name &&
          row.querySelector('[part~=cell-identifiers]')?.textContent.includes(number),
      );
    },
    [unknown.companyName, definitive],
    { timeout: 15_000 },
  );
  assert.equal(await rowsOf(page, unknown.companyName).count(), 1, 'replaced, not duplicated');
  assert.doesNotMatch(await identifiersCell.textContent(), new RegExp(temporary));
  assert.equal(await page.locator('#tracker [part=count]').textContent(), rowsBefore, 'as many rows as before');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  await assertAccessible(page, 'reconciled row');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

/** Chooses `insurer` on the page and `company` by its SIREN; resolves once the form shows. */
async function chooseBuyerAt(page, insurer, company) {
  // Emptied first: a new insurer would search again the text left by the last choice.
  const input = page.locator('#buyer-search input[role=combobox]');
  await input.fill('');
  await page.locator('#buyer-search [role=option]').first().waitFor({ state: 'detached' });
  await page.locator('#insurer').selectOption(insurer);
  const siren = company.legalIdentifiers.find((id) => id.identifierType === 'SIREN_FRA').identifierValue;
  await input.fill(siren);
  const option = page.locator('#buyer-search [role=option]', { hasText: company.companyName }).first();
  await option.waitFor();
  await option.click();
  await page.locator('#cover-form input[name=amount]').waitFor();
}

test('Atradius (which notifies nothing), and Allianz Trade under a policy the stream does not follow, are polled while it is up', async () => {
  const { context, page, seen } = await openTrackerPage({ polling: 1 });
  await page.waitForFunction(() =>
    document.getElementById('tracker').shadowRoot.querySelector('.tc-tracker')?.dataset.live === 'live',
  );
  const [atradiusBuyer, allianzBuyer] = [companies[2], companies[3]];

  await chooseBuyerAt(page, 'atradius', atradiusBuyer);
  assert.equal(await apply(page, '150,000'), 'referred');
  await waitForStatus(page, atradiusBuyer.companyName, 'pending');

  await chooseBuyerAt(page, 'allianz-trade', allianzBuyer);
  await page.locator('#cover-form input[name=policyBusinessUnit]').fill('FRA');
  await page.locator('#cover-form input[name=policyId]').fill('DEMO-CONTRACT-1');
  await page.locator('#cover-form input[name=policyExtension]').fill('DCL');
  assert.equal(await apply(page, '150,000'), 'referred');
  await waitForStatus(page, allianzBuyer.companyName, 'pending');
  await assertAccessible(page, 'pending rows of three insurers');

  await advanceSandbox(3600);
  await waitForStatus(page, atradiusBuyer.companyName, 'granted');
  await waitForStatus(page, allianzBuyer.companyName, 'granted');
  assert.equal(await rowsOf(page, atradiusBuyer.companyName).count(), 1);
  assert.equal(await rowsOf(page, allianzBuyer.companyName).count(), 1);
  assert.equal(await page.locator('#tracker .tc-tracker').getAttribute('data-live'), 'live', 'the stream stayed up');
  assert.ok(seen.proxyRequests.some((url) => url.includes('/atradius/credit-insurance/cover-management/v1/covers?')));
  assert.ok(seen.proxyRequests.some((url) => /\/allianz-trade\/riskinfo\/v3\/covers\/[^/?]+$/.test(url)));
  assert.match(await announcement(page), /: Granted$/);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("the tracker's view lives under its own URL fragment key, next to the page's", async () => {
  const { context, page, seen } = await openTrackerPage({ fragment: '#note=1' });
  await page.locator('#tracker select[name=status]').selectOption('pending');
  await page.waitForFunction(() => location.hash.includes('tradecover-tracker-decisions='));
  assert.equal(await page.evaluate(() => location.hash), '#note=1&tradecover-tracker-decisions=status%3Dpending');
  await page.reload();
  await page.locator('#tracker select[name=status]').waitFor();
  assert.equal(await page.locator('#tracker select[name=status]').inputValue(), 'pending');
  assert.equal(await page.evaluate(() => location.hash), '#note=1&tradecover-tracker-decisions=status%3Dpending');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
