// The sheets over the list (an institution, a comparison): a double tap on a card does not
// dial, closing gives the focus back to what opened the sheet, and the comparison leads on
// (call, directions, details, share) and fits a 320 px phone with three places.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { PHONE, phonePage, useBrowserAndSite, waitForList } from './harness.mjs';
import { listed, readDataset } from './oracle.mjs';
import { repoRoot } from './server.mjs';

const data = readDataset();
const places = listed(data).filter((i) => i.phone);
const artifacts = join(repoRoot, 'tests', 'browser', 'artifacts');
mkdirSync(artifacts, { recursive: true });

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/** Records every click on a tel: link that nothing stopped: a call the phone would place. */
async function watchCalls(page) {
  await page.addInitScript(() => {
    window.__calls = [];
    window.addEventListener('click', (e) => {
      const link = e.target.closest?.('a[href^="tel:"]');
      if (!link) return;
      if (!e.defaultPrevented) window.__calls.push(link.getAttribute('href'));
      e.preventDefault();
    });
  });
}

const center = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

describe('a double tap on a card', () => {
  test('opens the institution and does not dial, while a later tap on 打电话 does', async () => {
    const { page, context, errors } = await phonePage(browser);
    await watchCalls(page);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    const inst = places[3];
    const card = page.locator(`[data-testid="result"][data-id="${inst.id}"] .card-link`);
    // Where 打电话 appears for this institution.
    await card.click();
    const call = page.locator('.sheet a[href^="tel:"]').first();
    const spot = center(await call.boundingBox());
    await page.getByRole('button', { name: '‹ 返回列表' }).click();
    await page.locator('.sheet').waitFor({ state: 'detached' });
    // Bring the same card under that spot, then tap twice there as a finger does.
    await card.evaluate((el, y) => {
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.top + r.height / 2 - y);
    }, spot.y);
    const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="result"]')?.dataset.id, spot);
    assert.equal(under, inst.id, 'the card lies under the spot of 打电话');
    await page.touchscreen.tap(spot.x, spot.y);
    await page.locator('.sheet a[href^="tel:"]').waitFor();
    await page.touchscreen.tap(spot.x, spot.y);
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__calls), [], 'the second tap dialled');
    assert.equal((await page.textContent('.sheet h1')).trim(), inst.name);
    // A tap of its own, later, calls.
    await page.waitForTimeout(600);
    await page.touchscreen.tap(spot.x, spot.y);
    assert.deepEqual(await page.evaluate(() => window.__calls), [`tel:${inst.phone.replace(/[^\d+]/g, '')}`]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('closing a sheet', () => {
  test('gives the focus back to the card that opened it, by the back button or the browser', async () => {
    const { page, context } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    const focusedCard = () => page.evaluate(() => document.activeElement?.closest('[data-testid="result"]')?.dataset.id ?? document.activeElement?.tagName);
    for (const [index, close] of [[2, 'button'], [5, 'history']]) {
      const id = places[index].id;
      const link = page.locator(`[data-testid="result"][data-id="${id}"] .card-link`);
      await link.focus();
      await page.keyboard.press('Enter');
      await page.locator('.sheet h1').waitFor();
      if (close === 'button') await page.getByRole('button', { name: '‹ 返回列表' }).click();
      else await page.goBack();
      await page.locator('.sheet').waitFor({ state: 'detached' });
      await page.waitForFunction((want) => document.activeElement?.closest('[data-testid="result"]')?.dataset.id === want, id, { timeout: 2000 }).catch(() => {});
      assert.equal(await focusedCard(), id, `focus after closing by ${close}`);
    }
    await context.close();
  });

  test('gives the focus back to the compare button after the comparison', async () => {
    const { page, context } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    for (const inst of places.slice(0, 2)) {
      await page.locator(`[data-testid="result"][data-id="${inst.id}"] [data-testid="star"]`).click();
    }
    await page.locator('[data-testid="shortlist"] summary').click();
    for (const inst of places.slice(0, 2)) await page.getByRole('checkbox', { name: inst.name }).check();
    const compare = page.getByRole('button', { name: /并排对比所选/ });
    await compare.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('compare').waitFor();
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.getByTestId('compare').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.matches('.shortlist .button'), null, { timeout: 2000 }).catch(() => {});
    assert.ok(await compare.evaluate((el) => el === document.activeElement), 'focus is on the compare button');
    await context.close();
  });
});

/** Every text of the table: none cut by the screen's edge, none at two characters a line. */
async function assertTableFits(page) {
  const report = await page.$eval('[data-testid="compare"] table', (table) => {
    const problems = [];
    const right = table.closest('.compare').getBoundingClientRect().right;
    if (table.getBoundingClientRect().right > right + 0.5) problems.push(`table ends at ${table.getBoundingClientRect().right} past ${right}`);
    for (const cell of table.querySelectorAll('th, td')) {
      if (cell.getBoundingClientRect().right > window.innerWidth) problems.push(`cut: ${cell.textContent.trim().slice(0, 20)}`);
    }
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chars = [...node.data.replace(/\s/g, '')].length;
      if (chars < 3) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      // Every line but the last holds three characters or more.
      if (lines > Math.floor((chars - 1) / 3) + 1) problems.push(`${lines} lines for ${chars} characters: ${node.data.trim()}`);
    }
    return problems;
  });
  assert.deepEqual(report, []);
}

describe('the comparison', () => {
  const three = places.slice(0, 3);
  const query = `?compare=${three.map((i) => i.id).join(',')}`;

  for (const [language, locale, words] of [
    ['Chinese', 'zh-CN', { call: '打电话', navigate: '导航', details: '详情', share: '分享给家人', back: '‹ 返回列表' }],
    ['English', 'en-US', { call: 'Call', navigate: 'Directions', details: 'Details', share: 'Share with family', back: '‹ Back to list' }],
  ]) {
    test(`each place has call, directions and details, and the comparison a share (${language})`, async () => {
      const { page, context, errors } = await phonePage(browser, { locale });
      await page.goto(`${site.origin}/${query}`);
      await page.getByTestId('compare').waitFor();
      const table = page.getByTestId('compare');
      const calls = await table.getByRole('link', { name: words.call }).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      assert.deepEqual(calls, three.map((i) => `tel:${i.phone.replace(/[^\d+]/g, '')}`));
      const roads = await table.getByRole('link', { name: words.navigate }).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      assert.equal(roads.length, 3);
      for (const href of roads) assert.match(href, /^https:\/\/uri\.amap\.com\/marker\?/);
      // Each action is described by its place's name, for a screen reader.
      const described = await table.getByRole('link', { name: words.call }).first().evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent);
      assert.equal(described, three[0].name);
      assert.equal(await table.getByRole('button', { name: words.share }).count(), 1);
      // Details opens over the comparison, and back returns to it.
      await table.getByRole('link', { name: words.details }).nth(1).click();
      await page.waitForURL(new RegExp(`id=${three[1].id}`));
      assert.equal((await page.textContent('.sheet h1')).trim(), three[1].name);
      await page.getByRole('button', { name: words.back }).click();
      await page.getByTestId('compare').waitFor();
      assert.ok(page.url().includes('compare='), 'back at the comparison');
      assert.deepEqual(errors, []);
      await context.close();
    });

    for (const elder of [false, true]) {
      test(`three places fit 320 px: no column cut, no cell at two characters a line (${language}${elder ? ', 长辈模式' : ''})`, async () => {
        const { page, context } = await phonePage(browser, { locale, viewport: { width: 320, height: PHONE.height } });
        if (elder) await page.addInitScript(() => localStorage.setItem('tuoyu.settings.v1', JSON.stringify({ elder: true })));
        await page.goto(`${site.origin}/${query}`);
        await page.getByTestId('compare').waitFor();
        await assertTableFits(page);
        const [width, window] = await page.evaluate(() => [document.querySelector('.sheet').scrollWidth, innerWidth]);
        assert.ok(width <= window, `the sheet is ${width} px wide in ${window}`);
        await page.screenshot({ path: join(artifacts, `compare-320-${locale}${elder ? '-elder' : ''}.png`), fullPage: true });
        await context.close();
      });
    }
  }
});
