#!/usr/bin/env node
// Builds public/data/heyuan/, the demonstration catalogue of 河源市: 源城区 (the app's own
// sample, public/data/yuancheng.json, as it is) and its five neighbours 东源县, 和平县, 龙川县,
// 紫金县 and 连平县, bundled by the publisher's tool as a bureau would (`tuoyu-publish bundle`).
//
//   node scripts/make-heyuan-sample.mjs        (needs cargo; replaces public/data/heyuan/)
//
// Every institution is INVENTED (names start with （示例）, phones are in the fictional
// 0762-3555xxx block); the towns are real names at approximate places; every file says
// `sample: true`. Some institutions sit just across the borders of 源城区, so that a parent in
// 源城区 sees them: 东源县's 示例 centre BORDER is 800 m north of the point NEAR below (inside
// 源城区), and a 紫金县 one is 1.4 km east of 源南镇's edge. Deterministic: run again, same files.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gauss, pad, prettyJson, seededRandom, syntheticInstitution } from "./data-kit.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "public", "data", "heyuan");
const g = seededRandom(20261202);

/** The point of the README's border link, in 源城区, in the files' GCJ-02 (the link's `near=`
 * is WGS-84: 23.7727,114.7003). */
export const NEAR = { lat: 23.77, lng: 114.705 };
const KM_LAT = 111.195;
const kmLng = (lat) => KM_LAT * Math.cos((lat * Math.PI) / 180);
const north = (p, m) => ({ lat: +(p.lat + m / 1000 / KM_LAT).toFixed(6), lng: p.lng });
const east = (p, m) => ({ lat: p.lat, lng: +(p.lng + m / 1000 / kmLng(p.lat)).toFixed(6) });

// Seats and towns (approximate centres, GCJ-02); `border`: institutions placed on purpose.
const DISTRICTS = [
  {
    code: "441625", name: "东源县", count: 28,
    towns: [["仙塘镇", 23.79, 114.742, 6], ["灯塔镇", 24.063, 114.826, 2], ["骆湖镇", 23.899, 114.769, 2],
      ["船塘镇", 24.013, 114.927, 2], ["义合镇", 23.716, 114.938, 2], ["蓝口镇", 23.918, 114.963, 1],
      ["康禾镇", 23.539, 114.9, 1]],
    border: [north(NEAR, 800), north(east(NEAR, 600), 1100), north(east(NEAR, -900), 1300)],
  },
  {
    code: "441624", name: "和平县", count: 14,
    towns: [["阳明镇", 24.442, 114.938, 5], ["林寨镇", 24.358, 115.046, 2], ["东水镇", 24.278, 114.921, 2], ["彭寨镇", 24.569, 114.998, 1]],
    border: [],
  },
  {
    code: "441622", name: "龙川县", count: 18,
    towns: [["老隆镇", 24.101, 115.26, 6], ["佗城镇", 24.076, 115.225, 2], ["四都镇", 23.973, 115.071, 1], ["车田镇", 24.293, 115.43, 1]],
    border: [],
  },
  {
    code: "441621", name: "紫金县", count: 16,
    towns: [["紫城镇", 23.635, 115.184, 6], ["临江镇", 23.682, 114.892, 2], ["古竹镇", 23.504, 114.888, 2], ["蓝塘镇", 23.434, 115.335, 1]],
    border: [east({ lat: 23.686, lng: 114.72 }, 1400), east({ lat: 23.70, lng: 114.735 }, 1200)],
  },
  {
    code: "441623", name: "连平县", count: 12,
    towns: [["元善镇", 24.369, 114.489, 5], ["忠信镇", 24.23, 114.571, 2], ["隆街镇", 24.467, 114.462, 1]],
    border: [],
  },
];

function dataset(d) {
  const areas = d.towns.map(([name, lat, lng], k) => ({ code: `${d.code}${100 + k}`, name, center: { lat, lng } }));
  const weights = d.towns.map((t) => t[3]);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickArea = () => {
    let r = g.rnd() * total;
    for (let k = 0; k < areas.length; k++) if ((r -= weights[k]) < 0) return areas[k];
    return areas[0];
  };
  // Around the town's centre, ~1.2 km spread; the border institutions where they are placed.
  let fixedAt = null;
  const place = (area) =>
    fixedAt ?? {
      lat: +(area.center.lat + (gauss(g.rnd) * 1.2) / KM_LAT).toFixed(6),
      lng: +(area.center.lng + (gauss(g.rnd) * 1.2) / kmLng(area.center.lat)).toFixed(6),
    };
  const institutions = [];
  for (let i = 0; i < d.count; i++) {
    fixedAt = d.border[i] ?? null;
    const area = fixedAt ? areas[0] : pickArea();
    const r = syntheticInstitution(g, {
      id: `${d.code}-${pad(i + 1, 4)}`, n: i + 1, area, place, district: d.code,
      phonePrefix: "0762-3555", label: "（示例）", numbered: false,
    });
    // The one the README's link finds first across the border: a centre, open to all ages.
    if (i === 0 && d.border.length) {
      Object.assign(r, { name: `（示例）${d.name.slice(0, 2)}跨区小太阳托育中心`, kind: "centre", age_months: { min: 12, max: 36 } });
      delete r.open_to_public;
    }
    institutions.push(r);
  }
  return {
    schema: "tuoyu.dataset/1",
    title: `${d.name}托育服务机构名录（示例数据）`,
    publisher: `${d.name}卫生健康局（示例）`,
    published: "2026-11-20",
    crs: "GCJ-02",
    sample: true,
    region: { code: d.code, name: d.name, center: areas[0].center, areas },
    institutions,
  };
}

const work = mkdtempSync(join(tmpdir(), "heyuan-"));
const src = join(work, "districts");
mkdirSync(src);
copyFileSync(join(ROOT, "public", "data", "yuancheng.json"), join(src, "441602.json"));
for (const d of DISTRICTS) writeFileSync(join(src, `${d.code}.json`), prettyJson(dataset(d)));
writeFileSync(join(work, "regions.csv"), "code,name,lat,lng\n441600,河源市,23.7436,114.7007\n");
rmSync(OUT, { recursive: true, force: true });
execFileSync(
  "cargo",
  ["run", "--offline", "--quiet", "-p", "tuoyu-publish", "--", "bundle", src, "--out", OUT,
    "--regions", join(work, "regions.csv"), "--publisher", "河源市卫生健康局（示例）",
    "--title", "河源市托育服务机构名录（示例数据）"],
  { cwd: ROOT, stdio: "inherit" },
);
rmSync(work, { recursive: true, force: true });
console.error(`wrote ${OUT}: ${readdirSync(OUT).join(", ")}`);
