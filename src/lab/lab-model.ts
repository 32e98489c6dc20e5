import { Network } from '../core/network.js';
import { type Model, parseModel } from '../model/model-file.js';
import type { TrainingSettings } from '../train/settings.js';
import type { Snapshot } from './worker-protocol.js';

/** Fetches and checks the shipped pretrained model (models/pretrained.json, copied next to the page). */
export async function loadPretrained(url: string): Promise<Model> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return parseModel(await response.json(), url);
}

/** A network holding a training snapshot's parameters, with the run's activations. */
export function networkFromSnapshot(snapshot: Snapshot, settings: TrainingSettings): Network {
  const net = new Network({ sizes: snapshot.sizes, activation: settings.activation, outputActivation: settings.outputActivation });
  snapshot.weights.forEach((w, l) => net.weights[l].set(w));
  snapshot.biases.forEach((b, l) => net.biases[l].set(b));
  return net;
}

/** The symbol of a layer's activation for formulas: σ, ReLU, tanh or softmax. */
export function activationSymbol(net: Network, layer: number): string {
  const name = layer < net.layerCount ? net.activation : net.outputActivation;
  return name === 'sigmoid' ? 'σ' : name === 'relu' ? 'ReLU' : name;
}
