// Retakes the screenshots of docs/publishing.md from the release build in dist/: the
// publisher's page at an office computer's width, with the browser tests' sample sheets.
//   node scripts/publish-screenshots.mjs [OUT_DIR]   (default docs/; a 390 px one with --phone)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, startSite } from '../tests/browser/harness.mjs';
import { repoRoot } from '../tests/browser/server.mjs';

const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(repoRoot, 'docs');
const phone = process.argv.includes('--phone');
const fixtures = mkdtempSync(join(tmpdir(), 'tuoyu-shots-'));
const cargo = (args) => execFileSync('cargo', ['run', '--offline', '--quiet', '-p', 'tuoyu-publish', ...args], { cwd: repoRoot });
cargo(['--example', 'browser_fixtures', '--', fixtures]);
cargo(['--', 'import', join(fixtures, 'previous.csv'), '--region', '441602', '--region-name', '源城区', '--crs', 'GCJ-02',
  '--published', '2026-10-20', '--out', join(fixtures, 'previous.json')]);

const browser = await launch();
const site = await startSite();
const context = await browser.newContext({
  viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
  deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
});
const page = await context.newPage();
await page.goto(`${site.origin}/publish/`);
await page.waitForSelector('[data-testid="header-source"]:has-text("名录信息取自")');
await page.fill('[data-testid="published"]', '2026-11-20');
if (phone) {
  await page.setInputFiles('[data-testid="pick-sheet"]', join(fixtures, 'problems.xlsx'));
  await page.waitForSelector('[data-testid="summary"]');
  await page.screenshot({ path: join(out, 'publish-phone.png'), fullPage: true });
} else {
  await page.screenshot({ path: join(out, 'publish-start.png'), fullPage: true });
  await page.setInputFiles('[data-testid="pick-published"]', join(fixtures, 'previous.json'));
  await page.waitForSelector('[data-testid="header-source"]:has-text("previous.json")');
  await page.fill('[data-testid="published"]', '2026-11-20');
  await page.setInputFiles('[data-testid="pick-sheet"]', join(fixtures, 'problems.xlsx'));
  await page.waitForSelector('[data-testid="compare"]');
  await page.locator('[data-testid="result"]').screenshot({ path: join(out, 'publish-problems.png') });
  await page.locator('[data-testid="compare"]').screenshot({ path: join(out, 'publish-compare.png') });
}
await browser.close();
await site.close();
