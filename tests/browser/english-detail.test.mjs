// The detail sheet, the comparison, the map, the guide and the baby plan in the English
// interface (a browser that asks for en-US): the interface speaks English, while the
// dataset's names and addresses and the articles stay Chinese, each inside an element
// marked lang="zh-CN" so a screen reader reads it with a Chinese voice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertFitsNarrowPhone, PHONE, chineseOutsideChinese, openPage, phonePage, useBrowserAndSite, waitForList } from './harness.mjs';
import { readDataset } from './oracle.mjs';
import { distDir, repoRoot } from './server.mjs';

const dataset = readDataset();
const byId = (id) => dataset.institutions.find((i) => i.id === id);
const guide = JSON.parse(readFileSync(join(distDir, 'guide.json'), 'utf8'));
const wgs84 = readDataset(join(repoRoot, 'tests/fixtures/datasets/wgs84.json'));
const TODAY = new Date('2026-11-28T10:00:00+08:00');
const TILE = /autonavi\.com\/appmaptile/;

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/** A phone whose browser prefers English (harness.phonePage's prefers Chinese). */
const open = (query, { width = PHONE.width, clock = false } = {}) => openPage(browser, site, query, {
  list: false,
  locale: 'en-US',
  viewport: { width, height: PHONE.height },
  clock: clock && TODAY,
  // No way out of the test machine: the map's tiles fail, as on a blocked network.
  prepare: ({ page }) => page.route(TILE, (route) => route.abort()),
});

async function langOf(locator) {
  return locator.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
}

describe('the English interface around Chinese data', () => {
  test('the page says it is English', async () => {
    const { page, context } = await open('?id=YC-0007');
    await page.waitForSelector('.sheet h1');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await context.close();
  });

  test('the detail sheet: English labels and actions, the name and address in Chinese', async () => {
    const { page, errors, context } = await open('?id=YC-0007&near=23.7431,114.6972');
    const inst = byId('YC-0007');
    const sheet = page.locator('.sheet');
    const h1 = sheet.locator('h1');
    await h1.waitFor();
    assert.equal((await h1.textContent()).trim(), inst.name);
    assert.equal(await langOf(h1), 'zh-CN');
    const text = await sheet.textContent();
    for (const words of ['‹ Back to list', 'Address', 'Care types', 'Ages taken', 'Fees', 'Places',
      'Registered (备案)', 'Inspections', 'This information is from', 'away']) {
      assert.ok(text.includes(words), `"${words}" on the sheet`);
    }
    for (const chinese of ['返回列表', '地址', '托育类型', '监督检查', '未公布', '距您']) {
      assert.ok(!text.includes(chinese), `no "${chinese}" on the English sheet`);
    }
    await sheet.getByRole('link', { name: 'Directions in Amap' }).waitFor();
    await sheet.getByRole('button', { name: 'Copy address' }).waitFor();
    const address = sheet.locator('dd', { hasText: inst.address });
    assert.equal(await langOf(address), 'zh-CN');
    assert.deepEqual(await chineseOutsideChinese(page, '.sheet'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an unknown institution is "not found" in English', async () => {
    const { page, context } = await open('?id=NO-SUCH');
    await page.getByTestId('not-found').waitFor();
    assert.equal((await page.textContent('.sheet h1')).trim(), "We couldn't find this place");
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await waitForList(page);
    await context.close();
  });

  test('the comparison: English rows, the institutions\' names in Chinese', async () => {
    const { page, errors, context } = await open('?compare=YC-0002,YC-0003');
    const table = page.getByTestId('compare');
    await table.waitFor();
    assert.equal((await table.locator('h1').textContent()).trim(), 'Side by side');
    const rows = await table.locator('tbody th').allTextContents();
    assert.deepEqual(rows.slice(0, 5), ['Care types', 'Fees', 'Places free', 'Places by age', 'Distance']);
    const names = table.locator('thead th[lang="zh-CN"]');
    assert.deepEqual(await names.allTextContents(), [byId('YC-0002').name, byId('YC-0003').name]);
    assert.ok((await table.textContent()).includes('Location not set'));
    assert.deepEqual(await chineseOutsideChinese(page, '.sheet'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the map: English messages and card, the name and address in Chinese', async () => {
    const { page, errors, context } = await open('?view=map&data=/fixtures/wgs84.json&near=23.7431,114.6972');
    await waitForList(page);
    const map = page.getByTestId('map');
    assert.equal(await map.getAttribute('aria-label'), 'Map of childcare places');
    await page.getByTestId('tiles-unavailable').waitFor();
    assert.match(await page.getByTestId('tiles-unavailable').textContent(), /background map can't load/);
    await page.locator('[data-testid="marker"][data-id="W-02"]').click();
    const card = page.getByTestId('map-card');
    await card.waitFor();
    const w02 = wgs84.institutions.find((i) => i.id === 'W-02');
    assert.equal(await langOf(card.locator('h2')), 'zh-CN');
    assert.equal((await card.locator('h2').textContent()).trim(), w02.name);
    assert.match(await card.textContent(), /away/);
    assert.deepEqual(await chineseOutsideChinese(page, '[data-testid="map-card"], [data-testid="map"], [data-testid="tiles-unavailable"]'), []);
    await card.getByRole('link', { name: 'See details' }).click();
    await page.waitForURL(/id=W-02/);
    assert.equal((await page.textContent('.sheet h1')).trim(), w02.name);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the guide index: English headings, topics and age filters, Chinese titles', async () => {
    const { page, errors, context } = await open('?page=guide');
    await page.waitForSelector('[data-testid="guide-entry"]');
    assert.equal((await page.textContent('main h1')).trim(), 'Parenting guide');
    const topics = await page.locator('[data-testid="guide-topic"] h2').allTextContents();
    assert.ok(topics.includes('Feeding') && topics.includes('Vaccines'), topics.join(', '));
    await page.getByRole('button', { name: '6–12 months', exact: true }).click();
    await page.getByRole('button', { name: 'All ages', exact: true }).click();
    const first = page.locator('[data-testid="guide-entry"] h3').first();
    const firstTitle = (await first.textContent()).trim();
    assert.ok(guide.articles.some((a) => a.title === firstTitle), firstTitle);
    assert.equal(await langOf(first), 'zh-CN');
    assert.match(await page.locator('[data-testid="guide-entry"] .card-meta').first().textContent(), /^For /);
    assert.deepEqual(await chineseOutsideChinese(page, 'main'), []);
    await page.fill('[data-testid="guide-search"]', '疫苗');
    assert.match(await page.textContent('[data-testid="guide-result-count"]'), /^\d+ articles? found$/);
    await page.fill('[data-testid="guide-search"]', 'zzzz');
    assert.equal(await page.textContent('[data-testid="guide-result-count"]'), '0 articles found');
    assert.deepEqual(await chineseOutsideChinese(page, 'main'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an article: Chinese title, body and sources inside an English frame', async () => {
    const article = guide.articles.find((a) => a.blocks.some((b) => b.checklist)) ?? guide.articles[0];
    const { page, errors, context } = await open(`?page=guide&article=${article.slug}`);
    const body = page.getByTestId('article');
    await body.waitFor();
    assert.equal((await body.locator('h1').textContent()).trim(), article.title);
    assert.equal(await langOf(body.locator('h1')), 'zh-CN');
    assert.equal((await page.getByTestId('sources').locator('h2').textContent()).trim(), 'Sources');
    assert.equal((await page.textContent('[data-testid="reviewed"]')).trim(), `Reviewed on ${article.reviewed}`);
    assert.match(await body.locator('.article-meta').textContent(), / · For /);
    await page.getByRole('link', { name: '‹ Parenting guide' }).waitFor();
    assert.deepEqual(await chineseOutsideChinese(page, 'main'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the baby plan: form, age and generated sentences in English, the schedule in Chinese', async () => {
    const { page, errors, context } = await open('?page=baby&born=2025-01-31', { clock: true });
    await page.waitForSelector('[data-testid="plan"]');
    assert.equal(await page.textContent('[data-testid="plan-age"]'), '21 months 28 days');
    const plan = await page.textContent('[data-testid="plan"]');
    for (const words of ['At this stage (18–24 months)', 'Warning signs to watch for now',
      'Warning signs at 18 months (age passed)', 'Next check-ups',
      'Next vaccination visit (national programme)', 'Vaccines in the next 3 months',
      'Find childcare for 21-month-olds']) {
      assert.ok(plan.includes(words), `"${words}" in the plan`);
    }
    assert.ok(plan.includes('24月龄体检'), 'the schedule stays Chinese');
    assert.match(await page.textContent('[data-testid="born-link-notice"]'), /This link holds a date of birth/);
    assert.equal(await page.getAttribute('[data-testid="weeks-input"]', 'placeholder'), 'e.g. 34 or 32+5');
    assert.deepEqual(await chineseOutsideChinese(page, 'main'), []);

    await page.fill('[data-testid="born-input"]', '2026-12-01');
    assert.equal(await page.textContent('[data-testid="plan-error"]'), "The date of birth can't be after today.");
    await page.fill('[data-testid="born-input"]', '2026-01-01');
    await page.fill('[data-testid="weeks-input"]', '99');
    assert.equal(await page.textContent('[data-testid="plan-error"]'), '99 weeks is not between 24 and 42. Please check.');
    await page.fill('[data-testid="weeks-input"]', '32');
    await page.waitForSelector('[data-testid="plan-corrected-age"]');
    assert.match(await page.textContent('[data-testid="plan"]'), /Corrected for the due date: /);
    assert.deepEqual(await chineseOutsideChinese(page, 'main'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the English interface on a narrow phone', () => {
  const views = [
    ['?id=YC-0007&near=23.7431,114.6972', '.sheet h1'],
    ['?compare=YC-0002,YC-0003', '[data-testid="compare"]'],
    ['?view=map&data=/fixtures/wgs84.json', '[data-testid="map"]'],
    ['?page=guide', '[data-testid="guide-entry"]'],
    [`?page=guide&article=${guide.articles[0].slug}`, '[data-testid="article"]'],
    ['?page=baby&born=2025-05-20', '[data-testid="plan"]'],
  ];
  for (const [query, ready] of views) {
    test(`no horizontal scroll at 320 px on /${query}, and tap targets of at least 44 px`, async () => {
      const { page, context } = await open(query, { width: 320 });
      await page.waitForSelector(ready, { timeout: 20_000 });
      await page.waitForTimeout(300);
      await assertFitsNarrowPhone(page);
      await context.close();
    });
  }
});
