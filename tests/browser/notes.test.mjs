// Every note the core can raise about a link is shown, worded for the parent, and the rest of
// the link still applies. An `area=` the dataset lacks (a stale link from family) is one of
// them: the parent sees the note and the whole list, not "no childcare here".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resultCount, useBrowserAndSite } from './harness.mjs';
import { expectedIds, readDataset } from './oracle.mjs';

const all = expectedIds(readDataset(), {}).length;
const { open } = useBrowserAndSite();

async function noteText(page) {
  const note = page.getByTestId('query-note');
  await note.waitFor({ timeout: 5_000 });
  return (await note.textContent()).replace(/\s+/g, ' ');
}

describe('an area the dataset does not have', () => {
  test('is named in a note, the whole list shows, and the next change drops it from the address', async () => {
    const { page, context, errors } = await open('?area=999999');
    assert.match(await noteText(page), /忽略了本数据中没有的镇街“999999”/);
    await page.waitForFunction((n) => document.querySelector('[data-testid="result-count"]')
      ?.textContent.includes(String(n)), all, { timeout: 5_000 }).catch(() => {});
    assert.equal(await resultCount(page), all);
    assert.equal(await page.getByTestId('result').count() > 0, true, 'institutions are listed');
    // The area picker says "all areas", as the list does.
    assert.equal(await page.locator('.location select').inputValue(), '');
    await page.getByRole('button', { name: '只看普惠' }).click();
    await page.waitForURL(/puhui=1/);
    assert.ok(!page.url().includes('area='), page.url());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('is worded in English in the English interface', async () => {
    const { page, context } = await open('?area=999999', { locale: 'en-GB' });
    assert.match(await noteText(page), /Left out the area “999999”: it is not in this list/);
    assert.equal(await resultCount(page), all);
    await context.close();
  });
});

describe('each kind of note on the link', () => {
  const cases = [
    ['an unknown code', '?types=full_day,nightly', '忽略了无法识别的托育类型“nightly”'],
    ['a flag that is not 1 or 0', '?puhui=yes', '忽略了无法识别的普惠筛选值“yes”（应为 1 或 0）'],
    ['an age beyond 36 months', '?age=40', '忽略了超出范围的年龄“40”（应为 0–36 个月）'],
    ['a place outside China', '?near=999,0', '忽略了无法识别的位置“999,0”（应为中国境内的“纬度,经度”）'],
    ['a radius without a place', '?radius=500', '忽略了距离范围“500 米”：没有给出位置'],
    ['an unreadable radius', '?near=23.7431,114.6972&radius=-1', '忽略了无法识别的距离范围“-1”（应为 1–100000 米）'],
    ['a distance sort without a place', '?sort=distance', '没有给出位置，无法按距离排序，已改为默认排序'],
    ['a birth date that is not a date', '?born=soon', '忽略了出生日期“soon”：请按“年-月-日”填写出生日期，例如 2024-03-15'],
    ['too many institutions to compare', '?compare=YC-0001,YC-0002,YC-0003,YC-0004', '对比最多 3 家机构，已忽略其余或无法识别的编号'],
  ];
  for (const [what, query, sentence] of cases) {
    test(`${what}: ${query}`, async () => {
      const { page, context, errors } = await open(query);
      const text = await noteText(page);
      assert.ok(text.includes(sentence), `${text} should say ${sentence}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
