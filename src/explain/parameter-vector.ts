import { Network } from '../core/network.js';

/**
 * All of a network's weights and biases as one long vector (the network is one function
 * of its 13,002 parameters), in the order W¹, b¹, W², b², …. This is the space in which
 * gradient descent moves and in which the SGD-path explorable draws trajectories.
 */

/** The parameters of `net` as one vector. */
export function flattenParameters(net: Network, out = new Float32Array(net.parameterCount)): Float32Array {
  let o = 0;
  for (let l = 0; l < net.layerCount; l++) {
    out.set(net.weights[l], o);
    o += net.weights[l].length;
    out.set(net.biases[l], o);
    o += net.biases[l].length;
  }
  return out;
}

/** Splits a parameter vector back into per-layer weight and bias vectors (views, no copy). */
export function splitParameters(sizes: readonly number[], vector: Float64Array): { weights: Float64Array[]; biases: Float64Array[] } {
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  let o = 0;
  for (let l = 1; l < sizes.length; l++) {
    const nw = sizes[l] * sizes[l - 1];
    weights.push(vector.subarray(o, o + nw));
    o += nw;
    biases.push(vector.subarray(o, o + sizes[l]));
    o += sizes[l];
  }
  return { weights, biases };
}

/** A network like `shape` with the parameters of `vector` (rounded to float32). */
export function networkFromVector(shape: Network, vector: ArrayLike<number>): Network {
  const net = new Network(shape);
  let o = 0;
  for (let l = 0; l < net.layerCount; l++) {
    for (let i = 0; i < net.weights[l].length; i++) net.weights[l][i] = vector[o++];
    for (let i = 0; i < net.biases[l].length; i++) net.biases[l][i] = vector[o++];
  }
  return net;
}
