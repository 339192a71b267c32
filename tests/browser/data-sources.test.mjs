// Bad input: unusable files, bad records, hostile strings, and links that point the app at
// somebody else's data. Each must give a clear message or the good records, never a blank page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, phonePage, resultCount, resultIds, useBrowserAndSite, waitForList } from './harness.mjs';
import { expectedIds, readDataset } from './oracle.mjs';
import { fixturesDir, startServer } from './server.mjs';

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const open = (query) => openPage(browser, site, query);

const UNUSABLE = [
  ['not-json.json', /JSON/],
  ['html-error-page.json', /网页|HTML/],
  ['array-top-level.json', /./],
  ['missing-schema.json', /schema|格式/],
  ['schema-v2.json', /版本/],
  ['wrong-schema.json', /./],
  ['missing-crs.json', /坐标/],
  ['crs-bd09.json', /坐标/],
  ['institutions-not-array.json', /institutions|机构/],
  ['empty-file.json', /空/],
];

describe('a whole file that cannot be used', () => {
  for (const [file, why] of UNUSABLE) {
    test(`${file} shows a clear Chinese message with a retry`, async () => {
      const { page, context, errors } = await open(`?data=/fixtures/${file}`);
      const panel = page.getByTestId('dataset-error');
      assert.ok(await panel.isVisible());
      const text = await panel.textContent();
      assert.match(text, /[\u4e00-\u9fff]/, 'in Chinese');
      assert.match(text, why);
      assert.ok(await page.getByRole('button', { name: '重试' }).isVisible());
      assert.equal(await page.getByTestId('result').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a missing file (HTTP 404) says the server could not provide it', async () => {
    const { page, context } = await open('?data=/fixtures/no-such-file.json');
    assert.match(await page.getByTestId('dataset-error').textContent(), /404/);
    await context.close();
  });

  test('retry loads again once the network is back', async () => {
    const tab = await phonePage(browser);
    let failing = true;
    await tab.page.route('**/data/yuancheng.json', (route) => (failing ? route.abort() : route.continue()));
    await tab.page.goto(`${site.origin}/`);
    await tab.page.getByTestId('dataset-error').waitFor();
    failing = false;
    await tab.page.getByRole('button', { name: '重试' }).click();
    await tab.page.getByTestId('result-count').waitFor();
    assert.ok((await resultCount(tab.page)) > 40);
    await tab.context.close();
  });
});

describe('records that cannot be used', () => {
  test('bad records are left out and counted; the good ones are shown in file order', async () => {
    const { page, context } = await open('?data=/fixtures/bad-records.json');
    assert.deepEqual(await resultIds(page), ['BR-01', 'BR-02', 'BR-03', 'BR-04', 'BR-05', 'BR-06']);
    assert.equal(await page.textContent('[data-testid="skipped-count"]'), '5');
    assert.match(await page.textContent('body'), /5 条记录因数据有误未显示/);
    await page.getByText('数据说明', { exact: true }).click();
    const notes = await page.textContent('.data-notes');
    for (const id of ['BR-08', 'BR-09', 'BR-10']) assert.ok(notes.includes(id), `${id} explained`);
    await context.close();
  });

  test('a duplicate id opens the first record with it', async () => {
    const { page, context } = await open('?data=/fixtures/bad-records.json&id=BR-03');
    await page.waitForSelector('.sheet h1');
    assert.equal((await page.textContent('.sheet h1')).trim(), '（示例）好记录三号托育园');
    await context.close();
  });

  test('a revoked institution is never listed and its link says not found', async () => {
    const { page, context } = await open('?data=/fixtures/revoked-only.json');
    assert.deepEqual(await resultIds(page), ['RV-01']);
    assert.equal(await page.textContent('[data-testid="skipped-count"]'), '0');
    await page.goto(`${site.origin}/?data=/fixtures/revoked-only.json&id=RV-02`);
    await page.getByTestId('not-found').waitFor();
    await context.close();
  });

  test('an empty list is a list, not an error', async () => {
    const { page, context } = await open('?data=/fixtures/empty-institutions.json');
    assert.equal(await resultCount(page), 0);
    assert.equal(await page.getByTestId('dataset-error').count(), 0);
    assert.ok(await page.isVisible('[data-testid="sample-banner"]'));
    await context.close();
  });

  test('a UTF-8 BOM and unknown keys are accepted', async () => {
    const { page, context } = await open('?data=/fixtures/bom-utf8.json');
    assert.deepEqual(await resultIds(page), ['BOM-01', 'BOM-02', 'BOM-03']);
    await page.goto(`${site.origin}/?data=/fixtures/unknown-keys.json`);
    await waitForList(page);
    assert.deepEqual(await resultIds(page), ['UK-01', 'UK-02']);
    assert.equal(await page.getByTestId('sample-banner').count(), 0);
    await context.close();
  });
});

describe('hostile text', () => {
  test('markup and script in the data are shown as text and never run', async () => {
    const data = readDataset(join(fixturesDir, 'hostile-strings.json'));
    const { page, context, dialogs, errors } = await open('?data=/fixtures/hostile-strings.json');
    const names = await page.$$eval('[data-testid="result"] h2', (els) => els.map((e) => e.textContent));
    assert.deepEqual(names, data.institutions.map((i) => i.name));
    for (const inst of data.institutions) {
      await page.goto(`${site.origin}/?data=/fixtures/hostile-strings.json&id=${inst.id}`);
      await page.waitForSelector('.sheet h1');
      assert.equal(await page.textContent('.sheet h1'), inst.name);
      const text = await page.textContent('.sheet');
      assert.ok(text.includes(inst.address), `${inst.id} address literal`);
    }
    const injected = await page.$$eval('.app img, .app svg, .app iframe, .app script', (els) => els.length);
    assert.equal(injected, 0, 'no element made from data');
    const jsLinks = await page.$$eval('a[href^="javascript" i]', (els) => els.length);
    assert.equal(jsLinks, 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('where data may come from', () => {
  test('data= on another origin is refused and never requested', async () => {
    const seen = [];
    const other = await startServer({ '/': fixturesDir }, { onRequest: (req) => seen.push(req.url) });
    const hostile = [
      `${other.origin}/wgs84.json`,
      `//127.0.0.1:${other.origin.split(':').pop()}/wgs84.json`,
      `/\\127.0.0.1:${other.origin.split(':').pop()}/wgs84.json`,
      'javascript:alert(1)',
    ];
    for (const value of hostile) {
      const { page, context, dialogs } = await open(`?data=${encodeURIComponent(value)}`);
      const panel = page.getByTestId('dataset-error');
      assert.ok(await panel.isVisible(), value);
      assert.match(await panel.textContent(), /拒绝|不允许|安全/);
      assert.equal(await page.getByTestId('result').count(), 0);
      assert.deepEqual(dialogs, []);
      await context.close();
    }
    await other.close();
    assert.deepEqual(seen, [], 'the other origin was never asked');
  });
});

describe('a dataset in WGS-84', () => {
  test('distances need no conversion and match the reference points', async () => {
    const { page, context } = await open('?data=/fixtures/wgs84.json&near=23.7431,114.6972&radius=2000');
    assert.deepEqual(await resultIds(page), ['W-01', 'W-02']);
    const shown = await page.$$eval('[data-testid="distance"]', (els) => els.map((e) => e.textContent));
    assert.match(shown[0], /300 米/);
    assert.match(shown[1], /1\.5 公里/);
    assert.equal(await page.getByTestId('sample-banner').count(), 0);
    await context.close();
  });
});
