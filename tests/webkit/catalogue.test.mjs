// A catalogue in WebKit: the picker offers the cities, a city's districts are fetched in
// parallel and merged into one list, and a district that fails is named while the rest shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inEachEngine } from './harness.mjs';

const ROOT = '/catalogue/root.json';

inEachEngine('a catalogue', (phone) => {
  test('picker, a city of three districts as one list, and a failing district named', async () => {
    await phone.open(`/?data=${ROOT}`);
    await phone.waitFor('[data-testid="region-choice"][data-code="441600"]');
    assert.equal(await phone.count('[data-testid="region-choice"]'), 2);
    await phone.open(`/?data=${ROOT}&region=441600`);
    assert.equal(await phone.resultCount(), 11);
    const codes = await phone.eval(() => document.querySelector('[data-testid="scope"]').dataset.codes);
    assert.equal(codes, '441602,441625,441621');
    phone.failPath('/catalogue/441600/441625.json');
    try {
      await phone.open(`/?data=${ROOT}&region=441600&puhui=1`);
      await phone.waitFor('[data-testid="scope-failure"][data-code="441625"]');
      assert.equal(await phone.resultCount(), 4);
    } finally {
      phone.failPath('/catalogue/441600/441625.json', false);
    }
    await phone.assertHealthy();
  });
});
