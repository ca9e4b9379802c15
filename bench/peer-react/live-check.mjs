// Checks the built peer against tradecover's real proxy and embedded sandbox (not part of
// `npm test`): for each insurer, search a sandbox company, apply for cover on it, and find the
// decision in the tracker. The proxy must serve this directory:
//
//   tradecover-proxy --port 8090 --www bench/peer-react --pkg pkg &
//   node bench/peer-react/live-check.mjs http://127.0.0.1:8090/

import assert from 'node:assert/strict';
import { runBrowserCheck } from '../lib/browser_check.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node live-check.mjs <proxy URL serving bench/peer-react at />');
  process.exit(2);
}
const sample = await (await fetch(new URL('__sandbox/companies/sample', base))).json();
const french = sample.companies.find((company) => company.address?.countryCode === 'FRA' && company.establishmentType === 'HEAD_OFFICE');
assert.ok(french, 'the sandbox has a French head office');
const name = french.companyName.split(' ')[0];
const siren = french.legalIdentifiers.find((identifier) => identifier.identifierType === 'SIREN_FRA').identifierValue;

await runBrowserCheck('live check', async (browser, fail) => {
  for (const [insurer, typed, extra] of [
    ['coface', name, ''],
    ['atradius', siren, '&customer=1&policy=POL-PEER'],
    ['allianz-trade', name, '&bu=FRA&allianzPolicy=POL-PEER'],
  ]) {
    const page = await browser.newPage();
    page.on('pageerror', (error) => {
      fail();
      console.error(insurer, 'page error:', error);
    });
    await page.goto(new URL(`index.html?insurer=${insurer}${extra}`, base).href);
    const search = page.locator('#search [role=combobox]');
    await search.fill(typed);
    await page.locator('#search [role=option]').first().waitFor({ timeout: 10_000 });
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.locator('#form [part=buyer-name]').waitFor();
    if (insurer === 'allianz-trade') {
      await page.locator('#form input[name=policyBusinessUnit]').fill('FRA');
      await page.locator('#form input[name=policyId]').fill('POL-PEER');
    }
    await page.locator('#form input[name=amount]').fill('25000');
    await page.locator('#form button[type=submit]').click();
    // Allianz Trade answers with a job, polled after about 2 s.
    await page.locator('#form [part~=outcome]:not([data-outcome=submitted]):not([data-outcome=processing])').waitFor({ timeout: 30_000 });
    const outcome = await page.locator('#form [part~=outcome]').getAttribute('data-outcome');
    await page.reload();
    await page.waitForFunction(() => /^[1-9]\d* of /.test(document.querySelector('#tracker')?.shadowRoot?.querySelector('[part=count]')?.textContent ?? ''), null, { timeout: 30_000 });
    const count = await page.locator('#tracker [part=count]').textContent();
    console.log(`ok ${insurer}: searched "${typed}", outcome ${outcome}, tracker: ${count}`);
    await page.close();
  }
});
