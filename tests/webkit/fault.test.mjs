// A fault inside the app in WebKit: a panic or a trap leaves a notice in the page's language
// with a reload button, and the list on screen stays readable and scrolls. The app fails on
// purpose through its test hook (src/fault.rs: a key in the site's storage, which no link
// can set); tests/browser/fault.test.mjs does the same in Chromium.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listed, readDataset } from '../browser/oracle.mjs';
import { inEachEngine, word } from './harness.mjs';

const [first] = listed(readDataset());
const FAULT_KEY = 'tuoyu.test.fault';
const ask = (phone, fault) => phone.eval((k, v) => (v ? localStorage.setItem(k, v) : localStorage.removeItem(k)), FAULT_KEY, fault);

/** The first card, scrolled to the top, is what the parent sees there: not covered, not blank. */
const cardReadable = () => {
  const card = document.querySelector('[data-testid="result"]');
  card.scrollIntoView({ block: 'start' });
  const r = card.getBoundingClientRect();
  return document.elementFromPoint(r.left + 8, r.top + 8)?.closest('[data-testid="result"]') === card
    && card.querySelector('.card-name').textContent.length > 0;
};

inEachEngine('a fault inside the app', (phone) => {
  test('a panic opening a detail page: a Chinese notice, the list still readable, reload works', async () => {
    await phone.open('/');
    await phone.resultCount();
    const drawn = await phone.until(() => document.querySelectorAll('[data-testid="result"]').length, 'cards');
    await ask(phone, 'detail:panic');
    await phone.tap(`[data-testid="result"][data-id="${first.id}"] .card-link`);
    const notice = await phone.waitFor('[data-testid="fault"]');
    assert.equal(await phone.text('[data-testid="fault"] p'), word('zh', 'status.fault_message'));
    assert.equal(await notice.getAttribute('lang'), 'zh-CN');
    assert.equal(await phone.count('[data-testid="result"]'), drawn);
    assert.ok(await phone.eval(cardReadable), 'the first card is readable');
    await ask(phone, null);
    await phone.tap('[data-testid="fault"] button', word('zh', 'status.fault_reload'));
    await phone.until(() => !document.querySelector('[data-testid="fault"]'), 'a new page');
    await phone.waitFor('.sheet h1');
    assert.equal(await phone.text('.sheet h1'), first.name);
    await phone.assertHealthy();
  });

  test('a trap drawing the map, in English: the notice in English', async () => {
    await phone.open('/');
    await phone.tap('.language-switch');
    await phone.until(() => document.documentElement.lang.startsWith('en'), 'English');
    await ask(phone, 'map:trap');
    try {
      await phone.tap('.segment', word('en', 'finder.view_map'));
      await phone.waitFor('[data-testid="fault"]');
      assert.equal(await phone.text('[data-testid="fault"] p'), word('en', 'status.fault_message'));
      assert.equal(await phone.text('[data-testid="fault"] button'), word('en', 'status.fault_reload'));
    } finally {
      await ask(phone, null);
    }
    await phone.tap('[data-testid="fault"] button');
    await phone.until(() => !document.querySelector('[data-testid="fault"]'), 'a new page');
    // The trap may come before the address is written (route.rs writes it after the paint).
    await phone.resultCount();
    if (!(await phone.query()).includes('view=map')) await phone.tap('.segment', word('en', 'finder.view_map'));
    await phone.waitFor('[data-testid="marker"]');
    await phone.tap('.language-switch');
    await phone.assertHealthy();
  });
});
