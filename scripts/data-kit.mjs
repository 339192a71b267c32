// What the data scripts share: one seeded random generator and one JSON writer, so that the
// sample dataset, the benchmark datasets and the test fixtures are made the same way.

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
