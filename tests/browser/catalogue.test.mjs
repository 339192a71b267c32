// A catalogue of districts (shared/spec/catalogue-v1.md) on the small test tree in
// tests/fixtures/catalogue: the picker, region= at each level, a radius across the 源城区 / 东源县
// border equal to loading every file, only the needed files fetched, a failing district, stars
// and compare across districts, the offline copy, and broken catalogues named one by one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { assertList, resultCount, resultIds, useBrowserAndSite, waitForList } from './harness.mjs';
import { expectedIds, listed, readDataset } from './oracle.mjs';
import { catalogueDir, repoRoot } from './server.mjs';

const DIR = catalogueDir;
const ROOT = '/catalogue/root.json';
const BAD = '/catalogue/bad/root.json';
const artifacts = join(repoRoot, 'tests', 'browser', 'artifacts');
mkdirSync(artifacts, { recursive: true });

// The districts in the tree's order, as the brute force loads them.
const FILES = { '441602': '441600/441602.json', '441625': '441600/441625.json', '441621': '441600/441621.json', '441302': '441300/441302.json' };
const file = (code) => readDataset(join(DIR, FILES[code]));
const everything = (codes = Object.keys(FILES)) => ({
  crs: 'GCJ-02',
  institutions: codes.flatMap((c) => file(c).institutions),
});

// On 源城区's side of the border, 150 m from its east edge (WGS-84, as a phone gives it).
const BORDER = { lat: 23.7405, lng: 114.6935 };
const near = `${BORDER.lat},${BORDER.lng}`;

let site;
const { open } = useBrowserAndSite((_, s) => {
  site = s;
});

/** The files of the catalogue fetched since `from` (a position in site.requests). */
const fetched = (from) => site.requests.slice(from)
  .filter((u) => u.startsWith('/catalogue/'))
  .map((u) => u.replace('/catalogue/', '').replace(/\?.*/, ''))
  .sort();

async function scopeCodes(page) {
  return (await page.getByTestId('scope').getAttribute('data-codes')).split(',');
}

describe('the region picker', () => {
  test('goes province → city → district with counts, fetching only what is opened, and remembers the choice', async () => {
    const from = site.requests.length;
    const { page, context, errors } = await open(`?data=${ROOT}`, { list: false });
    await page.getByTestId('region-picker').waitFor();
    const choices = page.getByTestId('region-choice');
    assert.deepEqual(await choices.evaluateAll((els) => els.map((e) => e.dataset.code)), ['441600', '441300']);
    assert.match(await choices.first().textContent(), /河源市\s*11 所/);
    await choices.first().click();
    await page.locator('[data-testid="region-choice"][data-code="441602"]').waitFor();
    assert.deepEqual(await choices.evaluateAll((els) => els.map((e) => e.dataset.code)), ['441600', '441602', '441625', '441621']);
    await page.screenshot({ path: join(artifacts, 'catalogue-picker.png') });
    await page.locator('[data-testid="region-choice"][data-code="441602"]').click();
    await waitForList(page);
    assert.match(page.url(), /region=441602/);
    await assertList(page, expectedIds(file('441602')).map((r) => r.id));
    assert.deepEqual(await scopeCodes(page), ['441602']);
    assert.deepEqual(fetched(from), ['441600/441602.json', '441600/index.json', 'root.json']);
    // The root came with the page (preloaded from data=), fetched once, and the built-in
    // default dataset not at all.
    assert.ok(!site.requests.slice(from).some((u) => u.includes('yuancheng.json')), site.requests.slice(from).join(' '));

    // Back on the picker another day: the last choice is offered first.
    await page.goto(`${site.origin}/?data=${ROOT}`);
    await page.getByTestId('region-last').waitFor();
    assert.match(await page.getByTestId('region-last').textContent(), /源城区/);
    await page.getByTestId('region-last').click();
    await waitForList(page);
    assert.equal(await resultCount(page), 5);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('region= at every level', () => {
  for (const [code, codes, files] of [
    ['440000', ['441602', '441625', '441621', '441302'], 7],
    ['441600', ['441602', '441625', '441621'], 5],
    ['441302', ['441302'], 3],
  ]) {
    test(`region=${code} lists ${codes.join(', ')} and fetches ${files} files`, async () => {
      const from = site.requests.length;
      const { page, context } = await open(`?data=${ROOT}&region=${code}`);
      await assertList(page, expectedIds(everything(codes)).map((r) => r.id));
      assert.deepEqual(await scopeCodes(page), codes);
      assert.equal(fetched(from).length, files);
      await context.close();
    });
  }
});

describe('a radius across a border', () => {
  test('lists what loading every file lists, in the same order, and fetches only the files in reach', async () => {
    const from = site.requests.length;
    const { page, context } = await open(`?data=${ROOT}&near=${near}&radius=1500`);
    const expected = expectedIds(everything(), { near: BORDER, radius: 1500 });
    assert.ok(expected.some((r) => r.id.startsWith('441625')), 'the radius reaches across the border');
    assert.ok(expected.some((r) => r.id.startsWith('441602')));
    await assertList(page, expected.map((r) => r.id));
    assert.deepEqual(await scopeCodes(page), ['441602', '441625']);
    assert.deepEqual(fetched(from), ['441600/441602.json', '441600/441625.json', '441600/index.json', 'root.json']);
    await page.screenshot({ path: join(artifacts, 'catalogue-radius.png') });
    // A card's own link carries its district.
    const across = expected.find((r) => r.id.startsWith('441625')).id;
    const href = await page.locator(`[data-testid="result"][data-id="${across}"] a`).first().getAttribute('href');
    assert.match(href, new RegExp(`region=441625&id=${across}`));
    // Opened as sent, it fetches that one district.
    const from2 = site.requests.length;
    await page.goto(`${site.origin}${href}`);
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), file('441625').institutions.find((i) => i.id === across).name);
    assert.deepEqual(fetched(from2), ['441600/441625.json', '441600/index.json', 'root.json']);
    await context.close();
  });

  test('a place alone shows the district holding it, says so, and widens on request', async () => {
    const { page, context } = await open(`?data=${ROOT}&near=${near}`);
    assert.deepEqual(await scopeCodes(page), ['441602']);
    assert.match(await page.getByTestId('scope').textContent(), /源城区/);
    assert.match(await page.getByTestId('scope-widen').textContent(), /河源市/);
    await page.getByTestId('scope-nearby').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scope"]')?.dataset.codes === '441602,441625');
    await assertList(page, expectedIds(everything(), { near: BORDER, radius: 3000 }).map((r) => r.id));
    await context.close();
  });
});

describe('a district file that fails', () => {
  test('is named with its reason; the rest is shown and the count marked incomplete', async () => {
    const { page, context } = await open(`?data=${ROOT}&region=441600`, {
      prepare: ({ page }) => page.route('**/441625.json', (route) => route.fulfill({ status: 503, body: 'down' })),
    });
    await assertList(page, expectedIds(everything(['441602', '441621'])).map((r) => r.id));
    const failure = page.locator('[data-testid="scope-failure"][data-code="441625"]');
    assert.match(await failure.textContent(), /东源县.*503/);
    assert.ok(await page.getByTestId('scope-incomplete').isVisible());
    await page.screenshot({ path: join(artifacts, 'catalogue-failing.png') });
    await context.close();
  });
});

describe('stars and compare across districts', () => {
  test('a place starred in each district is on the shortlist, compared side by side, and the comparison link opens both', async () => {
    const { page, context } = await open(`?data=${ROOT}&near=${near}&radius=1500`);
    const a = '441602-0001';
    const b = '441625-0001';
    for (const id of [a, b]) await page.locator(`[data-testid="result"][data-id="${id}"] [data-testid="star"]`).click();
    await page.locator('[data-testid="shortlist"] summary').click();
    const boxes = page.locator('[data-testid="shortlist"] input[type="checkbox"]');
    assert.equal(await boxes.count(), 2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.locator('[data-testid="shortlist"] button.primary').click();
    await page.waitForSelector('[data-testid="compare"]');
    const compared = await page.textContent('[data-testid="compare"]');
    assert.ok(compared.includes('源城区测试托育点1') && compared.includes('东源县测试托育点1'));

    // As sent to family: no region and no place; the ids name their districts.
    const from = site.requests.length;
    await page.goto(`${site.origin}/?data=${ROOT}&compare=${a},${b}`);
    await page.waitForSelector('[data-testid="compare"]');
    const again = await page.textContent('[data-testid="compare"]');
    assert.ok(again.includes('源城区测试托育点1') && again.includes('东源县测试托育点1'));
    assert.deepEqual(fetched(from), ['441600/441602.json', '441600/441625.json', '441600/index.json', 'root.json']);
    await context.close();
  });
});

describe('a star outside the scope', () => {
  test('stays on the shortlist, named with its district, and its link opens it', async () => {
    const { page, context } = await open(`?data=${ROOT}&region=441602`);
    const id = '441602-0001';
    const name = file('441602').institutions.find((i) => i.id === id).name;
    await page.locator(`[data-testid="result"][data-id="${id}"] [data-testid="star"]`).click();
    // Another district: the starred place is not in this list, but is still on the shortlist.
    await page.goto(`${site.origin}/?data=${ROOT}&region=441625`);
    await waitForList(page);
    assert.ok(!(await resultIds(page)).includes(id));
    await page.locator('[data-testid="shortlist"] summary').click();
    assert.match(await page.locator('[data-testid="shortlist"] summary').textContent(), /收藏 1/);
    const row = page.locator(`[data-testid="shortlist-elsewhere"][data-id="${id}"]`);
    assert.match(await row.textContent(), new RegExp(`${name}.*在源城区`));
    await page.screenshot({ path: join(artifacts, 'catalogue-star-elsewhere.png') });
    const from = site.requests.length;
    await row.locator('a').click();
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), name);
    assert.match(page.url(), new RegExp(`region=441602&id=${id}`));
    assert.deepEqual(fetched(from), ['441600/441602.json']);
    await context.close();
  });
});

describe('offline', () => {
  test('the last scope is shown from the phone, with its dates, when the network is gone', async () => {
    let offline = false;
    const { page, context } = await open(`?data=${ROOT}&region=441600`, {
      prepare: ({ page }) => page.route((url) => url.pathname.startsWith('/catalogue/'), (route) => (offline ? route.abort('internetdisconnected') : route.continue())),
    });
    assert.equal(await resultCount(page), 11);
    offline = true;
    await page.reload();
    await waitForList(page);
    assert.equal(await resultCount(page), 11);
    const notice = await page.getByTestId('offline-copy').textContent();
    assert.match(notice, /2025-09-01/, 'the newest of the files\' dates');
    await page.getByText('数据说明', { exact: true }).click();
    const sources = await page.getByTestId('scope-source').allTextContents();
    assert.equal(sources.length, 3);
    assert.match(sources[1], /东源县.*2025-08-20.*东源县卫生健康局.*本机保存于/);
    await context.close();
  });
});

describe('catalogues that cannot be used', () => {
  test('each broken entry is named with its reason, and the good part of the catalogue is shown', async () => {
    const { page, context, errors } = await open(`?data=${BAD}&region=449900`);
    await assertList(page, expectedIds(everything(['441602', '441625', '441621'])).map((r) => r.id));
    const why = async (code) => page.locator(`[data-testid="scope-failure"][data-code="${code}"]`).textContent();
    assert.match(await why('441700'), /阳江市.*版本.*tuoyu\.catalogue\/2/);
    assert.match(await why('441900'), /东莞市.*循环/);
    assert.match(await why('445102'), /深三.*超过 3 层/);
    assert.match(await why('445200'), /揭阳市.*schema.*tuoyu\.catalogue\/1/);
    assert.match(await why('445300'), /云浮市.*441302-0001.*范围/);
    assert.match(await why('441800'), /清远市.*evil\.example/);
    assert.ok(await page.getByTestId('scope-incomplete').isVisible());
    await page.screenshot({ path: join(artifacts, 'catalogue-bad.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a catalogue with a foreign url is refused as a whole, saying where it led', async () => {
    const { page, context } = await open('?data=/catalogue/bad/foreign.json&region=441800');
    assert.match(await page.getByTestId('dataset-error').textContent(), /evil\.example/);
    assert.deepEqual(await resultIds(page), []);
    await context.close();
  });

  test('a region the catalogue does not list says so', async () => {
    const { page, context } = await open(`?data=${ROOT}&region=450000`);
    assert.match(await page.locator('[data-testid="scope-failure"]').textContent(), /没有这个地区/);
    assert.equal(await resultCount(page), 0);
    await context.close();
  });
});

test('every file of the fixture is what the oracle reads', () => {
  assert.equal(listed(everything()).length, 14);
});
