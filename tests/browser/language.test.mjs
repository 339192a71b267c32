// The interface's language: Chinese or English from the browser's preference, switched from
// the header at once without losing the list, remembered on the phone. In English, only the
// dataset's own words (and the switch back to 中文) are Chinese, and each sits under lang="zh".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoSideScroll, axeViolations, chineseOutsideChinese, openPage, phonePage, resultCount, resultIds, useBrowserAndSite,
  waitForList,
} from './harness.mjs';
import { listed, readDataset } from './oracle.mjs';

const HAN = /\p{Script=Han}/u;
const data = readDataset();
let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

const open = (locale, query, options) => openPage(browser, site, query, { locale, ...options });

describe("the browser's language", () => {
  test('a browser preferring English gets the English interface', async () => {
    const { page, context, errors } = await open('en-US');
    assert.equal(await htmlLang(page), 'en');
    assert.equal((await page.locator('.tabs .tab').first().textContent()).trim(), 'Find care');
    assert.match(await page.getByTestId('sample-banner').textContent(), /^Sample data/);
    assert.equal((await page.locator('.language-switch').textContent()).trim(), '中文');
    assert.equal(await resultCount(page), listed(data).length);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const locale of ['zh-CN', 'fr-FR']) {
    test(`a browser preferring ${locale} gets the Chinese interface`, async () => {
      const { page, context, errors } = await open(locale);
      assert.equal(await htmlLang(page), 'zh-CN');
      assert.equal((await page.locator('.tabs .tab').first().textContent()).trim(), '找托育');
      assert.match(await page.getByTestId('sample-banner').textContent(), /^示例数据/);
      assert.equal((await page.locator('.language-switch').textContent()).trim(), 'English');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('the switch in the header', () => {
  test('changes the language at once, keeps the address and the list, and is remembered', async () => {
    const query = '?types=full_day&puhui=1&sort=name';
    const { page, context, errors } = await open('en-US', query);
    const before = await resultIds(page);
    assert.ok(before.length > 0);
    assert.equal(await htmlLang(page), 'en');
    await page.locator('.language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: 2_000 });
    assert.equal((await page.locator('.tabs .tab').first().textContent()).trim(), '找托育');
    assert.equal(new URL(page.url()).search, query);
    assert.deepEqual(await resultIds(page), before);
    // The browser still prefers English; the parent's choice wins, also after a reload.
    await page.reload();
    await waitForList(page);
    assert.equal(await htmlLang(page), 'zh-CN');
    assert.equal((await page.locator('.tabs .tab').first().textContent()).trim(), '找托育');
    assert.equal(new URL(page.url()).search, query);
    assert.deepEqual(await resultIds(page), before);
    // And back again.
    await page.locator('.language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 2_000 });
    assert.equal((await page.locator('.tabs .tab').first().textContent()).trim(), 'Find care');
    assert.deepEqual(await resultIds(page), before);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a saved language the interface lacks is reset with a notice, never a crash', async () => {
    for (const [saved, why] of [
      ['{"elder":true,"lang":"xx"}', /language/],
      ['{"elder":true,"lang":5}', /display settings/],
    ]) {
      const tab = await phonePage(browser, { locale: 'en-US' });
      await tab.context.addInitScript((value) => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('tuoyu.settings.v1', value);
        }
      }, saved);
      await tab.page.goto(`${site.origin}/`);
      await waitForList(tab.page);
      assert.equal(await htmlLang(tab.page), 'en', saved);
      const notice = await tab.page.getByTestId('prefs-notice').textContent();
      assert.match(notice, why, saved);
      assert.doesNotMatch(notice, HAN, saved);
      assert.equal(await resultCount(tab.page), listed(data).length);
      const kept = await tab.page.evaluate(() => JSON.parse(localStorage.getItem('tuoyu.settings.v1')));
      assert.equal(kept.lang, undefined, saved);
      await tab.page.getByRole('button', { name: 'OK' }).click();
      await tab.page.getByTestId('prefs-notice').waitFor({ state: 'detached' });
      assert.deepEqual(tab.errors, []);
      await tab.context.close();
    }
  });
});

describe('messages in English', () => {
  for (const [query, why] of [
    ['?data=/fixtures/not-json.json', /not valid JSON \(line \d+, column \d+\)/],
    ['?data=/fixtures/no-such-file.json', /HTTP 404/],
    ['?data=https://data.example.com/list.json', /For safety.*https:\/\/data\.example\.com/],
    ['?data=//evil.example/x.json', /not on this site/],
  ]) {
    test(`the dataset error for ${query} reads in English`, async () => {
      const { page, context, errors } = await open('en-US', query);
      const text = await page.getByTestId('dataset-error').textContent();
      assert.match(text, /cannot be shown right now/);
      assert.match(text, why);
      assert.doesNotMatch(text, HAN);
      assert.ok(await page.getByRole('button', { name: 'Try again' }).isVisible());
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the offline notice reads in English, with its dates', async () => {
    const { page, context } = await open('en-US');
    let offline = true;
    await page.route('**/data/yuancheng.json', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.reload();
    await waitForList(page);
    const notice = await page.getByTestId('offline-copy').textContent();
    assert.match(notice, /^No network/);
    assert.match(notice, new RegExp(`published ${data.published}`));
    assert.doesNotMatch(notice, HAN);
    offline = false;
    await page.getByRole('button', { name: 'Load again from the network' }).click();
    await page.getByTestId('offline-copy').waitFor({ state: 'detached' });
    await context.close();
  });

  test('the data notes read in English; the reasons records were left out stay Chinese, marked so', async () => {
    const { page, context } = await open('en-US', '?data=/fixtures/bad-records.json');
    assert.match(await page.locator('.data-line .warn').textContent(), /^5 records are not shown/);
    await page.locator('.data-notes summary').click();
    assert.equal(await page.textContent('[data-testid="skipped-count"]'), '5');
    const notes = await page.textContent('.data-notes');
    assert.match(notes, /This time 5 invalid records were left out\./);
    assert.match(notes, /Records left out, and why \(the reasons are in Chinese\)/);
    assert.match(await page.locator('.data-notes .problems li').first().textContent(), /^(Record \d+|\S+)( \([^)]+\))?: /);
    const stray = await page.$$eval('.data-line *', (els, source) => els
      .flatMap((e) => [...e.childNodes].filter((n) => n.nodeType === 3 && new RegExp(source, 'u').test(n.data)).map((n) => [n, e]))
      .filter(([, e]) => !e.closest('[lang]').getAttribute('lang').startsWith('zh'))
      .map(([n]) => n.data), HAN.source);
    assert.deepEqual(stray, []);
    await context.close();
  });

  test('notes on the link read in English', async () => {
    const { page, context } = await open('en-US', '?age=abc&types=full_day,nightly&sort=distance');
    const text = await page.getByTestId('query-note').textContent();
    assert.match(text, /Left out an unknown age: “abc”/);
    assert.match(text, /Left out an unknown type of care: “nightly”/);
    assert.match(text, /cannot be sorted by distance/);
    assert.doesNotMatch(text, HAN);
    await context.close();
  });
});

describe('the English finder page', () => {
  test('has Chinese text only inside elements marked lang="zh…"', async () => {
    const { page, context } = await open('en-US', '?near=23.7431,114.6972&sort=distance');
    await page.locator('.data-notes summary').click();
    assert.deepEqual(await chineseOutsideChinese(page), []);
    await context.close();
  });

  test('has no serious or critical accessibility violation', async () => {
    const { page, context } = await open('en-US', '', { bypassCSP: true });
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('has no horizontal scroll at 320 px', async () => {
    const tab = await phonePage(browser, { locale: 'en-US' });
    await tab.page.setViewportSize({ width: 320, height: 640 });
    await tab.page.goto(`${site.origin}/?near=23.7431,114.6972`);
    await waitForList(tab.page);
    await tab.page.locator('.data-notes summary').click();
    await tab.page.waitForTimeout(300);
    await assertNoSideScroll(tab.page);
    await tab.context.close();
  });
});
