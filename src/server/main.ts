import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DigitlabError } from '../errors.js';
import { serveSite } from './serve-site.js';

/**
 * `npm run serve` / `npm start`: serves the built site (site/) on 127.0.0.1 and prints its
 * URL. Options: --port N (default 5173; 0 = any free port), --host H, --root DIR.
 */
const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    root: { type: 'string', default: join(here, '..', '..', 'site') },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: must be a whole number from 0 to 65535, got "${values.port}"`);
  process.exit(1);
}
try {
  const site = await serveSite({ root: values.root, port, host: values.host });
  console.log(`digitlab: ${site.url}`);
  for (const url of site.networkUrls) console.log(`  on the network: ${url}`);
} catch (error) {
  console.error(error instanceof DigitlabError ? error.message : error);
  process.exit(1);
}
