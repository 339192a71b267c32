// What the benchmark runs inside the page: a probe installed before any page script, and the
// interactions it times.

/** Installed with addInitScript: first paint of each list, LCP, event timings, wasm memory. */
export function PROBE() {
  const t = {};
  const events = [];
  let memory = null;
  const shows = (el) => !!el && el.getClientRects().length > 0;
  // Checked at the start of every frame: what is found here is painted in this frame.
  const tick = () => {
    const now = performance.now();
    if (t.staticList == null && shows(document.getElementById('static-first-paint'))) t.staticList = now;
    if (t.appResult == null && document.querySelector('[data-testid="result"]')) t.appResult = now;
    if (t.resultCount == null && document.querySelector('[data-testid="result-count"]')) t.resultCount = now;
    if (t.appResult == null || t.resultCount == null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observe = (type, fn, extra = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true, ...extra });
    } catch {}
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') t.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    t.lcp = e.startTime;
  });
  observe('event', (e) => events.push({ name: e.name, start: e.startTime, duration: e.duration }), {
    durationThreshold: 16,
  });
  addEventListener('TrunkApplicationStarted', (e) => {
    t.wasmStarted = performance.now();
    memory = e.detail?.wasm?.memory ?? null;
  });
  window.__bench = {
    // The static list is in the HTML: seen in a frame before the stylesheet has arrived, it is
    // painted with the first contentful paint.
    times: () => ({ ...t, staticList: t.staticList == null ? null : Math.max(t.staticList, t.fcp ?? 0) }),
    eventsSince: (since) => events.filter((e) => e.start >= since),
    wasmMemory: () => memory?.buffer.byteLength ?? null,
  };
}

export const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Lets the page paint the interaction's frame and report its event timings. */
const settle = (page) =>
  page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))),
  );

const CHIP = '计时托';
const CHAR = '园';

/**
 * Times `reps` interactions of one kind two ways: the Event Timing API's duration for real
 * input sent through the DevTools protocol (null = under its 16 ms threshold), and
 * input → next paint for an event dispatched in the page and a frame awaited after it.
 */
export async function interact(page, kind, reps) {
  const eventTiming = [];
  const nextPaint = [];
  const search = page.locator('input[type="search"]');
  if (kind === 'type') await search.click();
  for (let i = 0; i < reps; i++) {
    const since = await page.evaluate(() => performance.now());
    if (kind === 'chip') await page.getByRole('button', { name: CHIP, exact: true }).click();
    else if (i % 2 === 0) await page.keyboard.insertText(CHAR);
    else await page.keyboard.press('Backspace');
    await settle(page);
    const durations = (await page.evaluate((s) => window.__bench.eventsSince(s), since)).map((e) => e.duration);
    eventTiming.push(durations.length ? Math.max(...durations) : null);
  }
  for (let i = 0; i < reps; i++) {
    nextPaint.push(
      await page.evaluate(
        ({ kind, chip, char, add }) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            if (kind === 'chip') {
              [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === chip).click();
            } else {
              const box = document.querySelector('input[type="search"]');
              box.value = add ? box.value + char : box.value.slice(0, -1);
              box.dispatchEvent(new InputEvent('input', { bubbles: true, data: add ? char : null }));
            }
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }),
        { kind, chip: CHIP, char: CHAR, add: i % 2 === 0 },
      ),
    );
    await settle(page);
  }
  const worst = (xs) => Math.max(...xs.map((x) => x ?? 0));
  return { eventTiming, nextPaint, worstEvent: worst(eventTiming), worstNextPaint: worst(nextPaint) };
}
