// The dataset's bad days in WebKit: a dead network after a good visit shows the copy kept on
// the phone, with a way to load again; a broken file shows a clear message, not a blank page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listed, readDataset } from '../browser/oracle.mjs';
import { inEachEngine, word } from './harness.mjs';

const data = readDataset();
const DATASET = '/data/yuancheng.json';

inEachEngine('the dataset', (phone) => {
  test('offline after a good visit: the kept copy with its date, and loading again works', async () => {
    await phone.open('/');
    assert.equal(await phone.resultCount(), listed(data).length);
    phone.failPath(DATASET);
    try {
      await phone.open('/');
      const notice = await phone.waitFor('[data-testid="offline-copy"]');
      assert.ok((await notice.getText()).includes(data.published));
      assert.equal(await phone.resultCount(), listed(data).length);
      assert.equal(await phone.count('[data-testid="dataset-error"]'), 0);
    } finally {
      phone.failPath(DATASET, false);
    }
    await phone.tap('button', word('zh', 'status.offline_retry'));
    await phone.until(() => !document.querySelector('[data-testid="offline-copy"]'), 'the notice goes');
    assert.equal(await phone.resultCount(), listed(data).length);
    await phone.assertHealthy();
  });

  test('a broken file: a clear message and a retry, never a blank page', async () => {
    await phone.open('/?data=/fixtures/not-json.json');
    const error = await phone.waitFor('[data-testid="dataset-error"]');
    assert.ok((await error.getText()).includes(word('zh', 'status.dataset_error_heading')));
    assert.ok(await phone.count('button') > 0);
    await phone.assertHealthy();
  });
});
