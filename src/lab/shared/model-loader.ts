import { Network } from '../../core/network.js';
import { type Model, parseModel } from '../../model/model-file.js';
import type { TrainingSettings } from '../../model/training-settings.js';

/**
 * The one way the browser gets a model file — on a page, in an embedded figure and in a
 * Worker alike: fetched once per absolute URL (the figures of one page that name the same file
 * share it, and a Worker's jobs share its one download) and checked by the model format's own
 * parser. Also: a network rebuilt from a training snapshot's buffers.
 */
const cache = new Map<string, Promise<Model>>();

/** The pretrained model's file name: it sits in the site's root folder. */
export const PRETRAINED_FILE = 'pretrained.json';

/** The pretrained model's absolute URL in the site whose root is `root` (`siteRoot()`, which a page passes to its Workers). */
export function pretrainedUrl(root: string): string {
  return new URL(PRETRAINED_FILE, root).href;
}

/** What relative URLs are read against: the page's base, or in a Worker (no document) its script's address. */
function baseUrl(): string {
  return typeof document === 'undefined' ? globalThis.location.href : document.baseURI;
}

/**
 * Fetches and checks the model file at `url` (absolute, or relative to the page or the
 * Worker), once per absolute URL; `name` names it in an error (default: `url` as given).
 */
export function loadModel(url: string, name = url): Promise<Model> {
  const absolute = new URL(url, baseUrl()).href;
  let model = cache.get(absolute);
  if (model === undefined) {
    model = fetch(absolute).then(async (response) => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return parseModel(await response.json(), name);
    });
    cache.set(absolute, model);
    model.catch(() => cache.delete(absolute));
  }
  return model;
}

/** The pretrained model of the site at `root`. */
export function loadPretrained(root: string): Promise<Model> {
  return loadModel(pretrainedUrl(root), PRETRAINED_FILE);
}

/** A run's parameters at one moment (buffers transferred from the Worker, not copied). */
export interface Snapshot {
  readonly sizes: readonly number[];
  readonly weights: Float32Array[];
  readonly biases: Float32Array[];
}

/** A network holding a training snapshot's parameters, with the run's activations. */
export function networkFromSnapshot(snapshot: Snapshot, settings: Pick<TrainingSettings, 'activation' | 'outputActivation'>): Network {
  const net = new Network({ sizes: snapshot.sizes, activation: settings.activation, outputActivation: settings.outputActivation });
  snapshot.weights.forEach((w, l) => net.weights[l].set(w));
  snapshot.biases.forEach((b, l) => net.biases[l].set(b));
  return net;
}
