// The offline copy of the app, written into dist/sw.js by crates/site (src/offline.rs) after
// each build, with the release's own file list. A reload with no signal finds the page and its
// code here; the dataset is never served from here, so the app still says it is offline and
// shows its kept copy with that copy's date (src/offline.rs of the app).
const RELEASE = /*tuoyu-site:release*/null;
// One cache per release, named by a hash of its files: a new release installs its own and
// deletes the old, so old and new code never mix.
const PREFIX = 'tuoyu-shell-';
const CACHE = PREFIX + RELEASE.version;
const at = (path) => new URL(path, self.location).href;
// The app shell, fetched at install.
const SHELL = RELEASE.shell.map(at);
// What a parent opened (the guide, the map library): kept the first time it is fetched.
const ON_USE = RELEASE.onUse.map(at);
const KEPT = new Set([...SHELL, ...ON_USE]);
const PAGE = at('./');
const PAGE_PATHS = new Set([new URL(PAGE).pathname, new URL(at('index.html')).pathname]);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Other origins (map tiles, a dataset allowed from elsewhere) are never touched or kept.
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page from the network while there is one (a new release shows at once); the kept
    // page, whatever its query string, when there is none.
    if (!PAGE_PATHS.has(url.pathname)) return;
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match(PAGE)).then((kept) => kept ?? Response.error())),
    );
    return;
  }
  const key = url.origin + url.pathname;
  if (url.search || !KEPT.has(key)) return;
  // The names are the release's own, so a kept copy is the right one.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then((kept) => kept ?? fetch(request).then((response) => {
        if (response.ok && response.type === 'basic') cache.put(key, response.clone());
        return response;
      }))),
  );
});
