import type { Language } from './i18n.js';

/**
 * A backend's name (kernel-loader's `backendName`) as a page in `language` shows it: the
 * kernels keep their technical name, "WebAssembly SIMD"; the plain TypeScript code they are
 * checked against is "reference" in English and «эталонный код» in Russian.
 */
export function shownBackendName(name: string, language: Language): string {
  return name === 'reference' && language === 'ru' ? 'эталонный код' : name;
}
