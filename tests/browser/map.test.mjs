// The map view and WeChat's webview: markers match the list, a marker leads to the detail,
// list ⇄ map keeps the filters, the map survives without tiles, and nothing leaves the site.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  WECHAT_ANDROID_UA, generateDataset, phonePage, resultCount, useBrowserAndSite, waitForList,
} from './harness.mjs';
import { expectedIds, readDataset } from './oracle.mjs';
import { repoRoot } from './server.mjs';

const TILE = /autonavi\.com\/appmaptile/;
// A 1×1 PNG stands in for Amap's tiles: the test machine has no way out.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=', 'base64');
const artifacts = join(repoRoot, 'tests', 'browser', 'artifacts');

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});
before(() => mkdirSync(artifacts, { recursive: true }));

async function wechat({ tiles = 'ok' } = {}) {
  const tab = await phonePage(browser, { userAgent: WECHAT_ANDROID_UA });
  tab.tileRequests = [];
  await tab.page.route(TILE, (route) => {
    tab.tileRequests.push(route.request().url());
    return tiles === 'ok' ? route.fulfill({ body: PNG, contentType: 'image/png' }) : route.abort();
  });
  return tab;
}

async function markerTotal(page) {
  await page.waitForSelector('[data-testid="marker"]', { timeout: 15_000 });
  return page.$$eval('[data-testid="marker"]', (els) => els.reduce((n, e) => n + Number(e.dataset.count), 0));
}

describe('map view', () => {
  test('markers stand for exactly the listed results, with the point and radius drawn', async () => {
    const { page, context, errors, tileRequests } = await wechat();
    await page.goto(`${site.origin}/?view=map&puhui=1&near=23.7431,114.6972&radius=3000`);
    await waitForList(page);
    const count = await resultCount(page);
    assert.equal(count, expectedIds(readDataset(), { puhui: true, near: { lat: 23.7431, lng: 114.6972 }, radius: 3000 }).length);
    assert.equal(await markerTotal(page), count);
    assert.ok(await page.isVisible('[data-testid="map"] path.leaflet-interactive, [data-testid="map"] path'), 'radius and point drawn');
    assert.ok(tileRequests.length > 0, 'tiles requested from the configured source');
    assert.equal(await page.getByTestId('tiles-unavailable').count(), 0);
    await page.getByTestId('map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'map.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a marker opens a small card that leads to the detail page', async () => {
    const { page, context } = await wechat();
    await page.goto(`${site.origin}/?view=map&data=/fixtures/wgs84.json&near=23.7431,114.6972`);
    await waitForList(page);
    await page.locator('[data-testid="marker"][data-id="W-02"]').click();
    const card = page.getByTestId('map-card');
    await card.waitFor();
    const w02 = readDataset(join(repoRoot, 'tests/fixtures/datasets/wgs84.json')).institutions.find((i) => i.id === 'W-02');
    assert.ok((await card.textContent()).includes(w02.name));
    await card.getByRole('link', { name: '查看详情' }).click();
    await page.waitForURL(/id=W-02/);
    assert.equal((await page.textContent('.sheet h1')).trim(), w02.name);
    await page.getByRole('button', { name: '‹ 返回列表' }).click();
    await page.waitForURL((u) => !u.search.includes('id='));
    assert.ok(page.url().includes('view=map'));
    await context.close();
  });

  test('switching list ⇄ map keeps every filter, in the address', async () => {
    const { page, context } = await wechat();
    await page.goto(`${site.origin}/?types=full_day&puhui=1&age=24`);
    await waitForList(page);
    const count = await resultCount(page);
    await page.getByRole('button', { name: '地图', exact: true }).click();
    await page.waitForURL(/view=map/);
    for (const p of ['types=full_day', 'puhui=1', 'age=24']) assert.ok(page.url().includes(p), p);
    assert.equal(await markerTotal(page), count);
    await page.getByRole('button', { name: '列表', exact: true }).click();
    await page.waitForURL((u) => !u.search.includes('view=map'));
    await page.getByTestId('result').first().waitFor();
    assert.equal(await resultCount(page), count);
    assert.ok((await page.getByTestId('result').count()) >= Math.min(20, count));
    await context.close();
  });

  test('with tiles blocked the markers still show and the page says the background is missing', async () => {
    const { page, context, errors } = await wechat({ tiles: 'blocked' });
    await page.goto(`${site.origin}/?view=map`);
    await waitForList(page);
    await page.getByTestId('tiles-unavailable').waitFor();
    assert.equal(await markerTotal(page), await resultCount(page));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a crowded dataset stays readable through clusters', async () => {
    const synthetic = generateDataset(300, 11);
    const { page, context } = await wechat();
    await page.goto(`${site.origin}/?view=map&data=${synthetic.url}`);
    await waitForList(page);
    assert.equal(await markerTotal(page), await resultCount(page));
    const counts = await page.$$eval('[data-testid="marker"]', (els) => els.map((e) => Number(e.dataset.count)));
    assert.ok(counts.some((n) => n > 1), 'some markers are clusters');
    assert.ok(counts.length < 100, `${counts.length} markers drawn for 300 places`);
    await context.close();
  });
});

describe("WeChat's webview", () => {
  test('share explains WeChat’s own menu; the map and detail pages are kept as screenshots', async () => {
    const { page, context } = await wechat();
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    await page.screenshot({ path: join(artifacts, 'list.png') });
    await page.getByTestId('result').first().getByRole('link').click();
    await page.waitForSelector('.sheet h1');
    await page.getByTestId('share').click();
    assert.match(await page.locator('.share-hint').textContent(), /右上角/);
    await page.screenshot({ path: join(artifacts, 'detail.png') });
    await context.close();
  });

  test('outside WeChat, share falls back to copying the link', async () => {
    const { page, context } = await phonePage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${site.origin}/?id=YC-0002`);
    await page.waitForSelector('.sheet h1');
    await page.getByTestId('share').click();
    assert.match(await page.getByTestId('share').textContent(), /已复制/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${site.origin}/?id=YC-0002`);
    await context.close();
  });

  test('no request leaves the site during a whole session, tiles aside', async () => {
    const { page, context } = await wechat();
    const outside = [];
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(site.origin) && !TILE.test(url) && !url.startsWith('data:')) outside.push(url);
    });
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    await page.getByRole('button', { name: '全日托', exact: true }).click();
    await page.getByTestId('result').first().getByRole('link').click();
    await page.waitForSelector('.sheet h1');
    await page.getByRole('button', { name: '‹ 返回列表' }).click();
    await page.getByRole('button', { name: '地图', exact: true }).click();
    await markerTotal(page);
    await page.getByRole('link', { name: '育儿指南' }).click();
    await page.waitForTimeout(500);
    await page.getByRole('link', { name: '我的宝宝' }).click();
    await page.waitForTimeout(500);
    assert.deepEqual(outside, []);
    await context.close();
  });
});
