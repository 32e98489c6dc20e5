/**
 * Formula typesetting with KaTeX, loaded on demand: KaTeX (its script, stylesheet and fonts,
 * ~75 kB gzipped) loads only when a formula is first asked for, so no page pays for it up
 * front; until then `typeset` gives null and callers show plain text or the TeX source.
 */
let katex: typeof import('katex').default | null = null;
let loading: Promise<void> | null = null;

/** Starts loading KaTeX and its CSS (once); resolves when formulas can be typeset. */
export function loadKatex(): Promise<void> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => {
    katex = module.default;
  });
  return loading;
}

/** `tex` as inline KaTeX HTML (with MathML for screen readers), or null while KaTeX is not loaded. */
export function typeset(tex: string): string | null {
  return katex === null ? null : katex.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml' });
}

/**
 * Typesets `tex` in display style into `element`; false (and the TeX source as text) while
 * KaTeX is not loaded. Display style in KaTeX's inline mode: a long formula breaks after its
 * = and + signs on a narrow screen instead of running off it.
 */
export function typesetInto(element: HTMLElement, tex: string): boolean {
  if (katex === null) {
    element.textContent = tex;
    return false;
  }
  katex.render(`\\displaystyle ${tex}`, element, { throwOnError: false, displayMode: false });
  return true;
}
