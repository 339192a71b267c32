// A parents' walk-through (issue 13, part A): home never in a link, a revoked institution's
// old link, employer-only places, the title of each view, fees compared like with like,
// preterm gestation in weeks + days, an empty result that names its filters, and the child's
// saved age one tap away. Chinese and English where the words change.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFilters, phonePage, resultCount, resultIds, useBrowserAndSite, waitForList } from './harness.mjs';
import { expectedIds as oracle, listed, readDataset } from './oracle.mjs';

const data = readDataset();
const expectedIds = (dataset, f) => oracle(dataset, f).map((r) => r.id);
const HOME = { latitude: 23.7431, longitude: 114.6972 };
// How the point could show up anywhere: as the app would write it, or as GPS gives it.
const HOME_TEXT = [/23\.743/, /114\.697/, /23%2E743/i];
const TODAY = new Date('2026-11-28T10:00:00+08:00');
let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

async function open(query = '', options = {}) {
  const tab = await phonePage(browser, options);
  if (options.clock) await tab.page.clock.setFixedTime(TODAY);
  const sent = [];
  tab.page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
  tab.sent = sent;
  await tab.page.goto(`${site.origin}/${query}`);
  if (!query.includes('page=')) await waitForList(tab.page);
  return tab;
}

/** Everything the page could hand on: its address, every link, its title, what it sent. */
async function assertHomeNowhere(page, sent, where) {
  const hrefs = await page.$$eval('[href]', (els) => els.map((e) => e.getAttribute('href')));
  const title = await page.title();
  const places = [['address', page.url()], ['title', title], ...hrefs.map((h) => ['link', h]), ...sent.map((s) => ['request', s])];
  for (const [what, text] of places) {
    for (const home of HOME_TEXT) assert.doesNotMatch(text, home, `${where}: the ${what} carries home`);
  }
}

function distanceOrder(radius) {
  return expectedIds(data, { near: { lat: HOME.latitude, lng: HOME.longitude }, ...(radius ? { radius } : {}) });
}

describe('home is never in a link', () => {
  for (const [locale, locate, distance, within, back] of [
    ['zh-CN', '使用我的位置', '距离范围', '3 公里内', '‹ 返回列表'],
    ['en-US', 'Use my location', 'Distance', 'Within 3 km', '‹ Back to list'],
  ]) {
    test(`after GPS no address, link, title or request carries it (${locale})`, async () => {
      const { page, context, sent, errors } = await open('?types=full_day', {
        locale, geolocation: HOME, permissions: ['geolocation'],
      });
      await page.getByRole('button', { name: locate }).click();
      await page.getByTestId('distance').first().waitFor();
      const full = () => expectedIds(data, { types: ['full_day'], near: { lat: HOME.latitude, lng: HOME.longitude } });
      assert.deepEqual(await resultIds(page), full().slice(0, 24), 'distances and order from the point');
      await page.getByLabel(distance).selectOption({ label: within });
      await page.waitForTimeout(400);
      const inRange = expectedIds(data, { types: ['full_day'], near: { lat: HOME.latitude, lng: HOME.longitude }, radius: 3000 });
      assert.equal(await resultCount(page), inRange.length);
      assert.equal(new URL(page.url()).search, '?types=full_day', 'the radius stays with the point');
      await assertHomeNowhere(page, sent, 'list');

      // The detail, its share link, and back.
      const first = page.getByTestId('result').first();
      const id = await first.getAttribute('data-id');
      await first.getByRole('link').click();
      await page.waitForURL(new RegExp(`id=${id}`));
      await assertHomeNowhere(page, sent, 'detail');
      await page.getByRole('button', { name: back }).click();
      await page.waitForURL((u) => !u.searchParams.has('id'));
      assert.equal(await resultCount(page), inRange.length, 'back finds the same list');

      // A reload in the same visit keeps the point and the radius, still off the address.
      await page.reload();
      await waitForList(page);
      await page.getByTestId('distance').first().waitFor();
      assert.equal(await resultCount(page), inRange.length);
      await assertHomeNowhere(page, sent, 'reload');
      // The guide and the baby page too.
      for (const tab of ['?page=guide', '?page=baby']) {
        await page.locator(`.tabs a[href*="${tab.slice(1)}"]`).click();
        await page.waitForURL(new RegExp(tab.slice(1)));
        await assertHomeNowhere(page, sent, tab);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a near= that arrives in a link is honoured and stays as it came', async () => {
    const { page, context } = await open('?near=23.75,114.7&radius=2000');
    assert.equal(await resultCount(page), expectedIds(data, { near: { lat: 23.75, lng: 114.7 }, radius: 2000 }).length);
    await page.getByRole('button', { name: '只看普惠' }).click();
    await page.waitForURL(/puhui=1/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('near'), '23.75,114.7');
    assert.equal(url.searchParams.get('radius'), '2000');
    await context.close();
  });

  test('forgetting the place forgets it for the reload too', async () => {
    const { page, context } = await open('', { geolocation: HOME, permissions: ['geolocation'] });
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByTestId('distance').first().waitFor();
    assert.deepEqual(await resultIds(page), distanceOrder().slice(0, 24));
    await openFilters(page);
    await page.getByRole('button', { name: '不用位置' }).click();
    await page.reload();
    await waitForList(page);
    assert.equal(await page.getByTestId('distance').count(), 0);
    await context.close();
  });
});

describe('a revoked institution', () => {
  const revoked = data.institutions.find((i) => i.registration?.status === 'revoked');
  test('its link says the registration was revoked, with the date, and the way back', async () => {
    const { page, context } = await open(`?id=${revoked.id}`);
    const sheet = page.getByTestId('not-found');
    await sheet.waitFor();
    assert.equal(await sheet.getAttribute('data-revoked'), 'true');
    assert.equal((await sheet.locator('h1').textContent()).trim(), revoked.name);
    const text = await sheet.textContent();
    assert.match(text, /已注销备案/);
    assert.match(text, /2026年10月15日|2026-10-15/);
    assert.doesNotMatch(text, /链接不完整/);
    await sheet.getByRole('button', { name: '回到机构列表' }).click();
    await page.waitForURL((u) => !u.searchParams.has('id'));
    assert.equal(await resultCount(page), listed(data).length);
    await context.close();
  });

  test('in English', async () => {
    const { page, context } = await open(`?id=${revoked.id}`, { locale: 'en-US' });
    const sheet = page.getByTestId('not-found');
    await sheet.waitFor();
    assert.match(await sheet.textContent(), /registration \(备案\) was revoked/);
    assert.match(await page.getByTestId('revoked').textContent(), /^Registration revoked/);
    await context.close();
  });
});

describe('places only for their employer’s staff', () => {
  const staffOnly = data.institutions.filter((i) => i.open_to_public === false).map((i) => i.id);
  for (const [locale, mark, chip] of [
    ['zh-CN', '仅招收本单位职工子女', '不看仅招职工子女的'],
    ['en-US', "Only for its employer's staff", 'Hide staff-only places'],
  ]) {
    test(`are marked on the card and can be left out (${locale})`, async () => {
      // The employers' places all have 职工 in their name: all of them in one screenful.
      const { page, context } = await open(`?q=${encodeURIComponent('职工')}`, { locale });
      assert.ok(staffOnly.includes('YC-0039'));
      assert.ok(staffOnly.every((id) => data.institutions.find((i) => i.id === id).name.includes('职工')));
      for (const id of staffOnly) {
        const card = page.locator(`[data-testid="result"][data-id="${id}"]`);
        assert.equal((await card.getByTestId('employer-only').textContent()).trim(), mark);
      }
      assert.equal(await page.getByTestId('employer-only').count(), staffOnly.length, 'only those');
      await openFilters(page);
      await page.getByRole('button', { name: chip }).click();
      await page.waitForURL(/public=1/);
      assert.equal(await resultCount(page), expectedIds(data, { q: '职工' }).length - staffOnly.length);
      const ids = await resultIds(page);
      for (const id of staffOnly) assert.ok(!ids.includes(id), id);
      await context.close();
    });
  }
});

describe('the title of each view', () => {
  for (const [locale, compareWord, baby] of [['zh-CN', '对比', '宝宝的月龄计划'], ['en-US', 'Compare', 'My baby']]) {
    test(`list, detail, compare, article and plan are titled (${locale})`, async () => {
      const [a, b] = listed(data);
      const { page, context } = await open('', { locale });
      assert.equal(await page.title(), data.title);
      await page.goto(`${site.origin}/?id=${a.id}`);
      await page.waitForFunction((name) => document.title.startsWith(name), a.name);
      await page.goto(`${site.origin}/?compare=${a.id},${b.id}`);
      await page.waitForFunction(([word, x, y]) => document.title.includes(word) && document.title.includes(x) && document.title.includes(y), [compareWord, a.name, b.name]);
      await page.goto(`${site.origin}/?page=guide&article=safe-sleep`);
      const article = (await page.locator('article h1, h1').first().textContent()).trim();
      await page.waitForFunction((t) => document.title.startsWith(t), article);
      await page.goto(`${site.origin}/?page=baby`);
      await page.waitForFunction((t) => document.title.startsWith(t), baby);
      await context.close();
    });
  }
});

/** What "fee, lowest first" compares, as the issue words it, read from the file directly. */
function feeOrder(types) {
  const UNITS = ['month', 'day', 'hour', 'session'];
  const ORDER = ['full_day', 'half_day', 'hourly', 'temporary'];
  const pick = (inst) => {
    if (!types.length) {
      const f = inst.fees?.full_day;
      return f?.unit === 'month' ? f : null;
    }
    const t = ORDER.find((c) => types.includes(c) && inst.fees?.[c]);
    return t ? inst.fees[t] : null;
  };
  return expectedIds(data, { types })
    .map((id, at) => ({ id, at, fee: pick(data.institutions.find((i) => i.id === id)) }))
    .sort((x, y) => (x.fee ? UNITS.indexOf(x.fee.unit) : 9) - (y.fee ? UNITS.indexOf(y.fee.unit) : 9)
      || (x.fee?.amount ?? 0) - (y.fee?.amount ?? 0) || x.at - y.at)
    .map((x) => x.id);
}

describe('fees lowest first compare like with like', () => {
  for (const [locale, full, chosen] of [
    ['zh-CN', /按全日托的月费由低到高/, /按月收费的在前/],
    ['en-US', /monthly full-day \(全日托\) fee/, /monthly fees first/],
  ]) {
    test(`monthly together, hourly after, and the list says what it compares (${locale})`, async () => {
      const { page, context } = await open('?sort=fee', { locale });
      assert.match(await page.getByTestId('fee-basis').textContent(), full);
      assert.deepEqual(await resultIds(page), feeOrder([]).slice(0, 24));
      await page.goto(`${site.origin}/?types=full_day,hourly&sort=fee`);
      await waitForList(page);
      assert.match(await page.getByTestId('fee-basis').textContent(), chosen);
      const ids = await resultIds(page);
      assert.deepEqual(ids, feeOrder(['full_day', 'hourly']).slice(0, 24));
      // 35 元/小时 is never before 1000 元/月.
      const hourlyOnly = ids.indexOf('YC-0005');
      const monthly = ids.findIndex((id) => data.institutions.find((i) => i.id === id).fees?.full_day);
      assert.ok(hourlyOnly === -1 || monthly < hourlyOnly);
      await page.goto(`${site.origin}/?sort=name`);
      await waitForList(page);
      assert.equal(await page.getByTestId('fee-basis').count(), 0, 'said only when sorting by fee');
      await context.close();
    });
  }
});

describe('preterm gestation in weeks and days', () => {
  for (const [locale, corrected, daysError, shapeError] of [
    ['zh-CN', '4 个月 6 天', /0–6/, /32\+5/],
    ['en-US', '4 months 6 days', /0–6/, /32\+5/],
  ]) {
    test(`32+5 and 32周5天 are taken; anything else is refused with a reason (${locale})`, async () => {
      const { page, context } = await open('?page=baby', { locale, clock: true });
      await page.fill('[data-testid="born-input"]', '2026-06-01');
      for (const typed of ['32+5', '32周5天']) {
        await page.fill('[data-testid="weeks-input"]', typed);
        // Due 40 weeks − 32+5 = 51 days after birth, on 2026-07-22.
        await page.waitForSelector('[data-testid="plan-corrected-age"]');
        assert.equal(await page.textContent('[data-testid="plan-corrected-age"]'), corrected, typed);
        assert.equal(await page.inputValue('[data-testid="weeks-input"]'), typed, 'the field keeps what was typed');
      }
      await page.fill('[data-testid="weeks-input"]', '32+9');
      assert.match(await page.getByTestId('plan-error').textContent(), daysError);
      for (const typed of ['532', '32.5', 'abc']) {
        await page.fill('[data-testid="weeks-input"]', typed);
        assert.match(await page.getByTestId('plan-error').textContent(), shapeError, typed);
      }
      await page.fill('[data-testid="weeks-input"]', '32+5');
      await page.waitForSelector('[data-testid="plan-corrected-age"]');
      await page.reload();
      assert.equal(await page.inputValue('[data-testid="weeks-input"]'), '32+5', 'kept on the phone as typed');
      await context.close();
    });
  }
});

describe('an empty result', () => {
  test('names the filters that are set, each removable in one tap', async () => {
    const query = '?types=hourly&kind=kindergarten&puhui=1';
    assert.equal(expectedIds(data, { types: ['hourly'], kinds: ['kindergarten'], puhui: true }).length, 0);
    const { page, context } = await open(query);
    const advice = page.getByTestId('empty-advice');
    await advice.waitFor();
    const chips = await advice.getByTestId('remove-filter').allTextContents();
    assert.deepEqual(chips.map((c) => c.trim()).sort(), ['取消“计时托”', '取消“只看普惠”', '取消“幼儿园托班”'].sort());
    assert.doesNotMatch(await advice.textContent(), /扩大距离|有空位/);
    await advice.getByRole('button', { name: '取消“只看普惠”' }).click();
    await page.waitForURL((u) => !u.searchParams.has('puhui'));
    assert.equal(new URL(page.url()).searchParams.get('kind'), 'kindergarten', 'the others stay');
    await context.close();
  });

  for (const [locale, remove, intro] of [['zh-CN', '取消“小鹿托育中心”', /名称相近/], ['en-US', 'Remove “小鹿托育中心”', /similar names/]]) {
    test(`a name that finds nothing offers the nearest names (${locale})`, async () => {
      const { page, context } = await open(`?q=${encodeURIComponent('小鹿托育中心')}`, { locale });
      const advice = page.getByTestId('empty-advice');
      await advice.waitFor();
      assert.match(await advice.textContent(), intro);
      assert.equal((await advice.getByTestId('remove-filter').textContent()).trim(), remove);
      const nearest = advice.getByTestId('nearest-name');
      const name = data.institutions.find((i) => i.id === 'YC-0002').name;
      assert.equal((await nearest.first().textContent()).trim(), name);
      await nearest.first().click();
      await page.waitForURL((u) => u.searchParams.get('q') === name);
      assert.deepEqual(await resultIds(page), ['YC-0002']);
      await context.close();
    });
  }
});

describe("the child's saved age", () => {
  for (const [locale, label] of [['zh-CN', '按宝宝 14 个月筛选'], ['en-US', "My baby's age: 14 months"]]) {
    test(`is offered one tap away, not forced (${locale})`, async () => {
      const { page, context } = await open('', { locale, clock: true });
      await page.evaluate(() => localStorage.setItem('tuoyu.baby', JSON.stringify({ born: '2025-09-20' })));
      await page.reload();
      await waitForList(page);
      const chip = page.getByTestId('baby-age');
      assert.equal((await chip.textContent()).trim(), label);
      assert.ok(await chip.isVisible(), 'not folded away');
      assert.equal(await chip.getAttribute('aria-pressed'), 'false');
      assert.equal(new URL(page.url()).searchParams.get('age'), null, 'not applied by itself');
      assert.equal(await resultCount(page), listed(data).length);
      await chip.click();
      await page.waitForURL((u) => u.searchParams.get('age') === '14');
      assert.equal(await resultCount(page), expectedIds(data, { age: 14 }).length);
      assert.equal(await chip.getAttribute('aria-pressed'), 'true');
      await chip.click();
      await page.waitForURL((u) => !u.searchParams.has('age'));
      await context.close();
    });
  }
});
