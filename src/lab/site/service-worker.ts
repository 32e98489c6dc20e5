/// <reference lib="webworker" />
import type { FromServiceWorker, SiteFile, SiteManifest, ToServiceWorker } from './site-manifest.js';

/**
 * digitlab's service worker (sw.js at the site's root; a scope holds one worker, so this one
 * does both of its jobs):
 *
 * 1. Cross-origin isolation on any host. Most static hosts (GitHub Pages, a school's web
 *    space, `python3 -m http.server`) send no Cross-Origin-Opener-Policy and -Embedder-Policy
 *    headers, without which a page gets no SharedArrayBuffer and the Lab trains on one thread.
 *    Every answer this worker gives carries them (unless the host sent its own), so a page it
 *    controls is isolated — the technique of coi-serviceworker. It controls a page from the
 *    page's next load on; nothing reloads by itself.
 * 2. Offline use. At install it saves every file of the deployment (the build's list, written
 *    at the top of this file) into one cache named after the build's version, and from then
 *    on answers from that cache first. A new deployment changes this file, so the browser
 *    installs the new worker beside the old one: it fills a new cache (copying the files whose
 *    revision did not change, downloading the rest), waits until no page uses the old version
 *    (or a page asks it to take over), and then deletes the old cache whole. A page never sees
 *    a mix of two deployments.
 *
 * The worker imports nothing at run time (the type imports vanish), so the built sw.js is a
 * classic script that every browser with service workers runs.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const SITE = (self as unknown as { DIGITLAB_SITE?: SiteManifest }).DIGITLAB_SITE;
const SCOPE = sw.registration.scope;
/** Caches of this scope (another copy of the site on the same origin has its own). */
const PREFIX = `digitlab ${SCOPE} `;
const CACHE = `${PREFIX}${SITE?.version ?? 'unbuilt'}`;
/** Where a cache keeps the revisions of its files (an address no file of the site has). */
const REVISIONS = new URL('.digitlab-revisions.json', SCOPE).href;
/** Downloads at once while saving: enough to fill the line, few enough not to starve the page. */
const PARALLEL = 4;

/** Tells every window of the scope (controlled or not yet) how saving goes. */
async function tell(message: FromServiceWorker): Promise<void> {
  for (const client of await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

/** The older deployments' caches of this scope, each with its files' revisions. */
async function olderCaches(): Promise<{ cache: Cache; revisions: Record<string, string> }[]> {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  return Promise.all(
    names.map(async (name) => {
      const cache = await caches.open(name);
      const stored = await cache.match(REVISIONS);
      return { cache, revisions: stored ? ((await stored.json()) as Record<string, string>) : {} };
    }),
  );
}

/** A response safe to store and to give to a navigation: a redirected one is copied into a plain one. */
async function storable(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Saves one file into `cache`: already there (an install cut short before), copied from an older cache with the same revision, or downloaded. */
async function save(cache: Cache, file: SiteFile, older: Awaited<ReturnType<typeof olderCaches>>): Promise<void> {
  const url = new URL(file.url, SCOPE).href;
  if (await cache.match(url)) return;
  for (const old of older) {
    if (old.revisions[file.url] !== file.revision) continue;
    const kept = await old.cache.match(url);
    if (kept) return cache.put(url, kept);
  }
  // no-cache: revalidated with the host, never an older copy from the browser's HTTP cache.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
  await cache.put(url, await storable(response));
}

/** Fills this deployment's cache with every file of the build's list, reporting progress by bytes. */
async function saveSite(site: SiteManifest): Promise<void> {
  const cache = await caches.open(CACHE);
  const older = await olderCaches();
  const total = site.files.reduce((sum, f) => sum + f.size, 0);
  let saved = 0;
  let told = 0;
  const queue = [...site.files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      await save(cache, file, older);
      saved += file.size;
      if (Date.now() - told > 250) {
        told = Date.now();
        void tell({ type: 'offline-progress', version: site.version, saved, total });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  await cache.put(REVISIONS, new Response(JSON.stringify(Object.fromEntries(site.files.map((f) => [f.url, f.revision])))));
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (SITE === undefined) throw new Error('sw.js carries no list of files: build the site with `npm run build:site`');
      try {
        await saveSite(SITE);
      } catch (error) {
        await tell({ type: 'offline-failed', version: SITE.version, message: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // No page uses an older deployment any more: its cache goes whole.
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // Pages open since before the first install are served from the cache too (their next load is isolated).
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as ToServiceWorker | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

/** Statuses whose responses have no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * `response` with the isolation headers added where the host sent none (opaque and redirect
 * answers pass as they are). `require-corp` rather than `credentialless`: WebKit knows only
 * the former, and every file of the site is same-origin, which needs no further header.
 */
function isolated(response: Response): Response {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  if (!headers.has('Cross-Origin-Opener-Policy')) headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (!headers.has('Cross-Origin-Embedder-Policy')) headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  return new Response(NULL_BODY.has(response.status) ? null : response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The cache key of a request: its address without query and fragment, a folder's address as its index.html. */
function cacheKey(url: URL): string {
  const key = new URL(url.pathname, url);
  if (key.pathname.endsWith('/')) key.pathname += 'index.html';
  return key.href;
}

/** This deployment's copy of a file when there is one, else the host's answer (kept for next time when it is a whole file of the site). */
async function answer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const key = cacheKey(url);
  const cache = await caches.open(CACHE);
  const kept = await cache.match(key);
  if (kept) return isolated(kept);
  const response = await fetch(request);
  // Files outside the build's list (KaTeX's older font formats, Fashion-MNIST) are kept once fetched.
  if (response.status === 200 && response.type === 'basic' && !request.headers.has('Range') && url.search === '') await cache.put(key, await storable(response.clone()));
  return isolated(response);
}

sw.addEventListener('fetch', (event: FetchEvent) => {
  const request = event.request;
  // Only this site's own files: other origins and other folders of this host pass untouched.
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(answer(request));
});
