// What the data scripts share: one seeded random generator, one JSON writer and one maker of
// synthetic institutions, so that the sample data, the benchmark datasets, the synthetic
// national catalogue and the test fixtures are made the same way.

/** A seed string as a 32-bit state (FNV-1a). */
export function hashSeed(s) {
  let h = 0x811c9dc5;
  for (const c of String(s)) {
    h ^= c.codePointAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator, deterministic for its seed; numbers in [0, 1). */
export function seededRandom(seed) {
  let a = seed | 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    rnd,
    chance: (p) => rnd() < p,
    /** lo…hi, both included. */
    int: (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(rnd() * arr.length)],
  };
}

export const round = (x, step) => Math.round(x / step) * step;

function inline(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return "[" + v.map(inline).join(", ") + "]";
  return "{" + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ": " + inline(x)).join(", ") + "}";
}

function pretty(v, indent = "") {
  const inner = indent + "  ";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const entries = Array.isArray(v) ? v.map((x) => [null, x]) : Object.entries(v);
  if (entries.length === 0) return Array.isArray(v) ? "[]" : "{}";
  const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
  const item = ([k, x], ind) => (k === null ? "" : JSON.stringify(k) + ": ") + pretty(x, ind);
  const one = inline(v);
  if (one.length + indent.length <= 100) return one;
  return open + "\n" + entries.map((e) => inner + item(e, inner)).join(",\n") + "\n" + indent + close;
}

/**
 * A file's JSON text: a 2-space indent where a value's one-line form fits in 100 columns it
 * stays on one line (location, age_months, fees…), which keeps a file readable and small.
 */
export function prettyJson(v) {
  return pretty(v) + "\n";
}

/** A standard normal number (Box–Muller) from the generator's `rnd`. */
export function gauss(rnd) {
  let u = 0;
  while (u === 0) u = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

export const pad = (n, w) => String(n).padStart(w, "0");

const DAY = 86400000;
/** A date from `from` to `to` (YYYY-MM-DD, both included), drawn with `g.int`. */
export function dateBetween(g, from, to) {
  const a = Date.parse(from + "T00:00:00Z");
  const b = Date.parse(to + "T00:00:00Z");
  return new Date(a + g.int(0, Math.round((b - a) / DAY)) * DAY).toISOString().slice(0, 10);
}

// ---------- synthetic institutions (benchmarks, scale data): all invented ----------
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
function pickKind(rnd) {
  let r = rnd() * 100;
  for (const [k, w] of KIND_W) if ((r -= w) < 0) return k;
  return "centre";
}
const TYPE_ORDER = ["full_day", "half_day", "hourly", "temporary"];
function careTypes({ chance }, kind) {
  const s = new Set();
  if (kind !== "community" || chance(0.5)) s.add("full_day");
  if (chance(kind === "kindergarten" ? 0.25 : 0.4)) s.add("half_day");
  if (kind !== "kindergarten" && chance(0.3)) s.add("hourly");
  if (kind !== "kindergarten" && chance(0.25)) s.add("temporary");
  if (s.size === 0) s.add("hourly");
  return TYPE_ORDER.filter((t) => s.has(t));
}
const CAP = { centre: [40, 150], community: [15, 40], kindergarten: [20, 60], employer: [20, 60], family: [3, 5] };

/**
 * One synthetic, valid `tuoyu.dataset/1` institution: `n` numbers its name and phone, `area`
 * is one of the file's areas (`{code}`), `place(area)` draws its location, `district` the
 * 6-digit code its registration numbers start with, `phonePrefix` its invented phone block,
 * `label` what its name starts with (and `numbered` whether it ends with `n`), so that no one
 * takes it for a real place. The draws are made in a fixed order, so a seed gives the same
 * record every time.
 */
export function syntheticInstitution(g, { id, n, area, place, district, phonePrefix, label = "合成·", numbered = true }) {
  const { rnd, chance, int, pick } = g;
  const kind = pickKind(rnd);
  const types = careTypes(g, kind);
  const puhui = chance(kind === "community" || kind === "kindergarten" ? 0.65 : 0.35);
  const r = {
    id,
    name: `${label}${pick(ROOTS)}${pick(SUFFIX[kind])}${numbered ? n : ""}`,
    kind,
  };
  if (chance(0.75)) {
    r.operator = kind === "family" ? "private" : pick(["public", "private", "private", "public_private", "private_public"]);
    r.nonprofit = r.operator === "private" ? chance(0.25) : true;
  }
  const st = rnd();
  if (st < 0.9) {
    const y = pick([2023, 2024, 2025, 2026]);
    r.registration = { number: `${district}${y}${pad(int(1, 9999), 4)}`, status: "filed" };
    if (chance(0.5)) r.registration.date = dateBetween(g, `${y}-01-05`, `${y}-10-30`);
  } else if (st < 0.97) r.registration = { status: "pending" };
  else if (st < 0.98) r.registration = { number: `${district}20230001`, date: "2023-03-01", status: "revoked" };
  r.area = area.code;
  r.address = `${pick(STREETS)} ${int(1, 400)} 号`;
  r.location = place(area);
  if (chance(0.75)) r.phone = `${phonePrefix}${pad((n - 1) % 1000, 3)}`;
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
      r.places.as_of = dateBetween(g, "2026-10-01", "2026-11-19");
    }
  }
  if (chance(0.7)) r.hours = pick(HOURS);
  if (chance(0.01)) r.demonstration = true;
  if (chance(0.35)) r.quality = { grade: pick(["A", "B", "B", "C", "C", "D"]), year: pick([2025, 2026]) };
  if (chance(0.35)) {
    const v = rnd();
    const result = v < 0.9 ? "pass" : v < 0.98 ? "rectify" : "fail";
    r.inspections = [{ date: dateBetween(g, "2025-06-01", "2026-11-15"), result, summary: SUMMARY[result] }];
  }
  if (kind === "employer") r.open_to_public = chance(0.5);
  if (chance(0.5)) {
    const a = int(0, FEATURES.length - 1);
    r.features = [FEATURES[a], FEATURES[(a + int(1, FEATURES.length - 1)) % FEATURES.length]];
  }
  if (chance(0.6)) r.updated = dateBetween(g, "2026-06-01", "2026-11-19");
  return r;
}
