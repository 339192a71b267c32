// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, at a
// phone's viewport, against the release dist/ served on loopback.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueDir, distDir, fixturesDir, repoRoot, startServer } from './server.mjs';

/** Datasets the tests generate (scripts/gen-dataset.mjs), served under /generated/. */
export const generatedDir = mkdtempSync(join(tmpdir(), 'tuoyu-generated-'));

export function generateDataset(count, seed = 7) {
  const name = `synthetic-${count}-${seed}.json`;
  execFileSync('node', [join(repoRoot, 'scripts', 'gen-dataset.mjs'), String(count), join(generatedDir, name), '--seed', String(seed)]);
  return { url: `/generated/${name}`, path: join(generatedDir, name) };
}

export const PHONE = { width: 390, height: 844 };
export const WECHAT_ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 ' +
  '(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 ' +
  'MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 ' +
  'Weixin NetType/4G Language/zh_CN ABI/arm64';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Starts the site server (and records every request it sees). */
export async function startSite(hooks = {}) {
  const requests = [];
  const server = await startServer(
    { '/': distDir, '/fixtures/': fixturesDir, '/catalogue/': catalogueDir, '/generated/': generatedDir },
    { ...hooks, onRequest: (req) => { requests.push(req.url); hooks.onRequest?.(req); } },
  );
  return { ...server, requests };
}

/** A phone-sized page; `errors` collects uncaught page errors, which fail a test. */
export async function phonePage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: options.userAgent,
    geolocation: options.geolocation,
    permissions: options.permissions ?? [],
    // Only the offline tests let the site's service worker in; elsewhere every request
    // reaches the network (and the test's routes).
    serviceWorkers: options.serviceWorkers ?? 'block',
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  // An alert or confirm would block the page; each is recorded and dismissed.
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return { context, page, errors, dialogs };
}

/**
 * Opens `/${query}` on a new phone page (`options` as for phonePage), and waits for the list
 * unless `list` is false. `clock` fixes the page's time; `prepare(tab)` runs before the page
 * loads (routes, storage).
 */
export async function openPage(browser, site, query = '', { list = true, clock, prepare, ...options } = {}) {
  const tab = await phonePage(browser, options);
  if (clock) await tab.page.clock.setFixedTime(clock);
  if (prepare) await prepare(tab);
  await tab.page.goto(`${site.origin}/${query}`);
  if (list) await waitForList(tab.page);
  return tab;
}

/** The parent's place in the tests: in the sample district, as a phone's GPS gives it. */
export const HOME = { latitude: 23.7431, longitude: 114.6972 };

/** Page options for a phone whose GPS is allowed and answers with `point`. */
export function withGps(point = HOME) {
  return { geolocation: point, permissions: ['geolocation'] };
}

const AXE = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * axe-core's serious and critical WCAG 2.1 A/AA violations on the page (which must have been
 * opened with `bypassCSP: true`, since axe is injected as a script), one line each.
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Asserts that the page does not scroll sideways. */
export async function assertNoSideScroll(page) {
  const [width, window] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(width <= window, `page is ${width} px wide in a ${window} px window`);
}

/**
 * Text under `root` with Han characters outside any element whose closest [lang] is Chinese:
 * in the English interface, words left untranslated or data not marked as Chinese (so a
 * screen reader would read it with an English voice). Text nobody sees (<script>, [hidden])
 * does not count. Each entry names the element, to say where to look.
 */
export function chineseOutsideChinese(page, root = 'body') {
  return page.$$eval(root, (roots) => {
    const found = [];
    for (const top of roots) {
      const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/\p{Script=Han}/u.test(node.data)) continue;
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, noscript, template, [hidden]')) continue;
        const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
        if (!lang.toLowerCase().startsWith('zh')) {
          found.push(`${parent.tagName.toLowerCase()}.${parent.className}: ${node.data.trim().slice(0, 40)}`);
        }
      }
    }
    return found;
  });
}

/**
 * Whether the page fits a narrow phone: it does not scroll sideways, and no visible button or
 * chip is shorter than a 44 px tap target. Asserts both, naming what is wrong.
 */
export async function assertFitsNarrowPhone(page) {
  await assertNoSideScroll(page);
  const small = await page.$$eval('.app button, .app .chip, .app .button, .sheet .button', (els) =>
    els.filter((e) => e.getClientRects().length && e.getBoundingClientRect().height < 44)
      .map((e) => e.textContent.trim()).slice(0, 5));
  assert.deepEqual(small, [], 'buttons under 44 px');
}

/** Waits until the app has drawn its list (or a dataset error). */
export async function waitForList(page) {
  await page.waitForSelector('[data-testid="result-count"], [data-testid="dataset-error"]', {
    timeout: 20_000,
  });
}

/** Opens the filter sheet (the choices the finder's bar has no room for) and returns it. */
export async function openFilters(page) {
  await page.getByTestId('open-filters').click();
  const sheet = page.getByRole('dialog');
  await sheet.waitFor();
  return sheet;
}

export async function resultIds(page) {
  return page.$$eval('[data-testid="result"]', (els) => els.map((e) => e.dataset.id));
}

export async function resultCount(page) {
  const text = await page.textContent('[data-testid="result-count"]');
  return Number(text.match(/\d+/)[0]);
}

/**
 * Every listed id, also those behind "more" (the first batch is what the page drew). A change
 * draws a screenful in the frame that answers it and the rest of the batch right after, so
 * this first waits for the list to settle (and then says what is wrong if it did not).
 */
export async function assertList(page, expected) {
  await page
    .waitForFunction((n) => {
      const count = document.querySelector('[data-testid="result-count"]')?.textContent.match(/\d+/);
      const drawn = document.querySelectorAll('[data-testid="result"]').length;
      return Number(count?.[0]) === n && drawn >= Math.min(20, n);
    }, expected.length, { timeout: 5_000 })
    .catch(() => {});
  assert.equal(await resultCount(page), expected.length, 'result-count');
  const drawn = await resultIds(page);
  assert.ok(drawn.length >= Math.min(20, expected.length), 'at least 20 drawn up front');
  assert.deepEqual(drawn, expected.slice(0, drawn.length));
}

/**
 * One Chromium and one site server per test file: started before its tests, closed after.
 * `ready(browser, site)` hands them to the file; `hooks` go to the site server; the returned
 * `open(query, options)` is openPage on them.
 */
export function useBrowserAndSite(ready, hooks = {}) {
  let browser;
  let site;
  before(async () => {
    browser = await launch();
    site = await startSite(hooks);
    ready?.(browser, site);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return { open: (query, options) => openPage(browser, site, query, options) };
}
