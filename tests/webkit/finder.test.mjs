// Smoke tests of the finder's views in WebKit: the list and a filter changed by a tap, the detail
// page, the comparison, sharing, and 长辈模式. The Chromium suite (tests/browser/) covers the detail
// of each; here each view has to work in the engines WeChat on iPhone uses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedIds, listed, readDataset } from '../browser/oracle.mjs';
import { inEachEngine, word } from './harness.mjs';

const data = readDataset();
const [first, second] = listed(data);

inEachEngine('the finder', (phone) => {
  test('the list, and a filter chip changed by a tap', async () => {
    await phone.open('/');
    assert.equal(await phone.resultCount(), listed(data).length);
    await phone.tap('button', word('zh', 'finder.puhui_only'));
    const puhui = expectedIds(data, { puhui: true }).length;
    await phone.until((n) => document.querySelector('[data-testid="result-count"]')?.textContent.includes(String(n))
      && location.search.includes('puhui=1'), 'the 普惠 list in the address', puhui);
    assert.equal(await phone.resultCount(), puhui);
    // The answering frame draws the first cards and the rest of the batch follows the paint.
    await phone.until((n) => document.querySelectorAll('[data-testid="result"]').length >= n,
      'the first batch of cards', Math.min(puhui, 20));
    const drawn = await phone.count('[data-testid="result"]');
    assert.ok(drawn >= Math.min(puhui, 20) && drawn <= puhui, `${drawn} cards drawn of ${puhui}`);
    await phone.assertHealthy();
  });

  test('a tap on a card opens its detail page, and back returns to the list', async () => {
    await phone.open('/');
    await phone.tap(`[data-testid="result"][data-id="${first.id}"] .card-link`);
    await phone.waitFor('.sheet h1');
    assert.equal(await phone.text('.sheet h1'), first.name);
    assert.match(await phone.query(), new RegExp(`id=${first.id}`));
    await phone.tap('.sheet button', word('zh', 'detail.back_to_list'));
    await phone.until(() => !location.search.includes('id=') && !document.querySelector('.sheet'), 'the list again');
    assert.equal(await phone.resultCount(), listed(data).length);
    await phone.assertHealthy();
  });

  test('two institutions compared side by side', async () => {
    await phone.open(`/?compare=${first.id},${second.id}`);
    const table = await phone.waitFor('[data-testid="compare"]');
    const text = await table.getText();
    assert.ok(text.includes(first.name) && text.includes(second.name), text);
    assert.ok(text.includes(word('zh', 'detail.compare_vacancy')));
    await phone.assertHealthy();
  });

  test('share answers the tap: the link copied, or how to copy it', async () => {
    await phone.open(`/?id=${first.id}`);
    await phone.tap('[data-testid="share"]');
    const answers = [word('zh', 'finder.share_copied'), word('zh', 'finder.share_copy_failed')];
    const said = await phone.until((a) => a.find((t) => document.querySelector('[data-testid="share"]').textContent.includes(t)),
      'an answer on the share button', answers);
    assert.ok(answers.includes(said));
    await phone.assertHealthy();
  });

  test('长辈模式: one tap makes the text bigger', async () => {
    await phone.open('/');
    await phone.waitFor('.card-name');
    const size = () => phone.eval(() => parseFloat(getComputedStyle(document.querySelector('.card-name')).fontSize));
    const before = await size();
    await phone.tap('.elder-toggle');
    await phone.until(() => document.querySelector('.elder-toggle').getAttribute('aria-pressed') === 'true', '长辈模式 on');
    assert.ok((await size()) > before * 1.15, `${before} px grew to ${await size()} px`);
    await phone.tap('.elder-toggle');
    await phone.assertHealthy();
  });
});
