import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A plain static web host, as most of them are (GitHub Pages, a school's web space,
 * `python3 -m http.server`): files by path, a content type by extension, and NO special
 * headers — no cross-origin isolation, no Content-Security-Policy. The site is mounted at a
 * sub-path (`/a/b/digitlab/`), as on a host where it is not at the root. With
 * `gzipEncoding`, .gz files go out marked `Content-Encoding: gzip` (as some Apache setups
 * do), so the browser gunzips them before the page sees them.
 *
 * For the site's tests, Lighthouse (scripts/lighthouse.ts) and people: run
 * `node --import tsx scripts/plain-host.ts [dir] [--mount /a/b/digitlab/] [--port 8000]`.
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
}

/** A running plain host. */
export interface PlainHost {
  readonly server: Server;
  /** The site's address (ending in "/"), on 127.0.0.1. */
  readonly url: string;
  readonly port: number;
  /** Requests served so far: path and bytes sent (for measuring what a page downloads). */
  readonly log: { readonly path: string; readonly bytes: number }[];
  /** Serves another folder from now on (a new deployment, for the update tests). */
  setRoot(dir: string): void;
  /** Stops listening and drops open connections (the "network is gone" of the offline tests). */
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.gz': 'application/gzip',
};

/** Starts a plain host for `options.root`. */
export async function startPlainHost(options: PlainHostOptions): Promise<PlainHost> {
  let root = resolve(options.root);
  const mount = options.mount ?? '/';
  const log: { path: string; bytes: number }[] = [];
  const server = createServer((req, res) => {
    const answer = (status: number, text: string): void => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${status} ${text}\n`);
    };
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split(/[?#]/, 1)[0]);
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
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    log.push({ path, bytes: size });
    createReadStream(file).pipe(res);
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
  const host = await startPlainHost({ root: args[0] ?? 'site', mount, port, gzipEncoding: args.includes('--gzip-encoding') });
  console.log(`plain host (no special headers): ${host.url}`);
}
