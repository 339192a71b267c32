// The catalogue budgets of issue 17, on the synthetic national catalogue: a GPS point with a
// 3 km radius (requests, bytes, first result, wasm memory) under the mobile profile, one whole
// province by `region=` (load and interaction at 4x CPU), and the root's own size.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { haversine, wgsToGcj } from '../../tests/browser/oracle.mjs';
import { interact, median } from './probe.mjs';

/** Where the benchmark's server mounts the release. */
export const MOUNT = '/national/';
export const RADIUS = 3000;
/** 广东省: the largest synthetic province (its real share of the population). */
export const PROVINCE = '440000';

const gzipSize = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * The synthetic national release, made once and kept in target/bench-data/national:
 * scripts/gen-national.mjs, then `tuoyu-publish bundle`, then a .gz beside each file, as the
 * site's build writes for its own files and a real host would serve.
 */
export function nationalRelease(repoRoot) {
  const base = join(repoRoot, 'target', 'bench-data', 'national');
  const release = join(base, 'catalogue');
  if (!existsSync(join(release, 'catalogue.json'))) {
    execFileSync('node', [join(repoRoot, 'scripts', 'gen-national.mjs'), base], { stdio: 'inherit' });
    execFileSync(
      'cargo',
      ['run', '--offline', '--quiet', '-p', 'tuoyu-publish', '--', 'bundle', join(base, 'districts'),
        '--regions', join(base, 'regions.csv'), '--publisher', '合成数据（scripts/gen-national.mjs）', '--out', release],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    for (const f of readdirSync(release).filter((f) => f.endsWith('.json'))) {
      writeFileSync(join(release, `${f}.gz`), gzipSync(readFileSync(join(release, f)), { level: 9 }));
    }
  }
  return release;
}

const union = (a, b) => ({
  south: Math.min(a.south, b.south), west: Math.min(a.west, b.west),
  north: Math.max(a.north, b.north), east: Math.max(a.east, b.east),
});
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
/** The spec's rule: a box is within `radius` of the point when its nearest point is. */
const boxWithin = (b, p, radius) =>
  haversine(p, { lat: clamp(p.lat, b.south, b.north), lng: clamp(p.lng, b.west, b.east) }) <= radius;

/** `gcj` as the WGS-84 point a phone's GPS gives (`near=` is WGS-84): the inverse, by iteration. */
function toWgs(gcj) {
  let wgs = { ...gcj };
  for (let i = 0; i < 10; i++) {
    const g = wgsToGcj(wgs);
    wgs = { lat: wgs.lat - (g.lat - gcj.lat), lng: wgs.lng - (g.lng - gcj.lng) };
  }
  return wgs;
}

/**
 * Two GPS points in the city with the most institutions: `home`, the middle of its busiest
 * urban district (a parent at home), and `junction`, the middle of all its urban districts
 * (codes 01–20), where several of them meet — the worst case for requests. Each comes with
 * the files the box rule says can hold the answer: the catalogues descended through and the
 * datasets whose boxes come within the radius.
 */
export function gpsPoints(release) {
  const read = (f) => JSON.parse(readFileSync(join(release, f), 'utf8'));
  const root = read('catalogue.json');
  let best = null;
  // A province of one city (a municipality) points straight at that city's catalogue.
  const citiesOf = (p) => {
    const below = read(p.url);
    return below.region.code === p.code ? below.entries : [{ ...p, code: below.region.code, name: below.region.name }];
  };
  for (const p of root.entries) for (const c of citiesOf(p)) if (!best || c.count > best.count) best = c;
  const urban = read(best.url).entries.filter((e) => e.code.slice(4) < '21');
  const middle = (b) => ({ lat: (b.south + b.north) / 2, lng: (b.west + b.east) / 2 });
  const busiest = urban.reduce((a, b) => (b.count > a.count ? b : a));
  const point = (label, gcj) => {
    const needed = ['catalogue.json'];
    const descend = (cat) => {
      for (const e of cat.entries.filter((e) => boxWithin(e.bbox, gcj, RADIUS))) {
        needed.push(e.url);
        if (e.type === 'catalogue') descend(read(e.url));
      }
    };
    descend(root);
    return { label, gcj, wgs: toWgs(gcj), needed };
  };
  return {
    city: `${best.code} ${best.name}`,
    home: point(`the middle of ${busiest.code} ${busiest.name}`, middle(busiest.bbox)),
    junction: point('the middle of its urban districts, where they meet', middle(urban.map((e) => e.bbox).reduce(union))),
  };
}

const countOf = async (page) => {
  const el = await page.$('[data-testid="result-count"]');
  return el ? Number(((await el.textContent()).match(/[\d,]+/) ?? ['0'])[0].replace(/,/g, '')) : null;
};
const errorOf = async (page) => {
  const el = await page.$('[data-testid="dataset-error"]');
  return el ? (await el.textContent()).trim().slice(0, 120) : null;
};

/**
 * Runs the three measurements. `ctx`: the benchmark's `coldTab`, `requests` (paths the server
 * saw), `origin`, `mobile` (network profile), `runs`, `reps`, `repoRoot`, `distDir`.
 */
export async function measureCatalogue(ctx) {
  const release = nationalRelease(ctx.repoRoot);
  const root = JSON.parse(readFileSync(join(release, 'catalogue.json'), 'utf8'));
  const points = gpsPoints(release);
  const data = `data=${MOUNT}catalogue.json`;
  // Everything JSON the page asked for after the page itself: catalogues, datasets, and any
  // other data (a preloaded default dataset counts too).
  const dataRequests = (served) => served.filter((p) => p.endsWith('.json'));
  const bytesOf = (paths) =>
    paths.reduce((s, p) => {
      const file = p.startsWith(MOUNT) ? join(release, p.slice(MOUNT.length)) : join(ctx.distDir, decodeURIComponent(p));
      return s + (existsSync(file) ? gzipSize(file) : 0);
    }, 0);

  async function atPoint(point, runs) {
    const near = `near=${point.wgs.lat.toFixed(6)},${point.wgs.lng.toFixed(6)}&radius=${RADIUS}`;
    const loads = [];
    for (let i = 0; i < runs; i++) {
      const tab = await ctx.coldTab({ network: ctx.mobile, cpu: 4 });
      const before = ctx.requests.length;
      await tab.page.goto(`${ctx.origin}/?${data}&${near}`);
      await tab.page.waitForSelector('[data-testid="result"], [data-testid="dataset-error"]', { timeout: 90_000 }).catch(() => {});
      // Requests that follow the first result (a second batch, a late file) count too.
      await tab.page.waitForTimeout(2000);
      const t = await tab.page.evaluate(() => window.__bench.times());
      const served = dataRequests(ctx.requests.slice(before));
      loads.push({
        firstResult: t.appResult ?? null,
        appStarted: t.wasmStarted ?? null,
        requests: served.length,
        files: served,
        gzip: bytesOf(served),
        wasmMemory: await tab.page.evaluate(() => window.__bench.wasmMemory()),
        count: await countOf(tab.page),
        error: await errorOf(tab.page),
      });
      await tab.context.close();
    }
    const pick = (k) => median(loads.map((g) => g[k]).filter((v) => v != null));
    const worst = (k) => Math.max(...loads.map((g) => g[k] ?? 0)) || null;
    return {
      ...point, needed: point.needed.length, neededFiles: point.needed,
      firstResult: pick('firstResult'), appStarted: pick('appStarted'), requests: worst('requests') ?? 0, gzip: worst('gzip') ?? 0, wasmMemory: worst('wasmMemory'),
      count: loads[0].count, error: loads[0].error, files: loads[0].files, runs: loads.length,
    };
  }
  const gps = await atPoint(points.home, ctx.runs);
  const junction = await atPoint(points.junction, 1);

  const tab = await ctx.coldTab({ cpu: 4 });
  const before = ctx.requests.length;
  await tab.page.goto(`${ctx.origin}/?${data}&region=${PROVINCE}`);
  await tab.page.waitForSelector('[data-testid="result"], [data-testid="dataset-error"]', { timeout: 240_000 }).catch(() => {});
  const t = await tab.page.evaluate(() => window.__bench.times());
  const region = {
    code: PROVINCE,
    listed: root.entries.find((e) => e.code === PROVINCE)?.count,
    load: t.appResult ?? null,
    count: await countOf(tab.page),
    error: await errorOf(tab.page),
    wasmMemory: await tab.page.evaluate(() => window.__bench.wasmMemory()),
    requests: dataRequests(ctx.requests.slice(before)).length,
  };
  if (!region.error && region.count) {
    region.chip = await interact(tab.page, 'chip', ctx.reps ?? 4);
    region.type = await interact(tab.page, 'type', ctx.reps ?? 4);
  }
  await tab.context.close();

  return {
    city: points.city,
    gps,
    junction,
    region,
    root: { raw: readFileSync(join(release, 'catalogue.json')).length, gzip: gzipSize(join(release, 'catalogue.json')), entries: root.entries.length },
    totals: { files: readdirSync(release).filter((f) => f.endsWith('.json')).length, institutions: root.entries.reduce((s, e) => s + e.count, 0) },
  };
}
