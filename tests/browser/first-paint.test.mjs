// The list written into the page at build time (crates/site): the first paint while the wasm is
// still on its way, handed over to the app without a blank frame, and the whole page on an
// engine that cannot run the app.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { phonePage, useBrowserAndSite } from './harness.mjs';
import { listed, readDataset } from './oracle.mjs';

const data = readDataset();
const names = listed(data).map((i) => i.name);
let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const visible = (page, selector) => page.locator(selector).first().isVisible();

/** A tab whose wasm arrives `ms` late, as on a slow mobile network. */
async function slowWasmPage(ms) {
  const tab = await phonePage(browser);
  await tab.page.route('**/*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
  return tab;
}

describe('an engine without WebAssembly', () => {
  test('shows the message and every institution instead of a blank page', async () => {
    const { page, context } = await phonePage(browser);
    await context.addInitScript(() => {
      delete window.WebAssembly;
    });
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#unsupported-engine', { state: 'visible' });
    assert.match(await page.textContent('#unsupported-engine'), /版本过旧.*更新到最新版本/);
    assert.ok(await visible(page, '#static-first-paint'));
    const shown = await page.$$eval('#static-first-paint .card-name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(shown, names);
    const phones = await page.$$eval('#static-first-paint a[href^="tel:"]', (els) => els.length);
    assert.equal(phones, listed(data).filter((i) => i.phone).length);
    assert.ok(!(await visible(page, '#static-first-paint nav')), 'no tabs that cannot work here');
    // The failed loader must not take the list away.
    await page.waitForTimeout(1000);
    assert.ok(await visible(page, '#static-first-paint'));
    await context.close();
  });

  test('shows the list on any address, since nothing else can run', async () => {
    const { page, context } = await phonePage(browser);
    await context.addInitScript(() => {
      delete window.WebAssembly;
    });
    await page.goto(`${site.origin}/?page=guide`);
    assert.ok(await visible(page, '#unsupported-engine'));
    assert.ok(await visible(page, '#static-first-paint'));
    await context.close();
  });
});

describe('a slow network', () => {
  test('paints the list before the wasm arrives, then the app takes over without a gap', async () => {
    const { page, context, errors } = await slowWasmPage(3000);
    // Counts frames, from the first that shows either list, in which neither shows.
    await context.addInitScript(() => {
      // Also where the first card is drawn in each frame: the app's takeover must not move it.
      window.__frames = { seen: false, blank: 0, staticFirst: null, tops: new Set() };
      const shows = (el) => !!el && el.getClientRects().length > 0;
      const tick = () => {
        const staticList = shows(document.getElementById('static-first-paint'));
        const appCard = document.querySelector('[data-testid="result"]');
        const appList = shows(appCard);
        const f = window.__frames;
        if (staticList || appList) {
          if (!f.seen) f.staticFirst = staticList && !appList;
          f.seen = true;
          const first = appList ? appCard : document.querySelector('#static-first-paint .card');
          f.tops.add(Math.round(first.getBoundingClientRect().top + window.scrollY));
        } else if (f.seen) {
          f.blank += 1;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const start = Date.now();
    await page.goto(`${site.origin}/`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#static-first-paint', { state: 'visible', timeout: 2500 });
    assert.ok(Date.now() - start < 2900, 'the list shows while the wasm is still held back');
    assert.equal(await page.locator('[data-testid="result"]').count(), 0);
    assert.deepEqual(
      await page.$$eval('#static-first-paint .card-name', (els) => els.map((e) => e.textContent)),
      names,
    );
    // The app draws its first batch of cards and counts them all.
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="result"]').length >= Math.min(20, n)
        && document.querySelector('[data-testid="result-count"]')?.textContent === String(n),
      names.length,
      { timeout: 20_000 },
    );
    await page.waitForSelector('#static-first-paint', { state: 'detached' });
    await page.waitForTimeout(200);
    const frames = await page.evaluate(() => ({ ...window.__frames, tops: [...window.__frames.tops] }));
    assert.equal(frames.staticFirst, true, 'the static list came first');
    assert.equal(frames.blank, 0, 'no frame without a list');
    assert.deepEqual(frames.tops, [frames.tops[0]], 'the first card never moved');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const query of ['?page=guide', '?id=__first__', '?view=map']) {
    test(`does not show the default list on ${query}`, async () => {
      const { page, context } = await slowWasmPage(3000);
      const id = listed(data)[0].id;
      await page.goto(`${site.origin}/${query.replace('__first__', id)}`, { waitUntil: 'domcontentloaded' });
      assert.equal(await page.locator('#static-first-paint').count(), 1, 'in the page, but hidden');
      assert.ok(!(await visible(page, '#static-first-paint')));
      await context.close();
    });
  }
});
