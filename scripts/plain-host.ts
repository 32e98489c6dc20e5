import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A plain static web host, as most of them are (GitHub Pages, a school's web space,
 * `python3 -m http.server`): files by path, a content type by extension, and NO special
 * headers — no cross-origin isolation, no Content-Security-Policy, no caching headers (not
 * even Last-Modified). A .gz file goes out as `application/gzip`, as `python3 -m http.server`
 * sends it; with `gzipEncoding` it is marked `Content-Encoding: gzip` instead (as some Apache
 * setups do), so the browser gunzips it before the page sees it. The site is mounted at a
 * sub-path (`/a/b/digitlab/`) in the tests, as on a host where it is not at the root.
 *
 * It answers a browser that uses it as its HTTP proxy just the same (the tests in every browser
 * reach it so at http://classroom.test, an address that is not a secure context).
 *
 * The one plain host of the project: the site's tests (test/site), the tests in every browser
 * (test/browsers), Lighthouse (scripts/lighthouse.ts) and people run it:
 * `node --import tsx scripts/plain-host.ts [dir] [--mount /a/b/digitlab/] [--port 8000] [--gzip-encoding]`.
 */
export interface PlainHostOptions {
  /** The folder served. */
  readonly root: string;
  /** The path the folder appears at, starting and ending with "/" (default "/"). */
  readonly mount?: string;
  /** Port (default: any free one). */
  readonly port?: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Mark .gz files `Content-Encoding: gzip`. */
  readonly gzipEncoding?: boolean;
  /**
   * Puts ERROR_PROBE, inline, first in every HTML page's `<head>`: a classic script that keeps
   * the page's uncaught errors, unhandled rejections and `console.error` calls in
   * `window.__digitlabErrors`. Only for WebDriver classic (WebKit), which has no event for
   * them. Inline, so that the copy the service worker saves for offline use has it too; the
   * headers stay plain.
   */
  readonly errorProbe?: boolean;
}

/** A running plain host. */
export interface PlainHost {
  readonly server: Server;
  /** The site's address (ending in "/"), on 127.0.0.1. */
  readonly url: string;
  readonly port: number;
  /** Files served so far (GET): path and bytes sent (for measuring what a page downloads). */
  readonly log: { readonly path: string; readonly bytes: number }[];
  /** Serves another folder from now on (a new deployment, for the update tests). */
  setRoot(dir: string): void;
  /** Stops listening and drops open connections (the "network is gone" of the offline tests). */
  close(): Promise<void>;
}

/** The error probe (see `PlainHostOptions.errorProbe`): a classic script, put inline in each page. */
export const ERROR_PROBE = `(() => {
  const seen = (window.__digitlabErrors = []);
  const text = (x) => (x && x.stack) || String(x);
  addEventListener('error', (event) => {
    // The browser's note that a ResizeObserver loop was cut short (its notifications come a frame
    // later) is no exception: Chromium's and Firefox's drivers do not report it as one either.
    if (event instanceof ErrorEvent) seen.push((!event.error && /^ResizeObserver loop/.test(event.message) ? 'console error: ' : 'page error: ') + (event.error ? text(event.error) : event.message));
    else if (event.target && event.target !== window) seen.push('console error: failed to load ' + (event.target.src || event.target.href || event.target.tagName));
  }, true);
  addEventListener('unhandledrejection', (event) => seen.push('page error: unhandled rejection: ' + text(event.reason)));
  const original = console.error;
  console.error = (...args) => { seen.push('console error: ' + args.map(text).join(' ')); original.apply(console, args); };
})();`;

/** Content types by extension, as Python's `mimetypes` gives them. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
};

/** Starts a plain host for `options.root`. */
export async function startPlainHost(options: PlainHostOptions): Promise<PlainHost> {
  let root = resolve(options.root);
  const mount = options.mount ?? '/';
  if (!mount.startsWith('/') || !mount.endsWith('/')) throw new Error(`the site's path must start and end with "/": ${mount}`);
  const log: { path: string; bytes: number }[] = [];
  const server = createServer((req, res) => {
    const answer = (status: number, text: string): void => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${status} ${text}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(501, 'not implemented');
    let path: string;
    try {
      // The absolute form too ("GET http://classroom.test:PORT/…"), as a browser sends it to a proxy.
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://host.invalid').pathname);
    } catch {
      return answer(400, 'bad request');
    }
    if (!path.startsWith(mount)) return answer(404, 'not found');
    let file = resolve(join(root, path.slice(mount.length)));
    if (file !== root && !file.startsWith(root + sep)) return answer(403, 'forbidden');
    let size: number;
    try {
      let stat = statSync(file);
      if (stat.isDirectory()) {
        // A folder's address without its final slash moves to the one with it, as hosts do.
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: `${path}/` }).end();
          return;
        }
        file = join(file, 'index.html');
        stat = statSync(file);
      }
      size = stat.size;
    } catch {
      return answer(404, 'not found');
    }
    const headers: Record<string, string | number> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': size };
    if (options.gzipEncoding && file.endsWith('.gz')) headers['Content-Encoding'] = 'gzip';
    let body: string | null = null;
    if (options.errorProbe && extname(file) === '.html') {
      body = readFileSync(file, 'utf8').replace(/<head>/i, `<head><script>${ERROR_PROBE}</script>`);
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    log.push({ path, bytes: Number(headers['Content-Length']) });
    if (body !== null) res.end(body);
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}${mount}`,
    port,
    log,
    setRoot: (dir) => {
      root = resolve(dir);
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const mount = option('--mount') ?? '/';
  const port = Number(option('--port') ?? 8000);
  const gzipEncoding = args.includes('--gzip-encoding');
  const root = args.find((a) => !a.startsWith('--')) ?? 'site';
  const host = await startPlainHost({ root, mount, port, gzipEncoding });
  console.log(`plain host (no special headers): ${host.url}`);
}
