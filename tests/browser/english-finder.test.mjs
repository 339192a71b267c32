// The finder's list in English (issue #7), as a phone set to English opens it: the filters,
// the count line, the cards, the location controls, the shortlist and sharing speak English,
// while what the bureau published (names, areas) stays Chinese and is marked lang="zh-CN".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertFitsNarrowPhone, PHONE, chineseOutsideChinese, openFilters, openPage, phonePage, resultCount, useBrowserAndSite, waitForList, withGps,
} from './harness.mjs';
import { listed, readDataset } from './oracle.mjs';

const data = readDataset();
let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const open = (query, options) => openPage(browser, site, query, { locale: 'en-US', ...options });

describe('the list in English', () => {
  test('filters, count line, cards, location, shortlist and view switch are English', async () => {
    const { page, context, errors } = await open();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    for (const name of ['Full-day', 'Half-day', 'Hourly', 'Temporary', 'Use my location', 'List', 'Map']) {
      assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), name);
    }
    const puhui = page.getByRole('button', { name: 'Affordable (普惠) only' });
    assert.equal(await puhui.locator('[lang="zh-CN"]').textContent(), '普惠');
    assert.ok(await page.getByRole('search').or(page.getByPlaceholder('Search name or address')).first().isVisible());
    assert.ok(await page.getByRole('group', { name: 'Type of care (choose any)' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Filters', exact: true }).isVisible());
    assert.match(await page.locator('.shortlist summary').textContent(), /^Saved 0$/);

    const n = listed(data).length;
    assert.equal(await resultCount(page), n);
    assert.equal(await page.getByTestId('result-count').textContent(), String(n), 'the number alone');
    assert.equal((await page.locator('.result-count').textContent()).trim(), `${n} institutions found`);

    const first = listed(data)[0];
    const card = page.locator(`[data-testid="result"][data-id="${first.id}"]`);
    assert.equal(await card.locator('h2').textContent(), first.name, 'the name stays as published');
    assert.equal(await card.locator('h2').getAttribute('lang'), 'zh-CN');
    assert.equal(await card.getByTestId('star').getAttribute('aria-label'), `Save ${first.name}`);
    const badge = page.locator('.badge.puhui').first();
    assert.equal((await badge.textContent()).trim(), 'Affordable (普惠)');

    const sheet = await openFilters(page);
    assert.equal(await sheet.getAttribute('aria-labelledby').then((id) => page.locator(`#${id}`).textContent()), 'Filters');
    assert.ok(await sheet.getByRole('button', { name: 'Free places only', exact: true }).isVisible());
    assert.ok(await page.getByLabel("Child's age").isVisible());
    assert.equal(await page.getByLabel("Child's age").locator('option[value="18"]').textContent(), '18 months (1½ years)');
    assert.equal(await page.getByLabel("Child's age").locator('option[value="1"]').textContent(), '1 month');
    assert.ok(await page.getByRole('group', { name: 'Kind of provider' }).isVisible());
    assert.equal(await page.getByLabel('Sort').locator('option[value="fee"]').textContent(), 'Lowest fee first');

    assert.deepEqual(await chineseOutsideChinese(page, 'body'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the filters still work, and the count line is singular for one', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: 'Affordable (普惠) only' }).click();
    await page.waitForURL(/puhui=1/);
    const sheet = await openFilters(page);
    await sheet.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => !url.search.includes('puhui'));
    await sheet.getByRole('button', { name: 'Done' }).click();
    await sheet.waitFor({ state: 'hidden' });
    const one = listed(data)[0];
    await page.getByPlaceholder('Search name or address').fill(one.name);
    await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent === '1');
    assert.equal((await page.locator('.result-count').textContent()).trim(), '1 institution found');
    await page.getByPlaceholder('Search name or address').fill('没有这样的机构zzz');
    await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent === '0');
    assert.match(await page.locator('.empty').textContent(), /^Nothing matches\./);
    await context.close();
  });

  test('a birth date over 3 years is explained in English', async () => {
    const { page, context } = await open();
    await openFilters(page);
    await page.getByLabel('or date of birth').fill('2022-01-01');
    assert.match(await page.getByRole('alert').first().textContent(), /^Your child is 3 or older/);
    await page.getByLabel('or date of birth').fill('2025-05-20');
    await page.waitForURL(/age=\d+/);
    assert.match(await page.getByTestId('open-filters').textContent(), /\(1 in use\)$/);
    await context.close();
  });
});

describe('where the parent is, in English', () => {
  test('granted GPS: distances, the hint and the radius chips in English; areas stay Chinese', async () => {
    const { page, context } = await open('', withGps());
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByTestId('distance').first().waitFor();
    await page.getByLabel('Distance').selectOption({ label: 'Within 3 km' });
    assert.equal(await page.getByLabel('Distance').inputValue(), '3000');
    await openFilters(page);
    assert.ok(await page.getByRole('button', { name: 'Locate again' }).isVisible());
    assert.ok(await page.getByRole('button', { name: "Don't use location" }).isVisible());
    assert.match(await page.locator('.location .hint').textContent(), /^Distances are from your location/);
    await page.getByLabel('Use it next time too (kept on this phone only)').check();
    assert.match(await page.locator('.location .hint').textContent(), /kept on this phone until you tap/);
    assert.match(await page.getByTestId('distance').first().textContent(), /^\s*[\d.]+ k?m away\s*$/);
    const area = data.region.areas[0];
    const option = page.getByLabel('Town or subdistrict').locator(`option[value="${area.code}"]`);
    assert.equal(await option.textContent(), area.name);
    assert.equal(await option.getAttribute('lang'), 'zh-CN');
    assert.equal(await page.getByLabel('Town or subdistrict').locator('option[value=""]').textContent(), 'All towns and subdistricts');
    assert.deepEqual(await chineseOutsideChinese(page, 'body'), []);
    await context.close();
  });

  test('refused GPS says what to do in English', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: 'Use my location' }).click();
    const message = page.getByTestId('location-error');
    await message.waitFor();
    assert.match(await message.textContent(), /^Location is not allowed\. Choose your town or subdistrict below/);
    await context.close();
  });
});

describe('shortlist and sharing in English', () => {
  test('starred names stay Chinese in an English shortlist', async () => {
    const { page, context } = await open();
    const [a, b] = listed(data);
    for (const inst of [a, b]) {
      await page.locator(`[data-testid="result"][data-id="${inst.id}"] [data-testid="star"]`).click();
    }
    assert.equal(
      await page.locator(`[data-testid="result"][data-id="${a.id}"] [data-testid="star"]`).getAttribute('aria-label'),
      `Remove ${a.name} from saved`,
    );
    await page.getByText('Saved 2', { exact: true }).click();
    await page.getByRole('checkbox', { name: a.name }).check();
    assert.ok(await page.getByRole('button', { name: 'Compare selected (1/3)' }).isDisabled());
    assert.equal(await page.locator('.shortlist-items [lang="zh-CN"]').first().textContent(), a.name);
    assert.deepEqual(await chineseOutsideChinese(page, '.shortlist'), []);
    await context.close();
  });

  test('share says it copied the link, in English', async () => {
    const { page, context } = await phonePage(browser, { locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${site.origin}/?id=YC-0002`);
    await page.waitForSelector('.sheet h1');
    assert.equal((await page.getByTestId('share').textContent()).trim(), 'Share with family');
    await page.getByTestId('share').click();
    assert.equal((await page.getByTestId('share').textContent()).trim(), 'Link copied. Paste it to your family.');
    await context.close();
  });
});

describe('a narrow phone in English', () => {
  test('no horizontal scroll at 320 px with every list control open, and tap targets of at least 44 px', async () => {
    const { page, context } = await open('?age=18&sort=distance', {
      viewport: { width: 320, height: 640 }, ...withGps(),
    });
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByTestId('distance').first().waitFor();
    await page.locator(`[data-testid="result"] [data-testid="star"]`).first().click();
    await page.locator('.shortlist summary').click();
    await page.getByRole('button', { name: 'Affordable (普惠) only' }).click();
    await page.waitForURL(/puhui=1/);
    await page.waitForTimeout(300);
    await assertFitsNarrowPhone(page);
    if (process.env.TUOYU_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.TUOYU_SCREENSHOTS}/english-320.png`, fullPage: true });
    }
    await context.close();
  });
});
