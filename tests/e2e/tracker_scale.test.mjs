// The decision tracker at scale, end to end through the proxy and its embedded sandbox: a
// portfolio of 100,000 Allianz Trade decisions seeded with POST /__sandbox/portfolio, loaded
// page by page behind a visible, cancellable progress indicator; a constant number of row
// nodes while scrolling from top to bottom; the CSV export of a filtered and sorted view
// compared with what the test computes from the insurer's own listing; and axe-core in every
// state reached (loading, loaded, filtered, empty, sorted, detail, confirmation, error).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  assertAccessible,
  freshCredentials,
  launchBrowser,
  packPackage,
  sandboxRequests,
  setSandboxFault,
  startProxy,
} from './support.mjs';
import { trackerPageHtml, TRACKER_PROBE } from '../../bench/lib/tracker_page.mjs';
import { seedPortfolio, allianzCovers } from '../../bench/lib/seed.mjs';

const COUNT = 100_000;
/** The tracker's page size for the large portfolio (the insurer allows up to 5,000). */
const PAGE_SIZE = 5000;
const POLICY = { businessUnitCode: 'FRA', policyId: 'POL-SCALE-1', extensionId: 'DCL' };
const ATRADIUS = { customerId: 10_000_777, policyId: 'POL-SCALE-A' };
const LOAD_TIMEOUT = 300_000;

let packed;
let proxy;
let browser;
/** The covers as the insurer lists them (fetched once, in Node, through the proxy). */
let covers;

before(async () => {
  packed = packPackage();
  proxy = await startProxy({ pkgDir: packed.dir, env: freshCredentials() });
  browser = await launchBrowser();
  const seeded = await seedPortfolio(proxy.url, { insurer: 'allianz-trade', count: COUNT, seed: 3, policy: POLICY });
  assert.equal(seeded.total, COUNT);
  const small = await seedPortfolio(proxy.url, { insurer: 'atradius', count: 40, seed: 4, policy: ATRADIUS });
  assert.equal(small.seeded, 40);
  covers = await allianzCovers(proxy.url, POLICY);
  assert.equal(covers.length, COUNT);
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  packed?.cleanup();
});

/** A page at `name` (same origin as the proxy) mounting the tracker with `options`. */
async function openTracker(context, name, options) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(TRACKER_PROBE);
  const url = `${proxy.url}${name}.html`;
  const html = trackerPageHtml(options, { title: 'Decision tracker at scale' });
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  return { page, errors };
}

const largeOptions = (pageSize = PAGE_SIZE) => ({ insurers: ['allianz-trade'], allianzPolicies: [POLICY], pageSize });

/** Resolves once the tracker shows `count` rows and no progress indicator. */
async function loaded(page, count = COUNT) {
  await page.waitForFunction(
    (count) => !window.__trackerDom.loading() && window.__trackerDom.shown() === count,
    count,
    { timeout: LOAD_TIMEOUT, polling: 200 },
  );
}

test('100,000 decisions load page by page behind a progress indicator, in every state accessible', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openTracker(context, 'scale-load', largeOptions());
  const progress = page.locator('#tracker .tc-progress[role=status]');
  await progress.waitFor({ timeout: 60_000 });
  assert.match(await progress.textContent(), /Allianz Trade/);
  assert.equal(await progress.locator('button').count(), 1, 'the indicator has its cancel button');
  await assertAccessible(page, 'loading');
  await loaded(page);
  const searches = (await sandboxRequests(proxy.url, { insurer: 'allianz-trade', limit: 1000 })).filter((r) =>
    r.path.endsWith('/riskinfo/v3/covers/search'),
  );
  assert.ok(searches.length >= COUNT / PAGE_SIZE, `${searches.length} pages asked`);
  await assertAccessible(page, 'loaded');

  // Filtered, then a filter nothing matches.
  const filter = page.locator('#tracker input[name=q]');
  await filter.fill('pf-3-0000');
  await page.waitForFunction(() => window.__trackerDom.shown() < 1000);
  await assertAccessible(page, 'filtered');
  await filter.fill('no buyer is called this');
  await page.waitForFunction(() => window.__trackerDom.shown() === 0);
  assert.ok(await page.locator('#tracker .tc-empty').isVisible());
  await assertAccessible(page, 'empty result');
  await filter.fill('');
  await loaded(page);

  // Sorted, then the detail panel of the first row.
  await page.locator('#tracker [role=columnheader][data-column=requested] button').click();
  await page.waitForFunction(() =>
    window.__trackerDom.q('[role=columnheader][data-column=requested]').getAttribute('aria-sort') === 'ascending',
  );
  await assertAccessible(page, 'sorted');
  await page.locator('#tracker .tc-body [role=row][aria-rowindex="2"] [role=gridcell]').first().dblclick();
  await page.locator('#tracker .tc-detail').waitFor();
  await assertAccessible(page, 'detail panel open');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the loading can be cancelled: the indicator goes, the rows so far stay, no page is asked after', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openTracker(context, 'scale-cancel', largeOptions(1000));
  await page.waitForFunction(() => window.__trackerDom.shown() >= 3000, null, { timeout: LOAD_TIMEOUT, polling: 50 });
  await page.locator('#tracker .tc-progress button').click();
  await page.locator('#tracker .tc-progress').waitFor({ state: 'detached' });
  const kept = await page.evaluate(() => window.__trackerDom.shown());
  assert.ok(kept >= 3000 && kept < COUNT, `${kept} rows kept`);
  const notice = page.locator('#tracker .tc-notice');
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), new RegExp(kept.toLocaleString('en').replace(/,/g, ',?')));
  const asked = (await sandboxRequests(proxy.url, { insurer: 'allianz-trade', limit: 1000 })).length;
  await page.waitForTimeout(1500);
  assert.equal((await sandboxRequests(proxy.url, { insurer: 'allianz-trade', limit: 1000 })).length, asked);
  assert.equal(await page.evaluate(() => window.__trackerDom.shown()), kept);
  assert.deepEqual(errors, []);
  await context.close();
});

test('scrolling from top to bottom keeps the number of row nodes constant', async () => {
  const context = await browser.newContext();
  const { page } = await openTracker(context, 'scale-scroll', largeOptions());
  await loaded(page);
  const counts = await page.evaluate(async () => {
    const scroller = window.__trackerDom.q('.tc-scroller');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const seen = [];
    const steps = 60;
    for (let step = 0; step <= steps; step += 1) {
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * step) / steps;
      scroller.dispatchEvent(new Event('scroll'));
      await frame();
      const rows = window.__trackerDom.qa('.tc-body [role=row]');
      const shown = rows.filter((row) => !row.hidden).map((row) => Number(row.getAttribute('aria-rowindex')));
      seen.push({ nodes: window.__trackerDom.qa('[role=row]').length, first: Math.min(...shown), last: Math.max(...shown) });
    }
    return seen;
  });
  const nodes = new Set(counts.map((c) => c.nodes));
  assert.equal(nodes.size, 1, `row nodes while scrolling: ${[...nodes]}`);
  assert.ok([...nodes][0] < 60, `${[...nodes][0]} row nodes for ${COUNT} rows`);
  assert.equal(counts[0].first, 2, 'the top shows the first row');
  assert.equal(counts.at(-1).last, COUNT + 1, 'the bottom shows the last row');
  for (let i = 1; i < counts.length; i += 1) assert.ok(counts[i].first >= counts[i - 1].first, 'the window moves down');
  await context.close();
});

/** One CSV line's fields (RFC 4180). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

test('the CSV export of a filtered, sorted view holds exactly the rows the listing gives', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openTracker(context, 'scale-csv', largeOptions());
  await loaded(page);
  // The view: references starting PF-3-000, granted in full, by requested amount descending.
  const words = 'pf-3-000';
  await page.locator('#tracker input[name=q]').fill(words);
  await page.locator('#tracker select[name=status]').selectOption('granted');
  const sort = page.locator('#tracker [role=columnheader][data-column=requested] button');
  await sort.click();
  await sort.click();
  await page.waitForFunction(() =>
    window.__trackerDom.q('[role=columnheader][data-column=requested]').getAttribute('aria-sort') === 'descending',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#tracker button[part~=export]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'decisions.csv');
  const text = await readFile(await download.path(), 'utf8');
  // A byte order mark first, so that spreadsheets read the file as UTF-8.
  const [header, ...rows] = csvRows(text.replace(/^\uFEFF/, ''));

  // The same view computed here from the insurer's answers: the words in the name, company
  // id, reference, cover id or status code (the current credit limit's); granted in full is
  // the cover status "Agreement" (the sandbox's table); amounts grouped by currency, then by
  // amount, descending, ties in listing order.
  const limitStatus = (cover) => cover.creditLimitsAggregation.creditLimits.at(-1).technicalDecisionStatusCode;
  const expected = covers
    .filter((cover) =>
      [cover.companyName, cover.companyId, cover.customerReference ?? '', cover.coverId, limitStatus(cover)].some(
        (text) => text.toLowerCase().includes(words),
      ),
    )
    .filter((cover) => cover.coverStatusCode === 'Agreement')
    .map((cover, order) => ({ cover, order }))
    .sort((a, b) => {
      const [x, y] = [a.cover.creditLimitDetails, b.cover.creditLimitDetails];
      const byCurrency = y.currencyCode.localeCompare(x.currencyCode);
      if (byCurrency !== 0) return byCurrency;
      return y.requestedAmount - x.requestedAmount || a.order - b.order;
    })
    .map(({ cover }) => cover);
  assert.ok(expected.length > 20, `${expected.length} rows expected`);
  const column = (key) => header.indexOf(
    { buyer: 'Buyer', reference: 'Reference', requested: 'Requested', status: 'Status' }[key],
  );
  for (const key of ['buyer', 'reference', 'requested', 'status']) assert.ok(column(key) >= 0, `${key} in ${header}`);
  assert.equal(rows.length, expected.length);
  rows.forEach((row, i) => {
    const cover = expected[i];
    assert.equal(row.length, header.length);
    assert.equal(row[column('buyer')], cover.companyName, `row ${i}`);
    assert.equal(row[column('reference')], cover.customerReference, `row ${i}`);
    assert.equal(row[column('requested')].replace(/\D/g, ''), String(cover.creditLimitDetails.requestedAmount * 100), `row ${i}`);
    assert.ok(row[column('status')].endsWith(`(${limitStatus(cover)})`), row[column('status')]);
    assert.ok(row.some((cell) => cell.includes(cover.companyId)), `row ${i} names company ${cover.companyId}`);
  });
  await context.close();
});

test('the confirmation of an action and an error notice are accessible too', async () => {
  const context = await browser.newContext();
  const { page } = await openTracker(context, 'scale-actions', {
    insurers: ['atradius'],
    atradiusCustomerId: ATRADIUS.customerId,
    atradiusPolicyId: ATRADIUS.policyId,
  });
  await loaded(page, 40);
  await page.locator('#tracker select[name=status]').selectOption('granted');
  await page.locator('#tracker .tc-body [role=row][aria-rowindex="2"] [role=gridcell]').first().dblclick();
  await page.locator('#tracker .tc-detail button[part~=action]').first().click();
  await page.locator('#tracker .tc-confirm').waitFor();
  await assertAccessible(page, 'confirmation open');

  await setSandboxFault(proxy.url, { fault: 'status=503', probability: 1, seed: 1, pathPrefix: '/allianz-trade' });
  try {
    const failing = await openTracker(context, 'scale-error', largeOptions());
    await failing.page.locator('#tracker .tc-notice:not([hidden])').waitFor({ timeout: 60_000 });
    assert.ok((await failing.page.locator('#tracker .tc-notice').textContent()).length > 0);
    await assertAccessible(failing.page, 'error notice');
  } finally {
    await setSandboxFault(proxy.url, null);
  }
  await context.close();
});
