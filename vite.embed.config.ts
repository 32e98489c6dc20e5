import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const KATEX_CSS = 'katex/dist/katex.min.css';
const KATEX_STYLE = '\0digitlab-katex-style';

/**
 * A library build extracts CSS into a file nobody loads; the tooltips' KaTeX stylesheet
 * (imported on first use by src/lab/shared/typeset.ts) instead becomes a module that adds it
 * to the page as a <style>, fonts inlined.
 */
function katexStyleInPage(): Plugin {
  return {
    name: 'digitlab-katex-style',
    enforce: 'pre',
    resolveId: (id) => (id === KATEX_CSS ? KATEX_STYLE : null),
    load: (id) =>
      id === KATEX_STYLE
        ? `import css from '${KATEX_CSS}?inline';\nconst style = document.createElement('style');\nstyle.textContent = css;\ndocument.head.append(style);\nexport default css;\n`
        : null,
  };
}

/**
 * The package's `digitlab/embed`: the embeddable figures (src/lab/embed/index.ts) as an ES
 * module for bundlers, built into lib/embed/ by `npm run build` (after tsc, which writes their
 * types under lib/lab/). The stylesheets are inlined (`?inline`), so importing the module is
 * all a page does; KaTeX (script, stylesheet, fonts) stays a separate chunk loaded with the first tooltip.
 */
export default defineConfig({
  publicDir: false,
  plugins: [katexStyleInPage()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./lib/embed', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: fileURLToPath(new URL('./src/lab/embed/index.ts', import.meta.url)), formats: ['es'], fileName: () => 'embed.js' },
    rollupOptions: { output: { chunkFileNames: 'embed-[name]-[hash].js' } },
  },
});
