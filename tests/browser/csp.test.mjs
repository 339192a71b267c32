// The Content-Security-Policy written at build time: the app runs under it (so Trunk's loader
// and our inline checks are allowed by hash), and a script injected into the page does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phonePage, resultCount, useBrowserAndSite, waitForList } from './harness.mjs';
import { fixturesDir, startServer } from './server.mjs';

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

test('the page carries a policy that allows only its own scripts, and the app runs', async () => {
  const { page, context, errors } = await phonePage(browser);
  await page.goto(`${site.origin}/`);
  await waitForList(page);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  const scripts = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.ok(scripts.includes("'self'") && !scripts.includes("'unsafe-inline'"), scripts);
  assert.ok((await resultCount(page)) > 40);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an injected inline script and an injected event handler do not run', async () => {
  const { page, context } = await phonePage(browser);
  await page.goto(`${site.origin}/`);
  await waitForList(page);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = "script"';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__pwned = \'handler\'">';
    document.body.append(holder);
    await new Promise((r) => setTimeout(r, 300));
    return { pwned: window.__pwned ?? null, violations };
  });
  assert.equal(outcome.pwned, null);
  assert.ok(outcome.violations.some((d) => d.startsWith('script-src')), JSON.stringify(outcome.violations));
  await context.close();
});

test('a request to another origin is blocked by the policy itself, not only by the app', async () => {
  const seen = [];
  const other = await startServer({ '/': fixturesDir }, { onRequest: (req) => seen.push(req.url) });
  const { page, context } = await phonePage(browser);
  await page.goto(`${site.origin}/`);
  await waitForList(page);
  const violations = await page.evaluate(async (url) => {
    const found = [];
    document.addEventListener('securitypolicyviolation', (e) => found.push(e.violatedDirective));
    await fetch(url).catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    return found;
  }, `${other.origin}/wgs84.json`);
  assert.ok(violations.some((d) => d.startsWith('connect-src')), JSON.stringify(violations));
  assert.deepEqual(seen, []);
  await other.close();
  await context.close();
});
