import type { Network } from '../core/network.js';

/**
 * TeX for the Lab's formulas, typeset by KaTeX. KaTeX (its script, stylesheet and fonts)
 * loads only when a formula is first asked for, so the main page's initial JavaScript stays
 * small; until then `typeset` gives null and callers show plain text.
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

/** `tex` as KaTeX HTML (with MathML for screen readers), or null while KaTeX is not loaded. */
export function typeset(tex: string): string | null {
  return katex === null ? null : katex.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml' });
}

/** A layer's activation function as TeX: \sigma, \operatorname{ReLU}, \tanh or \operatorname{softmax}. */
export function activationTex(net: Network, layer: number): string {
  const name = layer < net.layerCount ? net.activation : net.outputActivation;
  return name === 'sigmoid' ? '\\sigma' : name === 'tanh' ? '\\tanh' : name === 'relu' ? '\\operatorname{ReLU}' : `\\operatorname{${name}}`;
}
