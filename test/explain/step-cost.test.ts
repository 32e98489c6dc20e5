import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { quadratic } from '../../src/core/costs.js';
import type { Network } from '../../src/core/network.js';
import { traceExample } from '../../src/core/trace.js';
import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { imagePixels, trainingSetAverage } from '../../src/explain/nudges.js';
import { evenly, stepNeuron, WeightSweep } from '../../src/explain/step-cost.js';
import { loadModel } from '../../src/model/model-io.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const [mnist, model] = await Promise.all([loadMnist(), loadModel(join(ROOT, 'models/pretrained.json'))]);
const net = model.network;
const batch = takeFirst(mnist.train, 100);

/** The cost of the step network written out independently: every neuron 1 when z > 0, else 0. */
function stepCost(n: Network, images: typeof batch, count: number): number {
  let total = 0;
  for (let x = 0; x < count; x++) {
    let a = Array.from(imagePixels(images, x));
    for (let l = 0; l < n.layerCount; l++) {
      const nIn = n.sizes[l];
      a = Array.from({ length: n.sizes[l + 1] }, (_, j) => {
        let z = n.biases[l][j];
        for (let k = 0; k < nIn; k++) z += n.weights[l][j * nIn + k] * a[k];
        return stepNeuron(z);
      });
    }
    total += a.reduce((s, v, j) => s + (v - (j === images.labels[x] ? 1 : 0)) ** 2, 0);
  }
  return total / count;
}

test('at the network\'s own weight, the smooth cost is the engine\'s mean cost of the batch', () => {
  for (const weight of [{ layer: 3, neuron: 4, from: 7 }, { layer: 2, neuron: 0, from: 3 }, { layer: 1, neuron: 5, from: 406 }]) {
    const sweep = new WeightSweep(net, 'quadratic', batch, weight, 100);
    let expected = 0;
    for (let x = 0; x < 100; x++) expected += traceExample(net, quadratic, imagePixels(batch, x), batch.labels[x]).cost;
    expected /= 100;
    assert.ok(Math.abs(sweep.at(sweep.original, 'smooth') - expected) < 1e-12, `${JSON.stringify(weight)}`);
    assert.equal(sweep.original, net.weights[weight.layer - 1][weight.neuron * net.sizes[weight.layer - 1] + weight.from]);
  }
});

test('the step network\'s cost is the on/off network\'s, at the weight and moved by ±2', () => {
  for (const weight of [{ layer: 3, neuron: 2, from: 9 }, { layer: 1, neuron: 11, from: 378 }]) {
    const sweep = new WeightSweep(net, 'quadratic', batch, weight, 40);
    for (const shift of [0, 2, -2]) {
      const moved = net.clone();
      moved.weights[weight.layer - 1][weight.neuron * net.sizes[weight.layer - 1] + weight.from] = sweep.original + shift;
      // float32 in the copy: compare with the value it holds.
      const held = moved.weights[weight.layer - 1][weight.neuron * net.sizes[weight.layer - 1] + weight.from];
      assert.ok(Math.abs(sweep.at(held, 'step') - stepCost(moved, batch, 40)) < 1e-12, `shift ${shift}`);
    }
  }
});

test('the smooth slope is the gradient backpropagation computes; the staircase is flat almost everywhere', () => {
  const average = trainingSetAverage(net, 'quadratic', batch, 100);
  for (const weight of [{ layer: 3, neuron: 1, from: 5 }, { layer: 2, neuron: 7, from: 12 }]) {
    const sweep = new WeightSweep(net, 'quadratic', batch, weight, 100);
    const gradient = -average.weightNudges[weight.layer - 1][weight.neuron * net.sizes[weight.layer - 1] + weight.from];
    const slope = sweep.slope(sweep.original, 'smooth');
    assert.ok(Math.abs(slope - gradient) <= 1e-6 * Math.max(1e-3, Math.abs(gradient)), `${slope} vs ${gradient}`);
    const values = evenly(sweep.original - 6, sweep.original + 6, 121);
    const curves = sweep.curve(values);
    // The smooth curve has a slope nearly everywhere; the staircase's is 0 almost everywhere.
    const smoothFlat = values.filter((v) => sweep.slope(v, 'smooth') === 0).length;
    const stepFlat = values.filter((v) => sweep.slope(v, 'step') === 0).length;
    assert.ok(smoothFlat <= 2, `smooth flat at ${smoothFlat} points`);
    assert.ok(stepFlat >= 110, `step flat at only ${stepFlat} of 121 points`);
    // The staircase takes few levels, each a whole number of wrong outputs over 100 images.
    const levels = new Set(curves.step.map((c) => Math.round(c * 100)));
    assert.ok(levels.size <= 100, `${levels.size} levels`);
    for (const c of curves.step) assert.ok(Math.abs(c * 100 - Math.round(c * 100)) < 1e-9);
    assert.ok(new Set(curves.smooth).size > 100, 'the smooth curve changes at every value');
  }
});

test('a weight that does not exist is refused with its range', () => {
  assert.throws(() => new WeightSweep(net, 'quadratic', batch, { layer: 4, neuron: 0, from: 0 }), /layer must be from 1 to 3/);
  assert.throws(() => new WeightSweep(net, 'quadratic', batch, { layer: 3, neuron: 10, from: 0 }), /neuron must be from 0 to 9/);
  assert.throws(() => new WeightSweep(net, 'quadratic', batch, { layer: 1, neuron: 0, from: 784 }), /from must be from 0 to 783/);
});
