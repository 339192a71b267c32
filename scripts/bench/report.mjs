// Turns the benchmark's numbers into docs/performance.md and a table for the terminal.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const kb = (n) => (n == null ? '–' : `${(n / 1024).toFixed(1)} KB`);
const mb = (n) => (n == null ? '–' : `${(n / 1048576).toFixed(1)} MB`);
const ms = (n) => (n == null ? '–' : `${Math.round(n)} ms`);
const evt = (n) => (n == null || n === 0 ? '< 16 ms' : ms(n));
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/**
 * Under 4x CPU, every timing of an interaction (chip and typing, both ways of timing): the
 * median, which a busy machine disturbs least, and the worst. Under Event Timing's 16 ms
 * threshold counts as 16.
 */
function interaction(results, n) {
  return interactionOf(results.datasets.find((d) => d.n === n && d.cpu === 4));
}

function interactionOf(row) {
  if (!row || row.error || !row.chip) return null;
  const all = [row.chip, row.type].flatMap((k) => [...k.eventTiming.map((v) => v ?? 16), ...k.nextPaint]);
  return { median: median(all), worst: Math.max(...all) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function budgets(results) {
  const fv = results.firstView;
  const total = (k) => fv.reduce((s, r) => s + r[k], 0);
  const mobile = results.loads.mobile;
  const at = (n) => interaction(results, n);
  const shown = (n) => (at(n) ? `${ms(at(n).median)} median, ${ms(at(n).worst)} worst` : '–');
  const within = (n, limit) => at(n) != null && at(n).median <= limit;
  const big = results.datasets.filter((d) => d.n === 100_000);
  // Usable: it loads, draws a bounded number of cards, and answers every input within a second.
  const bigOk = big.length > 0 && big.every((d) => !d.error && d.cards <= 200) && within(100_000, 1000) && at(100_000).worst <= 1000;
  return [
    ['Wasm ≤ 200 KB gzip', kb(results.wasm?.gzip), results.wasm?.gzip <= 200 * 1024],
    ['First list view ≤ 250 KB gzip (everything it loads, dataset included)', kb(total('gzip')), total('gzip') <= 250 * 1024],
    ['First result painted ≤ 1.5 s, mobile profile (median)', `${ms(mobile.firstResult)} (app's own list: ${ms(mobile.appResult)})`, mobile.firstResult <= 1500],
    ['Interaction ≤ 50 ms at 1,000 institutions, 4x CPU', shown(1000), within(1000, 50)],
    ['Interaction ≤ 100 ms at 10,000 institutions, 4x CPU', shown(10_000), within(10_000, 100)],
    [
      '100,000 institutions load and stay usable (at most 200 cards drawn; every input answered within 1 s, 4x CPU)',
      big.length ? `load ${big.map((d) => `${ms(d.load)} @${d.cpu}x`).join(', ')}; interaction ${shown(100_000)}` : 'not run',
      bigOk,
    ],
  ];
}

const CATALOGUE_HEADING = '## Synthetic national catalogue';

/** The catalogue budgets of issue 17 (scripts/bench/catalogue.mjs). */
export function catalogueBudgets(c) {
  const r = c.region;
  const i = interactionOf(r);
  const failed = (x) => (x.error ? ` (error: ${x.error})` : '');
  const point = (g, where) => [
    [`GPS point ${where}, ${c.radius} m: ≤ 6 data requests after the page`, `${g.requests}${failed(g)} (the box rule needs ${g.needed})`, !g.error && g.requests <= 6],
    ['… ≤ 80 KB gzip of catalogue and data', kb(g.gzip), !g.error && g.gzip <= 80 * 1024],
    ['… first result ≤ 3.0 s, mobile profile' + (g.runs > 1 ? ' (median)' : ''), ms(g.firstResult), !g.error && g.firstResult != null && g.firstResult <= 3000],
    ['… wasm memory < 40 MB', mb(g.wasmMemory), !g.error && g.wasmMemory != null && g.wasmMemory < 40 * 1048576],
  ];
  return [
    ...point(c.gps, 'at home'),
    ...point(c.junction, 'where districts meet'),
    [
      `\`region=${r.code}\` (${(r.listed ?? 0).toLocaleString('en')} institutions): loads and stays usable, interaction < 100 ms at 4x CPU`,
      i ? `load ${ms(r.load)}; interaction ${ms(i.median)} median, ${ms(i.worst)} worst; wasm ${mb(r.wasmMemory)}` : `not usable${failed(r)}`,
      i != null && i.median < 100,
    ],
    ['Catalogue root ≤ 10 KB gzip', `${kb(c.root.gzip)} (${c.root.entries} entries, ${kb(c.root.raw)} raw)`, c.root.gzip <= 10 * 1024],
  ];
}

export function catalogueSection(c, m) {
  const b = catalogueBudgets(c);
  const where = (g) =>
    `${g.label}: \`near=${g.wgs.lat.toFixed(6)},${g.wgs.lng.toFixed(6)}\` (WGS-84); fetched ` +
    `${g.files.map((f) => `\`${f.split('/').pop()}\``).join(', ') || 'nothing'}; result count ${g.count ?? '–'}` +
    (g.appStarted ? `; the app started at ${Math.round(g.appStarted)} ms, its first result ${Math.round(g.firstResult - g.appStarted)} ms later` : '');
  return `${CATALOGUE_HEADING}

Written by \`node scripts/bench.mjs\` (or \`--catalogue-only\`, which rewrites only this section):
${m.date}, build ${m.commit}, load average ${m.loadavg} at the start. The release:
\`scripts/gen-national.mjs\` (${c.totals.institutions.toLocaleString('en')} listed institutions —
126,000 records, the revoked ones not listed — in 2,850 districts, 340 cities, 31 provinces),
bundled by \`tuoyu-publish bundle\` into ${c.totals.files.toLocaleString('en')} files, served with a
\`.gz\` beside each. GPS points in the busiest city, ${c.city}, radius ${c.radius} m, mobile
profile, cold loads (${c.gps.runs} at home, ${c.junction.runs} where districts meet; the worst
requests and bytes, the median first result). "Data requests" are every JSON file the page asked
for after itself; the box rule's files are the root, the catalogues descended through and the
datasets whose boxes come within the radius. The page starts the root's fetch itself while it
is parsed (crates/site's preload of \`data=\`), so the root arrives during the wasm's download;
after the app starts, each level below costs a round trip, and a level's files come in parallel.
"The app started" is when the wasm began to run: until then no rule can say which file is next.
The busiest city here is a municipality's single city, which the bundle gives no catalogue of its
own (the province's entry points at the city's): in a city of an ordinary province the province
catalogue is one more file, so a point where four districts meet there needs 7 requests, over
the budget.

${table(['budget', 'measured', ''], b.map(([what, v, ok]) => [what, v, ok ? 'met' : '**not met**']))}

- At home, ${where(c.gps)}.
- Where districts meet, ${where(c.junction)}.
- \`region=${c.region.code}\`: ${c.region.requests} data requests, result count ${c.region.count ?? '–'}.
`;
}

/** Replaces (or appends) the catalogue section of an existing report, leaving the rest. */
export function writeCatalogueSection(c, m, out) {
  const old = existsSync(out) ? readFileSync(out, 'utf8') : '# Performance\n';
  const at = old.indexOf(CATALOGUE_HEADING);
  const before = at >= 0 ? old.slice(0, at) : `${old.trimEnd()}\n\n`;
  const next = at >= 0 ? old.indexOf('\n## ', at + 1) : -1;
  const after = next >= 0 ? old.slice(next + 1) : '';
  writeFileSync(out, before + catalogueSection(c, m) + (after ? `\n${after}` : ''));
  return table(['budget', 'measured', ''], catalogueBudgets(c).map(([w, v, ok]) => [w, v, ok ? 'met' : 'NOT MET']));
}

export function writeReport(results, out) {
  const b = budgets(results);
  const fv = results.firstView;
  const sum = (k) => fv.reduce((s, r) => s + r[k], 0);
  const m = results.machine;
  const loadRows = Object.entries(results.loads).map(([name, l]) => [
    name, ms(l.fcp), ms(l.staticList), ms(l.appResult), ms(l.firstResult), ms(l.lcp),
  ]);
  const crit = results.critical ?? [];
  const dsRows = results.datasets.map((d) => [
    d.n.toLocaleString('en'), `${d.cpu}x`, d.error ? `error: ${d.error.slice(0, 60)}` : ms(d.load), mb(d.jsHeap),
    mb(d.wasmMemory), String(d.cards),
    d.chip ? `${evt(d.chip.worstEvent)} / ${ms(d.chip.worstNextPaint)}` : '–',
    d.type ? `${evt(d.type.worstEvent)} / ${ms(d.type.worstNextPaint)}` : '–',
  ]);
  const budgetTable = table(['budget', 'measured', ''], b.map(([what, v, ok]) => [what, v, ok ? 'met' : '**not met**']));
  const md = `# Performance

Written by \`node scripts/bench.mjs\` (see the README's "Benchmarks"); numbers from one run, not
a promise. Re-run after a change that could matter: every figure here depends on the machine.

- Date: ${m.date}
- Build: ${m.commit}
- Machine: ${m.nproc} cores, ${m.cpu}; ${m.chromium}; headless, 390×844, device scale 2;
  load average when the run started: ${m.loadavg} (other work on the machine makes the
  interaction timings noisy: the budgets use their median)
- Mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4× (DevTools
  protocol); every load cold (new browser context, cache disabled); ${results.runs} loads per profile, medians

## Budgets

${budgetTable}

## First list view: bytes

What the default page requested until its list was drawn, sized from the files themselves (gzip
level 9 and brotli quality 11 by node's zlib; "on the wire" is what this loopback server sent).

${table(['resource', 'raw', 'gzip', 'brotli', 'on the wire'], [
  ...fv.map((r) => [r.path, kb(r.raw), kb(r.gzip), kb(r.brotli), `${kb(r.transferred)} ${r.encoding}`]),
  ['**total**', kb(sum('raw')), kb(sum('gzip')), kb(sum('brotli')), kb(sum('transferred'))],
])}

## Default list: time to the first result (medians, ms from navigation)

"Static list" is the list written into the page at build time (crates/site); "app's list" is the
first \`[data-testid=result]\` card the app draws; both are seen at the start of the frame that
paints them. "First result" is the earlier of the two.

${table(['profile', 'first contentful paint', 'static list', "app's list", 'first result', 'LCP'], loadRows)}

Dataset request (mobile profile): starts at ${crit.map((c) => ms(c.dataStart)).join(', ')};
the wasm finishes at ${crit.map((c) => ms(c.wasmEnd)).join(', ')}. Requests for the dataset seen
by DevTools per load: ${crit.map((c) => c.dataRequests).join(', ')}; served by the server per
load: ${crit.map((c) => c.dataServed).join(', ')} (1 = the app's fetch reused the preload).

## Synthetic datasets (\`scripts/gen-dataset.mjs\`)

Load: navigation → result count shown (fetch, parse, validate, index, first draw), network
unthrottled. Memory after the load: JS heap (DevTools \`Runtime.getHeapUsage\`) and the wasm
linear memory. Interactions: toggling the 计时托 chip, and typing one character (then deleting
it) in the search box, each timed as Event Timing duration (real input through DevTools; worst
of the repeats) / input → next paint (an event dispatched in the page, then a frame).

${table(['institutions', 'CPU', 'load', 'JS heap', 'wasm memory', 'cards drawn', 'chip: event / next paint', 'typing: event / next paint'], dsRows)}
${results.catalogue ? `\n${catalogueSection(results.catalogue, m)}` : ''}${results.native ? `\n## Native core (\`cargo run --release -p tuoyu-core --example core_bench\`)\n\n\`\`\`\n${results.native.trim()}\n\`\`\`\n` : ''}`;
  writeFileSync(out, md);
  return [budgetTable, '', table(['profile', 'FCP', 'static list', "app's list", 'first result', 'LCP'], loadRows), '',
    table(['N', 'CPU', 'load', 'JS heap', 'wasm mem', 'cards', 'chip', 'typing'], dsRows)].join('\n');
}
