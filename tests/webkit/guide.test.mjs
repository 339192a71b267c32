// Smoke tests of the guidance views in WebKit: the guide's index, an article opened by a tap,
// and my child's plan from a birth date in the address. tests/browser/guide.test.mjs covers
// their content; here they have to open and draw in WeChat's iPhone engines.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { distDir } from '../browser/server.mjs';
import { inEachEngine, word } from './harness.mjs';

const guide = JSON.parse(readFileSync(join(distDir, 'guide.json'), 'utf8'));

inEachEngine('the guide and the plan', (phone) => {
  test('the guide lists its articles, and a tap opens one', async () => {
    await phone.open('/?page=guide');
    await phone.waitFor('[data-testid="guide-entry"]');
    assert.equal(await phone.count('[data-testid="guide-entry"]') > 0, true);
    const slug = await phone.eval(() => document.querySelector('[data-testid="guide-entry"]').dataset.slug);
    const article = guide.articles.find((a) => a.slug === slug);
    await phone.tap(`[data-testid="guide-entry"][data-slug="${slug}"] a`);
    await phone.waitFor('[data-testid="article"] h1');
    assert.equal(await phone.text('[data-testid="article"] h1'), article.title);
    assert.match(await phone.query(), new RegExp(`article=${encodeURIComponent(slug)}`));
    await phone.tap('a, button', word('zh', 'guide.back_to_guide'));
    await phone.waitFor('[data-testid="guide-entry"]');
    await phone.assertHealthy();
  });

  test('my child’s plan from a birth date', async () => {
    await phone.open('/?page=baby&born=2025-05-20');
    await phone.waitFor('[data-testid="plan"]');
    assert.match(await phone.text('[data-testid="plan-age"]'), /\d+ 个月/);
    await phone.assertHealthy();
  });
});
