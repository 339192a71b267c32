// A fault inside the app in Chromium: a panic or a trap leaves a notice in the page's language
// with a reload button, and the list on screen stays readable. The app fails on purpose through
// its test hook (src/fault.rs: a key in the site's storage, which no link can set);
// tests/webkit/fault.test.mjs does the same in WebKit.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { phonePage, resultCount, useBrowserAndSite, waitForList } from './harness.mjs';
import { listed, readDataset } from './oracle.mjs';
import { repoRoot } from './server.mjs';

const [first] = listed(readDataset());
const words = (lang) => JSON.parse(readFileSync(join(repoRoot, 'locales', lang, 'status.json'), 'utf8'));
const FAULT_KEY = 'tuoyu.test.fault';
let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

describe('a fault inside the app', () => {
  test('a panic opening a detail page: a Chinese notice over the readable list, and reload', async () => {
    const { page, context, errors } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    const drawn = await page.locator('[data-testid="result"]').count();
    await page.evaluate((k) => localStorage.setItem(k, 'detail:panic'), FAULT_KEY);
    await page.locator(`[data-testid="result"][data-id="${first.id}"] .card-link`).click();
    const notice = page.getByTestId('fault');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('lang'), 'zh-CN');
    assert.equal(await notice.locator('p').textContent(), words('zh').fault_message);
    assert.equal(await page.locator('[data-testid="result"]').count(), drawn);
    const card = page.locator('[data-testid="result"]').first();
    await card.scrollIntoViewIfNeeded();
    assert.ok(await card.isVisible());
    assert.ok(await page.evaluate(() => {
      const c = document.querySelector('[data-testid="result"]');
      const r = c.getBoundingClientRect();
      return document.elementFromPoint(r.left + 8, r.top + 8)?.closest('[data-testid="result"]') === c;
    }), 'the card is not covered');
    assert.ok(errors.some((e) => e.name === 'RuntimeError'), 'it was a real trap');
    await page.screenshot({ path: join(repoRoot, 'tests', 'browser', 'artifacts', 'fault.png') });
    await page.evaluate((k) => localStorage.removeItem(k), FAULT_KEY);
    await notice.getByRole('button', { name: words('zh').fault_reload }).click();
    await page.waitForSelector('.sheet h1');
    assert.equal((await page.textContent('.sheet h1')).trim(), first.name);
    assert.equal(await page.getByTestId('fault').count(), 0);
    await context.close();
  });

  test('a trap drawing the map, in English: the notice in English; other errors are left alone', async () => {
    const { page, context } = await phonePage(browser, { locale: 'en-US' });
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    // A script error that is not the app's wasm (WeChat's injected scripts throw now and then).
    await page.evaluate(() => setTimeout(() => { throw new TypeError('not ours'); }));
    await page.waitForTimeout(50);
    assert.equal(await page.getByTestId('fault').count(), 0);
    await page.evaluate((k) => localStorage.setItem(k, 'map:trap'), FAULT_KEY);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    const notice = page.getByTestId('fault');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('lang'), 'en');
    assert.equal(await notice.locator('p').textContent(), words('en').fault_message);
    assert.ok(await notice.getByRole('button', { name: words('en').fault_reload }).isVisible());
    assert.ok(await resultCount(page) > 0, 'the count is still there');
    await context.close();
  });
});
