/**
 * uPlot builds an `Intl.NumberFormat(navigator.language)` when its module loads. A browser
 * whose language tag Intl rejects — `en-US@posix` (a headless Chromium shipped in an npm
 * package), `C` — made that throw and nothing on the page ran. The charts call this just
 * before they load uPlot: it gives such a browser's `navigator.language` the tag `en-US`
 * (only then; a tag Intl accepts, however unusual, is left alone). The pages themselves never
 * read it for formatting: they format with explicit tags (shared/i18n.ts).
 */
function accepted(tag: unknown): boolean {
  try {
    Intl.getCanonicalLocales(tag as string);
    return typeof tag === 'string' && tag !== '';
  } catch {
    return false;
  }
}

/** Makes `navigator.language` a tag Intl accepts (once; a no-op when it already is one). */
export function useIntlSafeLanguage(): void {
  try {
    if (typeof navigator !== 'undefined' && !accepted(navigator.language)) {
      Object.defineProperty(navigator, 'language', { configurable: true, get: () => 'en-US' });
    }
  } catch {
    // A navigator that cannot be changed: nothing better to do here.
  }
}
