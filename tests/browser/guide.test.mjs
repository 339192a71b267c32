// The guide and "my child's plan" as a parent uses them: the index by topic and age band,
// an article with its sources, search, loading only when opened, reading offline after a
// reload, and the plan for a fixed birth date on a fixed day.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, phonePage, useBrowserAndSite, waitForList } from './harness.mjs';
import { distDir } from './server.mjs';

const guide = JSON.parse(readFileSync(join(distDir, 'guide.json'), 'utf8'));
const TODAY = new Date('2026-11-28T10:00:00+08:00');
const BANDS = [[0, 6], [6, 12], [12, 24], [24, 36]];
// The core's rule (crates/core/src/guide.rs): overlap, with 36 inside the last band and a
// single month (0–0) inside the band that holds it.
const inBand = ({ age_months: [from, to] }, [lo, hi]) =>
  from < (hi >= 36 ? hi + 1 : hi) && lo < Math.max(to, from + 1);
// The fixed topics in the index's order (crates/core/src/guide.rs, content/README.md).
const TOPICS = ['生长发育', '发育预警', '健康检查', '预防接种', '喂养', '交流与玩耍', '睡眠', '安全',
  '常见病', '优生优育', '假期与补贴', '选择托育'];
const textOf = (a) =>
  [a.title, a.summary, ...a.blocks.flatMap((b) => {
    const inline = (i) => i.text ?? i.strong ?? i.link.text;
    if (b.heading) return [b.heading.text];
    if (b.paragraph) return b.paragraph.map(inline);
    return (b.list?.items ?? b.checklist).flat().map(inline);
  })].join('\n');

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const open = (query, { clock = false } = {}) =>
  openPage(browser, site, query, { list: false, clock: clock && TODAY });

async function listedByTopic(page) {
  return page.$$eval('[data-testid="guide-topic"]', (sections) =>
    sections.map((s) => [
      s.dataset.topic,
      [...s.querySelectorAll('[data-testid="guide-entry"]')].map((e) => e.dataset.slug),
    ]));
}

function expectedByTopic(keep = () => true) {
  return TOPICS
    .map((topic) => [topic, guide.articles.filter((a) => a.topics.includes(topic) && keep(a)).map((a) => a.slug)])
    .filter(([, slugs]) => slugs.length > 0);
}

describe('the guide index', () => {
  test('lists every article under each of its topics, and by age band', async () => {
    const { page, errors, context } = await open('?page=guide');
    await page.waitForSelector('[data-testid="guide-entry"]');
    assert.ok(guide.articles.length >= 14);
    const byTopic = await listedByTopic(page);
    assert.deepEqual(byTopic, expectedByTopic());
    assert.deepEqual(
      new Set(byTopic.flatMap(([, slugs]) => slugs)),
      new Set(guide.articles.map((a) => a.slug)),
      'every article is listed',
    );
    for (const band of BANDS) {
      await page.getByRole('button', { name: `${band[0]}–${band[1]} 个月`, exact: true }).click();
      assert.deepEqual(await listedByTopic(page), expectedByTopic((a) => inBand(a, band)), `band ${band}`);
    }
    await page.getByRole('button', { name: '全部月龄' }).click();
    assert.deepEqual(await listedByTopic(page), expectedByTopic());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('search finds an article by a word in its body, not only its title', async () => {
    const { page, context } = await open('?page=guide');
    const word = '地中海贫血';
    const expected = guide.articles.filter((a) => textOf(a).includes(word)).map((a) => a.slug);
    assert.ok(expected.includes('before-pregnancy'));
    assert.ok(!guide.articles.some((a) => a.title.includes(word)), 'the word is in no title');
    await page.fill('[data-testid="guide-search"]', word);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="guide-entry"]').length === n,
      expected.length);
    const found = await page.$$eval('[data-testid="guide-entry"]', (els) => els.map((e) => e.dataset.slug));
    assert.deepEqual(found.sort(), [...expected].sort());
    await page.fill('[data-testid="guide-search"]', '没有这样的词语');
    await page.waitForSelector('text=找到 0 篇文章');
    await context.close();
  });
});

describe('an article', () => {
  test('opens from the index as a new history entry, with its sources and review date', async () => {
    const { page, errors, context } = await open('?page=guide');
    const article = guide.articles.find((a) => a.slug === 'warning-signs');
    await page.click('[data-testid="guide-entry"][data-slug="warning-signs"] a');
    await page.waitForURL(/article=warning-signs/);
    assert.equal(await page.textContent('[data-testid="article"] h1'), article.title);
    const sources = await page.textContent('[data-testid="sources"]');
    for (const s of article.sources) {
      assert.ok(sources.includes(s.issuer) && sources.includes(s.title), s.title);
      assert.ok(sources.includes(`${s.year}年`));
      if (s.number) assert.ok(sources.includes(s.number));
    }
    assert.equal(await page.textContent('[data-testid="reviewed"]'), `审核日期 ${article.reviewed}`);
    await page.goBack();
    await page.waitForSelector('[data-testid="guide-index"]');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('every article is drawn from text only: no raw HTML, only links into the app', async () => {
    const { page, context } = await open('?page=guide');
    const allowed = new Set(['ARTICLE', 'H1', 'H2', 'H3', 'P', 'UL', 'OL', 'LI', 'STRONG', 'A',
      'LABEL', 'INPUT', 'SPAN', 'SECTION']);
    for (const article of guide.articles) {
      await page.goto(`${site.origin}/?page=guide&article=${article.slug}`);
      await page.waitForSelector('[data-testid="article"] h1');
      const seen = await page.$eval('[data-testid="article"]', (el) => ({
        tags: [...el.querySelectorAll('*')].map((e) => e.tagName),
        text: el.textContent,
        hrefs: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        boxes: el.querySelectorAll('input[type="checkbox"]').length,
        title: el.querySelector('h1').textContent,
      }));
      assert.equal(seen.title, article.title);
      for (const tag of seen.tags) assert.ok(allowed.has(tag), `${article.slug}: <${tag}>`);
      assert.doesNotMatch(seen.text, /<\/?[a-z][^>]*>/i, `${article.slug}: markup shown as text`);
      for (const href of seen.hrefs) assert.match(href, /^\/\?/, `${article.slug}: ${href}`);
      const ticks = article.blocks.filter((b) => b.checklist).flatMap((b) => b.checklist).length;
      assert.equal(seen.boxes, ticks, `${article.slug}: one checkbox per checklist item`);
    }
    await context.close();
  });

  test('ticks stay on the phone, and an article opens again after a reload without the network', async () => {
    const { page, errors, context } = await open('?page=guide&article=warning-signs');
    await page.waitForSelector('[data-testid="article"] input[type="checkbox"]');
    await page.locator('[data-testid="article"] input[type="checkbox"]').nth(2).check();
    let blocked = 0;
    await page.route('**/guide.json', (route) => { blocked += 1; return route.abort(); });
    await page.reload();
    await page.waitForSelector('[data-testid="article"] h1');
    assert.ok(blocked >= 1, 'the reload asked for guide.json and was refused');
    assert.equal(await page.textContent('[data-testid="article"] h1'),
      guide.articles.find((a) => a.slug === 'warning-signs').title);
    assert.ok(await page.locator('[data-testid="article"] input[type="checkbox"]').nth(2).isChecked());
    assert.ok(!(await page.locator('[data-testid="article"] input[type="checkbox"]').nth(1).isChecked()));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without the network and without a saved copy, a clear message and a retry', async () => {
    const tab = await phonePage(browser);
    await tab.page.route('**/guide.json', (route) => route.abort());
    await tab.page.goto(`${site.origin}/?page=guide`);
    await tab.page.waitForSelector('[data-testid="guide-error"]');
    await tab.page.unroute('**/guide.json');
    await tab.page.getByRole('button', { name: '重试' }).click();
    await tab.page.waitForSelector('[data-testid="guide-index"]');
    await tab.context.close();
  });
});

test('the first list view does not load the guide; opening the guide does', async () => {
  const earlier = site.requests.length;
  const { page, context } = await open('');
  await waitForList(page);
  await page.waitForTimeout(500);
  const guideRequests = () => site.requests.slice(earlier).filter((u) => u.includes('guide.json'));
  assert.deepEqual(guideRequests(), []);
  await page.getByRole('link', { name: '育儿指南', exact: true }).click();
  await page.waitForSelector('[data-testid="guide-index"]');
  assert.equal(guideRequests().length, 1);
  await context.close();
});

test('the finder\'s filters survive a visit to an article and back through the tab', async () => {
  const { page, context } = await open('?puhui=1&age=18');
  await waitForList(page);
  await page.getByRole('link', { name: '育儿指南', exact: true }).click();
  await page.click('[data-testid="guide-entry"][data-slug="choosing-care"] a');
  await page.waitForSelector('[data-testid="article"] h1');
  await page.getByRole('link', { name: '找托育', exact: true }).click();
  await page.waitForURL((url) => !url.searchParams.has('page'));
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('puhui'), '1');
  assert.equal(params.get('age'), '18');
  assert.equal(params.get('article'), null);
  await context.close();
});

describe('my child\'s plan', () => {
  test('a birth date on a fixed day gives months and days, what is due, and the finder link', async () => {
    const { page, errors, context } = await open('?page=baby', { clock: true });
    await page.fill('[data-testid="born-input"]', '2025-01-31');
    await page.waitForSelector('[data-testid="plan"]');
    assert.equal(await page.textContent('[data-testid="plan-age"]'), '21 个月 28 天');
    const plan = await page.textContent('[data-testid="plan"]');
    assert.ok(plan.includes('18–24 个月'), 'the stage');
    for (const age of [18, 24]) {
      for (const sign of guide.schedule.warning_signs.find((w) => w.age_months === age).signs) {
        assert.ok(plan.includes(sign), sign);
      }
    }
    assert.ok(plan.includes('如有任何一项，请带孩子去儿童保健门诊'));
    assert.ok(plan.includes('24月龄体检') && plan.includes('2027-01-31'));
    assert.ok(plan.includes('乙脑减毒活疫苗'));
    const link = page.locator('[data-testid="plan-finder-link"]');
    assert.match(await link.getAttribute('href'), /[?&]age=21(&|$)/);
    await link.click();
    await page.waitForURL((url) => url.searchParams.get('age') === '21' && !url.searchParams.has('page'));
    await waitForList(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a 14-month-old with nothing due in 3 months still sees the 18-month vaccination visit', async () => {
    const { page, errors, context } = await open('?page=baby&born=2025-09-28', { clock: true });
    await page.waitForSelector('[data-testid="plan"]');
    assert.equal(await page.textContent('[data-testid="plan-age"]'), '14 个月 0 天');
    assert.ok((await page.textContent('[data-testid="plan"]')).includes('这段时间没有国家免疫规划疫苗要打'),
      'the 3-month window is empty, as before');
    const next = page.locator('[data-testid="next-vaccination"]');
    assert.equal(await next.locator('h2').textContent(), '下一次接种（国家免疫规划）');
    assert.equal(await next.locator('[data-testid="due"] strong').textContent(),
      '百白破疫苗（第4剂）、麻腮风疫苗（第2剂）、甲肝减毒活疫苗（1剂）');
    assert.equal(await next.locator('.due-when').textContent(), '满 18 个月 · 2027-03-28 · 还有 120 天');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the date is kept on the phone and survives a reload; weeks of gestation correct the age', async () => {
    const { page, context } = await open('?page=baby', { clock: true });
    await page.fill('[data-testid="born-input"]', '2026-06-01');
    await page.fill('[data-testid="weeks-input"]', '32');
    await page.waitForSelector('[data-testid="plan-corrected-age"]');
    assert.equal(await page.textContent('[data-testid="plan-age"]'), '5 个月 27 天');
    // Due 8 weeks after birth, on 2026-07-27.
    assert.equal(await page.textContent('[data-testid="plan-corrected-age"]'), '4 个月 1 天');
    await page.reload();
    await page.waitForSelector('[data-testid="plan-corrected-age"]');
    assert.equal(await page.inputValue('[data-testid="born-input"]'), '2026-06-01');
    assert.equal(await page.inputValue('[data-testid="weeks-input"]'), '32');
    assert.equal(new URL(page.url()).searchParams.get('born'), null, 'the date is not in the address');
    await context.close();
  });

  test('a born= link shows the plan and says the link contains the birth date', async () => {
    const { page, context } = await open('?page=baby&born=2025-01-31', { clock: true });
    await page.waitForSelector('[data-testid="plan"]');
    assert.equal(await page.textContent('[data-testid="plan-age"]'), '21 个月 28 天');
    assert.match(await page.textContent('[data-testid="born-link-notice"]'), /链接包含出生日期/);
    assert.equal(await page.evaluate(() => localStorage.getItem('tuoyu.baby')), null,
      'a date that came in a link is not kept');
    await context.close();
  });

  test('a future date or nonsense gives a Chinese message, never a crash', async () => {
    const { page, errors, context } = await open('?page=baby&born=2027-01-01', { clock: true });
    await page.waitForSelector('[data-testid="query-note"]');
    assert.match(await page.textContent('[data-testid="query-note"]'), /出生日期/);
    await page.fill('[data-testid="born-input"]', '2026-12-01');
    assert.match(await page.textContent('[data-testid="plan-error"]'), /不能晚于今天/);
    await page.fill('[data-testid="born-input"]', '2026-01-01');
    await page.fill('[data-testid="weeks-input"]', '99');
    assert.match(await page.textContent('[data-testid="plan-error"]'), /孕周/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
