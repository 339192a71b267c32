// The answer on the first screen (issue 19): at a phone's size the cards, not the filters, fill
// the first viewport; the rest of the filters is in a sheet that behaves as a dialog and keeps
// the address as the state; the count stays in view; the map fills the screen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { assertNoSideScroll, openPage, useBrowserAndSite, withGps } from './harness.mjs';
import { expectedIds, listed, readDataset } from './oracle.mjs';
import { repoRoot } from './server.mjs';

const data = readDataset();
const artifacts = join(repoRoot, 'tests', 'browser', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const ELDER = () => localStorage.setItem('tuoyu.settings.v1', JSON.stringify({ elder: true }));

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/** Cards wholly on the first screen: inside the viewport and above the count bar at its foot. */
function cardsInFirstScreen(page) {
  return page.evaluate(() => {
    const bar = document.querySelector('.result-bar')?.getBoundingClientRect();
    const bottom = Math.min(window.innerHeight, bar ? bar.top : Infinity);
    return [...document.querySelectorAll('[data-testid="result"]')].filter((card) => {
      const r = card.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= bottom && r.left >= 0 && r.right <= window.innerWidth;
    }).length;
  });
}

async function open(query = '', { width = 390, height = 844, elder = false, ...options } = {}) {
  const tab = await openPage(browser, site, query, {
    viewport: { width, height },
    prepare: elder ? (t) => t.page.addInitScript(ELDER) : undefined,
    ...options,
  });
  await tab.page.waitForSelector('[data-testid="result"]');
  return tab;
}

describe('the first screen', () => {
  const cases = [
    ['the default list', {}, 3],
    ['长辈模式', { elder: true }, 2],
    // English words are longer: its lines wrap more, and two cards fit whole.
    ['English', { locale: 'en-GB' }, 2],
  ];
  for (const [name, options, least] of cases) {
    test(`${name} at 390×844 shows at least ${least} whole cards`, async () => {
      const { page, context, errors } = await open('', options);
      const n = await cardsInFirstScreen(page);
      assert.ok(n >= least, `${n} cards in the first screen`);
      await assertNoSideScroll(page);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('after choosing a location and two filters, at least 3 whole cards', async () => {
    const { page, context } = await open('', withGps());
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.waitForSelector('[data-testid="distance"]');
    await page.getByRole('button', { name: '全日托' }).click();
    await page.getByRole('button', { name: '只看普惠' }).click();
    await page.waitForURL(/puhui=1/);
    // The parent's own place and its radius stay out of the address (docs/finder-url.md).
    await page.getByLabel('距离范围').selectOption('5000');
    const n = await cardsInFirstScreen(page);
    assert.ok(n >= 3, `${n} cards in the first screen`);
    await context.close();
  });

  test('at 320 px the bar and a card fit, and nothing scrolls sideways', async () => {
    for (const elder of [false, true]) {
      const { page, context } = await open('', { width: 320, height: 640, elder });
      // In 长辈模式 a card is taller than what is left of a 640 px screen: its name shows.
      if (!elder) assert.ok(await cardsInFirstScreen(page) >= 1);
      const name = await page.locator('[data-testid="result"] .card-name').first().boundingBox();
      assert.ok(name.y + name.height <= 640 - 56, 'the first name is above the count bar');
      await assertNoSideScroll(page);
      const button = await page.getByTestId('open-filters').boundingBox();
      assert.ok(button.x + button.width <= 320, '筛选 is on the screen');
      await context.close();
    }
  });

  test('the count stays in view while the list scrolls', async () => {
    const { page, context } = await open('');
    await page.mouse.wheel(0, 2500);
    await page.waitForFunction(() => window.scrollY > 1500);
    const box = await page.getByTestId('result-count').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `count at ${box?.y}`);
    assert.equal(await page.getByTestId('result-count').textContent(), String(listed(data).length));
    await context.close();
  });
});

describe('the filter sheet', () => {
  test('is a modal dialog: the focus stays in it, Escape closes it and gives the focus back', async () => {
    const { page, context } = await open('');
    const button = page.getByTestId('open-filters');
    await button.click();
    const sheet = page.getByRole('dialog', { name: '筛选条件' });
    await sheet.waitFor();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]')), `Tab ${i} left the sheet`);
    }
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'open-filters');
    await context.close();
  });

  test('its choices go into the address and are counted on its button; back closes it and keeps them', async () => {
    const { page, context } = await openPage(browser, site, '?page=guide', { list: false });
    await page.getByRole('link', { name: '找托育' }).click();
    await page.waitForSelector('[data-testid="result"]');
    const before = await page.evaluate(() => history.length);
    await page.getByTestId('open-filters').click();
    const sheet = page.getByRole('dialog');
    await sheet.getByLabel('孩子月龄').selectOption('18');
    await sheet.getByRole('button', { name: '只看有空位' }).click();
    await page.waitForURL(/age=18.*vacant=1|vacant=1.*age=18/);
    await page.goBack();
    await sheet.waitFor({ state: 'hidden' });
    await page.waitForTimeout(300);
    assert.match(page.url(), /age=18/);
    assert.match(page.url(), /vacant=1/);
    assert.equal(await page.evaluate(() => history.length), before + 1, 'the sheet\'s entry is the only one added');
    assert.match(await page.getByTestId('open-filters').textContent(), /2/);
    assert.equal(await page.getByTestId('result-count').textContent(), String(expectedIds(data, { age: 18, vacant: true }).length));
    // Back once more leaves the list for the page before it, as without the sheet.
    await page.goBack();
    await page.waitForURL(/page=guide/);
    await context.close();
  });

  test('完成 closes it, and a reload of the address shows the same list', async () => {
    const { page, context } = await open('');
    await page.getByTestId('open-filters').click();
    await page.getByRole('dialog').getByRole('button', { name: '托育机构' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: '完成' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.waitForURL(/kind=/);
    const count = await page.getByTestId('result-count').textContent();
    await page.reload();
    await page.waitForSelector('[data-testid="result-count"]');
    assert.equal(await page.getByTestId('result-count').textContent(), count);
    await context.close();
  });
});

describe('the map', () => {
  test('fills most of the screen, and a tapped marker\'s card does not cover its pin', async () => {
    const { page, context } = await openPage(browser, site, '?view=map', {
      prepare: (t) => t.page.route(/autonavi\.com/, (route) => route.abort()),
    });
    await page.waitForSelector('.pin-dot[data-testid="marker"]', { timeout: 15_000 });
    const covered = await page.evaluate(() => {
      const r = document.querySelector('[data-testid="map"]').getBoundingClientRect();
      const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
      const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
      return (w * h) / (innerWidth * innerHeight);
    });
    assert.ok(covered >= 0.55, `the map covers ${Math.round(covered * 100)}% of the screen`);
    // The single pin lowest on the screen: the one a card at the foot would cover.
    const pins = page.locator('.pin-dot[data-testid="marker"]');
    const lowest = await pins.evaluateAll((els) => {
      const foot = document.querySelector('.result-bar').getBoundingClientRect().top;
      const bottoms = els.map((e) => e.getBoundingClientRect().bottom).map((b) => (b < foot ? b : -1));
      return bottoms.indexOf(Math.max(...bottoms));
    });
    assert.ok(lowest >= 0, 'a single pin is on the screen');
    // By its institution: the map redraws its pins as it moves.
    const id = await pins.nth(lowest).getAttribute('data-id');
    const pinOf = page.locator(`.pin-dot[data-id="${id}"]`);
    await pinOf.click();
    const card = page.getByTestId('map-card');
    await card.waitFor();
    await page.waitForTimeout(600);
    const [pin, over] = [await pinOf.boundingBox(), await card.boundingBox()];
    const overlap = pin.y < over.y + over.height && pin.y + pin.height > over.y
      && pin.x < over.x + over.width && pin.x + pin.width > over.x;
    assert.ok(!overlap, `pin ${JSON.stringify(pin)} under card ${JSON.stringify(over)}`);
    await page.screenshot({ path: join(artifacts, 'first-screen-map-card.png') });
    await context.close();
  });
});
