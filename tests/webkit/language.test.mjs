// The English interface in WebKit, switched by a tap as a parent would: the header, the list's
// count and a card's words change language at once, the data stays Chinese and marked so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listed, readDataset } from '../browser/oracle.mjs';
import { inEachEngine, word } from './harness.mjs';

const data = readDataset();

inEachEngine('English', (phone) => {
  test('one tap on “English” switches the interface; the names stay Chinese', async () => {
    await phone.open('/');
    await phone.resultCount();
    await phone.tap('.language-switch');
    await phone.until(() => document.documentElement.lang.startsWith('en'), 'html lang="en"');
    await phone.until((t) => document.querySelector('.tab')?.textContent.includes(t), 'English tabs', word('en', 'app.tab_finder'));
    assert.equal(await phone.text('.language-switch'), word('en', 'app.language_switch'));
    assert.equal(await phone.resultCount(), listed(data).length);
    assert.equal(await phone.eval(() => document.querySelector('.card-name').closest('[lang]').lang), 'zh-CN');
    await phone.tap('.language-switch');
    await phone.until(() => document.documentElement.lang.startsWith('zh'), 'back to Chinese');
    await phone.assertHealthy();
  });
});
