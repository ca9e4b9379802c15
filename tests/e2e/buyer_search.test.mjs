// The whole chain in Chromium: demo page → packed npm package → wasm widget → proxy → sandbox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshCredentials, launchBrowser, packPackage, startProxy, watchPage } from './support.mjs';

const credentials = freshCredentials();
let packed;
let proxy;
let browser;

before(async () => {
  packed = packPackage();
  proxy = await startProxy({ pkgDir: packed.dir, env: credentials });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  packed?.cleanup();
});

/** Head offices the sandbox knows, from its helper endpoint (never hard-coded). */
async function sampleCompanies(countryCode, n) {
  const response = await fetch(`${proxy.url}__sandbox/companies/sample?countryCode=${countryCode}&n=${n}`);
  assert.equal(response.status, 200);
  const { companies } = await response.json();
  assert.ok(companies.length > 0, 'the sandbox returns a sample');
  return companies;
}

async function openDemo() {
  const page = await browser.newPage();
  const seen = watchPage(page);
  await page.goto(proxy.url);
  await page.evaluate(() => {
    window.__selected = [];
    window.__errors = [];
    document.addEventListener('tradecover-select', (event) => window.__selected.push(event.detail));
    document.addEventListener('tradecover-error', (event) => window.__errors.push(event.detail));
  });
  const input = page.locator('tradecover-buyer-search input[role=combobox]');
  await input.waitFor();
  return { page, seen, input };
}

test('typing a company name lists sandbox hits and selecting one fires tradecover-select', async () => {
  const [company] = await sampleCompanies('FRA', 1);
  const { page, seen, input } = await openDemo();
  await input.pressSequentially(company.companyName, { delay: 20 });

  const option = page.locator(`tradecover-buyer-search [role=option][data-insurer-id="${company.easyNumber}"]`);
  await option.waitFor({ timeout: 10_000 });
  assert.match(await option.textContent(), /Head office/);
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await option.click();

  await page.waitForFunction(() => window.__selected.length === 1);
  const [detail] = await page.evaluate(() => window.__selected);
  assert.equal(detail.buyer.insurer, 'coface');
  assert.equal(detail.buyer.insurerId, company.easyNumber);
  assert.equal(detail.buyer.name, company.companyName);
  assert.equal(detail.buyer.establishment, 'headOffice');
  assert.equal(detail.buyer.address.country, 'FR');
  assert.equal(detail.buyer.address.town, company.address.town);
  assert.deepEqual(
    detail.buyer.identifiers.find((identifier) => identifier.kind === 'coface.easy'),
    { kind: 'coface.easy', value: company.easyNumber },
  );
  // The demo page shows what was selected.
  assert.match(await page.locator('#selected').textContent(), new RegExp(company.easyNumber));
  assert.ok(seen.proxyRequests.length >= 1, 'the search went through the proxy');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('branches are marked and cannot be selected', async () => {
  const companies = await sampleCompanies('DEU', 40);
  const { page, seen, input } = await openDemo();
  await page.locator('tradecover-buyer-search select').selectOption('DE');
  // Search names until one has a branch among its hits.
  let branch = null;
  for (const company of companies) {
    const answered = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/proxy/coface/companies/name' &&
        new URL(response.url()).searchParams.get('companyName') === company.companyName,
    );
    await input.fill(company.companyName);
    await answered;
    await page.locator('tradecover-buyer-search [role=option]').first().waitFor();
    const branches = page.locator('tradecover-buyer-search [role=option][aria-disabled=true]');
    if ((await branches.count()) > 0) {
      branch = branches.first();
      break;
    }
  }
  assert.ok(branch, 'one of 40 sampled companies has a branch');
  assert.match(await branch.textContent(), /Branch/);
  // aria-disabled: Playwright would wait for it to be enabled; a person can still click it.
  await branch.click({ force: true });
  assert.match(
    await page.locator('tradecover-buyer-search [role=status]').textContent(),
    /branch: cover can only be requested on the head office/,
  );
  assert.deepEqual(await page.evaluate(() => window.__selected), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('an empty name shows a typed error and sends no request', async () => {
  const { page, seen, input } = await openDemo();
  await input.focus();
  await input.press('Enter');
  const error = page.locator('tradecover-buyer-search .tc-error[data-code="name.required"]');
  await error.waitFor();
  assert.ok(await error.isVisible());
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors[0].code, 'name.required');
  assert.equal(seen.proxyRequests.length, 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('an unknown country shows a typed error and sends no request', async () => {
  const { page, seen } = await openDemo();
  await page.evaluate(() => {
    const element = document.createElement('tradecover-buyer-search');
    element.id = 'bad-country';
    element.setAttribute('insurer', 'coface');
    element.setAttribute('proxy', '/proxy');
    element.setAttribute('country', 'XX');
    document.querySelector('main').append(element);
  });
  const error = page.locator('#bad-country .tc-error[data-code="country.unknown"]');
  await error.waitFor();
  assert.match(await error.textContent(), /XX/);
  const input = page.locator('#bad-country input[role=combobox]');
  await input.fill('Dupont');
  await input.press('Enter');
  await page.waitForTimeout(600);
  assert.equal(seen.proxyRequests.length, 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('no response the browser receives carries a credential the proxy holds', async () => {
  const [company] = await sampleCompanies('FRA', 1);
  const { page, seen, input } = await openDemo();
  await input.pressSequentially(company.companyName.slice(0, 6), { delay: 20 });
  await page.locator('tradecover-buyer-search [role=option]').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(seen.responses.length >= 5, 'page, scripts, wasm and a search were received');
  for (const { url, headers, body } of seen.responses) {
    const text = `${JSON.stringify(headers)}\n${body.toString('latin1')}`;
    for (const [name, secret] of Object.entries(credentials)) {
      assert.ok(!text.includes(secret), `${name} leaked in the response of ${url}`);
    }
  }
  assert.ok(!proxy.output().includes(credentials.COFACE_PASSWORD), 'no secret in the proxy log');
  await page.close();
});

test('the proxy serves the wasm as application/wasm, compressed', async () => {
  const response = await fetch(`${proxy.url}pkg/tradecover_bg.wasm`, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/wasm');
  assert.match(response.headers.get('content-encoding') ?? '', /^(br|gzip)$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic number');
});
