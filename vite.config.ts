import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { prefillPageText } from './scripts/site-html.js';
import { labDataMiddleware } from './src/server/data-middleware.js';
import { SECURITY_HEADERS } from './src/server/static-server.js';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
/** The example page of the embeddable figures, served at the same path. */
const EXAMPLE = 'examples/embed.html';

/**
 * The site's pages: sources in src/lab; `npm run build:site` (scripts/build-site.ts) runs this
 * build into site/ and adds the data, the web app manifest and the service worker's file list.
 * The shipped model (models/) is copied as-is next to the page. `vite` (dev) also serves the
 * gzipped MNIST files under /data/ (Fashion-MNIST under /data/fashion/) with the same headers
 * as the production server.
 *
 * Besides the four pages, the build makes the embeddable figures' one script, `embed.js`
 * (src/lab/embed/index.ts; a stable name, since teachers' pages link to it), the service
 * worker `sw.js` (src/lab/site/service-worker.ts), and copies the example page
 * examples/embed.html as written to examples/embed.html beside the pages.
 */
export default defineConfig({
  root: fromHere('./src/lab'),
  base: './',
  publicDir: fromHere('./models'),
  build: {
    outDir: fromHere('./site'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 200,
    // Four pages — the Lab, Experiments, How it learns and the course (src/lab/pages/) — and the embeddable figures' script.
    rollupOptions: {
      input: {
        main: fromHere('./src/lab/index.html'),
        experiments: fromHere('./src/lab/experiments.html'),
        explain: fromHere('./src/lab/explain/index.html'),
        learn: fromHere('./src/lab/learn/index.html'),
        digits: fromHere('./src/lab/digits/index.html'),
        embed: fromHere('./src/lab/embed/index.ts'),
        sw: fromHere('./src/lab/site/service-worker.ts'),
      },
      // Stable names at the root: embed.js (teachers' pages link to it) and sw.js (a service worker's address is its identity).
      output: { entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', headers: { ...SECURITY_HEADERS } },
  plugins: [
    prefillPageText(fromHere('./src/lab')),
    {
      // The embedding example is a teacher's page: shipped as written, not rewritten by the build.
      name: 'digitlab-embed-example',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: EXAMPLE, source: readFileSync(fromHere(`./${EXAMPLE}`)) });
      },
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0];
          if (url === `/${EXAMPLE}`) {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(readFileSync(fromHere(`./${EXAMPLE}`)));
          } else if (url === '/embed.js') {
            // In development the script is its TypeScript source, compiled on the fly.
            res.statusCode = 302;
            res.setHeader('Location', '/embed/index.ts');
            res.end();
          } else next();
        });
      },
    },
    {
      name: 'digitlab-mnist-data',
      configureServer(server) {
        server.middlewares.use(labDataMiddleware());
      },
    },
  ],
});
