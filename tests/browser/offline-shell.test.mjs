// A reload with no signal: the service worker the build writes (crates/site, sw.js) keeps the
// page, its code and what the parent opened (the guide, the map library), so the app comes up
// with the kept dataset and its date instead of the browser's offline page; it keeps nothing
// from other origins and no dataset; and a new release's hash replaces the old cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, phonePage, resultCount, waitForList } from './harness.mjs';
import { listed, readDataset } from './oracle.mjs';
import { distDir, repoRoot, startServer } from './server.mjs';

const data = readDataset();
const TILE = /autonavi\.com\/appmaptile/;

let browser;
let site;
let root;
before(async () => {
  // A release of its own, which the second test replaces by the next one. Without the
  // precompressed copies, so that a changed file is served as it now is.
  root = mkdtempSync(join(tmpdir(), 'tuoyu-release-'));
  cpSync(distDir, root, { recursive: true, filter: (path) => !/\.(gz|br)$/.test(path) });
  browser = await launch();
  site = await startServer({ '/': root });
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

async function withWorker() {
  const tab = await phonePage(browser, { serviceWorkers: 'allow' });
  tab.violations = [];
  tab.page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) tab.violations.push(m.text()); });
  await tab.page.route(TILE, (route) => route.abort());
  return tab;
}

/** Waits until the site's worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 });
}

const cacheNames = (page) => page.evaluate(() => caches.keys());
const cachedUrls = (page) => page.evaluate(async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
});

describe('a reload with no signal', () => {
  test('shows the app with the kept dataset and its date, the guide and the map', async () => {
    const { page, context, errors, violations } = await withWorker();
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    await controlled(page);
    // What the parent opens while online is kept for later.
    await page.goto(`${site.origin}/?page=guide`);
    await page.waitForSelector('[data-testid="guide-entry"]');
    await page.goto(`${site.origin}/?view=map`);
    await page.waitForSelector('[data-testid="marker"]', { timeout: 15_000 });

    const urls = await cachedUrls(page);
    assert.ok(urls.length > 0, 'something is kept');
    for (const url of urls) {
      assert.ok(url.startsWith(`${site.origin}/`), `kept from another origin: ${url}`);
      assert.ok(!url.includes('/data/'), `a dataset is kept by the worker: ${url}`);
    }
    for (const part of ['/guide.json', '/vendor/leaflet/leaflet.js', '.wasm']) {
      assert.ok(urls.some((u) => u.includes(part)), `${part} kept`);
    }

    await context.setOffline(true);
    await page.goto(`${site.origin}/?types=full_day`);
    await waitForList(page);
    const notice = await page.getByTestId('offline-copy').textContent();
    assert.match(notice, new RegExp(data.published), 'says offline, with the data\'s date');
    assert.equal(await resultCount(page), listed(data).filter((i) => i.care_types.includes('full_day')).length);
    await page.reload();
    await waitForList(page);
    await page.getByTestId('offline-copy').waitFor();
    await page.goto(`${site.origin}/?page=guide`);
    await page.waitForSelector('[data-testid="guide-entry"]');
    await page.goto(`${site.origin}/?view=map`);
    await page.waitForSelector('[data-testid="marker"]', { timeout: 15_000 });
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('a new release replaces the old cache', async () => {
    const { page, context } = await withWorker();
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    await controlled(page);
    const [first] = await cacheNames(page);
    assert.match(first, /^tuoyu-shell-[0-9a-f]{16}$/);

    // The next release: one changed stylesheet, finished by the build's own step.
    const css = readdirSync(root).find((f) => f.endsWith('.css'));
    writeFileSync(join(root, css), `${readFileSync(join(root, css), 'utf8')}\n/* the next release */\n`);
    execFileSync('cargo', ['run', '--offline', '--quiet', '-p', 'tuoyu-site', '--', 'finish', root, '--no-compress'], { cwd: repoRoot, stdio: 'pipe' });
    await page.reload();
    await waitForList(page);
    // The browser looks for the new worker after the page has loaded, then installs it.
    let names = [first];
    for (const start = Date.now(); Date.now() - start < 20_000 && (names.length !== 1 || names[0] === first);) {
      await page.waitForTimeout(250);
      names = await cacheNames(page);
    }
    assert.equal(names.length, 1, `one cache: ${names}`);
    const [next] = names;
    assert.notEqual(next, first, 'a new cache');
    assert.match(next, /^tuoyu-shell-[0-9a-f]{16}$/);
    const kept = await page.evaluate(async ({ name, css }) => (await (await caches.open(name)).match(`/${css}`))?.text(), { name: next, css });
    assert.ok(kept?.includes('the next release'), 'the new cache holds the new stylesheet');

    await context.setOffline(true);
    await page.reload();
    await waitForList(page);
    await page.getByTestId('offline-copy').waitFor();
    await context.close();
  });
});
