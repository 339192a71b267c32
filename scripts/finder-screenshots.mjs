// The finder's first screen at a phone's size (docs/first-screen.md), from the release
// build in dist/ (or TUOYU_DIST): 390 px, 320 px, 长辈模式, the map, and a location with two
// filters. What is above the fold is the point, so each is the viewport, not the whole page.
//   node scripts/finder-screenshots.mjs OUT_DIR PREFIX
import { join } from 'node:path';
import { HOME, launch, startSite, waitForList, withGps } from '../tests/browser/harness.mjs';

const [out, prefix] = process.argv.slice(2);
const browser = await launch();
const site = await startSite();
const shots = [
  { name: '390', width: 390 },
  { name: '320', width: 320, height: 640 },
  { name: 'elder', width: 390, elder: true },
  { name: 'en', width: 390, locale: 'en-GB' },
  { name: 'map', width: 390, query: '?view=map' },
  { name: 'near', width: 390, query: '?types=full_day&puhui=1', gps: true },
];
for (const shot of shots) {
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height ?? 844 },
    deviceScaleFactor: 1, isMobile: true, hasTouch: true,
    locale: shot.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block',
    ...(shot.gps ? withGps(HOME) : {}),
  });
  const page = await context.newPage();
  if (shot.elder) await page.addInitScript(() => localStorage.setItem('tuoyu.settings.v1', JSON.stringify({ elder: true })));
  await page.goto(`${site.origin}/${shot.query ?? ''}`);
  await waitForList(page);
  if (shot.gps) {
    await page.getByRole('button', { name: /我的位置|My location|location/i }).first().click();
    await page.waitForSelector('[data-testid="distance"]');
  }
  if (shot.query?.includes('map')) await page.waitForSelector('[data-testid="marker"]', { timeout: 20_000 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, `${prefix}-${shot.name}.png`) });
  await context.close();
}
await browser.close();
await site.close();
