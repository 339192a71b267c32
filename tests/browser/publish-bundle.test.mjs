// The publisher's page makes a catalogue release from several district files, by the same
// library as `tuoyu-publish bundle`: the downloaded .zip holds the very catalogue the command
// line writes, and a bad set is refused with the files named and nothing downloaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowserAndSite } from './harness.mjs';
import { distDir, repoRoot } from './server.mjs';

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const work = mkdtempSync(join(tmpdir(), 'tuoyu-bundle-'));
const heyuan = join(distDir, 'data', 'heyuan');
const district = (code) => join(heyuan, readdirSync(heyuan).find((f) => f.startsWith(`${code}-`)));
const regions = join(work, 'regions.csv');
writeFileSync(regions, 'code,name\n441600,河源市\n');

/** The entries of a zip whose files are stored uncompressed (what the page writes). */
function unzipStored(buf) {
  const out = new Map();
  for (let i = 0; buf.readUInt32LE(i) === 0x04034b50; ) {
    assert.equal(buf.readUInt16LE(i + 8), 0, 'stored, not compressed');
    const size = buf.readUInt32LE(i + 18);
    const nameLength = buf.readUInt16LE(i + 26);
    const start = i + 30 + nameLength + buf.readUInt16LE(i + 28);
    out.set(buf.toString('utf8', i + 30, i + 30 + nameLength), buf.subarray(start, start + size));
    i = start + size;
  }
  return out;
}

async function publisherPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${site.origin}/publish/`);
  // The publisher comes from the header, which the site's published file fills.
  await page.getByTestId('header-source').filter({ hasText: '取自' }).waitFor();
  return { page, context };
}

test('several district files become the command line’s catalogue release, downloaded as one zip', async () => {
  const { page, context } = await publisherPage();
  const files = [district('441602'), district('441625')];
  await page.getByTestId('pick-districts').setInputFiles(files);
  await page.getByTestId('pick-regions').setInputFiles(regions);
  await page.getByText('已选 2 个数据文件').waitFor();
  await page.getByText('区划表：regions.csv').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bundle').click()]);
  assert.equal(download.suggestedFilename(), 'catalogue-release.zip');
  const zipped = unzipStored(readFileSync(await download.path()));
  assert.match(await page.getByTestId('bundle-summary').textContent(), /2 个辖区数据文件/);
  await context.close();

  // The command line on the same files, with the publisher the page took from its header.
  const src = join(work, 'in');
  mkdirSync(src);
  for (const f of files) writeFileSync(join(src, f.split('/').pop()), readFileSync(f));
  const publisher = JSON.parse(readFileSync(join(distDir, 'data', 'yuancheng.json'), 'utf8')).publisher;
  const out = join(work, 'out');
  execFileSync('cargo', ['run', '--offline', '--quiet', '-p', 'tuoyu-publish', '--', 'bundle', src, '--out', out,
    '--publisher', publisher, '--regions', regions], { cwd: repoRoot, stdio: 'pipe' });
  assert.deepEqual([...zipped.keys()].sort(), readdirSync(out).sort());
  for (const name of zipped.keys()) assert.ok(zipped.get(name).equals(readFileSync(join(out, name))), name);
  const root = JSON.parse(zipped.get('catalogue.json'));
  assert.equal(root.region.code, '441600');
  assert.deepEqual(root.entries.map((e) => e.code), ['441602', '441625']);
});

test('two files of one district are refused, both named, and nothing is downloaded', async () => {
  const { page, context } = await publisherPage();
  let downloads = 0;
  page.on('download', () => downloads++);
  const bytes = readFileSync(district('441602'));
  await page.getByTestId('pick-districts').setInputFiles([
    { name: '源城区-十月.json', mimeType: 'application/json', buffer: bytes },
    { name: '源城区-十一月.json', mimeType: 'application/json', buffer: bytes },
  ]);
  await page.getByText('已选 2 个数据文件').waitFor();
  await page.getByTestId('bundle').click();
  const problems = await page.getByTestId('bundle-problems').textContent();
  assert.match(problems, /源城区-十月\.json/);
  assert.match(problems, /源城区-十一月\.json/);
  assert.match(problems, /441602/);
  await page.waitForTimeout(300);
  assert.equal(downloads, 0);
  await context.close();
});
