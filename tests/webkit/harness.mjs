// The WebKit run: WeChat on iPhone shows pages in WebKit, so every view is also opened in the
// two WebKit engines Debian packages with a W3C WebDriver — WPE WebKit 2.38 (2022, the iOS 16
// generation; cog, headless) and WebKitGTK 2.50 (MiniBrowser under a private Xvfb) — spoken to
// through selenium-webdriver, at a phone's 390×844 viewport (phone/index.html), against the
// release dist/ served on loopback by the Chromium suite's server.
//
// TUOYU_WEBKIT=wpe or =gtk runs one engine (default: both). docs/browsers.md has the details.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { By, Capabilities, WebDriver, until } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';
import { catalogueDir, distDir, fixturesDir, repoRoot, startServer } from '../browser/server.mjs';

export { By };
export const PHONE = { width: 390, height: 844 };

const ENGINES = {
  wpe: {
    name: 'WPE WebKit 2.38',
    version: /^2\.38(\.|$)/,
    driver: '/usr/bin/WPEWebDriver',
    display: false,
    // JavaScriptCore's JIT compiles a wasm function only once it is hot; on a phone that is a
    // matter of time. Here every function is compiled before it first runs (no interpreter),
    // so a miscompilation (the map's trap) shows on every run instead of now and then. That
    // leaves out 2.38's other, random fault when a function moves from the interpreter to the
    // JIT mid-run (docs/browsers.md, issue 15): scripts/wpe-visits.mjs measures it with the
    // engine's own settings.
    env: { JSC_useWasmLLInt: 'false' },
    capabilities: {
      'wpe:browserOptions': { binary: '/usr/bin/cog', args: ['--automation', '--platform=headless'] },
    },
  },
  gtk: {
    name: 'WebKitGTK 2.50',
    version: /^2\.50(\.|$)/,
    driver: '/usr/bin/WebKitWebDriver',
    display: true,
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

export function engines() {
  const chosen = (process.env.TUOYU_WEBKIT ?? 'wpe,gtk').split(',').filter(Boolean);
  return chosen.map((key) => {
    assert.ok(ENGINES[key], `TUOYU_WEBKIT: unknown engine ${key} (wpe, gtk)`);
    return { key, ...ENGINES[key] };
  });
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** A private X screen for MiniBrowser; -displayfd picks a free display number. */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1024x1024x24'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const [chunk] = await once(xvfb.stdio[3], 'data');
  return { display: `:${String(chunk).trim()}`, stop: () => xvfb.kill() };
}

async function startDriver(engine, env) {
  const port = await freePort();
  const driver = spawn(engine.driver, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 100; tries++) {
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready) return { url, stop: () => driver.kill() };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  driver.kill();
  throw new Error(`${engine.driver} did not start`);
}

/**
 * One engine's browser showing the app in a phone-sized frame. `respond(req, res)` may answer a
 * request itself (scripts/wpe-visits.mjs serves an instrumented index.html so).
 */
export class Phone {
  constructor(engine, { respond } = {}) {
    this.engine = engine;
    this.respond = respond;
  }

  async start() {
    this.stops = [];
    const env = { ...process.env, ...this.engine.env };
    if (this.engine.display) {
      const xvfb = await startXvfb();
      this.stops.push(xvfb.stop);
      env.DISPLAY = xvfb.display;
    }
    const server = await startDriver(this.engine, env);
    this.stops.push(server.stop);
    this.driver = await WebDriver.createSession(
      new Executor(new HttpClient(server.url)),
      new Capabilities(this.engine.capabilities),
    );
    const version = (await this.driver.getCapabilities()).get('browserVersion');
    assert.match(version, this.engine.version, `${this.engine.name} reports ${version}`);
    this.failing = new Set();
    this.site = await startServer(
      {
        '/': distDir,
        '/fixtures/': fixturesDir,
        '/catalogue/': catalogueDir,
        '/__phone/': join(repoRoot, 'tests', 'webkit', 'phone'),
      },
      {
        respond: (req, res) => {
          if (this.respond?.(req, res)) return true;
          if (!this.failing.has(new URL(req.url, 'http://x').pathname)) return false;
          res.writeHead(503, { 'cache-control': 'no-store' });
          res.end();
          return true;
        },
      },
    );
    // WPE reports en-US whatever the environment says. The tests read the Chinese interface
    // unless they switch, so the session starts with a parent's tap on 中文 where needed (the
    // choice is kept on the phone, like any parent's).
    await this.open('/');
    await this.waitFor('.language-switch');
    if (await this.eval(() => document.documentElement.lang.startsWith('en'))) await this.tap('.language-switch');
    await this.until(() => document.documentElement.lang.startsWith('zh'), 'the Chinese interface');
  }

  async stop() {
    await this.driver?.quit().catch(() => {});
    for (const stop of this.stops.reverse()) stop();
    await this.site?.close();
  }

  /** Answers `path` with 503 from now on (a dead network, as the app sees it), or again 200. */
  failPath(path, failing = true) {
    if (failing) this.failing.add(path);
    else this.failing.delete(path);
  }

  /** Opens the app at `query` ('/?view=map') in the phone frame, as a fresh visit. */
  async open(query = '/') {
    await this.driver.switchTo().defaultContent();
    await this.driver.get(`${this.site.origin}/__phone/?app=${encodeURIComponent(query)}`);
    await this.driver.switchTo().frame(await this.driver.findElement(By.id('phone')));
  }

  async waitFor(css, timeout = 20_000) {
    const element = await this.driver.wait(until.elementLocated(By.css(css)), timeout, `no ${css}`);
    await this.driver.wait(until.elementIsVisible(element), timeout, `${css} stays hidden`);
    return element;
  }

  /**
   * Waits until `fn` (run in the app's frame with `args`) returns something truthy; a call
   * that fails because the frame is between two pages counts as not yet.
   */
  async until(fn, message, ...args) {
    return this.driver.wait(() => this.driver.executeScript(fn, ...args).catch(() => false), 20_000, message);
  }

  async eval(fn, ...args) {
    return this.driver.executeScript(fn, ...args);
  }

  async text(css) {
    return (await this.eval((s) => document.querySelector(s)?.textContent ?? null, css))?.trim();
  }

  async count(css) {
    return this.eval((s) => document.querySelectorAll(s).length, css);
  }

  /** A tap on the first visible element matching `css`, or the one whose text contains `label`. */
  async tap(css, label) {
    const element = label === undefined
      ? await this.waitFor(css)
      : await this.driver.wait(async () => {
        for (const e of await this.driver.findElements(By.css(css))) {
          if ((await e.getText()).includes(label) && (await e.isDisplayed())) return e;
        }
        return null;
      }, 20_000, `no ${css} reading ${label}`);
    await this.eval((e) => e.scrollIntoView({ block: 'center' }), element);
    await element.click();
  }

  async resultCount() {
    await this.waitFor('[data-testid="result-count"]');
    return Number((await this.text('[data-testid="result-count"]')).match(/\d+/)[0]);
  }

  async query() {
    return this.eval(() => location.search);
  }

  /**
   * What every smoke test checks last: the app ran at a phone's width, and no fault of the app
   * (a trap or a panic, which the page's fault notice reports) happened on the way.
   */
  async assertHealthy() {
    assert.equal(await this.eval(() => window.innerWidth), PHONE.width);
    assert.equal(await this.count('[data-testid="fault"]'), 0, await this.text('[data-testid="fault"]'));
  }
}

/** Runs `body(phone)` — its tests — once per engine, each with a browser of its own. */
export function inEachEngine(title, body) {
  for (const engine of engines()) {
    describe(`${title} — ${engine.name}`, () => {
      const phone = new Phone(engine);
      before(() => phone.start());
      after(() => phone.stop());
      body(phone);
    });
  }
}

const LOCALES = join(repoRoot, 'locales');

/** An interface text as the app shows it: `word('zh', 'finder.share')`, `{{ n }}` filled from `values`. */
export function word(lang, key, values = {}) {
  const [part, name] = key.split('.');
  const text = JSON.parse(readFileSync(join(LOCALES, lang, `${part}.json`), 'utf8'))[name];
  assert.ok(typeof text === 'string', `no ${key} in locales/${lang}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, v) => String(values[v]));
}
