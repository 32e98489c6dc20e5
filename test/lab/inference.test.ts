import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { Network, SEED_ARCHITECTURE } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { traceForward } from '../../src/core/trace.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { bulbBrightness, infer, networkAnswer, strongestConnections } from '../../src/lab/shared/inference.js';
import { loadModel } from '../../src/model/model-io.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('Lab inference (numbers for the network view)', () => {
  const net = Network.random({ sizes: [784, 16, 16, 10], activation: 'sigmoid', outputActivation: 'sigmoid' }, 'xavier', new Rng(3));
  const pixels = new Uint8Array(784);
  for (let i = 300; i < 330; i++) pixels[i] = 255;

  it('keeps every layer’s z and a, with a = σ(z) and the answer the brightest output', () => {
    const result = infer(net, pixels);
    assert.deepEqual(result.activations.map((a) => a.length), [784, 16, 16, 10]);
    for (let l = 1; l <= 3; l++) {
      result.weightedInputs[l].forEach((z, j) => assert.ok(Math.abs(1 / (1 + Math.exp(-z)) - result.activations[l][j]) < 1e-6));
    }
    const out = result.activations[3];
    assert.equal(out[result.answer], Math.max(...out));
  });

  it('keeps the strongest |w·a| per neuron, skipping zero inputs', () => {
    const result = infer(net, pixels);
    const { connections, maxByLayer } = strongestConnections(net, result, 4);
    const firstLayer = connections.filter((c) => c.layer === 0);
    assert.equal(firstLayer.length, 16 * 4);
    for (const c of firstLayer) assert.ok(c.from >= 300 && c.from < 330);
    const toNeuron0 = firstLayer.filter((c) => c.to === 0).map((c) => Math.abs(c.value));
    const all0 = Array.from({ length: 30 }, (_, i) => Math.abs(net.weights[0][300 + i])).sort((a, b) => b - a);
    assert.deepEqual(toNeuron0.sort((a, b) => b - a).map((v) => v.toFixed(6)), all0.slice(0, 4).map((v) => v.toFixed(6)));
    assert.equal(maxByLayer.length, 3);
    assert.equal(strongestConnections(net, result, Infinity).connections.filter((c) => c.layer === 1).length, 256);
  });

  it('lights bulbs in [0, 1], relative to the largest for unbounded activations', () => {
    assert.deepEqual(Array.from(bulbBrightness(new Float32Array([0, 0.5, 1]))), [0, 0.5, 1]);
    assert.deepEqual(Array.from(bulbBrightness(new Float32Array([0, 2, 4]))), [0, 0.5, 1]);
  });
});

describe('one answer for a drawing on every page', () => {
  it('networkAnswer is infer’s outputs and answer (what the Lab and the course both show)', () => {
    const net = Network.random({ sizes: [784, 16, 16, 10], activation: 'sigmoid', outputActivation: 'sigmoid' }, 'xavier', new Rng(5));
    const pixels = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
    const full = infer(net, pixels);
    const { outputs, answer } = networkAnswer(net, pixels);
    assert.deepEqual(Array.from(outputs), Array.from(full.activations[3]));
    assert.equal(answer, full.answer);
  });

  it('the course’s transparent float64 numbers agree with that answer: on all 10,000 test images, for the pretrained and an untrained network', async () => {
    const [{ test }, model] = await Promise.all([loadMnist(), loadModel(join(ROOT, 'models/pretrained.json'))]);
    const untrained = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(1));
    for (const net of [model.network, untrained]) {
      let largest = 0;
      for (let i = 0; i < test.count; i++) {
        const pixels = test.images.subarray(i * 784, (i + 1) * 784);
        const { outputs, answer } = networkAnswer(net, pixels);
        const traced = traceForward(net, Float64Array.from(pixels, (v) => v / 255)).activations[3];
        for (let j = 0; j < 10; j++) largest = Math.max(largest, Math.abs(traced[j] - outputs[j]));
        const brightest = traced.indexOf(Math.max(...traced));
        assert.equal(brightest, answer, `test image ${i}: the float64 pass's brightest output is the answer shown`);
      }
      assert.ok(largest < 1e-6, `outputs agree to float32's precision: largest difference ${largest}`);
    }
  });
});
