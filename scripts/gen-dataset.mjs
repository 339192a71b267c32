#!/usr/bin/env node
// Synthetic tuoyu.dataset/1 files for benchmarks and load tests.
//
//   node scripts/gen-dataset.mjs N OUT.json [--seed S] [--pretty]
//
// N institutions (1…100000; 0 gives an empty list), deterministic for a given N and seed
// (default seed 1). Points are GCJ-02 inside a 40 × 40 km box around 23.746 N, 114.697 E,
// clustered around ~20 area centres (denser in the middle, sparser at the edge). Every record
// is valid per docs/dataset.md; the file says `sample: true`. All names, addresses and phone
// numbers are invented. Output is compact JSON unless --pretty is given
// (100000 records ≈ 57 MB compact, under the app's 64 MB limit;
// --pretty makes it too big for the app at that size). Plain node >= 20.

import { writeFileSync } from "node:fs";
import { gauss as normal, hashSeed, pad, seededRandom, syntheticInstitution } from "./data-kit.mjs";

function usage(msg) {
  if (msg) console.error("error: " + msg);
  console.error("usage: node scripts/gen-dataset.mjs N OUT.json [--seed S] [--pretty]");
  process.exit(2);
}

const args = process.argv.slice(2);
let seedArg = "1";
let prettyOut = false;
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--seed") {
    if (i + 1 >= args.length) usage("--seed needs a value");
    seedArg = args[++i];
  } else if (args[i].startsWith("--seed=")) seedArg = args[i].slice(7);
  else if (args[i] === "--pretty") prettyOut = true;
  else if (args[i] === "-h" || args[i] === "--help") usage();
  else pos.push(args[i]);
}
if (pos.length !== 2) usage();
const N = Number(pos[0]);
if (!Number.isInteger(N) || N < 0 || N > 100000) usage("N must be an integer from 0 to 100000");
const OUT = pos[1];

// ---------- PRNG: the seed string hashed, then mulberry32 (scripts/data-kit.mjs) ----------
const { rnd, chance, int, pick } = seededRandom(hashSeed(seedArg));
const gauss = () => normal(rnd);

// ---------- geography ----------
const CENTER = { lat: 23.746, lng: 114.697 };
const KM_LAT = 111.195;
const KM_LNG = KM_LAT * Math.cos((CENTER.lat * Math.PI) / 180);
const HALF_KM = 20; // 40 × 40 km box
const BOX = {
  latMin: CENTER.lat - HALF_KM / KM_LAT,
  latMax: CENTER.lat + HALF_KM / KM_LAT,
  lngMin: CENTER.lng - HALF_KM / KM_LNG,
  lngMax: CENTER.lng + HALF_KM / KM_LNG,
};
const at = (dxKm, dyKm) => ({
  lat: +(CENTER.lat + dyKm / KM_LAT).toFixed(6),
  lng: +(CENTER.lng + dxKm / KM_LNG).toFixed(6),
});

// The district's 8 real areas (approximate centres, as in the sample) plus 12 invented
// outer areas with clearly synthetic codes 4416029xx. weight = share of institutions,
// sigma = spread (km) of institutions around the area centre.
const AREAS = [
  { code: "441602001", name: "上城街道", c: at(0.35, -1.05), weight: 9, sigma: 1.0 },
  { code: "441602002", name: "新江街道", c: at(-1.1, 0.15), weight: 8, sigma: 1.0 },
  { code: "441602003", name: "东埔街道", c: at(1.68, 0.78), weight: 9, sigma: 1.1 },
  { code: "441602004", name: "源西街道", c: at(-1.94, -1.45), weight: 6, sigma: 1.0 },
  { code: "441602005", name: "高埔岗街道", c: at(0.2, 2.0), weight: 6, sigma: 1.0 },
  { code: "441602006", name: "城东街道", c: at(2.76, -0.44), weight: 5, sigma: 1.1 },
  { code: "441602100", name: "源南镇", c: at(0.5, -5.9), weight: 3, sigma: 1.6 },
  { code: "441602101", name: "埔前镇", c: at(-6.8, -3.45), weight: 3, sigma: 1.6 },
];
const OUTER = [
  [8, 6], [-9, 7], [12, -4], [-12, -9], [3, 12], [-4, -13],
  [14, 11], [-15, 2], [6, -12], [16, -14], [-13, 14], [1, 17],
];
OUTER.forEach(([x, y], i) =>
  AREAS.push({
    code: "4416029" + pad(i + 1, 2),
    name: `合成片区${pad(i + 1, 2)}`,
    c: at(x, y),
    weight: Math.max(0.6, 2.4 - Math.hypot(x, y) / 10),
    sigma: 1.8,
  }),
);
const TOTAL_W = AREAS.reduce((s, a) => s + a.weight, 0);
function pickArea() {
  let r = rnd() * TOTAL_W;
  for (const a of AREAS) if ((r -= a.weight) < 0) return a;
  return AREAS[AREAS.length - 1];
}
function place(area) {
  for (;;) {
    const lat = area.c.lat + (gauss() * area.sigma) / KM_LAT;
    const lng = area.c.lng + (gauss() * area.sigma) / KM_LNG;
    if (lat >= BOX.latMin && lat <= BOX.latMax && lng >= BOX.lngMin && lng <= BOX.lngMax)
      return { lat: +lat.toFixed(6), lng: +lng.toFixed(6) };
  }
}

// ---------- build ----------
const idWidth = Math.max(6, String(N).length);
const institutions = new Array(N);
const g = { rnd, chance, int, pick };
for (let i = 0; i < N; i++) {
  const area = pickArea();
  const id = "GEN-" + pad(i + 1, idWidth);
  institutions[i] = syntheticInstitution(g, { id, n: i + 1, area, place, district: "441602", phonePrefix: "0762-3555" });
}

const dataset = {
  schema: "tuoyu.dataset/1",
  title: `合成基准数据集（${N} 条，种子 ${seedArg}）`,
  publisher: "gen-dataset.mjs（合成数据，非真实机构）",
  published: "2026-11-20",
  crs: "GCJ-02",
  sample: true,
  region: {
    code: "441602",
    name: "源城区（合成基准）",
    center: CENTER,
    areas: AREAS.map((a) => ({ code: a.code, name: a.name, center: a.c })),
  },
  institutions,
};

const text = (prettyOut ? JSON.stringify(dataset, null, 2) : JSON.stringify(dataset)) + "\n";
writeFileSync(OUT, text);
console.error(`wrote ${OUT}: ${N} institutions, ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MiB, seed ${seedArg}`);
