import { createReadStream, readFileSync, type Stats, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/**
 * A plain static file server, as a school's web space or GitHub Pages is: it sends a file's
 * bytes with a Content-Type guessed from its name and nothing else — no COOP/COEP, no CSP, no
 * Content-Encoding (a `.gz` file goes out as `application/gzip`, as `python3 -m http.server`
 * sends it). What the pages get from it is what they would get on such a host. Not even
 * Last-Modified: with no validator the browsers cache nothing heuristically, so every fetch of
 * a page, a Worker's or the service worker's aside, reaches the server and `requests` sees it.
 */
export interface PlainServer {
  /** The site's address, e.g. `http://127.0.0.1:PORT/` or `http://127.0.0.1:PORT/digitlab/`. */
  readonly url: string;
  /** The paths asked for so far (the path part of each request, in order). */
  readonly requests: readonly string[];
  /** Forgets the requests seen so far. */
  clearRequests(): void;
  close(): Promise<void>;
}

/** What the server may add for a browser whose driver cannot hear the page's errors. */
export interface PlainServerOptions {
  /**
   * Puts `<script src=ERROR_PROBE_PATH>` first in every HTML page's `<head>`: a classic script
   * that keeps the page's uncaught errors, unhandled rejections and `console.error` calls in
   * `window.__digitlabErrors`. Only for WebDriver classic (WebKit), which has no event for them;
   * the page's headers stay plain.
   */
  readonly errorProbe?: boolean;
}

/** Where the error probe is served (outside any site path). */
export const ERROR_PROBE_PATH = '/.digitlab-test/error-probe.js';

const ERROR_PROBE = `(() => {
  const seen = (window.__digitlabErrors = []);
  const text = (x) => (x && x.stack) || String(x);
  addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) seen.push('page error: ' + (event.error ? text(event.error) : event.message));
    else if (event.target && event.target !== window) seen.push('console error: failed to load ' + (event.target.src || event.target.href || event.target.tagName));
  }, true);
  addEventListener('unhandledrejection', (event) => seen.push('page error: unhandled rejection: ' + text(event.reason)));
  const original = console.error;
  console.error = (...args) => { seen.push('console error: ' + args.map(text).join(' ')); original.apply(console, args); };
})();
`;

/** Content types by extension, as Python's `mimetypes` gives them. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
};

/** Serves `folder` at `urlPath` ("/" or "/a/b/") on a free port of 127.0.0.1. */
export async function startPlainServer(folder: string, urlPath: string, options: PlainServerOptions = {}): Promise<PlainServer> {
  if (!urlPath.startsWith('/') || !urlPath.endsWith('/')) throw new Error(`the site's path must start and end with "/": ${urlPath}`);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(501).end();
      return;
    }
    if (options.errorProbe && path === ERROR_PROBE_PATH) {
      res.writeHead(200, { 'Content-Type': TYPES['.js'] }).end(ERROR_PROBE);
      return;
    }
    if (!path.startsWith(urlPath)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(folder, path.slice(urlPath.length)));
    if (file !== folder && !file.startsWith(folder + sep)) {
      res.writeHead(404).end();
      return;
    }
    let stat = statOrNull(file);
    if (stat?.isDirectory()) {
      // A folder without its final "/": redirect, as any static server does, so relative URLs resolve.
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
      stat = statOrNull(file);
    }
    if (!stat?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (options.errorProbe && extname(file) === '.html') {
      const html = readFileSync(file, 'utf8').replace(/<head>/i, `<head><script src="${ERROR_PROBE_PATH}"></script>`);
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(html) }).end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${urlPath}`,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
