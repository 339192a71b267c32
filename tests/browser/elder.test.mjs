// 长辈模式 and the header on narrow phones: the large mode enlarges every line of a card, the
// header's tabs never break inside a word, and the switch shows its state rather than the
// other choice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { PHONE, phonePage, useBrowserAndSite, waitForList } from './harness.mjs';
import { repoRoot } from './server.mjs';

const artifacts = join(repoRoot, 'tests', 'browser', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const LANGUAGES = [
  ['Chinese', 'zh-CN', { mode: '长辈模式', tabs: ['找托育', '育儿指南', '我的宝宝'] }],
  ['English', 'en-US', { mode: 'Large text', tabs: ['Find care', 'Guide', 'Baby'] }],
];

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

async function open({ locale = 'zh-CN', width = PHONE.width, elder = false } = {}) {
  const tab = await phonePage(browser, { locale, viewport: { width, height: PHONE.height } });
  if (elder) await tab.page.addInitScript(() => localStorage.setItem('tuoyu.settings.v1', JSON.stringify({ elder: true })));
  await tab.page.goto(`${site.origin}/`);
  await waitForList(tab.page);
  return tab;
}

/** Font sizes of the first card's lines: care types, fee, vacancy, 备案. */
function cardSizes(page) {
  return page.$eval('[data-testid="result"]', (card) => {
    const size = (el) => parseFloat(getComputedStyle(el).fontSize);
    const of = (selector) => size(card.querySelector(selector));
    return { care: of('.card-care'), fee: of('.card-fee'), vacancy: of('.card-vacancy'), registration: of('.card-registration') };
  });
}

describe('长辈模式', () => {
  test('enlarges fee, vacancy and 备案 as much as the care-type line', async () => {
    const standard = await open();
    const before = await cardSizes(standard.page);
    await standard.context.close();
    const elder = await open({ elder: true });
    const after = await cardSizes(elder.page);
    await elder.page.screenshot({ path: join(artifacts, 'elder-390.png') });
    await elder.context.close();
    assert.ok(after.care > before.care * 1.15, 'the care-type line grows');
    for (const line of ['fee', 'vacancy', 'registration']) {
      assert.ok(after[line] > before[line] * 1.15, `${line}: ${before[line]} → ${after[line]} px`);
      assert.ok(after[line] >= after.care * 0.9, `${line} is as large as the care types`);
    }
  });

  for (const [language, locale, words] of LANGUAGES) {
    test(`the switch names the mode and shows whether it is on (${language})`, async () => {
      const { page, context } = await open({ locale });
      const toggle = page.locator('.elder-toggle');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      assert.equal((await toggle.textContent()).trim(), words.mode);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal((await toggle.textContent()).trim(), words.mode, 'on, it still names the mode, not the other choice');
      // The state is seen too, not only heard: the pressed switch looks different.
      const look = (pressed) => page.evaluate((p) => {
        const el = document.querySelector('.elder-toggle');
        const style = getComputedStyle(el);
        return [style.backgroundColor, getComputedStyle(el, '::before').content, p];
      }, pressed);
      const [onBackground, onTick] = await look(true);
      await toggle.click();
      const [offBackground, offTick] = await look(false);
      assert.notEqual(onBackground, offBackground);
      assert.notEqual(onTick, offTick);
      await context.close();
    });
  }
});

describe('the header tabs', () => {
  for (const [language, locale, words] of LANGUAGES) {
    for (const width of [320, 390]) {
      for (const elder of [false, true]) {
        test(`never break a word at ${width} px (${language}${elder ? ', 长辈模式' : ''})`, async () => {
          const { page, context } = await open({ locale, width, elder });
          const tabs = await page.$$eval('.app .tabs .tab', (els) => els.map((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
            const box = el.getBoundingClientRect();
            return { text: el.textContent.trim(), lines, right: box.right };
          }));
          assert.deepEqual(tabs.map((t) => t.text), words.tabs);
          for (const tab of tabs) {
            assert.equal(tab.lines, 1, `"${tab.text}" on ${tab.lines} lines`);
            assert.ok(tab.right <= width, `"${tab.text}" ends at ${tab.right}`);
          }
          const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
          assert.ok(scroll <= inner, `the page is ${scroll} px wide`);
          if (width === 390 && !elder) {
            // On a common phone the header is one row, so the list starts as high in English.
            const rows = await page.$$eval('.app .top > *', (els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size);
            assert.equal(rows, 1, 'the header on one row');
          }
          if (width === 320) await page.screenshot({ path: join(artifacts, `header-320-${locale}${elder ? '-elder' : ''}.png`) });
          await context.close();
        });
      }
    }
  }
});
