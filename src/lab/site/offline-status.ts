import { type Language, Translator } from '../shared/i18n.js';
import { OFFLINE_MESSAGES, type OfflineKey } from './offline-messages.js';
import type { FromServiceWorker, ToServiceWorker } from './site-manifest.js';
import { noticeArea } from './notice-area.js';
import { siteRoot } from './site-root.js';
import './offline-status.css';

/**
 * The page's side of the service worker (service-worker.ts), on every page of the site:
 * registers it, says while the site is being saved for offline use and when it is ready, and
 * offers a saved new version. What the page knows goes on <html> for people and tests alike:
 * `data-isolated` (cross-origin isolated: SharedArrayBuffer, two training threads),
 * `data-offline` ("saving", "ready", "failed", or "unavailable" where there can be no service
 * worker: an http address that is not localhost, a private window, a browser without them),
 * `data-update="ready"` when a new version waits.
 *
 * Nothing here reloads the page by itself: the first visit works on one thread from the
 * network, the next load is isolated and offline-ready; a reload happens only when the reader
 * asks for a new version. The message box sits in the notices' column at the bottom of the
 * window (notice-area.ts), so it never moves the page.
 */
const html = document.documentElement;

/** The page's language as its <html lang> says (the page sets it). */
function language(): Language {
  return html.lang.startsWith('ru') ? 'ru' : 'en';
}

/** The message box: a live sentence, a progress figure outside it (not announced at every step), and its buttons. */
class StatusBox {
  private readonly box = document.createElement('div');
  private readonly sentence = document.createElement('p');
  private readonly percent = document.createElement('span');
  private readonly reload = document.createElement('button');
  private readonly dismiss = document.createElement('button');
  private key: OfflineKey | null = null;
  private values: Record<string, string> = {};

  constructor(onReload: () => void) {
    // Invisible while idle, but in its place: showing it moves nothing, not even the notices under it.
    this.box.className = 'offline-status idle';
    this.sentence.setAttribute('role', 'status');
    this.percent.className = 'offline-percent';
    this.reload.type = 'button';
    this.reload.hidden = true;
    this.reload.addEventListener('click', onReload);
    this.dismiss.type = 'button';
    this.dismiss.className = 'offline-dismiss';
    this.dismiss.textContent = '×';
    this.dismiss.addEventListener('click', () => this.hide());
    this.box.append(this.sentence, this.percent, this.reload, this.dismiss);
    // On top of the column: the notices under it (the Lab's invitation) stay where they are.
    noticeArea().prepend(this.box);
    new MutationObserver(() => this.draw()).observe(html, { attributes: true, attributeFilter: ['lang'] });
  }

  /** Shows message `key`; `reload` adds the button that takes the new version. */
  show(key: OfflineKey, values: Record<string, string> = {}, reload = false): void {
    this.key = key;
    this.values = values;
    this.reload.hidden = !reload;
    this.box.classList.remove('idle');
    this.draw();
  }

  /** The progress figure beside the sentence ("" for none). */
  progress(text: string): void {
    this.percent.textContent = text;
  }

  hide(): void {
    this.box.classList.add('idle');
  }

  private draw(): void {
    const t = new Translator(OFFLINE_MESSAGES, language()).t;
    if (this.key !== null) this.sentence.textContent = t(this.key, this.values);
    this.reload.textContent = t('reload');
    this.dismiss.setAttribute('aria-label', t('dismiss'));
  }
}

/** How long the "ready" message stays before it hides itself (the reader can hide it sooner). */
const READY_SHOWN_MS = 8000;

/** Registers the site's service worker and shows what it does; returns at once. */
export function startOfflineStatus(): void {
  html.dataset.isolated = String(globalThis.crossOriginIsolated === true);
  // In development (Vite's server) there is no built sw.js.
  if (!import.meta.env.PROD) return;
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    html.dataset.offline = 'unavailable';
    return;
  }
  // A page no service worker controls is a first visit (or one after the site's data were cleared): the
  // box that will say "saving" takes its place now, with the page's first paint, so that it moves nothing later.
  let box: StatusBox | null = null;
  const statusBox = (): StatusBox => (box ??= new StatusBox(() => takeUpdate()));
  if (navigator.serviceWorker.controller === null) statusBox();
  // After the page's own loading: saving the site for offline use must not slow its first view.
  const start = (): void =>
    void register(statusBox).catch(() => {
      // No service worker here (e.g. a private window that refuses them): the site still works online.
      html.dataset.offline = 'unavailable';
    });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

/** The reader takes the new version: once it controls the page, the page loads again from it. */
function takeUpdate(): void {
  html.dataset.update = 'taking';
  void navigator.serviceWorker.getRegistration(siteRoot()).then((r) => r?.waiting?.postMessage({ type: 'skip-waiting' } satisfies ToServiceWorker));
}

async function register(statusBox: () => StatusBox): Promise<void> {
  const container = navigator.serviceWorker;
  const root = siteRoot();
  const saving = (): void => {
    if (html.dataset.offline === 'ready') return;
    html.dataset.offline = 'saving';
    statusBox().show('saving');
  };
  const ready = (): void => {
    if (html.dataset.offline === 'ready') return;
    const announce = html.dataset.offline === 'saving';
    html.dataset.offline = 'ready';
    if (!announce) return;
    const box = statusBox();
    box.progress('');
    box.show('ready');
    setTimeout(() => box.hide(), READY_SHOWN_MS);
  };
  const offerUpdate = (): void => {
    if (html.dataset.update === 'taking') return;
    html.dataset.update = 'ready';
    statusBox().show('update', {}, true);
  };
  container.addEventListener('message', (event: MessageEvent<FromServiceWorker>) => {
    const m = event.data;
    if (html.dataset.offline === 'ready') return;
    if (m.type === 'offline-progress') {
      saving();
      statusBox().progress(`${Math.floor((100 * m.saved) / Math.max(1, m.total))} %`);
    } else if (m.type === 'offline-failed') {
      html.dataset.offline = 'failed';
      statusBox().progress('');
      statusBox().show('failed', { message: m.message });
    }
  });
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (html.dataset.update !== 'taking' || reloading) return;
    reloading = true;
    location.reload();
  });

  const registration = await container.register(new URL('sw.js', root).href, { scope: root, updateViaCache: 'none' });
  html.dataset.controlled = String(container.controller !== null);
  /** A worker being installed: the first one makes the site ready offline; a later one is a new version. */
  const watch = (worker: ServiceWorker): void => {
    const first = registration.active === null;
    if (first) saving();
    worker.addEventListener('statechange', () => {
      if (first && worker.state === 'activated') ready();
      else if (!first && worker.state === 'installed') offerUpdate();
      else if (first && worker.state === 'redundant' && html.dataset.offline === 'saving') html.dataset.offline = 'failed';
    });
  };
  if (registration.active) ready();
  if (registration.waiting && registration.active) offerUpdate();
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => {
    if (registration.installing) watch(registration.installing);
  });
}
