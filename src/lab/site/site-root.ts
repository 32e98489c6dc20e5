import { DigitlabError } from '../../errors.js';

/**
 * The address of the site's root folder — where index.html, the web app manifest, the
 * service worker (sw.js) and data/ sit — as an absolute URL ending in "/". Every page of the
 * site links the manifest at the root, so the root is that link's folder: the site works
 * wherever it is copied (`/`, `/digitlab/`, `/a/b/c/`), with no absolute path anywhere.
 * Workers have no document: their page passes them this URL.
 */
export function siteRoot(): string {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (link === null) throw new DigitlabError('this page has no <link rel="manifest">, which marks the root of the site');
  return new URL('./', link.href).href;
}
