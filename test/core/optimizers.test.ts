import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGradients } from '../../src/core/backprop.js';
import { Network } from '../../src/core/network.js';
import { createOptimizer } from '../../src/core/optimizers.js';

function setup() {
  const net = new Network({ sizes: [2, 1], activation: 'sigmoid', outputActivation: 'sigmoid' });
  net.weights[0].set([1, -2]);
  net.biases[0].set([0.5]);
  const grads = createGradients(net);
  grads.weights[0].set([0.1, -0.3]);
  grads.biases[0].set([0.2]);
  return { net, grads };
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

test('sgd: θ ← θ − η(∇C + λw), biases without L2', () => {
  const { net, grads } = setup();
  createOptimizer({ name: 'sgd', learningRate: 0.5, l2: 0.1 }, net).step(net, grads, 0.5);
  assert.ok(close(net.weights[0][0], 1 - 0.5 * (0.1 + 0.1 * 1)));
  assert.ok(close(net.weights[0][1], -2 - 0.5 * (-0.3 + 0.1 * -2)));
  assert.ok(close(net.biases[0][0], 0.5 - 0.5 * 0.2));
});

test('momentum accumulates a velocity', () => {
  const { net, grads } = setup();
  const opt = createOptimizer({ name: 'momentum', learningRate: 0.1, momentum: 0.9 }, net);
  opt.step(net, grads, 0.1);
  opt.step(net, grads, 0.1);
  // v1 = −0.01, v2 = 0.9·v1 − 0.01 = −0.019; w = 1 − 0.029
  assert.ok(close(net.weights[0][0], 1 - 0.029));
  assert.equal(opt.getState().step, 2);
});

test('adam: the first step moves each parameter by η·sign(g)', () => {
  const { net, grads } = setup();
  createOptimizer({ name: 'adam', learningRate: 0.01 }, net).step(net, grads, 0.01);
  assert.ok(Math.abs(net.weights[0][0] - (1 - 0.01)) < 1e-5);
  assert.ok(Math.abs(net.weights[0][1] - (-2 + 0.01)) < 1e-5);
  assert.ok(Math.abs(net.biases[0][0] - (0.5 - 0.01)) < 1e-5);
});

test('optimizer state restores exactly', () => {
  const a = setup();
  const b = setup();
  const optA = createOptimizer({ name: 'adam', learningRate: 0.01 }, a.net);
  optA.step(a.net, a.grads, 0.01);
  const optB = createOptimizer({ name: 'adam', learningRate: 0.01 }, b.net);
  b.net.copyParametersFrom(a.net);
  optB.setState(optA.getState());
  optA.step(a.net, a.grads, 0.01);
  optB.step(b.net, b.grads, 0.01);
  assert.deepEqual(a.net.weights[0], b.net.weights[0]);
});
