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
import { hashSeed, round, seededRandom } from "./data-kit.mjs";

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
function gauss() {
  let u = 0;
  while (u === 0) u = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}
const pad = (n, w) => String(n).padStart(w, "0");
const DAY = 86400000;
function dateBetween(from, to) {
  const a = Date.parse(from + "T00:00:00Z");
  const b = Date.parse(to + "T00:00:00Z");
  return new Date(a + int(0, Math.round((b - a) / DAY)) * DAY).toISOString().slice(0, 10);
}

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

// ---------- vocabulary ----------
const ROOTS = [
  "小星星", "彩虹", "向日葵", "小海豚", "蒲公英", "小橡树", "萤火虫", "小树苗", "童话屋", "暖阳",
  "小云朵", "小蜜蜂", "青苹果", "满天星", "七色花", "月亮船", "糖果屋", "小熊猫", "春芽", "棉花糖",
  "小雨点", "小贝壳", "布谷鸟", "小风车", "彩虹桥", "小脚印", "星光", "小水滴", "萌芽", "晨曦",
];
const STREETS = [
  "星禾路", "青梧街", "晴川路", "拾穗路", "芷兰街", "云杉大道", "鹿鸣路", "松涛街", "竹韵路",
  "桂语街", "禾丰路", "听泉路", "望舒街", "朝露路", "栖梧路", "锦溪街", "榕荫路", "知秋街",
];
const SUFFIX = {
  centre: ["托育中心", "托育园", "婴幼儿照护中心"],
  community: ["社区托育点"],
  kindergarten: ["幼儿园托班"],
  employer: ["职工托育室", "职工托育中心"],
  family: ["家庭托育点"],
};
const FEATURES = ["膳食", "户外场地", "视频监控", "保健室", "母婴室", "家长开放日", "绘本阅读", "接送服务", "晨午检"];
const HOURS = ["周一至周五 07:30–18:00", "周一至周六 07:30–18:30", "周一至周五 08:00–17:30", "每天 09:00–20:30"];
const SUMMARY = {
  pass: "合格",
  rectify: "限期整改",
  fail: "不合格",
};
const KIND_W = [["centre", 38], ["community", 24], ["kindergarten", 18], ["employer", 8], ["family", 12]];
function pickKind() {
  let r = rnd() * 100;
  for (const [k, w] of KIND_W) if ((r -= w) < 0) return k;
  return "centre";
}
const TYPE_ORDER = ["full_day", "half_day", "hourly", "temporary"];
function careTypes(kind) {
  const s = new Set();
  if (kind !== "community" || chance(0.5)) s.add("full_day");
  if (chance(kind === "kindergarten" ? 0.25 : 0.4)) s.add("half_day");
  if (kind !== "kindergarten" && chance(0.3)) s.add("hourly");
  if (kind !== "kindergarten" && chance(0.25)) s.add("temporary");
  if (s.size === 0) s.add("hourly");
  return TYPE_ORDER.filter((t) => s.has(t));
}
const CAP = { centre: [40, 150], community: [15, 40], kindergarten: [20, 60], employer: [20, 60], family: [3, 5] };

// ---------- build ----------
const idWidth = Math.max(6, String(N).length);
const institutions = new Array(N);
for (let i = 0; i < N; i++) {
  const area = pickArea();
  const kind = pickKind();
  const types = careTypes(kind);
  const puhui = chance(kind === "community" || kind === "kindergarten" ? 0.65 : 0.35);
  const r = {
    id: "GEN-" + pad(i + 1, idWidth),
    name: `合成·${pick(ROOTS)}${pick(SUFFIX[kind])}${i + 1}`,
    kind,
  };
  if (chance(0.75)) {
    r.operator = kind === "family" ? "private" : pick(["public", "private", "private", "public_private", "private_public"]);
    r.nonprofit = r.operator === "private" ? chance(0.25) : true;
  }
  const st = rnd();
  if (st < 0.9) {
    const y = pick([2023, 2024, 2025, 2026]);
    r.registration = { number: `441602${y}${pad(int(1, 9999), 4)}`, status: "filed" };
    if (chance(0.5)) r.registration.date = dateBetween(`${y}-01-05`, `${y}-10-30`);
  } else if (st < 0.97) r.registration = { status: "pending" };
  else if (st < 0.98) r.registration = { number: "44160220230001", date: "2023-03-01", status: "revoked" };
  r.area = area.code;
  r.address = `${pick(STREETS)} ${int(1, 400)} 号`;
  r.location = place(area);
  if (chance(0.75)) r.phone = `0762-3555${pad(i % 1000, 3)}`;
  r.care_types = types;
  r.age_months = kind === "kindergarten" ? { min: 24, max: 36 } : { min: pick(types.includes("temporary") ? [0, 6, 12, 18] : [6, 12, 12, 18]), max: 36 };
  r.puhui = puhui;
  if (chance(0.7)) {
    const fees = {};
    for (const t of types) {
      if (t === "full_day") fees.full_day = { amount: puhui ? round(int(1200, 2000), 50) : round(int(2200, 3800), 100), unit: "month" };
      else if (t === "half_day") fees.half_day = { amount: puhui ? round(int(700, 1200), 50) : round(int(1300, 2200), 100), unit: "month" };
      else if (t === "hourly") fees.hourly = { amount: round(int(30, 60), 5), unit: "hour" };
      else fees.temporary = chance(0.5) ? { amount: round(int(100, 200), 10), unit: "day" } : { amount: round(int(60, 120), 10), unit: "session" };
    }
    r.fees = fees;
  }
  const pv = rnd();
  if (pv < 0.8) {
    const total = int(CAP[kind][0], CAP[kind][1]);
    r.places = { total };
    if (pv < 0.7) {
      r.places.vacant = chance(0.3) ? 0 : int(1, Math.max(1, Math.floor(total / 3)));
      r.places.as_of = dateBetween("2026-10-01", "2026-11-19");
    }
  }
  if (chance(0.7)) r.hours = pick(HOURS);
  if (chance(0.01)) r.demonstration = true;
  if (chance(0.35)) r.quality = { grade: pick(["A", "B", "B", "C", "C", "D"]), year: pick([2025, 2026]) };
  if (chance(0.35)) {
    const v = rnd();
    const result = v < 0.9 ? "pass" : v < 0.98 ? "rectify" : "fail";
    r.inspections = [{ date: dateBetween("2025-06-01", "2026-11-15"), result, summary: SUMMARY[result] }];
  }
  if (kind === "employer") r.open_to_public = chance(0.5);
  if (chance(0.5)) {
    const a = int(0, FEATURES.length - 1);
    r.features = [FEATURES[a], FEATURES[(a + int(1, FEATURES.length - 1)) % FEATURES.length]];
  }
  if (chance(0.6)) r.updated = dateBetween("2026-06-01", "2026-11-19");
  institutions[i] = r;
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
