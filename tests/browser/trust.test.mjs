// What a parent keeps and what happens when things go wrong: the shortlist and comparison,
// 长辈模式, damaged saved state, and a dead network after a good visit.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { phonePage, resultCount, useBrowserAndSite, waitForList } from './harness.mjs';
import { listed, readDataset } from './oracle.mjs';

const data = readDataset();
let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

describe('shortlist and compare', () => {
  test('stars are kept on the phone and two or three compare side by side', async () => {
    const { page, context } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    const [a, b, c] = listed(data);
    for (const inst of [a, b, c]) {
      await page.locator(`[data-testid="result"][data-id="${inst.id}"] [data-testid="star"]`).click();
    }
    await page.reload();
    await waitForList(page);
    assert.equal(await page.locator(`[data-testid="result"][data-id="${a.id}"] [data-testid="star"]`).getAttribute('aria-pressed'), 'true');
    await page.getByText('收藏 3', { exact: true }).click();
    await page.getByRole('checkbox', { name: a.name }).check();
    await page.getByRole('checkbox', { name: c.name }).check();
    await page.getByRole('button', { name: /并排对比所选/ }).click();
    await page.waitForURL(new RegExp(`compare=${a.id}(%2C|,)${c.id}`));
    assert.ok(await page.isVisible('.sheet [data-testid="sample-banner"]'), 'sample data says so here too');
    const table = page.getByTestId('compare');
    const text = await table.textContent();
    for (const inst of [a, c]) assert.ok(text.includes(inst.name));
    assert.ok(!text.includes(b.name));
    for (const row of ['托育类型', '收费', '空位', '距离', '服务时间', '普惠', '备案', '质量评估', '最近检查']) {
      assert.ok(text.includes(row), row);
    }
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.waitForURL((u) => !u.search.includes('compare='));
    assert.equal(await resultCount(page), listed(data).length);
    await context.close();
  });
});

describe('长辈模式', () => {
  test('bigger text from one tap, remembered across visits', async () => {
    const { page, context } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    const size = () => page.$eval('.card-name', (e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await size();
    await page.getByRole('button', { name: '长辈模式' }).click();
    assert.ok((await size()) > before * 1.15, 'text grows');
    await page.goto(`${site.origin}/?page=guide`);
    assert.equal(await page.locator('.elder-toggle').getAttribute('aria-pressed'), 'true');
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    assert.ok((await size()) > before * 1.15, 'still large after a new visit');
    await context.close();
  });

  test('damaged saved settings are reset with a notice, never a crash', async () => {
    const { page, context, errors } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await page.evaluate(() => {
      localStorage.setItem('tuoyu.settings.v1', '{"elder": "maybe"');
      localStorage.setItem('tuoyu.stars.v1', '42');
    });
    await page.reload();
    await waitForList(page);
    const notice = await page.getByTestId('prefs-notice').textContent();
    assert.match(notice, /显示设置/);
    assert.match(notice, /收藏/);
    assert.equal(await resultCount(page), listed(data).length);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('a dead network', () => {
  test('after one good visit the kept copy is shown with its date, and retry works', async () => {
    const { page, context } = await phonePage(browser);
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    let offline = true;
    await page.route('**/data/yuancheng.json', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.reload();
    await waitForList(page);
    const notice = await page.getByTestId('offline-copy').textContent();
    assert.match(notice, new RegExp(data.published));
    assert.equal(await resultCount(page), listed(data).length);
    assert.equal(await page.getByTestId('dataset-error').count(), 0);
    offline = false;
    await page.getByRole('button', { name: '重新联网加载' }).click();
    await page.getByTestId('offline-copy').waitFor({ state: 'detached' });
    assert.equal(await resultCount(page), listed(data).length);
    await context.close();
  });

  test('a slow dataset shows progress, not a white page', async () => {
    const { page, context } = await phonePage(browser);
    await page.route('**/data/yuancheng.json', async (route) => {
      await new Promise((r) => setTimeout(r, 4500));
      await route.continue();
    });
    await page.goto(`${site.origin}/`);
    const loading = page.getByTestId('loading');
    await loading.waitFor();
    await page.waitForFunction(() => /已等待/.test(document.querySelector('[data-testid="loading"]')?.textContent ?? ''));
    await waitForList(page);
    assert.equal(await resultCount(page), listed(data).length);
    await context.close();
  });
});
