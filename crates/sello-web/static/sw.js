// Sello's service worker: once the page has been opened, it opens and verifies offline.
//
// - The page's files (index.html, its scripts, style and catalogue) are stored when the worker
//   is installed, and the QR reader's files (zxing-wasm/…) once the page has fetched them; they
//   are answered from the store (cache first). The store's name carries BUILD, a hash of all
//   the page's files that the service (and `sello site export`) writes into this file: a new
//   build is a new sw.js, whose worker replaces the old store.
// - The page itself (a navigation) and the trust data (keys.json, trust.jwt, status lists,
//   key sets: everything else it reads) are asked of the network first; a copy of each answer
//   is stored with the time it was fetched (header x-sello-fetched-at, milliseconds), and when
//   the network cannot be reached the stored copy is answered, marked x-sello-offline: 1, so
//   that the page says how old its trust data is. The verifier still decides, as always,
//   whether that data is too old to verify with (status list expiry, bundle freshness).
// - Nothing else is touched: POSTs (api/verify) and other origins go to the network as they are.

const BUILD = '__SELLO_BUILD__';
const SCOPE = self.registration.scope;
const PREFIX = `sello:${SCOPE}:`;
const STORE = `${PREFIX}${BUILD}`;
const SHELL = ['./', 'index.html', 'app.js', 'style.css', 'sello-verify.js', 'messages.js', 'qr-decode.js'];

const inScope = (url) => url.href.startsWith(SCOPE);
const relative = (url) => url.href.slice(SCOPE.length).split(/[?#]/)[0];
const isShell = (path) => SHELL.includes(path) || path === '' || path.startsWith('zxing-wasm/');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const store = await caches.open(STORE);
    await store.addAll(SHELL.map((path) => new Request(path, { cache: 'no-cache', credentials: 'omit' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== STORE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** A copy of `response` with `extra` headers added (its body read once). */
async function withHeaders(response, extra) {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function cacheFirst(request) {
  const store = await caches.open(STORE);
  const hit = await store.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await store.put(request, response.clone());
  return response;
}

async function networkFirst(request, fallback) {
  const store = await caches.open(STORE);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const hit = (await store.match(request, { ignoreSearch: true })) || (fallback && (await store.match(fallback)));
    if (!hit) throw error;
    return withHeaders(hit, { 'x-sello-offline': '1' });
  }
  if (response.ok) {
    await store.put(request, await withHeaders(response.clone(), { 'x-sello-fetched-at': String(Date.now()) }));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !inScope(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, './'));
    return;
  }
  const path = relative(url);
  event.respondWith(isShell(path) ? cacheFirst(request) : networkFirst(request, null));
});
