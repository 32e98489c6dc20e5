import { createReadStream, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { FASHION_MNIST_DIRECTORY } from './src/data/idx-dir.js';
import { FASHION_FILES, MNIST_FILES, SECURITY_HEADERS, mnistDataDir } from './src/server/static-server.js';

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
        server.middlewares.use((req, res, next) => {
          const url = req.url ?? '';
          const fashion = url.replace(/^\/data\/fashion\//, '');
          const name = url.replace(/^\/data\//, '');
          let file: string;
          if (url.startsWith('/data/fashion/') && FASHION_FILES.includes(fashion)) file = `${FASHION_MNIST_DIRECTORY}/${fashion}`;
          else if (url.startsWith('/data/') && MNIST_FILES.includes(name)) file = `${mnistDataDir()}/${name}`;
          else return next();
          if (!existsSync(file)) return next();
          res.setHeader('Content-Type', 'application/octet-stream');
          res.setHeader('Content-Length', String(statSync(file).size));
          createReadStream(file).pipe(res);
        });
      },
    },
  ],
});
