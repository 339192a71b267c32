// A catalogue in WebKit: the picker offers the cities, a district that fails is named while the
// rest shows, and a city's districts are fetched in parallel and merged into one list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inEachEngine } from './harness.mjs';

const ROOT = '/catalogue/root.json';
// Failed before it is ever fetched: a copy in the engine's HTTP cache would be used instead.
const FAILING = '/catalogue/441600/441625.json';

inEachEngine('a catalogue', (phone) => {
  test('picker, a failing district named, and a city of three districts as one list', async () => {
    await phone.open(`/?data=${ROOT}`);
    await phone.waitFor('[data-testid="region-choice"][data-code="441600"]');
    assert.equal(await phone.count('[data-testid="region-choice"]'), 2);
    phone.failPath(FAILING);
    try {
      await phone.open(`/?data=${ROOT}&region=441600&puhui=1`);
      await phone.waitFor('[data-testid="scope-failure"][data-code="441625"]');
      assert.equal(await phone.resultCount(), 4);
    } finally {
      phone.failPath(FAILING, false);
    }
    await phone.open(`/?data=${ROOT}&region=441600`);
    assert.equal(await phone.resultCount(), 11);
    const codes = await phone.eval(() => document.querySelector('[data-testid="scope"]').dataset.codes);
    assert.equal(codes, '441602,441625,441621');
    await phone.assertHealthy();
  });
});
