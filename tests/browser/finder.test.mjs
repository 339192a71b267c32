// The finder as a parent uses it: every filter through the controls and through the address,
// distance, the detail page and back, reload, and shared links.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOME, assertList, generateDataset, openFilters, phonePage, resultCount, resultIds, useBrowserAndSite, waitForList, withGps } from './harness.mjs';
import { expectedIds, listed, readDataset } from './oracle.mjs';

const data = readDataset();
const ids = (f) => expectedIds(data, f).map((r) => r.id);
let browser;
let site;
const { open } = useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

describe('first view', () => {
  test('lists every institution with the publisher, date and sample banner', async () => {
    const { page, errors, context } = await open();
    await assertList(page, ids({}));
    assert.equal(listed(data).length, data.institutions.length - 1, 'the sample has one revoked record');
    const body = await page.textContent('body');
    assert.match(body, new RegExp(`数据更新于 ${data.published}`));
    assert.ok(body.includes(data.publisher));
    assert.ok(await page.isVisible('[data-testid="sample-banner"]'));
    assert.equal(await page.textContent('[data-testid="skipped-count"]'), '0');
    const revoked = data.institutions.find((i) => i.registration?.status === 'revoked');
    assert.ok(!(await resultIds(page)).includes(revoked.id), 'revoked is never listed');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('filters through the controls', () => {
  test('care types are any-of and land in the address', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: '计时托', exact: true }).click();
    await page.waitForURL(/types=hourly/);
    await assertList(page, ids({ types: ['hourly'] }));
    await page.getByRole('button', { name: '临时托', exact: true }).click();
    await page.waitForURL(/types=hourly%2Ctemporary|types=hourly,temporary/);
    await assertList(page, ids({ types: ['hourly', 'temporary'] }));
    await context.close();
  });

  test("a card that stays in the list shows the fee of the care type picked since", async () => {
    const both = data.institutions.find((i) => i.status !== 'revoked' && i.fees?.full_day && i.fees?.half_day);
    const { page, context } = await open();
    const fee = page.locator(`[data-testid="result"][data-id="${both.id}"] .card-fee`);
    assert.equal(await fee.textContent(), `全日托：${both.fees.full_day.amount} 元/月`);
    await page.getByRole('button', { name: '半日托', exact: true }).click();
    await page.waitForURL(/types=half_day/);
    await assert.doesNotReject(() => page.waitForFunction(
      ([id, text]) => document.querySelector(`[data-testid="result"][data-id="${id}"] .card-fee`)?.textContent === text,
      [both.id, `半日托：${both.fees.half_day.amount} 元/月`],
      { timeout: 5_000 },
    ));
    await context.close();
  });

  test('普惠, vacancies, age, kind and text combine with and', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: '只看普惠' }).click();
    await assertList(page, ids({ puhui: true }));
    await openFilters(page);
    await page.getByRole('button', { name: '只看有空位' }).click();
    await assertList(page, ids({ puhui: true, vacant: true }));
    await page.getByLabel('孩子月龄').selectOption('18');
    await page.waitForURL(/age=18/);
    await assertList(page, ids({ puhui: true, vacant: true, age: 18 }));
    await page.getByRole('button', { name: '托育机构', exact: true }).click();
    await page.waitForURL(/kind=centre/);
    await assertList(page, ids({ puhui: true, vacant: true, age: 18, kinds: ['centre'] }));
    await context.close();
  });

  test('a birth date sets the age in months and is not kept in the address', async () => {
    const tab = await phonePage(browser);
    await tab.page.clock.setFixedTime(new Date('2026-11-28T10:00:00+08:00'));
    await tab.page.goto(`${site.origin}/`);
    await waitForList(tab.page);
    await openFilters(tab.page);
    await tab.page.getByLabel('或出生日期').fill('2025-05-20');
    await tab.page.waitForURL(/age=18/);
    assert.ok(!tab.page.url().includes('2025'), 'the birth date stays off the address');
    await assertList(tab.page, ids({ age: 18 }));
    await tab.page.getByLabel('或出生日期').fill('2022-01-01');
    assert.match(await tab.page.getByRole('alert').first().textContent(), /3 岁/);
    await tab.context.close();
  });

  test('text search matches name or address', async () => {
    const { page, context } = await open();
    const word = data.institutions[3].address.slice(5, 8);
    await page.getByPlaceholder('搜索机构名称或地址').fill(word);
    await page.waitForURL(/q=/);
    await assertList(page, ids({ q: word }));
    assert.ok((await resultCount(page)) >= 1);
    await context.close();
  });

  test('a 镇/街道 narrows the list to that area', async () => {
    const { page, context } = await open();
    const area = data.region.areas[2];
    await openFilters(page);
    await page.getByLabel('镇/街道').selectOption(area.code);
    await page.waitForURL(new RegExp(`area=${area.code}`));
    await assertList(page, ids({ area: area.code }));
    await context.close();
  });
});

describe('filters through the address', () => {
  test('a shared link opens the same combined list, and reload keeps it', async () => {
    const query = '?types=full_day,half_day&puhui=1&age=24&kind=centre,kindergarten,community';
    const { page, context } = await open(query);
    const expected = ids({ types: ['full_day', 'half_day'], puhui: true, age: 24, kinds: ['centre', 'kindergarten', 'community'] });
    assert.ok(expected.length > 0 && expected.length < listed(data).length);
    await assertList(page, expected);
    await page.reload();
    await waitForList(page);
    await assertList(page, expected);
    assert.equal(await page.getByRole('button', { name: '只看普惠' }).getAttribute('aria-pressed'), 'true');
    await context.close();
  });

  test('near, radius and sort=distance order by great-circle distance after GCJ-02 conversion', async () => {
    const near = { lat: 23.7431, lng: 114.6972 };
    const { page, context } = await open(`?near=${near.lat},${near.lng}&radius=3000&sort=distance`);
    const expected = expectedIds(data, { near, radius: 3000, sort: 'distance' });
    await assertList(page, expected.map((r) => r.id));
    const shown = await page.$$eval('[data-testid="result"] [data-testid="distance"]', (els) => els.map((e) => e.textContent));
    assert.equal(shown.length, (await resultIds(page)).length);
    shown.forEach((text, i) => {
      const m = expected[i].distance;
      const value = text.includes('公里') ? Number(text.match(/[\d.]+/)[0]) * 1000 : Number(text.match(/\d+/)[0]);
      assert.ok(Math.abs(value - m) <= (m < 1000 ? 10 : 50), `${text} vs ${m.toFixed(0)} m`);
    });
    await context.close();
  });

  test('vacancy sort puts the most places first', async () => {
    const { page, context } = await open('?sort=vacancy');
    await assertList(page, ids({ sort: 'vacancy' }));
    await context.close();
  });

  test('malformed values are ignored with a visible note, the rest still applies', async () => {
    const { page, context, errors } = await open('?age=abc&near=999,0&puhui=1');
    assert.ok(await page.isVisible('[data-testid="query-note"]'));
    await assertList(page, ids({ puhui: true }));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('a long list', () => {
  test('draws a first batch, counts all, and shows more on request', async () => {
    const synthetic = generateDataset(150);
    const big = readDataset(synthetic.path);
    const { page, context } = await open(`?data=${synthetic.url}`);
    assert.equal(await resultCount(page), expectedIds(big, {}).length);
    const first = (await resultIds(page)).length;
    assert.ok(first >= 20 && first < 150, `first batch ${first}`);
    await page.getByRole('button', { name: /再显示/ }).click();
    assert.ok((await resultIds(page)).length > first);
    assert.deepEqual(await resultIds(page), expectedIds(big, {}).map((r) => r.id).slice(0, (await resultIds(page)).length));
    await context.close();
  });
});

describe('a long list answering a change', () => {
  test('a chip draws the whole first batch of the new list, with the right count', async () => {
    const synthetic = generateDataset(400);
    const big = readDataset(synthetic.path);
    const bigIds = (f) => expectedIds(big, f).map((r) => r.id);
    const { page, context } = await open(`?data=${synthetic.url}`);
    const hourly = bigIds({ types: ['hourly'] });
    assert.ok(hourly.length > 24 && hourly.length < bigIds({}).length, `${hourly.length} hourly`);
    await page.getByRole('button', { name: '计时托', exact: true }).click();
    await page.waitForURL(/types=hourly/);
    // Once the address says so, the list is all there (no waiting needed).
    assert.equal(await resultCount(page), hourly.length);
    assert.deepEqual(await resultIds(page), hourly.slice(0, 24));
    await page.getByRole('button', { name: '计时托', exact: true }).click();
    await page.waitForURL((u) => !u.searchParams.has('types'));
    assert.equal(await resultCount(page), bigIds({}).length);
    assert.deepEqual(await resultIds(page), bigIds({}).slice(0, 24));
    await context.close();
  });

  test('while the first screen is drawn before the rest, the page keeps its length', async () => {
    const synthetic = generateDataset(400);
    const { page, context } = await open(`?data=${synthetic.url}`);
    // The browser's scroll anchoring follows a card that moves up the list; without it, only a
    // page that shrank for a moment would move the parent.
    await page.addStyleTag({ content: '* { overflow-anchor: none; }' });
    await page.evaluate(() => window.scrollTo(0, 1500));
    const before = await page.evaluate(() => window.scrollY);
    assert.equal(before, 1500);
    // As when the phone's position arrives after the parent has scrolled on: no scrolling.
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '计时托').click());
    await page.waitForURL(/types=hourly/);
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) < 100, `scrolled from ${before} to ${after}`);
    await context.close();
  });

  test('typing, then opening an institution at once, keeps the search for back and forward', async () => {
    const { page, context } = await open();
    const word = data.institutions[3].address.slice(5, 8);
    const expected = ids({ q: word });
    const box = page.getByPlaceholder('搜索机构名称或地址');
    await box.fill(word);
    await assertList(page, expected);
    // The address follows the typing once it pauses; the tap comes before that.
    const first = page.getByTestId('result').first();
    const id = await first.getAttribute('data-id');
    const link = first.getByRole('link');
    assert.equal(await link.getAttribute('href'), `/?id=${id}`, 'a long press copies the institution’s own page');
    await link.click();
    await page.waitForURL(new RegExp(`id=${id}`));
    assert.equal(new URL(page.url()).searchParams.get('q'), word);
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('id'));
    assert.equal(new URL(page.url()).searchParams.get('q'), word);
    assert.equal(await box.inputValue(), word);
    await assertList(page, expected);
    await page.goForward();
    await page.waitForURL(new RegExp(`id=${id}`));
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('id'));
    await assertList(page, expected);
    await context.close();
  });
});

describe('where the parent is', () => {
  test('granted GPS sorts by distance, and the point stays out of the address', async () => {
    const here = HOME;
    const { page, context } = await open('', withGps(here));
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByTestId('distance').first().waitFor();
    await assertList(page, ids({ near: { lat: here.latitude, lng: here.longitude } }));
    assert.ok(!page.url().includes('near='), 'home is not state to share');
    await page.getByLabel('距离范围').selectOption('3000');
    assert.equal(await page.getByLabel('距离范围').inputValue(), '3000');
    await assertList(page, ids({ near: { lat: here.latitude, lng: here.longitude }, radius: 3000 }));
    await context.close();
  });

  test('the point is kept on the phone for later visits only when the parent asks', async () => {
    const here = HOME;
    const byDistance = ids({ near: { lat: here.latitude, lng: here.longitude } });
    const { page, context } = await open('', withGps(here));
    // A later visit: a new tab of the same phone (sessionStorage is the tab's own).
    const laterVisit = async () => {
      const later = await context.newPage();
      await later.goto(`${site.origin}/`);
      await waitForList(later);
      return later;
    };
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByTestId('distance').first().waitFor();
    await openFilters(page);
    const remember = page.getByTestId('remember-location');
    assert.equal(await remember.isChecked(), false, 'not kept beyond the visit unless asked');
    let later = await laterVisit();
    assert.equal(await later.getByTestId('distance').count(), 0, 'a new visit does not know the point');
    await later.close();

    await remember.check();
    assert.match(await page.textContent('.location .hint'), /位置记在本机/);
    later = await laterVisit();
    await later.getByTestId('distance').first().waitFor();
    await assertList(later, byDistance);
    assert.ok(!later.url().includes('near='), 'a kept point stays out of the address too');
    await openFilters(later);
    assert.equal(await later.getByTestId('remember-location').isChecked(), true);
    // Not using the location forgets it on the phone as well.
    await later.getByRole('button', { name: '不用位置' }).click();
    await later.getByTestId('distance').first().waitFor({ state: 'detached' });
    await later.close();
    later = await laterVisit();
    assert.equal(await later.getByTestId('distance').count(), 0, 'forgotten on the phone');
    await context.close();
  });

  test('refused GPS says what to do and keeps the list', async () => {
    const { page, context, errors } = await open('?puhui=1');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    const message = page.getByTestId('location-error');
    await message.waitFor();
    assert.match(await message.textContent(), /镇\/街道/);
    await assertList(page, ids({ puhui: true }));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('an institution', () => {
  test('detail shows every field and the ways to act; back returns to the same place', async () => {
    const { page, context } = await open();
    const cards = page.getByTestId('result');
    const target = cards.nth(14);
    const id = await target.getAttribute('data-id');
    const inst = data.institutions.find((i) => i.id === id);
    await target.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 300, 'the list was scrolled');
    await target.getByRole('link').click();
    await page.waitForURL(new RegExp(`id=${id}`));
    assert.equal((await page.textContent('h1')).trim(), inst.name);
    const sheet = page.getByRole('dialog');
    const text = await sheet.textContent();
    assert.ok(text.includes(inst.address));
    if (inst.hours) assert.ok(text.includes(inst.hours));
    if (inst.registration?.number) assert.ok(text.includes(inst.registration.number));
    for (const insp of inst.inspections ?? []) assert.ok(text.includes(insp.summary ?? ''));
    if (inst.phone) assert.ok((await sheet.locator('a[href^="tel:"]').getAttribute('href')).startsWith('tel:0762'));
    const amap = await sheet.getByRole('link', { name: '高德地图导航' }).getAttribute('href');
    assert.ok(amap.includes(`position=${inst.location.lng.toFixed(6)},${inst.location.lat.toFixed(6)}`), amap);
    const tencent = await sheet.getByRole('link', { name: '腾讯地图导航' }).getAttribute('href');
    assert.ok(decodeURIComponent(tencent).includes(`coord:${inst.location.lat.toFixed(6)},${inst.location.lng.toFixed(6)}`), tencent);
    await page.getByRole('button', { name: '‹ 返回列表' }).click();
    await page.waitForURL((u) => !u.search.includes('id='));
    assert.equal(await page.evaluate(() => window.scrollY), scrolled);
    await target.getByRole('link').click();
    await page.waitForURL(new RegExp(`id=${id}`));
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('id='));
    assert.equal(await page.evaluate(() => window.scrollY), scrolled);
    await context.close();
  });

  test('a shared detail link opens the institution, and an unknown id says so', async () => {
    const inst = listed(data)[5];
    const { page, context } = await open(`?id=${inst.id}`);
    await page.waitForSelector('h1');
    assert.equal((await page.textContent('.sheet h1')).trim(), inst.name);
    await page.goto(`${site.origin}/?id=NO-SUCH-ID`);
    await page.getByTestId('not-found').waitFor();
    await page.getByRole('button', { name: '回到机构列表' }).click();
    await page.waitForURL((u) => !u.search.includes('id='));
    assert.equal(await resultCount(page), listed(data).length);
    await context.close();
  });
});
