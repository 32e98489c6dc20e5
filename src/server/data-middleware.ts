import type { IncomingMessage, ServerResponse } from 'node:http';
import { FASHION_MNIST_DIRECTORY } from '../data/idx-dir.js';
import { decodeRequestPath, mnistDataDir, resolveDataPath } from './request-path.js';
import { allowGetOrHead, sendText } from './send-file.js';
import { serveResolvedPath } from './serve-path.js';

/**
 * A Connect-style middleware (for Vite's dev server) that answers `/data/…` exactly as the
 * Lab server does — the whitelisted MNIST and Fashion-MNIST files, 403/404 otherwise, GET
 * and HEAD only — and hands every other path to `next`.
 */
export function labDataMiddleware(
  dataDir: string = mnistDataDir(),
  fashionDir: string = FASHION_MNIST_DIRECTORY,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
    if (!rawPath.startsWith('/data/')) {
      next();
      return;
    }
    if (!allowGetOrHead(req, res)) return;
    const path = decodeRequestPath(rawPath);
    const target = path === null ? null : resolveDataPath(path, dataDir, fashionDir);
    if (target === null) sendText(res, 403, 'forbidden');
    else serveResolvedPath(req, res, target, rawPath);
  };
}
