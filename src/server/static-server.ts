import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { FASHION_MNIST_DIRECTORY } from '../data/idx-dir.js';
import { resolveRequestPath } from './request-path.js';
import { ownAuthority, parseRequestTarget } from './request-target.js';
import { allowGetOrHead, sendText } from './send-file.js';
import { serveResolvedPath } from './serve-path.js';

export { DATA_FILES, FASHION_FILES, MNIST_FILES, mnistDataDir, resolveRequestPath } from './request-path.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.js';

/** Options of `createLabServer`. */
export interface LabServerOptions {
  /** The built site (`npm run build:site`'s `site/`). */
  readonly root: string;
  /** Folder holding the gzipped MNIST files (default: the site's own data/; see gzippedMnistDir for a site without them). */
  readonly dataDir?: string;
  /** Folder holding the gzipped Fashion-MNIST files (default: the site's data/fashion/ if there, else the Debian package's; may be absent). */
  readonly fashionDir?: string;
  /**
   * Host names this server answers absolute-URI requests for, besides the address each
   * connection reached (and the loopback names on the loopback), e.g. the `--host` it binds.
   */
  readonly hostNames?: readonly string[];
}

/**
 * A small static server for the built site: GET/HEAD only, the site's files, the gzipped
 * MNIST files and (when there) the gzipped Fashion-MNIST files, with the security headers
 * on every answer. Request lines in the origin form ("/x") and, for this server's own
 * host and port, the absolute form ("http://127.0.0.1:5173/x") are served; an absolute
 * URI for another server gets 421. An aborted or failed answer closes its file and is
 * never an uncaught error (see sendFile). Binds nothing until `listen`.
 */
export function createLabServer(options: LabServerOptions): Server {
  const root = resolve(options.root);
  const dataDir = options.dataDir ?? join(root, 'data');
  const ownFashion = join(root, 'data', 'fashion');
  const fashionDir = options.fashionDir ?? (existsSync(ownFashion) ? ownFashion : FASHION_MNIST_DIRECTORY);
  const hostNames = options.hostNames ?? [];
  return createServer((req, res) => {
    try {
      handle(req, res, root, dataDir, fashionDir, hostNames);
    } catch {
      sendText(res, 500, 'internal error');
    }
  });
}

function handle(req: IncomingMessage, res: ServerResponse, root: string, dataDir: string, fashionDir: string, hostNames: readonly string[]): void {
  if (!allowGetOrHead(req, res)) return;
  const own = ownAuthority(req.socket, hostNames);
  const target = parseRequestTarget(req.url ?? '/', own);
  if (target.kind === 'invalid') {
    sendText(res, 400, 'bad request target: expected a path ("/…") or an http:// URI of this server');
    return;
  }
  if (target.kind === 'elsewhere') {
    sendText(res, 421, `misdirected request: this server answers only for its own address (port ${own.port}), not ${target.authority}`);
    return;
  }
  serveResolvedPath(req, res, resolveRequestPath(target.path, root, dataDir, fashionDir), target.path);
}
