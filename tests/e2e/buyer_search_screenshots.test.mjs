// Screenshots of the buyer search box (www/gallery.html): the default theme and a custom one
// (--tradecover-* properties and ::part), in English and French, with the list open. They go to
// $TRADECOVER_SCREENSHOT_DIR or a temporary folder (printed); www/screenshots/ holds a copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  freshCredentials,
  launchBrowser,
  packPackage,
  sampleCompanies,
  screenshotDir,
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

const SHOTS = [
  { file: 'buyer-search-en.png', theme: 'default', locale: 'en' },
  { file: 'buyer-search-fr.png', theme: 'default', locale: 'fr' },
  { file: 'buyer-search-custom-en.png', theme: 'custom', locale: 'en' },
  { file: 'buyer-search-custom-fr.png', theme: 'custom', locale: 'fr' },
];

test('screenshots: default and custom theme, English and French, list open', async (t) => {
  // A head office with branches, so that the list shows both kinds of hit.
  const [company] = await sampleCompanies(proxy.url, 'FRA', 1, { hasEstablishments: 'true' });
  const dir = screenshotDir();
  const context = await browser.newContext({ viewport: { width: 640, height: 560 }, deviceScaleFactor: 1 });
  for (const { file, theme, locale } of SHOTS) {
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(new URL(`/gallery.html?theme=${theme}&locale=${locale}`, proxy.url).href);
    const input = page.locator('#buyer-search input[role=combobox]');
    await input.waitFor();
    await input.fill(company.companyName);
    await page.locator('#buyer-search [role=option][aria-disabled=true]').first().waitFor();
    await input.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#buyer-search').getAttribute('locale'), locale);
    const themed = await page.locator('#buyer-search').evaluate((host) => host.classList.contains('themed'));
    assert.equal(themed, theme === 'custom');

    // The box and its open list (which overflows the box).
    const shot = await page.locator('#shot').boundingBox();
    const listbox = await page.locator('#buyer-search [role=listbox]').boundingBox();
    const bottom = Math.max(shot.y + shot.height, listbox.y + listbox.height + 12);
    const path = join(dir, file);
    await page.screenshot({ path, clip: { x: shot.x, y: shot.y, width: shot.width, height: bottom - shot.y } });
    assert.ok(statSync(path).size > 1000, `${file} is an image`);
    assert.deepEqual(seen.errors, []);
    await page.close();
  }
  await context.close();
  t.diagnostic(`screenshots in ${dir}`);
});
