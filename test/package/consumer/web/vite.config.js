import { fileURLToPath } from 'node:url';

// The page's Worker is an ES module; two pages: the training page and the embedded figures.
export default {
  worker: { format: 'es' },
  build: {
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
    },
  },
};
