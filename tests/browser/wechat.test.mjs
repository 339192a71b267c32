// WeChat JS-SDK share cards behind index.html's switch (docs/wechat.md): switched on and inside
// WeChat, the page signs its address at the deployment's endpoint, configures the vendored SDK
// and keeps the card in step with the page; switched off, or in another browser, nothing of
// WeChat's is requested. The SDK is a stand-in: the real one would talk to Tencent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WECHAT_ANDROID_UA, phonePage, resultCount, useBrowserAndSite, waitForList } from './harness.mjs';
import { readDataset } from './oracle.mjs';

const WECHAT_IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like ' +
  'Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';
const CHROME_ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/116.0.0.0 Mobile Safari/537.36';
const SIGNATURE = { appId: 'wx0123456789abcdef', timestamp: 1767225600, nonceStr: 'n0nce', signature: '5f1e3b0c9a' };
const API_LIST = ['updateAppMessageShareData', 'updateTimelineShareData'];
const dataset = readDataset();
const yc7 = dataset.institutions.find((i) => i.id === 'YC-0007');

// Shaped like weixin-js-sdk's own file, which exports through `module.exports` and sets no
// `window.wx`: the app must lend it a `module` and take it back. `global` is the shape of the
// SDK as Tencent hosts it, which sets `window.wx`; the app takes either.
const fakeWx = (shape) => `(function () {
  var log = window.__wx = { config: [], appMessage: [], timeline: [], readies: 0, errors: 0,
    moduleSeen: typeof module };
  function copy(d) { return { title: d.title, desc: d.desc, link: d.link, imgUrl: d.imgUrl }; }
  var wx = {
    config: function (c) { log.config.push(JSON.parse(JSON.stringify(c))); },
    ready: function (f) { log.readies++; setTimeout(f, 20); },
    error: function () { log.errors++; },
    updateAppMessageShareData: function (d) { log.appMessage.push(copy(d)); },
    updateTimelineShareData: function (d) { log.timeline.push(copy(d)); },
  };
  ${shape === 'global' ? 'window.wx = wx;' : 'module.exports = wx;'}
})();`;

let browser;
let site;
useBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/**
 * A phone whose index.html has the switch set as `metas` says, with the stand-in SDK and a
 * signing endpoint answering `sign` (a JSON body, or a status number).
 */
async function phone({ userAgent = WECHAT_ANDROID_UA, metas = null, sign = SIGNATURE, shape = 'module' } = {}) {
  const tab = await phonePage(browser, { userAgent });
  const { page } = tab;
  tab.signed = [];
  tab.wechatRequests = [];
  page.on('request', (r) => {
    if (/\/vendor\/weixin\/|\/wechat\/sign/.test(r.url())) tab.wechatRequests.push(r.url());
  });
  if (metas) {
    await page.route((u) => u.origin === site.origin && u.pathname === '/', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const html = await (await route.fetch()).text();
      const tags = Object.entries(metas).map(([name, content]) => `<meta name="${name}" content="${content}">`).join('');
      const body = html.replace(/<meta name="tuoyu:wechat-[^>]*>\s*/g, '').replace('</head>', `${tags}</head>`);
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
  }
  await page.route('**/vendor/weixin/*', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fakeWx(shape) }));
  await page.route((u) => u.pathname === '/wechat/sign', (route) => {
    tab.signed.push(new URL(route.request().url()).searchParams.get('url'));
    return typeof sign === 'number'
      ? route.fulfill({ status: sign, body: 'no' })
      : route.fulfill({ status: 200, contentType: 'application/json', body: typeof sign === 'string' ? sign : JSON.stringify(sign) });
  });
  return tab;
}

const ON = { 'tuoyu:wechat-sign': '/wechat/sign', 'tuoyu:wechat-share-image': '/share-card.png' };

/** The newest card once its title is `title`. */
async function cardTitled(page, title) {
  await page.waitForFunction((t) => window.__wx?.appMessage.at(-1)?.title === t, title, { timeout: 10_000 });
  return page.evaluate(() => ({ message: window.__wx.appMessage.at(-1), timeline: window.__wx.timeline.at(-1) }));
}

/** Long enough for the card's settling delay and a signing round trip. */
const settle = (page) => page.waitForTimeout(1_500);

describe('WeChat share cards', () => {
  test('switched on in WeChat: the list signs its address without #, configures and sets the card', async () => {
    const { page, context, errors, signed, wechatRequests } = await phone({ metas: ON });
    await page.goto(`${site.origin}/?puhui=1#top`);
    await waitForList(page);
    const { message, timeline } = await cardTitled(page, dataset.title);
    const count = await resultCount(page);
    assert.match(message.desc, new RegExp(`找到 ${count} 家`));
    assert.equal(message.link, `${site.origin}/?puhui=1`);
    assert.equal(message.imgUrl, `${site.origin}/share-card.png`);
    assert.deepEqual(timeline, { title: dataset.title, desc: undefined, link: message.link, imgUrl: message.imgUrl });
    assert.deepEqual(signed, [`${site.origin}/?puhui=1`]);
    const wx = await page.evaluate(() => window.__wx);
    assert.equal(wx.config.length, 1);
    assert.deepEqual(wx.config[0], { debug: false, ...SIGNATURE, jsApiList: API_LIST });
    assert.equal(wx.moduleSeen, 'object', 'the SDK found a CommonJS module to export to');
    assert.equal(await page.evaluate(() => typeof window.module), 'undefined', 'and it was taken back');
    assert.ok(wechatRequests.some((u) => u.endsWith('/vendor/weixin/index.js')));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an institution’s card is its name and address; Android signs each new address', async () => {
    const { page, context, errors, signed } = await phone({ metas: ON, shape: 'global' });
    await page.goto(`${site.origin}/?id=YC-0007`);
    await waitForList(page);
    const { message } = await cardTitled(page, yc7.name);
    assert.equal(message.desc, yc7.address);
    assert.equal(message.link, `${site.origin}/?id=YC-0007`);
    assert.equal(signed[0], `${site.origin}/?id=YC-0007`);
    await page.getByRole('button', { name: '‹ 返回列表' }).click();
    await page.waitForURL((u) => !u.search.includes('id='));
    const list = await cardTitled(page, dataset.title);
    assert.equal(list.message.link, page.url().split('#')[0]);
    assert.equal(signed.at(-1), page.url().split('#')[0]);
    assert.equal(await page.evaluate(() => window.__wx.config.length), signed.length);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('iPhone WeChat signs the address the page was opened with, however the app moves on', async () => {
    const { page, context, errors, signed } = await phone({ userAgent: WECHAT_IPHONE_UA, metas: ON });
    await page.goto(`${site.origin}/`);
    await waitForList(page);
    await cardTitled(page, dataset.title);
    await page.locator('[data-testid="result"][data-id="YC-0007"] a.card-link').click();
    await page.waitForURL(/id=YC-0007/);
    const { message } = await cardTitled(page, yc7.name);
    assert.equal(message.link, page.url().split('#')[0]);
    assert.deepEqual(signed, [`${site.origin}/`]);
    assert.equal(await page.evaluate(() => window.__wx.config.length), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a guide article’s card is its title', async () => {
    const { page, context, errors } = await phone({ metas: ON });
    const guide = await (await fetch(`${site.origin}/guide.json`)).json();
    const article = guide.articles[0];
    await page.goto(`${site.origin}/?page=guide&article=${encodeURIComponent(article.slug)}`);
    const { message } = await cardTitled(page, article.title);
    assert.equal(message.desc, article.summary);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [what, sign] of [['a failing endpoint', 500], ['an answer that is not a signature', '{"appId":1}']]) {
    test(`${what} leaves no trace for the parent, and the menu hint still works`, async () => {
      const { page, context, errors, signed } = await phone({ metas: ON, sign });
      await page.goto(`${site.origin}/?id=YC-0007`);
      await page.waitForSelector('.sheet h1');
      await page.waitForFunction(() => window.__wx !== undefined);
      await settle(page);
      assert.ok(signed.length > 0);
      assert.equal(await page.evaluate(() => window.__wx.config.length), 0);
      await page.getByTestId('share').click();
      assert.match(await page.locator('.share-hint').textContent(), /右上角/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('without the switch, or outside WeChat, nothing of WeChat’s loads', () => {
  const cases = [
    ['switched off (the shipped index.html), in WeChat', { userAgent: WECHAT_ANDROID_UA }],
    ['switched on, in another browser', { userAgent: CHROME_ANDROID_UA, metas: ON }],
    ['an endpoint on another site, in WeChat', { metas: { 'tuoyu:wechat-sign': 'https://sign.example.com/s' } }],
  ];
  for (const [what, options] of cases) {
    test(what, async () => {
      const { page, context, errors, wechatRequests } = await phone(options);
      await page.goto(`${site.origin}/?id=YC-0007`);
      await page.waitForSelector('.sheet h1');
      await page.getByRole('button', { name: '‹ 返回列表' }).click();
      await waitForList(page);
      await settle(page);
      assert.deepEqual(wechatRequests, []);
      assert.equal(await page.evaluate(() => typeof window.__wx), 'undefined');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the shipped index.html has the switch, empty, and the build carries the npm SDK file', async () => {
    const html = await (await fetch(`${site.origin}/`)).text();
    assert.match(html, /<meta name="tuoyu:wechat-sign" content="">/);
    assert.match(html, /<meta name="tuoyu:wechat-share-image" content="">/);
    const sdk = await fetch(`${site.origin}/vendor/weixin/index.js`);
    assert.equal(sdk.status, 200);
    // The loader's `module` shim rests on this shape (see src/wechat.rs).
    const text = await sdk.text();
    assert.match(text, /module\.exports\s*=/);
    assert.match(text, /jWeixin/);
  });
});
