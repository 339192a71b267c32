// Dataset 1.1 as a parent meets it (issue #18): the 接送时间 and 预收费 filters through the
// address and by tapping, vacancies by the child's age band, the cards' structured hours and
// "not stated" lines, and fee medians on the detail page, in Chinese and English, at 320 px
// and in 长辈模式. What to expect comes from oracle.mjs and the sample file, not the app.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsNarrowPhone, assertList, chineseOutsideChinese, openFilters, useBrowserAndSite } from './harness.mjs';
import { bandFor, expectedIds, listed, readDataset } from './oracle.mjs';

const data = readDataset();
const ids = (f) => expectedIds(data, f).map((r) => r.id);
const inst = (id) => data.institutions.find((i) => i.id === id);
const harness = useBrowserAndSite();

/** The harness's page, in 长辈模式 with `elder` and serving `dataset` in place of the sample. */
function open(query = '', { elder, dataset, ...options } = {}) {
  return harness.open(query, {
    ...options,
    prepare: async (tab) => {
      if (elder) await tab.context.addInitScript(() => localStorage.setItem('tuoyu.settings.v1', '{"elder":true}'));
      if (dataset) {
        await tab.page.route('**/data/yuancheng.json', (route) =>
          route.fulfill({ contentType: 'application/json', body: JSON.stringify(dataset) }));
      }
    },
  });
}

const card = (page, id) => page.locator(`[data-testid="result"][data-id="${id}"]`);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const WEEK_AND_SATURDAY = [{ days: [1, 2, 3, 4, 5], open: '07:30', close: '18:00' }, { days: [6], open: '08:00', close: '12:00' }];

describe('the filters through the address', () => {
  for (const [query, f] of [
    ['?from=07:30', { from: '07:30' }],
    ['?until=18:00', { until: '18:00' }],
    ['?from=07:30&until=18:30', { from: '07:30', until: '18:30' }],
    ['?prepay=3', { prepay: 3 }],
    ['?prepay=0', { prepay: 0 }],
    ['?vacant=1&age=12', { vacant: true, age: 12 }],
    ['?vacant=1&age=18&prepay=3&from=08:00', { vacant: true, age: 18, prepay: 3, from: '08:00' }],
  ]) {
    test(`${query} lists what the spec says`, async () => {
      const { page, context, errors } = await open(query);
      const expected = ids(f);
      assert.ok(expected.length > 0 && expected.length < listed(data).length, 'the case narrows the list');
      await assertList(page, expected);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the band decides: an institution with free places, none for 12 months, is not listed', async () => {
    const banded = listed(data).find((i) => i.places?.vacant > 0 && bandFor(i, 12)?.vacant === 0);
    assert.ok(banded, 'the sample has such a record');
    const { page, context } = await open('?vacant=1&age=12');
    assert.equal(await card(page, banded.id).count(), 0);
    await context.close();
  });

  test('a malformed time or month count is ignored with a note', async () => {
    const { page, context } = await open('?from=25:00&prepay=13');
    await assertList(page, ids({}));
    const body = await page.textContent('body');
    assert.match(body, /送到时间“25:00”/);
    assert.match(body, /预收费月数“13”/);
    await context.close();
  });
});

describe('the filters by tapping', () => {
  test('drop-off and pick-up times land in the address and narrow the list', async () => {
    const { page, context } = await open();
    await openFilters(page);
    await page.getByLabel('几点送到').selectOption('07:30');
    await page.waitForURL(/from=07:30/);
    await assertList(page, ids({ from: '07:30' }));
    await page.getByLabel('几点接走').selectOption('18:00');
    await page.waitForURL(/until=18:00/);
    await assertList(page, ids({ from: '07:30', until: '18:00' }));
    // Shareable: the address alone opens the same list, with the controls showing it.
    const { page: again, context: other } = await open(new URL(page.url()).search);
    await assertList(again, ids({ from: '07:30', until: '18:00' }));
    assert.equal(await again.getByLabel('几点接走').inputValue(), '18:00');
    await other.close();
    await page.getByLabel('几点送到').selectOption('');
    await page.waitForURL((u) => !u.search.includes('from='));
    await assertList(page, ids({ until: '18:00' }));
    await context.close();
  });

  test('预收费不超过3个月 lands in the address and narrows the list', async () => {
    const { page, context } = await open();
    await openFilters(page);
    const chip = page.getByRole('button', { name: '预收费不超过3个月' });
    await chip.click();
    await page.waitForURL(/prepay=3/);
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    await assertList(page, ids({ prepay: 3 }));
    await chip.click();
    await page.waitForURL((u) => !u.search.includes('prepay='));
    await assertList(page, ids({}));
    await context.close();
  });
});

describe('the cards', () => {
  test('show the week, the prepayment line and the child band’s vacancy with its date', async () => {
    const week = listed(data).find((i) => same(i.opening, WEEK_AND_SATURDAY));
    const banded = listed(data).find((i) => bandFor(i, 20) && i.places.as_of);
    const { page, context } = await open('?age=20');
    assert.equal(await card(page, week.id).getByTestId('card-hours').textContent(), '周一至周五 7:30–18:00 · 周六上午');
    const band = bandFor(banded, 20);
    const vacancy = await card(page, banded.id).getByTestId('card-vacancy').textContent();
    assert.ok(vacancy.startsWith(`${band.min}–${band.max} 个月：`), vacancy);
    assert.ok(vacancy.includes(band.vacant === 0 ? '暂无空位' : `空位 ${band.vacant} 个`), vacancy);
    const [, m, d] = banded.places.as_of.split('-').map(Number);
    assert.ok(vacancy.includes(`${m}月${d}日`), vacancy);
    const prepaid = listed(data).find((i) => i.prepayment?.max_months === 3 && i.prepayment.escrow === true);
    assert.equal(await card(page, prepaid.id).getByTestId('card-prepay').textContent(), '预收费最多 3 个月 · 资金监管');
    await context.close();
  });

  test('say 未注明 where the publisher left a field out', async () => {
    const noWeek = listed(data).find((i) => !i.opening);
    const noPrepay = listed(data).find((i) => !i.prepayment);
    const noEscrow = listed(data).find((i) => i.prepayment && i.prepayment.escrow === undefined);
    const { page, context } = await open();
    assert.equal(await card(page, noWeek.id).getByTestId('card-hours').textContent(), '开放时间未按星期注明');
    assert.equal(await card(page, noPrepay.id).getByTestId('card-prepay').textContent(), '预收费未注明');
    assert.match(await card(page, noEscrow.id).getByTestId('card-prepay').textContent(), /资金监管未注明$/);
    await context.close();
  });

  test('in English, with the Chinese terms marked', async () => {
    const week = listed(data).find((i) => same(i.opening, WEEK_AND_SATURDAY));
    const noPrepay = listed(data).find((i) => !i.prepayment);
    const { page, context } = await open('?prepay=12', { locale: 'en-US' });
    await openFilters(page);
    assert.equal(await page.getByRole('button', { name: 'Prepaid at most 12 months' }).getAttribute('aria-pressed'), 'true');
    const { page: one, context: third } = await open('?prepay=1', { locale: 'en-US' });
    await openFilters(one);
    assert.equal(await one.getByRole('button', { name: 'Prepaid at most 1 month', exact: true }).getAttribute('aria-pressed'), 'true');
    await third.close();
    const { page: all, context: other } = await open('', { locale: 'en-US' });
    assert.equal(await card(all, week.id).getByTestId('card-hours').textContent(), 'Mon–Fri 7:30–18:00 · Sat mornings');
    assert.equal(await card(all, noPrepay.id).getByTestId('card-prepay').textContent(), 'Prepaid fees not stated');
    // One month is a month, not "1 months".
    const oneMonth = listed(data).find((i) => i.prepayment?.max_months === 1);
    assert.match(await card(all, oneMonth.id).getByTestId('card-prepay').textContent(), /^Fees collected up to 1 month ahead · /);
    await openFilters(all);
    assert.ok(await all.getByLabel('Drop-off at').isVisible());
    assert.deepEqual(await chineseOutsideChinese(all, '.filters, [data-testid="result"] .card-facts'), []);
    await other.close();
    await context.close();
  });
});

/** The median as the spec defines it, over the listed institutions' monthly fees. */
function median(care, filter = () => true) {
  const fees = listed(data).filter(filter).map((i) => i.fees?.[care]).filter((f) => f?.unit === 'month').map((f) => f.amount).sort((a, b) => a - b);
  const n = fees.length;
  const mid = n % 2 ? fees[(n - 1) / 2] : (fees[n / 2 - 1] + fees[n / 2]) / 2;
  return { amount: Math.round(mid).toLocaleString('en-US'), count: n };
}

describe('the detail page', () => {
  test('shows the week as a table, prepayment, age bands and the district medians', async () => {
    const puhui = listed(data).find((i) => i.puhui && i.fees?.full_day?.unit === 'month' && i.prepayment && i.places?.by_age && i.opening);
    const { page, context } = await open(`?id=${puhui.id}`);
    await page.waitForSelector('[data-testid="opening-week"]');
    const rows = await page.$$eval('[data-testid="opening-week"] tr', (trs) => trs.map((tr) => tr.textContent));
    assert.equal(rows.length, 7);
    const monday = puhui.opening.find((o) => o.days.includes(1));
    assert.equal(rows[0], `周一${monday.open.replace(/^0/, '')}–${monday.close.replace(/^0/, '')}`);
    assert.ok(await page.getByTestId('prepayment').isVisible());
    const bandRows = await page.$$eval('[data-testid="age-bands"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(bandRows, puhui.places.by_age.map((b) => [`${b.min}–${b.max} 个月`, String(b.total), String(b.vacant)]));
    const all = median('full_day');
    const others = median('full_day', (i) => !i.puhui);
    const medians = await page.$$eval('[data-testid="fee-median"]', (els) => els.map((e) => e.textContent));
    assert.ok(medians.includes(`本区全日托月费中位数 ¥${all.amount}，共 ${all.count} 家`), medians.join(' | '));
    assert.ok(medians.includes(`非普惠机构全日托月费中位数 ¥${others.amount}，共 ${others.count} 家`), medians.join(' | '));
    await context.close();
  });

  test('leads from the prepayment line to the article on prepaid fees, and from there to the filter', async () => {
    const prepaid = listed(data).find((i) => i.prepayment);
    const { page, context } = await open(`?id=${prepaid.id}`);
    await page.getByRole('link', { name: '交钱前要问什么' }).click();
    await page.waitForURL(/article=prepaid-fees/);
    const article = page.getByTestId('article');
    await article.waitFor();
    assert.match(await article.locator('h1').textContent(), /预交托育费/);
    const sources = await page.getByTestId('sources').textContent();
    for (const issuer of ['发改价格〔2024〕1477号', '北京市托育机构预付式消费资金管理办法（试行）']) assert.ok(sources.includes(issuer), sources);
    assert.match(await page.getByTestId('reviewed').textContent(), /2026/);
    await article.getByRole('link', { name: '筛选预收费不超过3个月的' }).click();
    await page.waitForURL(/prepay=3/);
    await assertList(page, ids({ prepay: 3 }));
    // Back returns to the article, then to the institution the parent came from.
    await page.goBack();
    await page.waitForURL(/article=prepaid-fees/);
    await page.goBack();
    await page.waitForURL(new RegExp(`id=${prepaid.id}`));
    await context.close();
  });

  test('shows no median where fewer than 5 institutions give that fee', async () => {
    // The sample with only four monthly full-day fees left.
    const few = structuredClone(data);
    let kept = 0;
    for (const i of few.institutions) {
      if (i.fees?.full_day?.unit === 'month' && ++kept > 4) delete i.fees.full_day;
      if (i.fees?.half_day) delete i.fees.half_day;
    }
    const one = few.institutions.find((i) => i.fees?.full_day && i.registration?.status !== 'revoked');
    const { page, context } = await open(`?id=${one.id}`, { dataset: few });
    await page.waitForSelector('h1');
    assert.ok((await page.textContent('.detail')).includes(`${one.fees.full_day.amount} 元/月`));
    assert.equal(await page.getByTestId('fee-median').count(), 0);
    await context.close();
  });

  test('says not stated in English, and fits 320 px in 长辈模式', async () => {
    const bare = listed(data).find((i) => !i.prepayment && !i.opening);
    const { page, context } = await open(`?id=${bare.id}`, { locale: 'en-US', elder: true, viewport: { width: 320, height: 640 } });
    await page.waitForSelector('h1');
    assert.equal(await page.getByTestId('prepayment').textContent(), 'Prepaid fees not stated');
    assert.ok((await page.textContent('.detail')).includes('Hours by weekday not stated'));
    await assertFitsNarrowPhone(page);
    await context.close();
  });

  for (const locale of ['zh-CN', 'en-US']) {
    test(`the cards' new lines are whole at 320 px in 长辈模式 (${locale})`, async () => {
      const { page, context } = await open('?age=20', { locale, elder: true, viewport: { width: 320, height: 640 } });
      await assertList(page, ids({ age: 20 }));
      await assertFitsNarrowPhone(page);
      // Each line is drawn, says something, and wraps inside its card rather than running out.
      const lines = await page.$$eval('[data-testid="result"]', (cards) => cards.map((card) => {
        const box = card.getBoundingClientRect();
        return ['card-hours', 'card-prepay', 'card-vacancy'].map((id) => {
          const line = card.querySelector(`[data-testid="${id}"]`);
          const r = line?.getBoundingClientRect();
          return line && r.width > 0 && line.textContent.trim() !== '' && r.left >= box.left - 1 && r.right <= box.right + 1
            && line.scrollWidth <= line.clientWidth + 1 ? 'ok' : `${card.dataset.id} ${id}`;
        });
      }).flat().filter((v) => v !== 'ok'));
      assert.deepEqual(lines, []);
      await context.close();
    });
  }
});

/** The comparison's cells of the fact headed `label`, one per place. */
function compareRow(page, label) {
  return page.$$eval('[data-testid="compare"] tbody th', (ths, l) => {
    const th = ths.find((h) => h.textContent === l);
    return th ? [...th.parentElement.nextElementSibling.children].map((td) => td.textContent) : null;
  }, label);
}

describe('the comparison', () => {
  test('compares the weeks, the prepayment and the district medians, saying what is not stated', async () => {
    // YC-0001: a structured week, prepayment with 资金监管, a monthly full-day fee, not 普惠.
    // YC-0011: 普惠, hours only as free text, and its prepayment without a word on 资金监管.
    const [stated, loose] = ['YC-0001', 'YC-0011'].map(inst);
    assert.ok(stated.opening && stated.prepayment?.escrow === true && !stated.puhui);
    assert.ok(!loose.opening && loose.hours && loose.prepayment && loose.puhui);
    const { page, context } = await open(`?compare=${stated.id},${loose.id}`);
    await page.waitForSelector('[data-testid="compare"] tbody td');
    const row = (label) => compareRow(page, label);
    assert.deepEqual(await row('预收费'), [
      `预收费最多 ${stated.prepayment.max_months} 个月 · 资金监管`,
      `预收费最多 ${loose.prepayment.max_months} 个月 · ${loose.prepayment.escrow === false ? '无资金监管' : '资金监管未注明'}`,
    ]);
    const [week, hours] = await row('每周开放时间');
    assert.equal(week, '周一至周五 7:00–18:00');
    assert.equal(hours, '开放时间未按星期注明');
    const all = median('full_day');
    const others = median('full_day', (i) => !i.puhui);
    assert.deepEqual(await row('本区月费中位数'), [
      `本区全日托月费中位数 ¥${all.amount}，共 ${all.count} 家`,
      `本区全日托月费中位数 ¥${all.amount}，共 ${all.count} 家；非普惠机构全日托月费中位数 ¥${others.amount}，共 ${others.count} 家`,
    ]);
    await context.close();
  });

  test('compares the places of each age band, and the child band’s vacancy', async () => {
    const banded = listed(data).find((i) => i.places?.by_age?.length > 1 && i.places.as_of && bandFor(i, 20));
    const bare = listed(data).find((i) => !i.places?.by_age);
    const { page, context } = await open(`?compare=${banded.id},${bare.id}&age=20`);
    await page.waitForSelector('[data-testid="compare"] tbody td');
    const row = (label) => compareRow(page, label);
    const [, m, d] = banded.places.as_of.split('-').map(Number);
    const free = (n) => (n === 0 ? '暂无空位' : `空位 ${n} 个`);
    const bands = banded.places.by_age.map((b) => `${b.min}–${b.max} 个月：托位 ${b.total} 个，${free(b.vacant)}`).join('；');
    const [bandsCell, bareCell] = await row('各月龄段托位');
    assert.equal(bandsCell, `${bands}（${m}月${d}日更新）`);
    assert.equal(bareCell, '托位未按月龄段注明');
    const band = bandFor(banded, 20);
    const [vacancy] = await row('空位');
    assert.ok(vacancy.startsWith(`${band.min}–${band.max} 个月：${free(band.vacant)}`), vacancy);
    await context.close();
    const { page: en, context: other } = await open(`?compare=${banded.id},${bare.id}`, { locale: 'en-US' });
    await en.waitForSelector('[data-testid="compare"] tbody td');
    assert.ok((await en.textContent('[data-testid="compare"]')).includes('Places by age not stated'));
    await other.close();
  });
});
