import { loadKatex, typeset } from '../../shared/typeset.js';

/**
 * Text with TeX for the course: `$…$` becomes a formula typeset by KaTeX. KaTeX is loaded
 * after the first figure is live (`startTypesetting`), so it never delays it; until then a
 * formula shows its TeX source, and every formula made so far upgrades itself when KaTeX
 * arrives.
 */
const pending = new Set<HTMLElement>();
let ready = false;

function render(element: HTMLElement): void {
  const tex = element.dataset.tex ?? '';
  const html = typeset(element.dataset.display === 'true' ? `\\displaystyle ${tex}` : tex);
  if (html === null) return;
  element.innerHTML = html;
  element.classList.remove('tex-pending');
}

/** Loads KaTeX (once) and typesets every formula made so far. */
export function startTypesetting(): Promise<void> {
  return loadKatex().then(() => {
    ready = true;
    for (const element of pending) render(element);
    pending.clear();
  });
}

/** An element showing `tex` (display style when `display`). */
export function texElement(tex: string, display = false): HTMLElement {
  const element = document.createElement(display ? 'div' : 'span');
  element.className = display ? 'tex tex-display' : 'tex';
  element.dataset.tex = tex;
  element.dataset.display = String(display);
  element.textContent = tex;
  if (ready) render(element);
  else {
    element.classList.add('tex-pending');
    pending.add(element);
  }
  return element;
}

/** `text` with each `$…$` as an inline formula. */
export function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split(/\$([^$]+)\$/).forEach((part, i) => {
    if (i % 2 === 1) fragment.append(texElement(part));
    else if (part !== '') fragment.append(part);
  });
  return fragment;
}
