import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLabServer } from './static-server.js';

/**
 * `npm run serve` / `npm start`: serves the built Lab (dist/lab) on 127.0.0.1 and prints
 * its URL. Options: --port N (default 5173; 0 = any free port), --host H, --root DIR.
 */
const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    root: { type: 'string', default: join(here, '..', '..', 'dist', 'lab') },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: must be a whole number from 0 to 65535, got "${values.port}"`);
  process.exit(1);
}
if (!existsSync(join(values.root, 'index.html'))) {
  console.error(`${values.root}: no built Lab here; run "npm run build:lab" first`);
  process.exit(1);
}
const server = createLabServer({ root: values.root, hostNames: ['0.0.0.0', '::'].includes(values.host) ? [] : [values.host] });
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `port ${port} is in use; try --port 0 or another number` : error.message);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  const host = values.host.includes(':') ? `[${values.host}]` : values.host;
  console.log(`digitlab Lab: http://${host}:${actual}/`);
});
