// Issue 6: the buyer search box end to end, as a person uses it, checked against what the
// sandbox received (its request log) and what the page shows.
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
  setSandboxFault,
  startProxy,
  watchPage,
} from './support.mjs';

let packed;
let proxy;
let browser;

before(async () => {
  packed = packPackage();
  proxy = await startProxy({ pkgDir: packed.dir, env: freshCredentials() });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  packed?.cleanup();
});

const NAME_SEARCH = '/coface/companies/name';

/**
 * Opens a page of www/ with the widget's events recorded from the start (an init script, so
 * that strict-CSP pages record them too) in `window.__events`, and every CSP violation in
 * `window.__violations`.
 */
async function openPage(path = '/') {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    window.__violations = [];
    for (const type of ['tradecover-select', 'tradecover-unknown-buyer', 'tradecover-error']) {
      document.addEventListener(type, (event) =>
        window.__events.push({ type, target: event.target.id, detail: event.detail }),
      );
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      }),
    );
  });
  const seen = watchPage(page);
  await page.goto(new URL(path, proxy.url).href);
  const input = page.locator('#buyer-search input[role=combobox]');
  await input.waitFor();
  return { page, seen, input };
}

/** The events of one type the page recorded. */
async function events(page, type) {
  const all = await page.evaluate(() => window.__events);
  return all.filter((event) => event.type === type);
}

/** The `data-insurer-id`s of the options listed in `host`. */
async function listedIds(page, host = '#buyer-search') {
  return page
    .locator(`${host} [role=option]`)
    .evaluateAll((options) => options.map((option) => option.dataset.insurerId));
}

/** The canonical SIREN of a sampled French company, and the same written with spaces. */
function siren(company) {
  const value = company.legalIdentifiers.find((id) => id.identifierType === 'SIREN_FRA').identifierValue;
  return { value, formatted: `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` };
}

/** Puts `text` on the clipboard and pastes it into the focused field with Ctrl+V. */
async function paste(page, input, text) {
  await input.focus();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
}

test('fast typing: superseded searches are aborted and only the last one is listed', async () => {
  const [company] = await sampleCompanies(proxy.url, 'FRA', 1, { hasEstablishments: 'false' });
  const name = company.companyName;
  const prefixes = [name.slice(0, 5), name.slice(0, 9), name];
  const { page, seen, input } = await openPage();
  const aborted = [];
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname === `/proxy${NAME_SEARCH}`) {
      aborted.push({ url: request.url(), error: request.failure()?.errorText });
    }
  });
  // Each name search takes 2.5 s in the sandbox, so that the next keystrokes catch it in flight.
  await setSandboxFault(proxy.url, { fault: 'latency=2500', pathPrefix: NAME_SEARCH });
  try {
    const mark = await lastSandboxSeq(proxy.url);
    const lastAnswer = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === `/proxy${NAME_SEARCH}` &&
        new URL(response.url()).searchParams.get('companyName') === name,
    );
    let typed = '';
    for (const prefix of prefixes) {
      // Past the debounce, this prefix's search leaves; it is still under way at the next keys.
      const sent = page.waitForRequest(
        (request) => new URL(request.url()).searchParams.get('companyName') === prefix.trim(),
      );
      await input.pressSequentially(prefix.slice(typed.length), { delay: 15 });
      typed = prefix;
      await sent;
    }
    const answer = await (await lastAnswer).json();
    await page.locator('#buyer-search [role=option]').first().waitFor();

    const received = (await sandboxRequests(proxy.url, { insurer: 'coface', after: mark })).filter(
      (request) => request.path === NAME_SEARCH,
    );
    assert.deepEqual(
      received.map((request) => request.params.get('companyName')),
      prefixes.map((prefix) => prefix.trim()),
      'the sandbox received one name search per pause, in order',
    );
    assert.deepEqual(
      received.map((request) => request.status),
      [null, null, 200],
      'the superseded searches were abandoned before the sandbox answered them',
    );
    assert.equal(aborted.length, 2, `two searches aborted in the browser: ${JSON.stringify(aborted)}`);
    for (const { error } of aborted) assert.equal(error, 'net::ERR_ABORTED');

    // The list is the last answer's, in its order, and nothing replaces it later.
    const expected = answer.companies.map((hit) => hit.easyNumber);
    assert.ok(expected.includes(company.easyNumber));
    assert.deepEqual(await listedIds(page), expected);
    assert.equal(await input.inputValue(), name);
    assert.deepEqual(seen.errors, []);
  } finally {
    await setSandboxFault(proxy.url, null);
    await page.close();
  }
});

test('keyboard only: Tab into the box, type, ArrowDown, Enter selects the buyer', async () => {
  const [company] = await sampleCompanies(proxy.url, 'FRA', 1, { hasEstablishments: 'false' });
  const { page, seen, input } = await openPage();
  // Tab from the top of the page until the combobox has the focus.
  const comboboxFocused = () =>
    page.evaluate(() => {
      const host = document.activeElement;
      return host?.id === 'buyer-search' && host.shadowRoot.activeElement?.getAttribute('role') === 'combobox';
    });
  let tabs = 0;
  while (!(await comboboxFocused())) {
    assert.ok(tabs < 5, 'the combobox is reached within five Tabs');
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  await page.keyboard.type(company.companyName, { delay: 20 });
  await page.locator(`#buyer-search [role=option][data-insurer-id="${company.easyNumber}"]`).waitFor();
  assert.equal(await input.getAttribute('aria-expanded'), 'true');

  // ArrowDown until the company is the active option.
  for (let presses = 0; ; presses += 1) {
    assert.ok(presses < 20, 'the company is reached with ArrowDown');
    await page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    assert.ok(activeId, 'ArrowDown makes an option active');
    const active = page.locator(`#buyer-search [role=option]#${activeId}`);
    assert.equal(await active.getAttribute('aria-selected'), 'true');
    if ((await active.getAttribute('data-insurer-id')) === company.easyNumber) break;
  }
  await page.keyboard.press('Enter');

  await page.waitForFunction(() => window.__events.some((event) => event.type === 'tradecover-select'));
  const [selected] = await events(page, 'tradecover-select');
  assert.equal(selected.detail.buyer.insurerId, company.easyNumber);
  assert.equal(selected.detail.buyer.name, company.companyName);
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await input.inputValue(), company.companyName);
  assert.ok(await comboboxFocused(), 'the focus stays in the box');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a pasted, formatted SIREN is searched as an identifier at Coface, Allianz Trade and Atradius', async () => {
  const [company] = await sampleCompanies(proxy.url, 'FRA', 1, { hasEstablishments: 'false' });
  const { value, formatted } = siren(company);
  const { page, seen, input } = await openPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: proxy.url });
  const box = page.locator('#buyer-search');

  for (const insurer of ['coface', 'allianz-trade', 'atradius']) {
    // Empty the box first (a new insurer would search again the text left by the last choice).
    await input.fill('');
    await box.locator('[role=option]').first().waitFor({ state: 'detached' });
    await box.evaluate((element, name) => (element.insurer = name), insurer);
    const mark = await lastSandboxSeq(proxy.url);
    const before = (await events(page, 'tradecover-select')).length;
    await paste(page, input, formatted);
    assert.equal(await input.inputValue(), formatted, `${insurer}: the pasted text is kept as typed`);
    const option = box.locator('[role=option]').first();
    await option.waitFor();
    assert.equal(await box.locator('[role=option]').count(), 1, `${insurer}: one company has this SIREN`);
    await option.click();
    await page.waitForFunction((count) => window.__events.filter((e) => e.type === 'tradecover-select').length > count, before);
    const selected = (await events(page, 'tradecover-select')).at(-1).detail.buyer;
    assert.equal(selected.insurer, insurer);
    assert.equal(selected.name, company.companyName);
    assert.equal(selected.establishment, 'headOffice');
    assert.ok(
      selected.identifiers.some((id) => id.kind === 'fr.siren' && id.value === value),
      `${insurer}: the buyer carries the SIREN: ${JSON.stringify(selected.identifiers)}`,
    );

    // What the insurer received: an identifier search, first, and no name search.
    const received = await sandboxRequests(proxy.url, { insurer, after: mark });
    const searches = received.filter((request) => !/token|authorize|authenticate/.test(request.path));
    assert.ok(searches.length >= 1, `${insurer}: a search reached the sandbox`);
    if (insurer === 'coface') {
      assert.equal(searches[0].path, '/coface/companies/identifier');
      assert.equal(searches[0].params.get('countryCode'), 'FRA');
      assert.ok(searches.some((request) => request.params.get('identifierValue') === value));
      assert.ok(!searches.some((request) => request.path === NAME_SEARCH), 'no name search at Coface');
    } else if (insurer === 'allianz-trade') {
      // Allianz Trade searches identifiers and names alike with advancedSearch (a POST body):
      // the identifier found the company, so no second (name) search was needed.
      assert.deepEqual(
        searches.map((request) => `${request.method} ${request.path}`),
        ['POST /allianz-trade/search/v2/companies/advancedSearch'],
      );
    } else {
      assert.match(searches[0].path, /^\/atradius\/credit-insurance\/organisation-management\/v1\/buyers$/);
      assert.equal(searches[0].params.get('country'), 'FRA');
      assert.equal(searches[0].params.get('uid'), value);
    }
  }

  // Atradius has no search by name: the box says so and sends nothing.
  const mark = await lastSandboxSeq(proxy.url);
  await input.fill(company.companyName);
  await box.locator('[role=status]').filter({ hasText: /Atradius/ }).waitFor();
  await input.press('Enter');
  await page.waitForTimeout(400);
  assert.deepEqual(await sandboxRequests(proxy.url, { insurer: 'atradius', after: mark }), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a branch is listed with its reason and cannot be chosen, by mouse or keyboard', async () => {
  const [company] = await sampleCompanies(proxy.url, 'FRA', 1, { hasEstablishments: 'true' });
  const { page, seen, input } = await openPage();
  await input.fill(company.companyName);
  const branch = page.locator('#buyer-search [role=option][aria-disabled=true]').first();
  await branch.waitFor();
  const branchId = await branch.getAttribute('data-insurer-id');
  assert.notEqual(branchId, company.easyNumber);
  assert.equal(branchId.slice(0, 14), company.easyNumber.slice(0, 14), 'a branch of the sampled head office');
  const reason = branch.locator('[part~=branch-reason]');
  assert.ok(await reason.isVisible());
  assert.match(await reason.textContent(), /cover can only be requested on the head office/);
  assert.match(await branch.locator('[part~=badge-branch]').textContent(), /Branch/);

  await branch.click({ force: true });
  const status = page.locator('#buyer-search [role=status]');
  assert.match(await status.textContent(), /branch: cover can only be requested on the head office/);

  // With the keyboard: make the branch active, press Enter.
  const branchOptionId = await branch.getAttribute('id');
  await input.focus();
  await page.keyboard.press('Home');
  for (let presses = 0; (await input.getAttribute('aria-activedescendant')) !== branchOptionId; presses += 1) {
    assert.ok(presses < 20, 'the branch is reached with ArrowDown');
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  assert.match(await status.textContent(), /branch/);
  assert.equal(await input.getAttribute('aria-expanded'), 'true', 'the list stays open');
  assert.deepEqual(await events(page, 'tradecover-select'), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('nothing found: the unknown-buyer button hands the typed buyer to the page', async () => {
  const { page, seen, input } = await openPage();
  const mark = await lastSandboxSeq(proxy.url);
  const typed = 'Qwzx Nowhere Holdings';
  await input.pressSequentially(typed, { delay: 15 });
  const button = page.locator('#buyer-search [part~=unknown-button]');
  await button.waitFor();
  assert.match(await page.locator('#buyer-search [role=status]').textContent(), /No company found/);
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  const received = (await sandboxRequests(proxy.url, { insurer: 'coface', after: mark })).filter(
    (request) => request.path === NAME_SEARCH,
  );
  assert.equal(received.at(-1).params.get('companyName'), typed);
  assert.equal(received.at(-1).status, 200);

  await button.click();
  await page.waitForFunction(() => window.__events.some((event) => event.type === 'tradecover-unknown-buyer'));
  const [unknown] = await events(page, 'tradecover-unknown-buyer');
  assert.deepEqual(unknown.detail, { name: typed, country: 'FR', text: typed });
  assert.equal(unknown.target, 'buyer-search');
  assert.match(await page.locator('#selected').textContent(), /Not found at the insurer/);
  assert.deepEqual(await events(page, 'tradecover-select'), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('under a strict Content-Security-Policy the box works and nothing is blocked', async () => {
  const [company] = await sampleCompanies(proxy.url, 'FRA', 1, { hasEstablishments: 'false' });
  const { page, seen, input } = await openPage('/csp.html');
  const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(policy, /style-src 'self';/);
  assert.doesNotMatch(policy, /unsafe-inline/);

  // The styles arrive as an adopted stylesheet (a <style> element would be blocked).
  const styling = await page.locator('#buyer-search').evaluate((host) => ({
    adopted: host.shadowRoot.adoptedStyleSheets.length,
    styleElements: host.shadowRoot.querySelectorAll('style').length,
    radius: getComputedStyle(host.shadowRoot.querySelector('input[role=combobox]')).borderTopLeftRadius,
  }));
  assert.deepEqual(styling, { adopted: 1, styleElements: 0, radius: '6px' });

  await input.pressSequentially(company.companyName, { delay: 15 });
  const option = page.locator(`#buyer-search [role=option][data-insurer-id="${company.easyNumber}"]`);
  await option.waitFor();
  assert.equal(
    await page.locator('#buyer-search [role=listbox]').evaluate((listbox) => getComputedStyle(listbox).position),
    'absolute',
    'the listbox is styled',
  );
  await option.click();
  await page.waitForFunction(() => window.__events.some((event) => event.type === 'tradecover-select'));
  assert.match(await page.locator('#selected').textContent(), new RegExp(company.easyNumber));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('two boxes on one page search, list and select independently', async () => {
  const [first, second] = await sampleCompanies(proxy.url, 'FRA', 2, { hasEstablishments: 'false' });
  const { page, seen, input } = await openPage();
  await page.evaluate(() => {
    const element = document.createElement('tradecover-buyer-search');
    element.id = 'second';
    element.setAttribute('insurer', 'allianz-trade');
    element.setAttribute('proxy', '/proxy');
    element.setAttribute('country', 'FR');
    element.setAttribute('locale', 'fr');
    document.querySelector('main section').append(element);
  });
  const otherInput = page.locator('#second input[role=combobox]');
  await otherInput.waitFor();

  await input.fill(first.companyName);
  await page.locator(`#buyer-search [role=option][data-insurer-id="${first.easyNumber}"]`).waitFor();
  const firstList = await listedIds(page);
  await otherInput.fill(siren(second).formatted);
  await page.locator('#second [role=option]').first().waitFor();

  // Each box has its own text, list, ids and language.
  assert.equal(await input.inputValue(), first.companyName);
  assert.deepEqual(await listedIds(page), firstList, 'the first list is untouched by the second search');
  assert.equal(await page.locator('#second [role=option]').count(), 1);
  const ids = await page.evaluate(() =>
    ['buyer-search', 'second'].map((id) => document.getElementById(id).shadowRoot.querySelector('[role=listbox]').id),
  );
  assert.notEqual(ids[0], ids[1], 'the listboxes have distinct ids');
  assert.notEqual(await otherInput.getAttribute('placeholder'), await input.getAttribute('placeholder'));

  await page.locator('#second [role=option]').first().click();
  await page.waitForFunction(() => window.__events.some((event) => event.type === 'tradecover-select'));
  const selected = await events(page, 'tradecover-select');
  assert.equal(selected.length, 1);
  assert.equal(selected[0].target, 'second');
  assert.equal(selected[0].detail.buyer.insurer, 'allianz-trade');
  assert.equal(selected[0].detail.buyer.name, second.companyName);
  assert.equal(await input.inputValue(), first.companyName, 'the first box keeps its text');

  // Removing one box leaves the other working.
  await page.evaluate(() => document.getElementById('second').remove());
  await input.fill(second.companyName);
  await page.locator(`#buyer-search [role=option][data-insurer-id="${second.easyNumber}"]`).waitFor();
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('axe-core finds no accessibility violation in any state of the box', async () => {
  const [company, failing] = await sampleCompanies(proxy.url, 'FRA', 2, { hasEstablishments: 'true' });
  const { page, input } = await openPage();
  const box = page.locator('#buyer-search');
  const check = async (state) => {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${state}: ${JSON.stringify(violations, null, 2)}`);
  };

  await check('empty');

  await input.fill(company.companyName);
  await box.locator('[role=option][aria-disabled=true]').first().waitFor();
  await input.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.ok(await input.getAttribute('aria-activedescendant'));
  await check('results, listbox open with an active option and a branch');

  await input.fill('Qwzx Nowhere Holdings');
  await box.locator('[part~=unknown-button]').waitFor();
  await check('no results');

  await input.fill('');
  await input.press('Enter');
  await box.locator('.tc-error[data-code="name.required"]').waitFor();
  await check('validation error');

  await setSandboxFault(proxy.url, { fault: 'status=503', pathPrefix: NAME_SEARCH });
  try {
    // A name not searched yet on this page (answers are cached per page).
    await input.fill(failing.companyName);
    await input.press('Enter');
    await box.locator('.tc-error[role=alert]').first().waitFor();
    await check('insurer error');
  } finally {
    await setSandboxFault(proxy.url, null);
  }

  await box.evaluate((element) => (element.insurer = 'atradius'));
  await box.locator('[role=status]').filter({ hasText: /Atradius/ }).waitFor();
  await check('Atradius asks for an identifier');
  await page.close();
});
