// The cover request form end to end (www/cover.html, under a strict CSP): buyer search →
// form → proxy → sandbox, checked against what the sandbox received and decided.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations,
  freshCredentials,
  lastSandboxSeq,
  launchBrowser,
  packPackage,
  sampleCompanies,
  sandboxRequests,
  startProxy,
  watchPage,
} from './support.mjs';

let packed;
let proxy;
let browser;
/** Distinct head offices, one per test, so that no test finds another's application. */
let companies;

before(async () => {
  packed = packPackage();
  proxy = await startProxy({ pkgDir: packed.dir, env: freshCredentials() });
  browser = await launchBrowser();
  companies = await sampleCompanies(proxy.url, 'FRA', 6, { hasEstablishments: 'false', highRisk: 'false' });
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  packed?.cleanup();
});

/** Opens cover.html with the form's events and CSP violations recorded from the start. */
async function openCoverPage(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    window.__violations = [];
    for (const type of ['tradecover-submitted', 'tradecover-decision', 'tradecover-error']) {
      document.addEventListener(type, (event) => window.__events.push({ type, detail: event.detail }));
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI }),
    );
  });
  const seen = watchPage(page);
  await page.goto(new URL('/cover.html', proxy.url).href);
  await page.locator('#buyer-search input[role=combobox]').waitFor();
  return { page, seen };
}

/** Finds `company` with the search box and chooses it; resolves once the form shows. */
async function chooseBuyer(page, company) {
  await page.locator('#buyer-search input[role=combobox]').fill(company.companyName);
  await page.locator(`#buyer-search [role=option][data-insurer-id="${company.easyNumber}"]`).click();
  await page.locator('#cover-form input[name=amount]').waitFor();
}

async function events(page, type) {
  return (await page.evaluate(() => window.__events)).filter((event) => event.type === type);
}

/** The Coface applications (product orders) for `company` the sandbox received after `mark`. */
async function applicationsReceived(company, mark) {
  const received = await sandboxRequests(proxy.url, { insurer: 'coface', after: mark });
  return received.filter(
    (request) => request.method === 'POST' && request.path === `/coface/companies/${company.easyNumber}/products`,
  );
}

/** A Coface order as the page would read it through the proxy. */
async function cofaceOrder(page, company, orderId) {
  return page.evaluate(
    async ([easyNumber, id]) => {
      const response = await fetch(`/proxy/coface/companies/${easyNumber}/products/orders/${id}`, {
        headers: { 'x-tradecover-client': 'tradecover-e2e' },
      });
      return { status: response.status, body: await response.json() };
    },
    [company.easyNumber, orderId],
  );
}

test('a double-clicked submit sends exactly one application', async () => {
  const company = companies[0];
  const context = await browser.newContext();
  const { page, seen } = await openCoverPage(context);
  await chooseBuyer(page, company);
  const mark = await lastSandboxSeq(proxy.url);
  await page.locator('#cover-form input[name=amount]').fill('50,000');
  await page.locator('#cover-form button[type=submit]').dblclick();
  const outcome = page.locator('#cover-form .tc-outcome');
  await outcome.waitFor();
  assert.equal(await outcome.getAttribute('data-outcome'), 'granted');

  const received = await applicationsReceived(company, mark);
  assert.equal(received.length, 1, `one application reached the sandbox: ${JSON.stringify(received)}`);
  assert.equal(received[0].status, 201);
  const submitted = await events(page, 'tradecover-submitted');
  assert.equal(submitted.length, 1);
  const { orderId } = submitted[0].detail.references;
  assert.ok(orderId, 'Coface gave an order id');
  const order = await cofaceOrder(page, company, orderId);
  assert.equal(order.status, 200, JSON.stringify(order.body));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a reload restores the draft, with the same idempotency key', async () => {
  const company = companies[1];
  const context = await browser.newContext();
  const { page, seen } = await openCoverPage(context);
  await chooseBuyer(page, company);
  const storageKey = `tradecover.cover-form:coface:${company.easyNumber}`;
  await page.locator('#cover-form input[name=amount]').fill('12,345');
  await page.locator('#cover-form [name=comment]').fill('Customer since 2019');
  await page.locator('#cover-form [name=comment]').blur();
  await page.waitForFunction(
    (key) => JSON.parse(sessionStorage.getItem(key) ?? 'null')?.comment === 'Customer since 2019',
    storageKey,
  );
  const keyBefore = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key)).idempotencyKey, storageKey);

  await page.reload();
  const amount = page.locator('#cover-form input[name=amount]');
  await amount.waitFor();
  await page.waitForFunction(
    () => document.getElementById('cover-form').shadowRoot.querySelector('[name=amount]')?.value === '12,345',
  );
  assert.equal(await page.locator('#cover-form [name=comment]').inputValue(), 'Customer since 2019');
  const keyAfter = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key)).idempotencyKey, storageKey);
  assert.equal(keyAfter, keyBefore);

  // Sent after the reload, the restored draft is one application, under the kept key.
  const mark = await lastSandboxSeq(proxy.url);
  await page.locator('#cover-form button[type=submit]').click();
  await page.locator('#cover-form .tc-outcome').waitFor();
  assert.equal((await applicationsReceived(company, mark)).length, 1);
  const [submitted] = await events(page, 'tradecover-submitted');
  assert.equal(submitted.detail.idempotencyKey, keyBefore);
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), storageKey), null, 'the draft is gone once accepted');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a referred application shows as pending, and is decided once sandbox time moves on', async () => {
  const company = companies[2];
  const context = await browser.newContext();
  const { page, seen } = await openCoverPage(context);
  await chooseBuyer(page, company);
  // From 100,000 the sandbox's underwriting refers the request (see sandbox underwriting.rs).
  await page.locator('#cover-form input[name=amount]').fill('150,000');
  await page.locator('#cover-form button[type=submit]').click();
  const outcome = page.locator('#cover-form .tc-outcome');
  await outcome.waitFor();
  assert.equal(await outcome.getAttribute('data-outcome'), 'referred');
  const [decision] = await events(page, 'tradecover-decision');
  assert.equal(decision.detail.status.status.state, 'pending');
  assert.match(await page.locator('#decision').textContent(), /"pending"/);
  const [submitted] = await events(page, 'tradecover-submitted');
  const { orderId } = submitted.detail.references;

  // What the insurer says, read through the proxy as the page would.
  const before = await cofaceOrder(page, company, orderId);
  assert.equal(before.status, 200);
  assert.equal(before.body.orderStatus, 'STATUS_PENDING_UNDERWRITING');
  assert.equal(before.body.deliveryStatus, undefined, 'nothing delivered while referred');
  const advanced = await fetch(`${proxy.url}__sandbox/clock/advance?seconds=3600`, { method: 'POST' });
  assert.equal(advanced.status, 200);
  const after = await cofaceOrder(page, company, orderId);
  assert.equal(after.status, 200);
  assert.equal(after.body.orderStatus, 'STATUS_CLOSED');
  assert.equal(after.body.deliveryStatus, 'DECIDED_FULL', 'below 1,000,000 a referral ends in full');
  assert.equal(after.body.grantedAmount, after.body.requestedAmount);
  assert.equal(after.body.requestedAmount, 150000);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('axe-core finds no accessibility violation in the form: empty, invalid, answered', async () => {
  const company = companies[3];
  const context = await browser.newContext();
  const { page, seen } = await openCoverPage(context);
  const check = async (state) => {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${state}: ${JSON.stringify(violations, null, 2)}`);
  };
  await chooseBuyer(page, company);
  await check('empty form');

  await page.locator('#cover-form button[type=submit]').click();
  await page.locator('#cover-form [part~=error-summary]:not([hidden])').waitFor();
  assert.equal(await page.locator('#cover-form input[name=amount]').getAttribute('aria-invalid'), 'true');
  await check('errors and their summary');

  await page.locator('#cover-form input[name=amount]').fill('50,000');
  await page.locator('#cover-form button[type=submit]').click();
  await page.locator('#cover-form .tc-outcome').waitFor();
  await check('outcome');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
