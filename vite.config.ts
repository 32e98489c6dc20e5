import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { labDataMiddleware } from './src/server/data-middleware.js';
import { SECURITY_HEADERS } from './src/server/static-server.js';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The Lab: sources in src/lab, built to dist/lab. The shipped model (models/) is copied
 * as-is next to the page. `vite` (dev) also serves the MNIST files under /data/ (Fashion-MNIST under /data/fashion/) with the
 * same headers as the production server.
 */
export default defineConfig({
  root: fromHere('./src/lab'),
  base: './',
  publicDir: fromHere('./models'),
  build: {
    outDir: fromHere('./dist/lab'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 200,
    // Three pages: the Lab, its Experiments view (src/lab/experiments/) and How it learns (src/lab/explain/).
    rollupOptions: { input: { main: fromHere('./src/lab/index.html'), experiments: fromHere('./src/lab/experiments.html'), explain: fromHere('./src/lab/explain/index.html') } },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', headers: { ...SECURITY_HEADERS } },
  plugins: [
    {
      name: 'digitlab-mnist-data',
      configureServer(server) {
        server.middlewares.use(labDataMiddleware());
      },
    },
  ],
});
