// A small static server for the built dist/ on loopback, as a plain static host would serve
// it: the right MIME types (application/wasm matters for streaming compilation), precompressed
// .br/.gz when the browser accepts them, and the test fixtures under /fixtures/.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `mounts` ({ '/': dir, '/fixtures/': dir }) on 127.0.0.1 and a free port.
 * `hooks.onRequest(req)` sees every request; `hooks.delayMs(path)` slows chosen paths;
 * `hooks.respond(req, res)` may answer a request itself (returns true when it did).
 */
export async function startServer(mounts, hooks = {}) {
  const roots = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    hooks.onRequest?.(req);
    if (hooks.respond?.(req, res)) return;
    try {
      const url = new URL(req.url, 'http://x');
      const [prefix, dir] = roots.find(([p]) => url.pathname.startsWith(p));
      let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      if (rel.endsWith('/')) rel += 'index.html';
      const file = resolve(dir, normalize(rel));
      if (!file.startsWith(resolve(dir))) throw new Error('outside root');
      const delay = hooks.delayMs?.(url.pathname) ?? 0;
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const accept = String(req.headers['accept-encoding'] ?? '');
      let body;
      let encoding;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accept.includes(enc)) continue;
        try {
          body = await readFile(file + ext);
          encoding = enc;
          break;
        } catch {}
      }
      body ??= await readFile(file);
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export const repoRoot = resolve(new URL('../..', import.meta.url).pathname);
// TUOYU_DIST lets a second build (another checkout, a benchmark) be tested side by side.
export const distDir = process.env.TUOYU_DIST ?? join(repoRoot, 'dist');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'datasets');
/** The small test catalogue (tests/fixtures/catalogue), served under /catalogue/. */
export const catalogueDir = join(repoRoot, 'tests', 'fixtures', 'catalogue');
