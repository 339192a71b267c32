// An independent reading of the dataset contract (`tuoyu.dataset/1`, docs/dataset.md) in
// JavaScript, so the browser tests can say what the page should show without trusting the Rust
// code under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';

export function readDataset(path = join(repoRoot, 'public', 'data', 'yuancheng.json')) {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

/** Institutions the app lists: all of them here, minus revoked registrations. */
export function listed(dataset) {
  return dataset.institutions.filter((i) => i.registration?.status !== 'revoked');
}

const R = 6371008.8;
const rad = (d) => (d * Math.PI) / 180;

export function haversine(a, b) {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

// The GCJ-02 offset as published for the national survey's obfuscation (Krasovsky ellipsoid).
const A = 6378245.0;
const EE = 0.00669342162296594323;
function tLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function tLng(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
export function wgsToGcj({ lat, lng }) {
  const dLat0 = tLat(lng - 105, lat - 35);
  const dLng0 = tLng(lng - 105, lat - 35);
  const radLat = rad(lat);
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (dLat0 * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (dLng0 * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/** Dataset 1.1: the age band holding `age`, if the institution gives bands. */
export function bandFor(inst, age) {
  return inst.places?.by_age?.find((b) => b.min <= age && age <= b.max);
}

/** Free places for a child of `age`: the band's when there are bands (none holding it: 0). */
function vacantFor(inst, age) {
  if (age !== undefined && inst.places?.by_age?.length) return bandFor(inst, age)?.vacant ?? 0;
  return inst.places?.vacant ?? 0;
}

const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Open at `from` and still open at `until` on every day Monday to Friday. */
function fitsWeekdays(inst, from, until) {
  if (from === undefined && until === undefined) return true;
  return [1, 2, 3, 4, 5].every((day) => {
    const o = inst.opening?.find((e) => e.days.includes(day));
    return o && (from === undefined || minutes(o.open) <= minutes(from)) && (until === undefined || minutes(o.close) >= minutes(until));
  });
}

/**
 * Ids the list should show for `f` (the URL's meaning), in the order the spec's sorting gives.
 * f: { types, puhui, age, near (WGS-84), radius, area, kinds, vacant, q, from, until, prepay, sort }
 */
export function expectedIds(dataset, f = {}) {
  const point = f.near && (dataset.crs === 'GCJ-02' ? wgsToGcj(f.near) : f.near);
  const terms = (f.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rows = listed(dataset)
    .map((inst, order) => ({ inst, order, d: point ? haversine(point, inst.location) : undefined }))
    .filter(({ inst, d }) =>
      (!f.types?.length || inst.care_types.some((t) => f.types.includes(t))) &&
      (!f.puhui || inst.puhui) &&
      (f.age === undefined || (inst.age_months.min <= f.age && f.age <= inst.age_months.max)) &&
      (!f.kinds?.length || f.kinds.includes(inst.kind)) &&
      (!f.vacant || vacantFor(inst, f.age) > 0) &&
      fitsWeekdays(inst, f.from, f.until) &&
      (f.prepay === undefined || (inst.prepayment !== undefined && inst.prepayment.max_months <= f.prepay)) &&
      (!f.area || inst.area === f.area) &&
      (f.radius === undefined || d === undefined || d <= f.radius) &&
      terms.every((t) => `${inst.name}\n${inst.address}`.toLowerCase().includes(t)));
  const sort = f.sort ?? (point ? 'distance' : 'default');
  if (sort === 'distance' && point) rows.sort((a, b) => a.d - b.d || a.order - b.order);
  if (sort === 'vacancy') {
    rows.sort((a, b) => (b.inst.places?.vacant ?? -1) - (a.inst.places?.vacant ?? -1) || a.order - b.order);
  }
  return rows.map((r) => ({ id: r.inst.id, distance: r.d }));
}
