#!/usr/bin/env node
// The speed benchmark of issue 5: drives the release build in dist/ in headless Chromium at a
// phone's size and prints a table; writes docs/performance.md. Not part of the test command.
//
//   trunk build --release && node scripts/bench.mjs [--runs N] [--sizes 1000,10000,100000]
//                                                   [--no-native] [--out docs/performance.md]
//   node scripts/bench.mjs --interactions-only [--sizes 1000] [--cpu 4] [--reps 8]
//   node scripts/bench.mjs --catalogue-only [--runs N]      [--no-catalogue to leave it out]
//
// --interactions-only runs just the synthetic datasets' load and interaction rows (no cold
// loads, no native core, docs/performance.md untouched) and prints each row and a summary; with
// TUOYU_DIST=/some/dist it measures another build, for comparing a change quickly.
//
// Mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x through the
// DevTools protocol. --catalogue-only runs just the national catalogue's budgets
// (scripts/bench/catalogue.mjs) and rewrites only that section of docs/performance.md.
// Every load is cold (a new browser context). Times are milliseconds from
// navigation start.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launch, phonePage } from '../tests/browser/harness.mjs';
import { distDir, repoRoot, startServer } from '../tests/browser/server.mjs';
import { PROBE, interact, median } from './bench/probe.mjs';
import { writeCatalogueSection, writeReport } from './bench/report.mjs';
import { MOUNT, RADIUS, measureCatalogue, nationalRelease } from './bench/catalogue.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', 5));
const SIZES = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const OUT = opt('--out', join(repoRoot, 'docs', 'performance.md'));
const ONLY_INTERACTIONS = args.includes('--interactions-only');
const CPUS = opt('--cpu', '1,4').split(',').map(Number);
const REPS = opt('--reps', null);
const ONLY_CATALOGUE = args.includes('--catalogue-only');
const CATALOGUE = !ONLY_INTERACTIONS && !args.includes('--no-catalogue');
const MOBILE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`No build in ${distDir}: run \`source scripts/env.sh; trunk build --release\` first.`);
  process.exit(2);
}

// Synthetic datasets are kept between runs: the 100,000 one takes a while to write.
const dataDir = join(repoRoot, 'target', 'bench-data');
mkdirSync(dataDir, { recursive: true });
for (const n of ONLY_CATALOGUE ? [] : SIZES) {
  const file = join(dataDir, `synthetic-${n}.json`);
  if (!existsSync(file)) {
    execFileSync('node', [join(repoRoot, 'scripts', 'gen-dataset.mjs'), String(n), file]);
  }
}

const startLoad = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const requests = [];
const mounts = { '/': distDir, '/generated/': dataDir };
if (CATALOGUE) mounts[MOUNT] = nationalRelease(repoRoot);
const server = await startServer(
  mounts,
  { onRequest: (req) => requests.push(new URL(req.url, 'http://x').pathname) },
);
const browser = await launch();

/** A cold phone tab with the probe installed, and a DevTools session for throttling. */
async function coldTab({ network = null, cpu = 1 } = {}) {
  const tab = await phonePage(browser);
  await tab.context.addInitScript(PROBE);
  const cdp = await tab.context.newCDPSession(tab.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { ...tab, cdp };
}

/** Every request of a load, from the DevTools protocol: when it started, ended, its bytes. */
function recordNetwork(cdp) {
  const byId = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    byId.set(e.requestId, { url: e.request.url, start: e.timestamp, type: e.type });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    if (r) Object.assign(r, { status: e.response.status, encoding: e.response.headers['content-encoding'] ?? '' });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, transferred: e.encodedDataLength });
  });
  return byId;
}

function fileSizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** One cold load of the default list; `firstResult` is the earlier of the two lists. */
async function loadOnce(profile) {
  const tab = await coldTab(profile);
  const net = recordNetwork(tab.cdp);
  const before = requests.length;
  await tab.page.goto(`${server.origin}/`);
  await tab.page.waitForSelector('[data-testid="result"]', { timeout: 60_000 });
  await tab.page.waitForTimeout(profile.network ? 1500 : 500);
  const t = await tab.page.evaluate(() => window.__bench.times());
  const served = requests.slice(before);
  await tab.context.close();
  return { t: { ...t, firstResult: Math.min(t.staticList ?? Infinity, t.appResult) }, net: [...net.values()], served };
}

/** Bytes of the first list view: what the page requested, sized from the files served. */
function firstViewBytes(load) {
  const rows = [];
  for (const r of load.net) {
    const url = new URL(r.url);
    if (url.origin !== server.origin) continue;
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = join(distDir, path);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    rows.push({ path, ...fileSizes(file), transferred: r.transferred ?? 0, encoding: r.encoding });
  }
  return rows;
}

/** The dataset request starts before the wasm has finished, and the preload is reused. */
function criticalPath(load) {
  const data = load.net.filter((r) => r.url.endsWith('/data/yuancheng.json'));
  const wasm = load.net.find((r) => r.url.endsWith('.wasm'));
  const t0 = Math.min(...load.net.map((r) => r.start));
  return {
    dataStart: data.length ? (data[0].start - t0) * 1000 : null,
    wasmEnd: wasm?.end ? (wasm.end - t0) * 1000 : null,
    dataRequests: data.length,
    dataServed: load.served.filter((p) => p === '/data/yuancheng.json').length,
  };
}

console.log(`benchmark of ${distDir} on ${server.origin}`);
const results = { runs: RUNS, sizes: SIZES, loads: {}, datasets: [] };

for (const [name, profile] of ONLY_INTERACTIONS || ONLY_CATALOGUE ? [] : [['mobile', { network: MOBILE, cpu: 4 }], ['unthrottled', {}]]) {
  const loads = [];
  for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(profile));
  const pick = (k) => median(loads.map((l) => l.t[k]).filter((v) => v != null));
  results.loads[name] = {
    fcp: pick('fcp'), staticList: pick('staticList'), appResult: pick('appResult'),
    firstResult: pick('firstResult'), lcp: pick('lcp'), all: loads.map((l) => l.t),
  };
  if (name === 'mobile') {
    results.firstView = firstViewBytes(loads[0]);
    results.critical = loads.map(criticalPath);
  }
  console.log(name, JSON.stringify(results.loads[name], (k, v) => (k === 'all' ? undefined : v)));
}

for (const n of ONLY_CATALOGUE ? [] : SIZES) {
  for (const cpu of CPUS) {
    const tab = await coldTab({ cpu });
    const url = `/?data=/generated/synthetic-${n}.json`;
    await tab.page.goto(`${server.origin}${url}`);
    const timeout = n >= 100_000 ? 180_000 : 60_000;
    await tab.page.waitForSelector('[data-testid="result-count"], [data-testid="dataset-error"]', { timeout });
    const error = await tab.page.$('[data-testid="dataset-error"]');
    const t = await tab.page.evaluate(() => window.__bench.times());
    const heap = await tab.cdp.send('Runtime.getHeapUsage');
    const row = {
      n, cpu, load: t.resultCount, error: error ? await error.textContent() : null,
      jsHeap: heap.usedSize, wasmMemory: await tab.page.evaluate(() => window.__bench.wasmMemory()),
      cards: await tab.page.locator('[data-testid="result"]').count(),
    };
    if (!error) {
      // Fewer repeats at 100,000: each one is slow, and the point is whether it stays usable.
      const reps = REPS ? Number(REPS) : n >= 100_000 ? 2 : 4;
      row.chip = await interact(tab.page, 'chip', reps);
      row.type = await interact(tab.page, 'type', reps);
    }
    results.datasets.push(row);
    console.log(JSON.stringify(row));
    await tab.context.close();
  }
}

if (CATALOGUE) {
  console.log('national catalogue…');
  results.catalogue = {
    radius: RADIUS,
    ...(await measureCatalogue({
      coldTab, requests, origin: server.origin, mobile: MOBILE, runs: Math.min(RUNS, 3),
      reps: REPS ? Number(REPS) : 4, repoRoot, distDir,
    })),
  };
  console.log(JSON.stringify(results.catalogue, (k, v) => (['all', 'nextPaint', 'eventTiming', 'neededFiles'].includes(k) ? undefined : v)));
}

const chromium = browser.version();
await browser.close().catch(() => {});
await server.close();

if (ONLY_INTERACTIONS) {
  const mid = (xs) => Math.round(median(xs.filter((v) => v != null)) ?? 0);
  for (const r of results.datasets) {
    if (!r.chip) continue;
    console.log(
      `${r.n} @${r.cpu}x  load ${Math.round(r.load)} ms  chip next paint median ${mid(r.chip.nextPaint)} ` +
        `worst ${Math.round(r.chip.worstNextPaint)}, event median ${mid(r.chip.eventTiming)}  ` +
        `typing next paint median ${mid(r.type.nextPaint)} worst ${Math.round(r.type.worstNextPaint)}, ` +
        `event median ${mid(r.type.eventTiming)}`,
    );
  }
  process.exit(0);
}

const machine = () => ({
  date: new Date().toISOString(),
  loadavg: startLoad,
  nproc: execFileSync('nproc').toString().trim(),
  cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? 'unknown',
  chromium: `Chromium ${chromium}`,
  commit: gitDescribe(),
});
if (ONLY_CATALOGUE) {
  console.log(`\n${writeCatalogueSection(results.catalogue, machine(), OUT)}\nwrote the catalogue section of ${OUT}`);
  process.exit(0);
}

results.wasm = results.firstView.find((r) => r.path.endsWith('.wasm'));
results.machine = machine();
if (!args.includes('--no-native')) {
  console.log('native core benchmark (cargo run --release -p tuoyu-core --example core_bench)…');
  results.native = execFileSync(
    'cargo', ['run', '--offline', '--quiet', '--release', '-p', 'tuoyu-core', '--example', 'core_bench'],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
}
const table = writeReport(results, OUT);
console.log(`\n${table}\nwrote ${OUT}`);

function gitDescribe() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot }).toString().trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}
