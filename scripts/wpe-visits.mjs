// Counts WebAssembly traps over fresh visits in one WebKit engine (docs/browsers.md, issue 15):
// each visit opens the list, taps the first card and reads its detail page, as a parent would.
// The engine runs with whatever JSC_* variables this script is started with, and nothing else
// (the test run's own engine settings are left out), so
//   JSC_useWasmLLIntLoopOSR=false node scripts/wpe-visits.mjs 25
// measures one JavaScriptCore option against the engine's defaults. Against dist/, or the build
// that TUOYU_DIST names. Prints one line per visit, then "traps/visits".
//
// Each visit is in a browser started for it (a parent opening the link from a chat), unless
// TUOYU_VISITS_PER_BROWSER says how many to make in one.
//
// Usage: node scripts/wpe-visits.mjs [visits=25] [engine=wpe]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../tests/browser/server.mjs';
import { engines, Phone } from '../tests/webkit/harness.mjs';

const visits = Number(process.argv[2] ?? 25);
const key = process.argv[3] ?? 'wpe';
process.env.TUOYU_WEBKIT = key;
const [engine] = engines();

// The app's page with a first script that keeps every error's message and stack, so a trap
// can be told apart from a timeout and located (wasm-function[index] in the stack).
const RECORDER = `<script>window.__errors=[];function __keep(e){if(e)__errors.push(String(e)+'\\n'+(e.stack||''))}
addEventListener('error',function(e){__keep(e.error)});addEventListener('unhandledrejection',function(e){__keep(e.reason)});</script>`;
const page = readFileSync(join(distDir, 'index.html'), 'utf8').replace('<head>', `<head>${RECORDER}`);
const respond = (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path !== '/' && path !== '/index.html') return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page);
  return true;
};

const perBrowser = Number(process.env.TUOYU_VISITS_PER_BROWSER ?? 1);
let phone;
const jsc = Object.entries(process.env).filter(([k]) => k.startsWith('JSC_')).map(([k, v]) => `${k}=${v}`);
console.log(`${engine.name}, ${distDir}, ${jsc.join(' ') || 'engine defaults'}`);

const faultOrErrors = () => phone.eval(() => document.querySelector('[data-testid="fault"]') || (window.__errors || []).length > 0);
/** Waits for `css` or a fault, whichever comes first; true when `css` came. */
async function reached(css) {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const state = await phone
      .eval((s) => (document.querySelector('[data-testid="fault"]') || (window.__errors || []).length ? 'fault'
        : document.querySelector(s) ? 'ok' : null), css)
      .catch(() => null);
    if (state) return state === 'ok';
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

let traps = 0;
for (let visit = 1; visit <= visits; visit++) {
  if ((visit - 1) % perBrowser === 0) {
    await phone?.stop();
    phone = new Phone({ ...engine, env: {} }, { respond });
    await phone.start();
    // A check of this count itself: TUOYU_VISITS_FAULT=detail:trap must count every visit.
    if (process.env.TUOYU_VISITS_FAULT) {
      await phone.eval((f) => localStorage.setItem('tuoyu.test.fault', f), process.env.TUOYU_VISITS_FAULT);
    }
  }
  const started = Date.now();
  await phone.open('/');
  let step = 'list';
  let ok = await reached('[data-testid="result"] .card-link');
  if (ok) {
    step = 'detail';
    await phone.eval(() => document.querySelector('[data-testid="result"] .card-link').click());
    ok = await reached('.sheet h1');
  }
  if (ok && (await faultOrErrors())) ok = false;
  const errors = await phone.eval(() => window.__errors || []).catch(() => []);
  if (!ok) traps++;
  const what = ok ? 'ok' : errors.length ? `trap at the ${step}: ${errors[0].split('\n').slice(0, 6).join(' | ')}`
    : `no ${step} within 20 s, no error`;
  console.log(`visit ${visit} (${Date.now() - started} ms): ${what}`);
}
console.log(`${traps}/${visits}`);
await phone.stop();
