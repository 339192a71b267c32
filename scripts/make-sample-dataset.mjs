#!/usr/bin/env node
// Builds public/data/yuancheng.json, the app's built-in default dataset.
//
//   node scripts/make-sample-dataset.mjs [OUT]      (default: public/data/yuancheng.json)
//
// Every institution in it is INVENTED: names carry "示例", streets are made up, phone numbers
// are in the fictional 0762-3555xxx block, positions are random points near approximate
// area centres. The file says `sample: true`. The output is deterministic (seeded PRNG), so
// running the script again gives a byte-identical file; change SEED only on purpose.
// Plain node >= 20, no npm packages. The script checks its own output against the rules of
// docs/dataset.md (tuoyu.dataset/1) and the coverage the tests rely on, and fails loudly.

import { writeFileSync } from "node:fs";
import { prettyJson, round, seededRandom } from "./data-kit.mjs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const SEED = 20261120;
const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(process.argv[2] ?? resolve(HERE, "../public/data/yuancheng.json"));

// ---------- deterministic PRNG (scripts/data-kit.mjs) ----------
const { rnd, chance, int, pick } = seededRandom(SEED);
function shuffle(arr) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}
function sample(arr, n) {
  return shuffle(arr.slice()).slice(0, n);
}
const pad = (n, w) => String(n).padStart(w, "0");
function dateBetween(from, to) {
  const a = Date.parse(from + "T00:00:00Z");
  const b = Date.parse(to + "T00:00:00Z");
  const d = new Date(a + int(0, Math.round((b - a) / 86400000)) * 86400000);
  return d.toISOString().slice(0, 10);
}

// ---------- region ----------
// Approximate centres (GCJ-02). No authoritative per-area centre exists; these are plausible
// placements: urban sub-districts within ~3 km of the district centre, 源南镇 ~6 km south,
// 埔前镇 ~8 km south-west.
const CENTER = { lat: 23.746, lng: 114.697 };
const AREAS = [
  { code: "441602001", name: "上城街道", center: { lat: 23.7365, lng: 114.7005 }, count: 9 },
  { code: "441602002", name: "新江街道", center: { lat: 23.7475, lng: 114.6860 }, count: 8 },
  { code: "441602003", name: "东埔街道", center: { lat: 23.7530, lng: 114.7135 }, count: 8 },
  { code: "441602004", name: "源西街道", center: { lat: 23.7330, lng: 114.6780 }, count: 6 },
  { code: "441602005", name: "高埔岗街道", center: { lat: 23.7640, lng: 114.6990 }, count: 6 },
  { code: "441602006", name: "城东街道", center: { lat: 23.7420, lng: 114.7240 }, count: 5 },
  { code: "441602100", name: "源南镇", center: { lat: 23.6930, lng: 114.7020 }, count: 4 },
  { code: "441602101", name: "埔前镇", center: { lat: 23.7150, lng: 114.6300 }, count: 4 },
];

// ---------- vocabulary (all invented) ----------
const STREETS = [
  "星禾路", "青梧街", "晴川路", "拾穗路", "芷兰街", "云杉大道", "鹿鸣路", "松涛街", "竹韵路",
  "桂语街", "禾丰路", "听泉路", "望舒街", "朝露路", "栖梧路", "锦溪街", "榕荫路", "知秋街",
];
const ESTATES = ["星禾花园", "晴川雅苑", "青梧小区", "云杉名邸", "锦溪新村", "榕荫家园", "望舒华庭", "禾丰苑"];
const COMMUNITIES = [
  "星禾", "青梧", "晴川", "芷兰", "鹿鸣", "松涛", "竹韵", "桂语", "听泉", "锦溪", "榕荫", "朝露",
];
const ROOTS = [
  "小星星", "彩虹", "向日葵", "小海豚", "蒲公英", "小橡树", "萤火虫", "小树苗", "童话屋", "暖阳",
  "小云朵", "小蜜蜂", "青苹果", "满天星", "七色花", "月亮船", "糖果屋", "小熊猫", "春芽", "棉花糖",
  "小雨点", "小贝壳", "布谷鸟", "小风车", "彩虹桥", "小脚印", "星光", "小水滴", "萌芽", "晨曦",
  "小白兔", "豆豆", "嘟嘟熊", "小葵花", "乐宝", "童趣", "小鹿", "苗苗", "小企鹅", "圆圆",
];
const EMPLOYERS = [
  "青松科技园职工托育室", "明湖医疗中心职工托育园", "东江物流园职工子女托育点",
  "晨光电子厂职工托育中心", "云杉工业园职工托育室",
];
const FEATURES = [
  "膳食", "户外场地", "视频监控", "保健室", "母婴室", "家长开放日", "双语启蒙", "感统训练",
  "绘本阅读", "接送服务", "营养配餐", "晨午检", "无障碍通道",
];
const PASS_SUMMARIES = [
  "消防通道畅通，晨午检与消毒记录完整。",
  "食品留样规范，保育人员持证上岗。",
  "视频监控运行正常，录像保存满 90 天。",
  "卫生保健制度落实，儿童健康档案齐全。",
  "师幼比符合要求，户外活动时间充足。",
];
const RECTIFY_SUMMARIES = [
  "部分插座未加装保护盖，已要求限期一周内整改。",
  "消毒记录不连续，已限期整改并复查。",
  "楼梯防护栏高度不足，已限期整改。",
];
const FAIL_SUMMARY = "未按规定保存监控录像，食品留样记录缺失，责令停止收托并整改。";

// ---------- plan: which kind goes where ----------
// 18 centre, 12 community, 9 kindergarten, 5 employer, 6 family = 50 records.
const KINDS = [
  ...Array(18).fill("centre"),
  ...Array(12).fill("community"),
  ...Array(9).fill("kindergarten"),
  ...Array(5).fill("employer"),
  ...Array(6).fill("family"),
];
shuffle(KINDS);
// Towns (源南/埔前) get community points, kindergartens and family points rather than big centres.
const slots = [];
for (const a of AREAS) for (let i = 0; i < a.count; i++) slots.push(a);
const TOWNS = ["441602100", "441602101"];
const townIdx = slots.map((a, i) => (TOWNS.includes(a.code) ? i : -1)).filter((i) => i >= 0);
for (const i of townIdx) {
  if (KINDS[i] === "centre" || KINDS[i] === "employer") {
    const j = KINDS.findIndex((k, n) => !townIdx.includes(n) && (k === "community" || k === "family" || k === "kindergarten"));
    if (j >= 0) [KINDS[i], KINDS[j]] = [KINDS[j], KINDS[i]];
  }
}

const usedRoots = new Set();
function freshRoot() {
  let r;
  do r = pick(ROOTS);
  while (usedRoots.has(r));
  usedRoots.add(r);
  return r;
}
const usedCommunities = new Set();
function freshCommunity() {
  let r;
  do r = pick(COMMUNITIES);
  while (usedCommunities.has(r));
  usedCommunities.add(r);
  return r;
}

function jitter(center, maxKm) {
  const r = maxKm * Math.sqrt(rnd());
  const th = rnd() * 2 * Math.PI;
  const dLat = (r * Math.cos(th)) / 111.195;
  const dLng = (r * Math.sin(th)) / (111.195 * Math.cos((center.lat * Math.PI) / 180));
  return { lat: +(center.lat + dLat).toFixed(6), lng: +(center.lng + dLng).toFixed(6) };
}

function careTypes(kind) {
  const s = new Set();
  switch (kind) {
    case "centre":
      s.add("full_day");
      if (chance(0.5)) s.add("half_day");
      if (chance(0.35)) s.add("hourly");
      if (chance(0.3)) s.add("temporary");
      break;
    case "community":
      if (chance(0.5)) s.add("full_day");
      if (chance(0.5)) s.add("half_day");
      if (chance(0.55)) s.add("hourly");
      if (chance(0.45)) s.add("temporary");
      if (s.size === 0) s.add(pick(["hourly", "half_day"]));
      break;
    case "kindergarten":
      s.add("full_day");
      if (chance(0.3)) s.add("half_day");
      break;
    case "employer":
      s.add("full_day");
      if (chance(0.35)) s.add("temporary");
      break;
    case "family":
      s.add(pick(["full_day", "full_day", "half_day"]));
      if (chance(0.35)) s.add("hourly");
      break;
  }
  const order = ["full_day", "half_day", "hourly", "temporary"];
  return order.filter((t) => s.has(t));
}

function ages(kind, types) {
  if (kind === "kindergarten") return { min: 24, max: 36 };
  // 临时托 sometimes takes babies from birth
  if (types.includes("temporary") && (kind === "community" || kind === "centre") && chance(0.3)) return { min: 0, max: 36 };
  if (kind === "family") return { min: pick([6, 12, 12, 18]), max: 36 };
  if (kind === "community") return { min: pick([6, 12, 18, 18]), max: 36 };
  return { min: pick([6, 6, 12, 12, 18]), max: pick([36, 36, 36, 30]) };
}

function hours(kind, types) {
  if (kind === "family") return pick(["周一至周五 08:00–17:30", "周一至周五 07:45–17:45"]);
  if (!types.includes("full_day")) {
    if (types.includes("hourly")) return pick(["每天 09:00–20:30", "周一至周日 08:30–21:00"]);
    return pick(["周一至周五 08:30–12:00；14:30–17:30", "周一至周六 08:30–12:00"]);
  }
  if (kind === "kindergarten") return pick(["周一至周五 07:40–17:30", "周一至周五 07:50–17:20"]);
  if (kind === "employer") return pick(["周一至周五 07:30–18:30", "周一至周五 07:00–18:00"]);
  return pick([
    "周一至周五 07:30–18:00",
    "周一至周六 07:30–18:30",
    "周一至周五 07:30–18:00；周六 08:00–12:00",
    "周一至周五 08:00–17:30",
  ]);
}

function fees(types, puhui) {
  const f = {};
  const full = puhui ? round(int(1200, 2000), 50) : round(int(2200, 3800), 100);
  for (const t of types) {
    if (t === "full_day") f.full_day = { amount: full, unit: "month" };
    if (t === "half_day")
      f.half_day = { amount: puhui ? round(int(700, 1200), 50) : round(int(1300, 2200), 100), unit: "month" };
    if (t === "hourly") f.hourly = { amount: puhui ? round(int(30, 40), 5) : round(int(40, 60), 5), unit: "hour" };
    if (t === "temporary")
      f.temporary = chance(0.5)
        ? { amount: puhui ? round(int(100, 140), 10) : round(int(150, 200), 10), unit: "day" }
        : { amount: puhui ? round(int(60, 80), 10) : round(int(90, 120), 10), unit: "session" };
  }
  return f;
}

function totalPlaces(kind) {
  switch (kind) {
    case "centre": return round(int(40, 150), 5);
    case "community": return round(int(15, 40), 5);
    case "kindergarten": return round(int(20, 60), 5);
    case "employer": return round(int(20, 60), 5);
    case "family": return int(3, 5);
  }
}

// ---------- build ----------
const inst = [];
let regSeq = 0;
for (let i = 0; i < slots.length; i++) {
  const area = slots[i];
  const kind = KINDS[i];
  const id = "YC-" + pad(i + 1, 4);
  const town = TOWNS.includes(area.code);

  let name;
  if (kind === "centre") name = "（示例）" + freshRoot() + pick(["托育中心", "托育园", "婴幼儿照护中心", "托育中心"]);
  else if (kind === "community") name = "示例·" + freshCommunity() + "社区托育点";
  else if (kind === "kindergarten") name = "（示例）" + freshRoot() + "幼儿园托班";
  else if (kind === "employer") name = "（示例）" + EMPLOYERS.shift();
  else name = "（示例）" + freshRoot() + "家庭托育点";

  const street = pick(STREETS);
  let address;
  if (kind === "community") address = `源城区${area.name}${name.slice(3, 5)}社区服务中心${pick(["一", "二"])}楼`;
  else if (kind === "family") address = `源城区${area.name}${street} ${int(2, 180)} 号${pick(ESTATES)} ${int(1, 12)} 栋 ${int(1, 3)}0${int(1, 4)} 室`;
  else if (kind === "employer") address = `源城区${area.name}${street} ${int(1, 300)} 号${pick(["综合楼一楼", "职工之家二楼", "后勤楼一楼"])}`;
  else address = `源城区${area.name}${street} ${int(1, 300)} 号${chance(0.4) ? pick(ESTATES) + "商业街" : ""}`;

  const types = careTypes(kind);
  const puhui = chance({ centre: 0.4, community: 0.75, kindergarten: 0.7, employer: 0.6, family: 0.3 }[kind]);
  let operator;
  if (kind === "community") operator = pick(["public", "public_private", "public_private", "private_public"]);
  else if (kind === "kindergarten") operator = pick(["public", "public", "private", "private_public"]);
  else if (kind === "employer") operator = pick(["public", "private"]);
  else if (kind === "family") operator = "private";
  else operator = puhui ? pick(["private_public", "public_private", "private"]) : "private";
  const nonprofit = operator === "private" ? chance(0.25) : true;

  const r = {
    id,
    name,
    kind,
    operator,
    nonprofit,
    registration: null,
    area: area.code,
    address,
    location: jitter(area.center, town ? 1.5 : 1.2),
    phone: `0762-3555${pad(100 + i, 3)}`,
    care_types: types,
    age_months: ages(kind, types),
    puhui,
    fees: fees(types, puhui),
    places: null,
    hours: hours(kind, types),
    demonstration: undefined,
    quality: undefined,
    inspections: undefined,
    open_to_public: undefined,
    features: sample(FEATURES, int(2, 5)),
    updated: dateBetween("2026-09-01", "2026-11-18"),
  };

  // registration: mostly filed
  const year = pick([2023, 2024, 2024, 2025, 2025, 2026]);
  regSeq += int(1, 9);
  r.registration = {
    number: `441602${year}${pad(regSeq, 4)}`,
    date: dateBetween(`${year}-01-05`, year === 2026 ? "2026-10-30" : `${year}-12-20`),
    status: "filed",
  };

  // places
  const total = totalPlaces(kind);
  const v = rnd();
  if (v < 0.1) r.places = undefined; // no places at all
  else if (v < 0.2) r.places = { total }; // capacity only
  else {
    const vacant = chance(0.3) ? 0 : int(1, Math.max(1, Math.floor(total / 3)));
    r.places = { total, vacant, as_of: dateBetween("2026-10-08", "2026-11-19") };
  }

  // quality and inspections
  if (chance(0.6)) r.quality = { grade: pick(["A", "A", "B", "B", "B", "B", "C", "C", "D"]), year: pick([2025, 2026]) };
  if (chance(0.7)) {
    const n = chance(0.3) ? 2 : 1;
    r.inspections = [];
    for (let k = 0; k < n; k++)
      r.inspections.push({
        date: k === 0 ? dateBetween("2026-03-01", "2026-11-10") : dateBetween("2025-03-01", "2025-12-20"),
        result: "pass",
        summary: pick(PASS_SUMMARIES),
      });
  }
  if (kind === "employer") r.open_to_public = false;
  inst.push(r);
}

// ---------- deliberate cases (so every value shows up at least once) ----------
const byKind = (k) => inst.filter((r) => r.kind === k);
const centres = byKind("centre");
const urban = (r) => !TOWNS.includes(r.area);

// two demonstration institutions: big public-ish centres, grade A, clean inspections
for (const r of centres.filter(urban).slice(0, 2)) {
  r.demonstration = true;
  r.puhui = true;
  r.operator = "public_private";
  r.nonprofit = true;
  r.fees = fees(r.care_types, true);
  r.quality = { grade: "A", year: 2026 };
  r.places = { total: 150, vacant: int(2, 12), as_of: dateBetween("2026-11-01", "2026-11-19") };
  r.inspections = [{ date: "2026-09-" + pad(int(10, 28), 2), result: "pass", summary: "示范性托育机构复核：各项指标达标。" }];
}
// employers: three of five open to nearby residents
byKind("employer").slice(0, 3).forEach((r) => (r.open_to_public = true));
// rectify (3) and fail (1)
const candidates = inst.filter((r) => !r.demonstration);
const insp = (r) => (r.inspections ??= []);
for (const r of [candidates[3], candidates[17], candidates[29]]) {
  insp(r).unshift({ date: dateBetween("2026-05-01", "2026-10-31"), result: "rectify", summary: pick(RECTIFY_SUMMARIES) });
}
{
  const r = candidates.filter((x) => x.kind === "centre" && !x.puhui).at(-1);
  insp(r).unshift({ date: "2026-10-14", result: "fail", summary: FAIL_SUMMARY });
  r.quality = { grade: "D", year: 2026 };
}
// pending registrations (4): no receipt number yet
for (const r of [candidates[6], candidates[21], candidates[33], candidates[40]]) {
  r.registration = { status: "pending" };
  delete r.quality;
}
// one record without any registration object, one without phone/operator/nonprofit
delete candidates[12].registration;
delete candidates[25].phone;
delete candidates[25].operator;
delete candidates[25].nonprofit;
// a phone with an extension
candidates[8].phone = candidates[8].phone + " 转 8";
// fees: one record publishes none, one publishes only some
delete candidates[14].fees;
{
  const r = inst.find((x) => x.care_types.length >= 3 && !x.demonstration);
  delete r.fees[r.care_types.at(-1)];
}
// ONE revoked record — must never be listed by the app
const REVOKED = centres.filter(urban).filter((r) => !r.demonstration)[2];
REVOKED.registration = { number: REVOKED.registration?.number ?? "44160220230007", date: "2023-04-18", status: "revoked" };
REVOKED.name = REVOKED.name.replace("（示例）", "（示例·已注销）");
REVOKED.places = { total: REVOKED.places?.total ?? 60, vacant: 0, as_of: "2026-10-09" };


// ---------- dataset 1.1: opening, prepayment, places.by_age ----------
// Drawn from a PRNG of their own, after everything else, so the 1.0 fields (and the tests
// that know them) stay exactly as they were. Most records get each field, not all: a
// parent must see "not stated" somewhere.
const rnd11 = mulberry32(SEED + 18);
const chance11 = (p) => rnd11() < p;
const pick11 = (arr) => arr[Math.floor(rnd11() * arr.length)];
const DAYS = { 周一至周五: [1, 2, 3, 4, 5], 周一至周六: [1, 2, 3, 4, 5, 6], 周一至周日: [1, 2, 3, 4, 5, 6, 7], 每天: [1, 2, 3, 4, 5, 6, 7], 周六: [6] };
// The structured week the `hours` text describes; `null` for a day split in two sessions,
// which the 1.1 form cannot hold (a day may be in one entry only).
function openingOf(text) {
  const out = [];
  for (const part of text.split("；")) {
    const m = /^(?:(\S+) )?(\d\d:\d\d)–(\d\d:\d\d)$/.exec(part);
    if (!m || !m[1] || !DAYS[m[1]]) return null;
    out.push({ days: DAYS[m[1]], open: m[2], close: m[3] });
  }
  return out;
}
for (const r of inst) {
  const week = r.hours && openingOf(r.hours);
  if (week && chance11(0.85)) r.opening = week;
  if (chance11(0.8)) {
    const max_months = r.puhui ? pick11([0, 1, 1, 3, 3]) : pick11([1, 3, 3, 6, 12]);
    r.prepayment = chance11(0.15) ? { max_months } : { max_months, escrow: chance11(r.puhui ? 0.8 : 0.4) };
  }
  const p = r.places;
  const span = r.age_months.max - r.age_months.min;
  if (p && p.vacant !== undefined && span >= 12 && r.kind !== "family" && chance11(0.6)) {
    const cut = r.age_months.min < 18 && r.age_months.max > 18 ? 18 : r.age_months.min + Math.floor(span / 2);
    const young = Math.round(p.total * 0.4);
    const youngFree = Math.min(young, pick11([0, 0, 1, Math.floor(p.vacant / 2)]), p.vacant);
    p.by_age = [
      { min: r.age_months.min, max: cut - 1, total: young, vacant: youngFree },
      { min: cut, max: r.age_months.max, total: p.total - young, vacant: Math.min(p.total - young, p.vacant - youngFree) },
    ];
  }
}

// ---------- clean up & order keys ----------
const KEY_ORDER = [
  "id", "name", "kind", "operator", "nonprofit", "registration", "area", "address", "location", "phone",
  "care_types", "age_months", "puhui", "fees", "places", "hours", "opening", "prepayment", "demonstration", "quality",
  "inspections", "open_to_public", "features", "updated",
];
const institutions = inst.map((r) => {
  const o = {};
  for (const k of KEY_ORDER) if (r[k] !== undefined && r[k] !== null) o[k] = r[k];
  if (o.inspections) o.inspections.sort((a, b) => (a.date < b.date ? 1 : -1));
  return o;
});

const dataset = {
  schema: "tuoyu.dataset/1",
  title: "源城区托育服务机构名录（示例数据）",
  publisher: "源城区卫生健康局（示例）",
  published: "2026-11-20",
  crs: "GCJ-02",
  sample: true,
  notice: "本文件为演示用示例数据：机构名称、地址、电话、托位与收费均为虚构，不代表任何真实机构。",
  region: {
    code: "441602",
    name: "源城区",
    center: CENTER,
    areas: AREAS.map(({ code, name, center }) => ({ code, name, center })),
  },
  institutions,
};

// ---------- self-check ----------
function check(ds) {
  const errs = [];
  const isDate = (s) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s + "T00:00:00Z")) && new Date(s + "T00:00:00Z").toISOString().startsWith(s);
  const areaCodes = new Set(ds.region.areas.map((a) => a.code));
  const ids = new Set();
  const names = new Set();
  for (const r of ds.institutions) {
    const e = (m) => errs.push(`${r.id}: ${m}`);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(r.id)) e("id");
    if (ids.has(r.id)) e("duplicate id");
    ids.add(r.id);
    if (names.has(r.name)) e("duplicate name");
    names.add(r.name);
    if (!r.name.includes("示例")) e("name must say 示例");
    if ([...r.name].length > 100 || [...r.address].length > 200) e("too long");
    if (/[<>&"']/.test(r.name + r.address + (r.hours ?? ""))) e("markup chars in the clean sample");
    if (!areaCodes.has(r.area)) e("area");
    if (!(r.location.lat > 23.6 && r.location.lat < 23.85 && r.location.lng > 114.55 && r.location.lng < 114.8)) e("outside district box");
    if (r.phone !== undefined && !/^[0-9 +()\-转]{0,40}$/.test(r.phone)) e("phone");
    if (!r.care_types.length || new Set(r.care_types).size !== r.care_types.length) e("care_types");
    const { min, max } = r.age_months;
    if (!(Number.isInteger(min) && Number.isInteger(max) && 0 <= min && min <= max && max <= 36)) e("age");
    if (r.places) {
      if (r.places.vacant !== undefined && !(r.places.vacant <= r.places.total)) e("vacant > total");
      if (r.places.as_of && !(r.places.as_of >= "2026-10-01" && r.places.as_of <= "2026-11-20")) e("as_of");
    }
    for (const [t, f] of Object.entries(r.fees ?? {})) {
      const unit = { full_day: "month", half_day: "month", hourly: "hour", temporary: null }[t];
      if (unit && f.unit !== unit) e("fee unit " + t);
      if (t === "temporary" && !["day", "session"].includes(f.unit)) e("temp unit");
      if (t === "full_day" && !(f.amount >= 1200 && f.amount <= 3800)) e("full_day fee range");
      if (t === "hourly" && !(f.amount >= 30 && f.amount <= 60)) e("hourly fee range");
    }
    for (const d of [r.updated, r.registration?.date, r.places?.as_of, ...(r.inspections ?? []).map((x) => x.date)])
      if (d !== undefined && !(isDate(d) && d <= ds.published)) e("date " + d);
    if (r.kind === "family" && r.places && r.places.total > 5) e("family > 5 places");
  }
  const count = (f) => ds.institutions.filter(f).length;
  const need = (ok, m) => ok || errs.push("coverage: " + m);
  for (const k of ["centre", "community", "kindergarten", "employer", "family"]) need(count((r) => r.kind === k) > 0, k);
  for (const t of ["full_day", "half_day", "hourly", "temporary"]) need(count((r) => r.care_types.includes(t)) > 0, t);
  for (const o of ["public", "private", "public_private", "private_public"]) need(count((r) => r.operator === o) > 0, o);
  for (const a of ds.region.areas) need(count((r) => r.area === a.code) > 0, a.code);
  for (const g of "ABCD") need(count((r) => r.quality?.grade === g) > 0, "grade " + g);
  need(count((r) => r.registration?.status === "revoked") === 1, "exactly one revoked");
  need(count((r) => r.registration?.status === "pending") >= 2, "pending");
  need(count((r) => r.demonstration) === 2, "two demonstration");
  need(count((r) => r.open_to_public === true) > 0, "open_to_public");
  need(count((r) => r.inspections?.some((x) => x.result === "fail")) === 1, "one fail");
  need(count((r) => r.inspections?.some((x) => x.result === "rectify")) >= 2, "rectify");
  need(count((r) => r.places && r.places.vacant === 0) > 0, "vacant 0");
  need(count((r) => !r.places) > 0, "no places");
  need(count((r) => r.places && r.places.vacant === undefined) > 0, "total without vacant");
  need(count((r) => r.care_types.length > 1) > 0, "several care types");
  need(count((r) => r.age_months.min === 0) > 0, "from 0 months");
  need(count((r) => r.age_months.min === 6) > 0, "from 6 months");
  need(count((r) => r.fees?.temporary?.unit === "day") > 0 && count((r) => r.fees?.temporary?.unit === "session") > 0, "temp units");
  need(count((r) => r.puhui) > 0 && count((r) => !r.puhui) > 0, "puhui both");
  need(ds.institutions.length >= 48, ">= 48 records");
  const most = (f) => count(f) > ds.institutions.length / 2 && count(f) < ds.institutions.length;
  need(most((r) => r.opening), "opening on most, not all");
  need(most((r) => r.prepayment), "prepayment on most, not all");
  need(count((r) => r.places?.by_age) > 0 && count((r) => r.places && !r.places.by_age) > 0, "by_age on some");
  need(count((r) => r.prepayment && r.prepayment.escrow === undefined) > 0, "escrow not stated");
  need(count((r) => r.prepayment?.max_months > 3) > 0 && count((r) => r.prepayment?.max_months <= 3) > 0, "prepay both sides of 3");
  return errs;
}

const text = prettyJson(dataset);
const errs = check(JSON.parse(text));
if (errs.length) {
  console.error(errs.join("\n"));
  process.exit(1);
}
// 64 KB: room for the 1.1 fields (about 10 KB) while the sample stays one small download.
if (Buffer.byteLength(text) >= 64 * 1024) {
  console.error(`too big: ${Buffer.byteLength(text)} bytes`);
  process.exit(1);
}
writeFileSync(OUT, text);
console.log(`wrote ${OUT}: ${institutions.length} institutions, ${Buffer.byteLength(text)} bytes; revoked: ${REVOKED.id}`);
