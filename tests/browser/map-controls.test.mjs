// The map's own controls and the parent's point: zoom buttons as big as every other tap
// target, and "where am I" drawn above the bubbles of clustered places.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { phonePage, useBrowserAndSite, waitForList } from './harness.mjs';
import { readDataset } from './oracle.mjs';
import { repoRoot } from './server.mjs';

const TILE = /autonavi\.com\/appmaptile/;
const artifacts = join(repoRoot, 'tests', 'browser', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const { center } = readDataset().region;

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

async function openMap(query) {
  const tab = await phonePage(browser);
  await tab.page.route(TILE, (route) => route.abort());
  await tab.page.goto(`${site.origin}/?view=map&${query}`);
  await waitForList(tab.page);
  await tab.page.waitForSelector('[data-testid="marker"]', { timeout: 15_000 });
  return tab;
}

describe('the map', () => {
  test('zoom buttons are at least 44 px', async () => {
    const { page, context } = await openMap('');
    const sizes = await page.$$eval('.leaflet-control-zoom a', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return [e.getAttribute('aria-label') ?? e.title, r.width, r.height];
    }));
    assert.equal(sizes.length, 2);
    for (const [name, width, height] of sizes) {
      assert.ok(width >= 44 && height >= 44, `${name}: ${width}×${height}`);
    }
    await context.close();
  });

  test('the parent\'s own point is drawn above a cluster', async () => {
    const { page, context, errors } = await openMap(`near=${center.lat},${center.lng}`);
    // Zoomed out, every place becomes one bubble over the town, where the parent is.
    const zoomOut = page.locator('.leaflet-control-zoom-out');
    for (let i = 0; i < 5; i++) {
      await zoomOut.click();
      await page.waitForTimeout(350);
    }
    await page.waitForFunction(() => document.querySelectorAll('.cluster [data-testid="marker"]').length === 1, null, { timeout: 10_000 });
    const dot = await page.locator('path[stroke="#1a56db"]').boundingBox();
    assert.ok(dot, 'the point is drawn');
    const spot = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
    const cluster = await page.locator('.cluster').boundingBox();
    assert.ok(spot.x > cluster.x && spot.x < cluster.x + cluster.width && spot.y > cluster.y && spot.y < cluster.y + cluster.height,
      'the bubble covers the parent\'s point');
    // What is painted on top there: the point is not a tap target (it lets taps through), so
    // for this one question it is made one.
    const top = await page.evaluate(({ x, y }) => {
      const path = document.querySelector('path[stroke="#1a56db"]');
      path.style.pointerEvents = 'auto';
      const hit = document.elementFromPoint(x, y)?.getAttribute('class') ?? '';
      path.style.pointerEvents = '';
      return hit;
    }, spot);
    assert.match(top, /here-dot/, `on top at the parent's point: ${top}`);
    // A tap there still reaches the bubble, which zooms in to its places.
    await page.mouse.click(spot.x, spot.y);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="marker"]').length > 1, null, { timeout: 10_000 });
    await page.getByTestId('map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'map-here-above-cluster.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
