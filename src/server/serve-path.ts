import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { ResolvedPath } from './request-path.js';
import { sendFile, sendText } from './send-file.js';

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
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.gz': 'application/gzip',
};

/**
 * Answers a request with what its path resolved to: the refusal (403 or 404), or the file
 * with its content type (the data: gzip files, sent as they are, with no Content-Encoding)
 * and caching (hashed assets and the data never change and are cached for a year; the pages,
 * the model and the service worker may, so they are revalidated). The Lab server and Vite's data middleware both answer through this.
 */
export function serveResolvedPath(req: IncomingMessage, res: ServerResponse, target: ResolvedPath, rawPath: string): void {
  if (target.kind === 'refused') {
    sendText(res, target.status, target.status === 403 ? 'forbidden' : 'not found');
    return;
  }
  const isData = rawPath.startsWith('/data/');
  const immutable = isData || rawPath.startsWith('/assets/');
  sendFile(req, res, target.file, {
    contentType: CONTENT_TYPES[extname(target.file)] ?? 'application/octet-stream',
    cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
