// The map in WebKit: on WPE 2.38 (the iOS 16 generation) it once drew the tiles' frame and no
// marker, trapping in a closure call (docs/browsers.md says why). Markers must stand for the
// listed results, the parent's radius must be drawn, and a marker must open its card.
// The test machine has no way out, so the tiles fail and the map draws on a plain background.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { expectedIds, readDataset } from '../browser/oracle.mjs';
import { repoRoot } from '../browser/server.mjs';
import { inEachEngine } from './harness.mjs';

const near = { lat: 23.7431, lng: 114.6972 };
const markerTotal = () => [...document.querySelectorAll('[data-testid="marker"]')]
  .reduce((n, e) => n + Number(e.dataset.count), 0);

inEachEngine('the map', (phone) => {
  test('markers for exactly the listed results, with the radius drawn', async () => {
    await phone.open(`/?view=map&puhui=1&near=${near.lat},${near.lng}&radius=3000`);
    const count = await phone.resultCount();
    assert.equal(count, expectedIds(readDataset(), { puhui: true, near, radius: 3000 }).length);
    await phone.waitFor('[data-testid="marker"]');
    assert.equal(await phone.eval(`return (${markerTotal})()`), count);
    assert.ok(await phone.count('[data-testid="map"] path') > 0, 'the radius and the point are drawn');
    await phone.assertHealthy();
  });

  test('a marker opens its card', async () => {
    const fixture = readDataset(join(repoRoot, 'tests/fixtures/datasets/wgs84.json'));
    const w02 = fixture.institutions.find((i) => i.id === 'W-02');
    await phone.open(`/?view=map&data=/fixtures/wgs84.json&near=${near.lat},${near.lng}`);
    await phone.tap('[data-testid="marker"][data-id="W-02"]');
    const card = await phone.waitFor('[data-testid="map-card"]');
    assert.ok((await card.getText()).includes(w02.name));
    await phone.assertHealthy();
  });
});
