// The README's nginx configuration, tested: a real nginx on loopback serving the release
// dist/ with deploy/nginx-site.conf, checked for types, precompression and caching.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, repoRoot } from '../browser/server.mjs';

let nginx;
let origin;
const work = mkdtempSync(join(tmpdir(), 'tuoyu-nginx-'));

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

before(async () => {
  const port = await freePort();
  const site = readFileSync(join(repoRoot, 'deploy', 'nginx-site.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /srv/tuoyu/dist;', `root ${distDir};`);
  writeFileSync(join(work, 'site.conf'), site);
  writeFileSync(join(work, 'nginx.conf'), `
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  include ${work}/site.conf;
}
`);
  execFileSync('nginx', ['-t', '-c', join(work, 'nginx.conf')], { stdio: 'pipe' });
  nginx = spawn('nginx', ['-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
  origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    try {
      await fetch(origin);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('nginx did not start');
});

after(() => nginx?.kill());

const file = (pattern) => readdirSync(distDir).find((f) => pattern.test(f));

async function head(path, encoding = 'br, gzip') {
  const res = await fetch(origin + path, { headers: { 'accept-encoding': encoding } });
  await res.arrayBuffer();
  return res;
}

test('the page and the data revalidate on every visit', async () => {
  for (const path of ['/', '/index.html', '/sw.js', '/data/yuancheng.json']) {
    const res = await head(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('cache-control'), 'no-cache', path);
  }
  assert.match((await head('/data/yuancheng.json')).headers.get('content-type'), /application\/json/);
});

test('hashed app files are served precompressed, typed, and cached for a year', async () => {
  const wasm = file(/_bg\.wasm$/);
  const res = await head(`/${wasm}`);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  assert.equal(res.headers.get('content-encoding'), 'br');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const gz = await head(`/${wasm}`, 'gzip');
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  const js = await head(`/${file(/^tuoyu-finder-[0-9a-f]{16}\.js$/)}`);
  assert.match(js.headers.get('content-type'), /javascript/);
  assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
});

test('a client that takes no compression still gets the plain file', async () => {
  const res = await head('/data/yuancheng.json', 'identity');
  assert.equal(res.headers.get('content-encoding'), null);
  assert.equal(res.status, 200);
});

test('vendored Leaflet is cached for a day', async () => {
  const res = await head('/vendor/leaflet/leaflet.js');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=86400');
});

test('no other site may frame any file: frame-ancestors and X-Frame-Options on every path', async () => {
  const wasm = file(/_bg\.wasm$/);
  for (const path of ['/', '/index.html', '/?id=x&view=detail', '/data/yuancheng.json', `/${wasm}`,
    '/vendor/leaflet/leaflet.js', '/no-such-file']) {
    const res = await head(path);
    assert.equal(res.headers.get('content-security-policy'), "frame-ancestors 'none'", path);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
  }
});

test('a catalogue release: the root revalidates, every file it names is immutable and is what its name says', async () => {
  const root = '/data/heyuan/catalogue.json';
  const res = await head(root);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  assert.match(res.headers.get('content-type'), /application\/json/);
  // Revalidation: the same root again costs a 304, not the bytes.
  // (The ETag is the served variant's: ask for the same encoding.)
  const again = await fetch(origin + root, {
    headers: { 'accept-encoding': 'br, gzip', 'if-none-match': res.headers.get('etag') ?? '' },
  });
  assert.equal(again.status, 304);
  const catalogue = await (await fetch(origin + root)).json();
  assert.equal(catalogue.schema, 'tuoyu.catalogue/1');
  assert.ok(catalogue.entries.length >= 6, 'the 河源市 sample lists 源城区 and its five neighbours');
  for (const entry of catalogue.entries) {
    const path = `/data/heyuan/${entry.url}`;
    const file = await fetch(origin + path, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(file.status, 200, path);
    assert.equal(file.headers.get('cache-control'), 'public, max-age=31536000, immutable', path);
    assert.equal(file.headers.get('content-encoding'), 'br', path);
    // Cached forever is only safe because the name is the hash of the bytes.
    const bytes = Buffer.from(await file.arrayBuffer());
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    assert.equal(entry.url, `${entry.code}-${hash}.json`, path);
    assert.equal(JSON.parse(bytes).schema, 'tuoyu.dataset/1', path);
  }
});
