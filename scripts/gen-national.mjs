#!/usr/bin/env node
// A synthetic national set of district datasets, for the catalogue's scale tests and budgets.
//
//   node scripts/gen-national.mjs OUT_DIR [--seed S] [--institutions 126000] [--districts 2850]
//                                 [--cities 340] [--pretty]
//
// Writes OUT_DIR/districts/<code>.json (one tuoyu.dataset/1 file per district, `sample: true`)
// and OUT_DIR/regions.csv (the provinces' and cities' names and centres), the folder that
// `tuoyu-publish bundle OUT_DIR/districts --regions OUT_DIR/regions.csv --out …` turns into a
// catalogue tree (the publisher's tool computes boxes, counts and dates; this script does not).
//
// 31 provinces with their real codes and names; everything below them is invented: cities and
// districts carry 合成 in their names and made-up codes under the real 2-digit prefix. The map
// is a partition: each province a rectangle inside China's box (roughly where it lies, sized by
// its real area), split into city rectangles, split into district rectangles, so that districts
// do not overlap. Urban districts (区) are small and dense, counties (县) large and sparse; the
// institutions of each province follow its real population. Deterministic for a seed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gauss, hashSeed, pad, prettyJson, seededRandom, syntheticInstitution, dateBetween } from "./data-kit.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const VALUED = ["--seed", "--institutions", "--districts", "--cities"];
const OUT = args.find((a, i) => !a.startsWith("--") && !VALUED.includes(args[i - 1]));
if (!OUT) {
  console.error("usage: node scripts/gen-national.mjs OUT_DIR [--seed S] [--institutions N] [--districts D] [--cities C] [--pretty]");
  process.exit(2);
}
const SEED = opt("--seed", "1");
const TOTAL = Number(opt("--institutions", 126000));
const DISTRICTS = Number(opt("--districts", 2850));
const CITIES = Number(opt("--cities", 340));
const g = seededRandom(hashSeed("national:" + SEED));
const { rnd, int } = g;

// code, name, short name, population (millions, 2020 census), area (10,000 km²),
// prefecture-level cities, county-level districts, capital (lat, lng): weights, not data.
const PROVINCES = [
  ["11", "北京市", "京", 21.9, 1.6, 1, 16, 39.90, 116.41], ["12", "天津市", "津", 13.9, 1.2, 1, 16, 39.13, 117.20],
  ["13", "河北省", "冀", 74.6, 18.9, 11, 167, 38.04, 114.51], ["14", "山西省", "晋", 34.9, 15.7, 11, 117, 37.87, 112.55],
  ["15", "内蒙古自治区", "蒙", 24.0, 118.3, 12, 103, 40.84, 111.75], ["21", "辽宁省", "辽", 42.6, 14.8, 14, 100, 41.80, 123.43],
  ["22", "吉林省", "吉", 24.1, 18.7, 9, 60, 43.82, 125.32], ["23", "黑龙江省", "黑", 31.9, 47.3, 13, 121, 45.80, 126.53],
  ["31", "上海市", "沪", 24.9, 0.6, 1, 16, 31.23, 121.47], ["32", "江苏省", "苏", 84.7, 10.7, 13, 95, 32.06, 118.80],
  ["33", "浙江省", "浙", 64.6, 10.5, 11, 90, 30.27, 120.15], ["34", "安徽省", "皖", 61.0, 14.0, 16, 104, 31.82, 117.23],
  ["35", "福建省", "闽", 41.5, 12.4, 9, 84, 26.07, 119.30], ["36", "江西省", "赣", 45.2, 16.7, 11, 100, 28.68, 115.86],
  ["37", "山东省", "鲁", 101.5, 15.8, 16, 136, 36.65, 117.12], ["41", "河南省", "豫", 99.4, 16.7, 17, 157, 34.76, 113.65],
  ["42", "湖北省", "鄂", 57.8, 18.6, 13, 103, 30.59, 114.31], ["43", "湖南省", "湘", 66.4, 21.2, 14, 122, 28.23, 112.94],
  ["44", "广东省", "粤", 126.0, 18.0, 21, 122, 23.13, 113.26], ["45", "广西壮族自治区", "桂", 50.1, 23.8, 14, 111, 22.82, 108.37],
  ["46", "海南省", "琼", 10.1, 3.5, 4, 25, 20.04, 110.20], ["50", "重庆市", "渝", 32.1, 8.2, 1, 38, 29.56, 106.55],
  ["51", "四川省", "川", 83.7, 48.6, 21, 183, 30.57, 104.07], ["52", "贵州省", "黔", 38.6, 17.6, 9, 88, 26.65, 106.63],
  ["53", "云南省", "滇", 47.2, 39.4, 16, 129, 25.04, 102.71], ["54", "西藏自治区", "藏", 3.6, 122.8, 7, 74, 29.65, 91.13],
  ["61", "陕西省", "陕", 39.5, 20.6, 10, 107, 34.34, 108.94], ["62", "甘肃省", "甘", 25.0, 42.6, 14, 86, 36.06, 103.83],
  ["63", "青海省", "青", 5.9, 72.2, 8, 44, 36.62, 101.78], ["64", "宁夏回族自治区", "宁", 7.2, 6.6, 5, 22, 38.47, 106.28],
  ["65", "新疆维吾尔自治区", "新", 25.9, 166.5, 14, 107, 43.83, 87.62],
].map(([code, name, short, pop, area, cities, districts, lat, lng]) => ({ code, name, short, pop, area, cities, districts, lat, lng }));
const MUNICIPALITY = new Set(["11", "12", "31", "50"]);
// The box the provinces share: mainland China's, roughly (inside the contract's lat 3.8–53.6,
// lng 73.5–135.1).
const CHINA = { south: 21.5, west: 80, north: 47.5, east: 127 };

/** Whole numbers in proportion to `weights` that add up to `total` (largest remainders), each ≥ `min`. */
function apportion(total, weights, min = 0) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = total - min * weights.length;
  const raw = weights.map((w) => (free * w) / sum);
  const out = raw.map((x) => min + Math.floor(x));
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0]);
  const missing = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k % order.length][1]] += 1;
  return out;
}

/**
 * Splits `box` among `items` ({weight, lat, lng}): along its longer side, the items sorted by
 * position there, cut where the weights halve, recursively. Each item gets `item.box`.
 */
function partition(box, items) {
  if (items.length === 1) {
    items[0].box = box;
    return;
  }
  const kmLng = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
  const wide = (box.east - box.west) * kmLng > box.north - box.south;
  const key = wide ? "lng" : "lat";
  const sorted = [...items].sort((a, b) => a[key] - b[key]);
  const total = sorted.reduce((s, x) => s + x.weight, 0);
  let acc = 0;
  let cut = 1;
  for (; cut < sorted.length - 1; cut++) {
    if (acc + sorted[cut - 1].weight >= total / 2) break;
    acc += sorted[cut - 1].weight;
  }
  const left = sorted.slice(0, cut);
  const share = left.reduce((s, x) => s + x.weight, 0) / total;
  if (wide) {
    const at = box.west + (box.east - box.west) * share;
    partition({ ...box, east: at }, left);
    partition({ ...box, west: at }, sorted.slice(cut));
  } else {
    const at = box.south + (box.north - box.south) * share;
    partition({ ...box, north: at }, left);
    partition({ ...box, south: at }, sorted.slice(cut));
  }
}

const inBox = (b, lat, lng) => lat > b.south && lat < b.north && lng > b.west && lng < b.east;
const uniformIn = (b) => ({ lat: b.south + rnd() * (b.north - b.south), lng: b.west + rnd() * (b.east - b.west) });
const fixed = (p) => ({ lat: +p.lat.toFixed(6), lng: +p.lng.toFixed(6) });

// ---------- the tree: provinces → cities → districts, with their shares ----------
// Every province at least one city, every city at least one district, at any scale.
const cityCounts = apportion(
  CITIES - PROVINCES.length,
  PROVINCES.map((p) => (MUNICIPALITY.has(p.code) ? 0 : p.cities)),
).map((n) => n + 1);
const districtCounts = apportion(DISTRICTS - CITIES, PROVINCES.map((p) => p.districts)).map((n, i) => n + cityCounts[i]);
const perProvince = apportion(TOTAL, PROVINCES.map((p) => p.pop));
PROVINCES.forEach((p) => Object.assign(p, { weight: p.area }));
partition(CHINA, PROVINCES);

const districts = [];
const regionRows = [];
PROVINCES.forEach((p, pi) => {
  regionRows.push([`${p.code}0000`, p.name, fixed({ lat: (p.box.south + p.box.north) / 2, lng: (p.box.west + p.box.east) / 2 })]);
  const cities = Array.from({ length: cityCounts[pi] }, (_, k) => ({
    code: `${p.code}${pad(k + 1, 2)}00`,
    name: MUNICIPALITY.has(p.code) ? `${p.name}（合成市辖区）` : `合成${p.short}${pad(k + 1, 2)}市`,
    weight: 0.5 + rnd(),
    ...uniformIn(p.box),
  }));
  partition(p.box, cities);
  const nDistricts = apportion(districtCounts[pi], cities.map((c) => c.weight), 1);
  const cityInstitutions = apportion(perProvince[pi], cities.map((c) => c.weight * (0.6 + rnd())));
  cities.forEach((c, ci) => {
    const mid = { lat: (c.box.south + c.box.north) / 2, lng: (c.box.west + c.box.east) / 2 };
    regionRows.push([c.code, c.name, fixed(mid)]);
    const n = nDistricts[ci];
    // At most 20: codes 01–20 are the urban districts'.
    const urban = Math.min(20, MUNICIPALITY.has(p.code) ? Math.ceil(n * 0.6) : Math.max(1, Math.round(n * 0.35)));
    const ds = Array.from({ length: n }, (_, k) => {
      const isUrban = k < urban;
      const spread = isUrban ? 0.05 : 0.5;
      return {
        // As real codes: 01–20 urban districts, 21 and up counties.
        code: `${c.code.slice(0, 4)}${pad(isUrban ? k + 1 : Math.max(21, urban + 1) + k - urban, 2)}`,
        name: `${c.name.replace(/（.*/, "")}合成${pad(k + 1, 2)}${isUrban ? "区" : "县"}`,
        urban: isUrban,
        weight: isUrban ? 1 : 0.6 + rnd(),
        lat: mid.lat + (rnd() - 0.5) * spread * (c.box.north - c.box.south),
        lng: mid.lng + (rnd() - 0.5) * spread * (c.box.east - c.box.west),
      };
    });
    // The urban districts share a core box in the middle, about a third of a county's size
    // (a municipality's: about a seventh of it), so that they come out small and roughly square.
    const rural = ds.filter((d) => !d.urban);
    const core = { weight: MUNICIPALITY.has(p.code) ? urban * 0.15 : 0.35, ...mid };
    if (rural.length) partition(c.box, [core, ...rural]);
    else core.box = c.box;
    partition(core.box, ds.filter((d) => d.urban));
    const counts = apportion(cityInstitutions[ci], ds.map((d) => (d.urban ? 5 : 1) * (0.7 + 0.6 * rnd())));
    ds.forEach((d, k) => districts.push({ ...d, count: counts[k] }));
  });
});

// ---------- one dataset per district ----------
function dataset(d) {
  const b = d.box;
  const w = b.east - b.west;
  const h = b.north - b.south;
  const inner = { south: b.south + h * 0.15, north: b.north - h * 0.15, west: b.west + w * 0.15, east: b.east - w * 0.15 };
  const nAreas = d.urban ? int(4, 8) : int(3, 6);
  const areas = Array.from({ length: nAreas }, (_, k) => ({
    code: `${d.code}${pad(k + 1, 3)}`,
    name: `合成${d.urban ? "街道" : "镇"}${pad(k + 1, 2)}`,
    center: fixed(uniformIn(inner)),
  }));
  const sigma = d.urban ? 0.25 : 0.15;
  // Around its area's centre, inside the district's own rectangle (so boxes do not overlap).
  const place = (area) => {
    for (let tries = 0; tries < 20; tries++) {
      const lat = area.center.lat + gauss(rnd) * sigma * h;
      const lng = area.center.lng + gauss(rnd) * sigma * w;
      if (inBox(b, lat, lng)) return fixed({ lat, lng });
    }
    return area.center;
  };
  const institutions = Array.from({ length: d.count }, (_, i) =>
    syntheticInstitution(g, {
      id: `${d.code}-${pad(i + 1, 4)}`,
      n: i + 1,
      area: g.pick(areas),
      place,
      district: d.code,
      phonePrefix: "0762-3555",
    }),
  );
  return {
    schema: "tuoyu.dataset/1",
    title: `${d.name}托育服务机构名录（合成数据）`,
    publisher: `${d.name}卫生健康局（合成数据，非真实机构）`,
    published: dateBetween(g, "2026-09-01", "2026-11-20"),
    crs: "GCJ-02",
    sample: true,
    region: { code: d.code, name: d.name, center: fixed({ lat: (b.south + b.north) / 2, lng: (b.west + b.east) / 2 }), areas },
    institutions,
  };
}

const dir = join(OUT, "districts");
mkdirSync(dir, { recursive: true });
let bytes = 0;
for (const d of districts) {
  const data = dataset(d);
  const text = args.includes("--pretty") ? prettyJson(data) : JSON.stringify(data) + "\n";
  bytes += Buffer.byteLength(text);
  writeFileSync(join(dir, `${d.code}.json`), text);
}
const csv = ["code,name,lat,lng", ...regionRows.map(([code, name, c]) => `${code},${name},${c.lat},${c.lng}`)].join("\n") + "\n";
writeFileSync(join(OUT, "regions.csv"), csv);
const institutions = districts.reduce((s, d) => s + d.count, 0);
console.error(
  `wrote ${dir}: ${districts.length} districts, ${regionRows.length - PROVINCES.length} cities, ${PROVINCES.length} provinces, ` +
    `${institutions} institutions, ${(bytes / 1048576).toFixed(1)} MiB; ${join(OUT, "regions.csv")}; seed ${SEED}`,
);
