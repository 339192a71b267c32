// The publisher's page (/publish/): a bureau's sheet to a checked dataset in the browser, by
// the same library as the command line. Sheets are made at test time by
// crates/publish/examples/browser_fixtures.rs; the CLI's output is the reference.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, useBrowserAndSite, waitForList, phonePage } from './harness.mjs';
import { distDir, repoRoot } from './server.mjs';

const DESKTOP = { width: 1280, height: 900 };
const TABLET = { width: 768, height: 1024 };
const DATE = '2026-11-20';
const fixtures = mkdtempSync(join(tmpdir(), 'tuoyu-publish-'));
const published = JSON.parse(readFileSync(join(distDir, 'data', 'yuancheng.json'), 'utf8'));

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

function cargo(args) {
  return execFileSync('cargo', ['run', '--offline', '--quiet', '-p', 'tuoyu-publish', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The CLI's import with the header the page takes from the site's published file. */
function cliImport(sheet, out) {
  const r = published.region;
  const areas = join(fixtures, 'areas.csv');
  writeFileSync(areas, ['code,name,lat,lng', ...r.areas.map((a) => `${a.code},${a.name},${a.center.lat},${a.center.lng}`)].join('\n'));
  try {
    cargo(['--', 'import', sheet, '--region', r.code, '--region-name', r.name, '--center', `${r.center.lat},${r.center.lng}`,
      '--crs', published.crs, '--areas', areas, '--title', published.title, '--publisher', published.publisher,
      '--published', DATE, '--out', out]);
  } catch (e) {
    // Exit status 1: rows were left out, and the file is written all the same.
    if (e.status !== 1) throw e;
  }
  return readFileSync(out);
}

before(() => {
  cargo(['--example', 'browser_fixtures', '--', fixtures]);
  cliImport(join(fixtures, 'previous.csv'), join(fixtures, 'previous.json'));
});

/** The page at an office computer's width; `bypassCSP` only to inject axe. */
async function publisherPage(viewport = DESKTOP, bypassCSP = false) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  const outside = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('request', (req) => {
    if (!req.url().startsWith(site.origin) && !req.url().startsWith('blob:') && !req.url().startsWith('data:')) outside.push(req.url());
  });
  await page.goto(`${site.origin}/publish/`);
  await page.waitForSelector('[data-testid="header-source"]:has-text("名录信息取自")', { timeout: 20_000 });
  await page.fill('[data-testid="published"]', DATE);
  return { context, page, errors, outside };
}

/** Opens a file through the page's own button, as the clerk does (Playwright's file chooser). */
async function open(page, file, which = 'pick-sheet') {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.click(`label:has([data-testid="${which}"])`),
  ]);
  await chooser.setFiles(file);
}

async function problems(page) {
  return page.$$eval('[data-testid="problem"]', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

describe('the publisher page', () => {
  test('the parents’ first view requests nothing of the publisher’s bundle', async () => {
    const { page, context } = await phonePage(browser);
    const urls = [];
    page.on('request', (req) => urls.push(new URL(req.url()).pathname));
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    await page.waitForLoadState('networkidle');
    assert.ok(urls.some((u) => u.endsWith('.wasm')), 'the finder loaded its own wasm');
    assert.deepEqual(urls.filter((u) => u.startsWith('/publish') || u.includes('publish-page')), []);
    assert.doesNotMatch(readFileSync(join(distDir, 'index.html'), 'utf8'), /publish/);
    await context.close();
  });

  test('an XLSX with known problems: each by row, column and name, good rows kept', async () => {
    const { page, context, errors, outside } = await publisherPage();
    assert.match(await page.textContent('[data-testid="privacy"]'), /不会上传/);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /https?:/, 'no outside origin in the policy');
    await open(page, join(fixtures, 'problems.xlsx'));
    await page.waitForSelector('[data-testid="summary"]');
    assert.match(await page.textContent('[data-testid="summary"]'), /共 5 条机构，3 条可以发布.*2 条有错误/);
    const found = await problems(page);
    assert.equal(found.length, 2, JSON.stringify(found));
    assert.equal(found[0][0], '第 3 行');
    assert.match(found[0][1], /最小月龄/);
    assert.equal(found[0][2], '小月亮托育园');
    assert.match(found[0][3], /怎么填：.*0–36/);
    assert.equal(found[1][0], '第 5 行');
    assert.match(found[1][1], /托育类型/);
    assert.equal(found[1][2], '彩虹托育');
    // HTML in a cell is a name, drawn as text.
    assert.equal(await page.locator('[data-testid="preview-card"] b').count(), 0);
    assert.ok(await page.locator('[data-testid="preview-card"]', { hasText: '<b>阳光</b>宝贝托育' }).count());
    assert.match(await page.textContent('[data-testid="shown-count"]'), /家长将看到 3 家机构/);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a GBK CSV as Excel saves it reports the same problems', async () => {
    const { page, context } = await publisherPage();
    await open(page, join(fixtures, 'problems-gbk.csv'));
    await page.waitForSelector('[data-testid="summary"]:has-text("GBK")');
    const found = await problems(page);
    assert.deepEqual(found.map((r) => [r[0], r[2]]), [['第 3 行', '小月亮托育园'], ['第 5 行', '彩虹托育']]);
    await context.close();
  });

  test('a registry export is told the columns it lacks, and a bad file loses nothing shown', async () => {
    const { page, context } = await publisherPage();
    await open(page, join(fixtures, 'problems.xlsx'));
    await page.waitForSelector('[data-testid="summary"]');
    await open(page, join(fixtures, 'registry.csv'));
    const error = page.locator('[data-testid="error"]');
    await error.waitFor();
    const text = await error.textContent();
    assert.match(text, /全国托育机构信息公示平台/);
    for (const col of ['纬度', '经度', '托育类型', '最小月龄', '最大月龄', '是否普惠']) assert.ok(text.includes(col), col);
    assert.doesNotMatch(text, /第 2 行/);
    assert.match(await page.textContent('[data-testid="summary"]'), /problems\.xlsx/, 'the last result stays');
    // Far too large to be a list: refused before it is read.
    await page.setInputFiles('[data-testid="pick-sheet"]', { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') });
    await page.waitForSelector('[data-testid="error"]:has-text("太大")');
    await page.setInputFiles('[data-testid="pick-sheet"]', { name: 'photo.xlsx', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0x81]) });
    await page.waitForSelector('[data-testid="error"]:has-text("photo.xlsx")');
    assert.match(await page.textContent('[data-testid="summary"]'), /problems\.xlsx/);
    await context.close();
  });

  test('compared with the previous file: added, removed and changed field by field', async () => {
    const { page, context } = await publisherPage();
    await open(page, join(fixtures, 'previous.json'), 'pick-published');
    await page.waitForSelector('[data-testid="header-source"]:has-text("previous.json")');
    await page.fill('[data-testid="published"]', DATE);
    await open(page, join(fixtures, 'problems.xlsx'));
    await page.waitForSelector('[data-testid="compare"]');
    assert.equal(await page.textContent('[data-testid="added"]'), 'YC-0005 新苗托育');
    assert.equal(await page.textContent('[data-testid="removed"]'), 'YC-0009 旧城托育点');
    const changed = page.locator('[data-testid="changed"][data-id="YC-0001"]');
    assert.match(await changed.textContent(), /联系电话.*0762-3555199.*0762-3555100/);
    assert.equal(await page.locator('[data-testid="changed"]').count(), 1);
    assert.match(await page.textContent('[data-testid="diff-totals"]'), /删除 1 家.*修改 1 家.*未变 1 家/);
    // Printed on A4, only the comparison and its signature line remain.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('[data-testid="compare"]'));
    assert.ok(!(await page.isVisible('[data-testid="result"]')));
    assert.ok(await page.isVisible('.signature'));
    await context.close();
  });

  test('the download is byte for byte what the CLI’s import writes, named with region and date', async () => {
    const { page, context } = await publisherPage();
    await open(page, join(fixtures, 'problems.xlsx'));
    await page.waitForSelector('[data-testid="download"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download"]')]);
    assert.equal(download.suggestedFilename(), `${published.region.code}-${published.region.name}-${DATE}.json`);
    const saved = join(fixtures, 'downloaded.json');
    await download.saveAs(saved);
    const cli = cliImport(join(fixtures, 'problems.xlsx'), join(fixtures, 'cli.json'));
    assert.ok(readFileSync(saved).equals(cli), 'identical bytes');
    await context.close();
  });

  test('the template offered is the CLI’s, and the page keeps working offline', async () => {
    const { page, context } = await publisherPage();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download="机构名录模板.xlsx"]')]);
    const saved = join(fixtures, 'template.xlsx');
    await download.saveAs(saved);
    const dir = join(fixtures, 'cli-template');
    cargo(['--', 'template', '--out', dir, '--force']);
    assert.ok(readFileSync(saved).equals(readFileSync(join(dir, '机构名录模板.xlsx'))));
    await context.setOffline(true);
    await open(page, join(fixtures, 'problems-gbk.csv'));
    await page.waitForSelector('[data-testid="summary"]:has-text("GBK")');
    await context.close();
  });

  test('a dataset file is checked as the CLI’s check does, and an unusable one is refused', async () => {
    const { page, context } = await publisherPage();
    const datasets = join(repoRoot, 'tests', 'fixtures', 'datasets');
    let cli;
    try {
      cli = cargo(['--', 'check', '--json', join(datasets, 'bad-records.json')]);
    } catch (e) {
      // Exit status 1: records would be left out, which is the point of this file.
      assert.equal(e.status, 1);
      cli = e.stdout;
    }
    const expected = JSON.parse(cli.toString());
    await open(page, join(datasets, 'bad-records.json'));
    await page.waitForSelector('[data-testid="summary"]:has-text("数据文件（JSON）")');
    assert.match(await page.textContent('[data-testid="summary"]'),
      new RegExp(`共 ${expected.records} 条机构，${expected.listed + expected.revoked} 条可以发布.*${expected.skipped} 条有错误`));
    const found = await problems(page);
    assert.deepEqual(found.map((r) => r[0]), expected.problems.map((p) => `第 ${p.record} 条记录`));
    await open(page, join(datasets, 'schema-v2.json'));
    await page.waitForSelector('[data-testid="error"]:has-text("tuoyu.dataset/2")');
    assert.match(await page.textContent('[data-testid="summary"]'), /bad-records\.json/, 'the last result stays');
    await context.close();
  });

  for (const [name, viewport] of [['1280 px', DESKTOP], ['a tablet', TABLET]]) {
    test(`at ${name}: no sideways scroll, and axe finds no serious violation`, async () => {
      const { page, context } = await publisherPage(viewport, true);
      await open(page, join(fixtures, 'previous.json'), 'pick-published');
      await page.waitForSelector('[data-testid="header-source"]:has-text("previous.json")');
      await open(page, join(fixtures, 'problems.xlsx'));
      await page.waitForSelector('[data-testid="compare"]');
      const [width, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(width <= inner, `${width} > ${inner}`);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});
