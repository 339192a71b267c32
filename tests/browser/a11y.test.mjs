// Accessibility on every view: axe-core (vendored from npm) finds no serious or critical
// violation, and the finder works from the keyboard alone with a visible focus.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsNarrowPhone, axeViolations, phonePage, useBrowserAndSite, waitForList } from './harness.mjs';

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const VIEWS = [
  ['the list', '', '[data-testid="result"]'],
  ['the list in 长辈模式', '', '[data-testid="result"]', true],
  ['a filtered list with a location', '?types=full_day&puhui=1&near=23.7431,114.6972&radius=3000', '[data-testid="distance"]'],
  ['an institution', '?id=YC-0007', '.sheet h1'],
  ['the map', '?view=map', '[data-testid="marker"]'],
  ['a comparison', '?compare=YC-0002,YC-0003', '[data-testid="compare"]'],
  ['a dataset error', '?data=/fixtures/not-json.json', '[data-testid="dataset-error"]'],
  ['the guide', '?page=guide', '[data-testid="guide-index"]'],
  ['an article', '?page=guide&article=warning-signs', '[data-testid="article"]'],
  ['my child’s plan', '?page=baby&born=2025-05-20', '[data-testid="plan"]'],
];

describe('axe-core on every view', () => {
  for (const [name, query, ready, elder] of VIEWS) {
    test(`${name} has no serious or critical violation`, async () => {
      const tab = await phonePage(browser, { bypassCSP: true });
      if (elder) await tab.context.addInitScript(() => localStorage.setItem('tuoyu.settings.v1', '{"elder":true}'));
      await tab.page.route(/autonavi\.com/, (route) => route.abort());
      await tab.page.goto(`${site.origin}/${query}`);
      await tab.page.waitForSelector(ready, { timeout: 20_000 });
      assert.deepEqual(await axeViolations(tab.page), []);
      await tab.context.close();
    });
  }
});

describe('keyboard alone', () => {
  test('Tab reaches a result with visible focus, and Enter opens it with focus on its name', async () => {
    const { page, context } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    let reached = null;
    for (let i = 0; i < 60 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        const outline = getComputedStyle(el).outlineStyle;
        if (outline === 'none' && el.matches(':focus-visible')) throw new Error(`no visible focus on ${el.outerHTML.slice(0, 80)}`);
        return el.closest('[data-testid="result"]') && el.tagName === 'A' ? el.closest('[data-testid="result"]').dataset.id : null;
      });
    }
    assert.ok(reached, 'a result link is reachable by Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`id=${reached}`));
    const focused = await page.evaluate(() => document.activeElement.tagName);
    assert.equal(focused, 'H1', 'focus moves to the institution’s name');
    await context.close();
  });

  test('a chip toggles with the keyboard', async () => {
    const { page, context } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    await page.getByRole('button', { name: '全日托', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/types=full_day/);
    await context.close();
  });
});

describe('a narrow phone', () => {
  for (const query of ['', '?id=YC-0007', '?page=guide', '?page=baby&born=2025-05-20', '?compare=YC-0002,YC-0003']) {
    test(`no horizontal scroll at 320 px on /${query}, and tap targets of at least 44 px`, async () => {
      const { page, context } = await phonePage(browser);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${site.origin}/${query}`);
      await page.waitForSelector('.app main > *, .sheet', { timeout: 20_000 });
      await page.waitForTimeout(300);
      await assertFitsNarrowPhone(page);
      await context.close();
    });
  }
});
