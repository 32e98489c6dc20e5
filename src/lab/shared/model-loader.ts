import { Network } from '../../core/network.js';
import { type Model, parseModel } from '../../model/model-file.js';
import type { TrainingSettings } from '../../model/training-settings.js';

/**
 * Models for the pages and the embedded figures: a model file fetched once per URL (the
 * figures of one page that name the same file share it) and checked by the model format's
 * own parser; and a network rebuilt from a training snapshot's buffers.
 */
const cache = new Map<string, Promise<Model>>();

/** Fetches and checks the model file at `url` (relative to the page), once per absolute URL. */
export function loadModel(url: string): Promise<Model> {
  const absolute = new URL(url, document.baseURI).href;
  let model = cache.get(absolute);
  if (model === undefined) {
    model = fetch(absolute).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return parseModel(await response.json(), url);
    });
    cache.set(absolute, model);
    model.catch(() => cache.delete(absolute));
  }
  return model;
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
