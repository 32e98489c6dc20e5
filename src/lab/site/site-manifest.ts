/**
 * What the site build tells the service worker: every file to keep for offline use and the
 * build's version. `npm run build:site` writes it at the top of sw.js (as `self.DIGITLAB_SITE`),
 * so that any change of any file changes sw.js itself, which is how a browser notices a new
 * deployment.
 */
export interface SiteManifest {
  /** A hash over every file's path and revision: the name of this deployment's cache. */
  readonly version: string;
  /** The files cached at install, paths relative to the site's root (e.g. "learn/index.html"). */
  readonly files: readonly SiteFile[];
}

/** One file of the site. */
export interface SiteFile {
  /** Path relative to the site's root, URL-encoded as a browser asks for it. */
  readonly url: string;
  /** A hash of its bytes: a file with the same revision in the previous deployment's cache is copied, not downloaded. */
  readonly revision: string;
  /** Its size in bytes, for the progress shown while saving. */
  readonly size: number;
}

/** The global the build defines at the top of sw.js. */
export const SITE_MANIFEST_GLOBAL = 'DIGITLAB_SITE';

/** Messages the service worker posts to the site's pages (open windows in its scope). */
export type FromServiceWorker =
  | { readonly type: 'offline-progress'; readonly version: string; readonly saved: number; readonly total: number }
  | { readonly type: 'offline-failed'; readonly version: string; readonly message: string };

/** What a page may tell the service worker: a waiting new version may take over now (the page reloads when it does). */
export type ToServiceWorker = { readonly type: 'skip-waiting' };
