// What the browser tests ask a page, as expressions each driver evaluates in it (WebDriver and
// the DevTools protocol both take source text), and the shapes of what they report.
import type { BrowserName } from './driver.js';

/** What a page says of its isolation, its service worker and its threads. */
export interface PageState {
  /** `crossOriginIsolated` as the page sees it. */
  isolated: boolean;
  /**
   * Whether the page could send a shared WebAssembly.Memory to a Worker ("shared"), or the
   * error it got — what a second training thread needs (src/fast/helper-pool.ts).
   */
  sharing?: string;
  /** Whether the global SharedArrayBuffer exists (WebKitGTK does not expose it even when isolated). */
  sharedArrayBuffer: boolean;
  /** <html data-controlled>: whether the service worker controls the page ('' before it has registered, or without one). */
  controlled: string;
  /** <html data-offline>: "saving", "ready", "failed", "unavailable" ('' before the page knows). */
  offline: string;
}

/** A visit of the Lab: the page's state and what training did. */
export interface LabVisit extends PageState {
  /** Threads the Lab trained on (body[data-threads]). */
  threads: number;
  /** Mini-batches seen trained live. */
  batches: number;
  /** A digest of the weights and biases after the seeded single steps (not offline). */
  weights?: string;
}

/** What a browser showed, for the report. */
export interface Seen {
  browser: BrowserName;
  version: string;
  firstVisit?: LabVisit;
  reload?: LabVisit;
  /** At http://classroom.test (not a secure context). */
  classroom?: LabVisit;
  offline?: LabVisit;
  /** Seconds from opening to ready, per page. */
  seconds: Record<string, number>;
  consoleErrors: string[];
  /** What pages reported while being left for the next (see PageErrors.leaving). */
  leavingErrors: string[];
}

export const PAGE_STATE = `({
  isolated: self.crossOriginIsolated === true,
  sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
  controlled: document.documentElement.dataset.controlled ?? '',
  offline: document.documentElement.dataset.offline ?? '',
})`;

/**
 * Sends a shared WebAssembly.Memory to a Worker and reads it there: "shared", or what failed
 * (an expression giving a promise). A shared memory and a SharedArrayBuffer travel alike.
 */
export const SHARING = `new Promise((resolve) => {
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    new Int32Array(memory.buffer)[0] = 42;
    const worker = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(new Int32Array(e.data.buffer)[0])'], { type: 'text/javascript' })));
    worker.onmessage = (e) => { worker.terminate(); resolve(e.data === 42 ? 'shared' : 'read ' + e.data); };
    worker.onerror = (e) => resolve('the Worker failed: ' + e.message);
    worker.postMessage(memory);
  } catch (error) {
    resolve(String(error));
  }
})`;

/** A digest (two 32-bit FNV-1a hashes and the length) of the shown network's weights and biases as JSON, which keeps every float's exact value. */
export const WEIGHTS_DIGEST = `(() => {
  const text = JSON.stringify(window.digitlab.network());
  let a = 0x811c9dc5, b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(text.length - 1 - i), 0x01000193) >>> 0;
  }
  return a.toString(16) + b.toString(16) + ':' + text.length;
})()`;

/** The text of an element (an expression), trimmed; '' when absent. */
export const textOf = (selector: string): string => `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').trim()`;

/** The Lab is loaded and has its model and test images. */
export const LAB_READY = 'document.body.dataset.ready === "true" && document.body.dataset.modelReady === "true"';
