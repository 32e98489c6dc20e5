import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type HiddenActivationName } from '../../src/core/activations.js';
import { backward, createGradients } from '../../src/core/backprop.js';
import { quadratic } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { Workspace } from '../../src/core/workspace.js';
import { chainCost, DEFAULT_CHAIN, explainChain } from '../../src/explain/chain.js';

test('every chain derivative equals its float64 central finite difference to ≤ 1e-6', () => {
  const rng = new Rng(7);
  const cases = [DEFAULT_CHAIN];
  for (let i = 0; i < 50; i++) {
    const u = (s: number): number => (rng.uniform() * 2 - 1) * s;
    const activation: HiddenActivationName = (['sigmoid', 'tanh'] as const)[i % 2];
    cases.push({ weights: [u(3), u(3), u(3)], biases: [u(2), u(2), u(2)], input: rng.uniform(), target: rng.uniform() < 0.5 ? 0 : 1, activation });
  }
  for (const c of cases) {
    const r = explainChain(c);
    assert.equal(r.derivatives.length, 7);
    assert.ok(r.maxDifference <= 1e-6, `max difference ${r.maxDifference} for ${JSON.stringify(c)}`);
  }
});

test('the chain spells out ∂C0/∂w(L) = a(L−1)·σ′(z(L))·2(a(L) − y) with the live numbers', () => {
  const r = explainChain(DEFAULT_CHAIN);
  const w3 = r.derivatives.find((d) => d.parameter === 'w3')!;
  const [n2, n3] = [r.neurons[1], r.neurons[2]];
  assert.deepEqual(w3.factors.map((f) => f.formula), ['a(2)', 'σ′(z(3))', '2(a(3) − y)']);
  assert.deepEqual(w3.factors.map((f) => f.value), [n2.a, n3.slope, 2 * (n3.a - DEFAULT_CHAIN.target)]);
  assert.equal(r.cost, chainCost(DEFAULT_CHAIN));
  // Earlier layers add one w·σ′ link per layer: w1 has 7 factors.
  assert.equal(r.derivatives.find((d) => d.parameter === 'w1')!.factors.length, 7);
});

test('the chain agrees with the engine\'s backprop on a 1-1-1-1 network', () => {
  const net = new Network({ sizes: [1, 1, 1, 1], activation: 'sigmoid', outputActivation: 'sigmoid' });
  const c = DEFAULT_CHAIN;
  c.weights.forEach((w, l) => (net.weights[l][0] = w));
  c.biases.forEach((b, l) => (net.biases[l][0] = b));
  const ws = Workspace.for(net, 1);
  ws.input[0] = c.input;
  forward(net, ws, 1);
  const grads = createGradients(net);
  // Label 0 makes the one-hot target of the single output y = 1 (= DEFAULT_CHAIN.target).
  backward(net, ws, [0], 1, quadratic, grads);
  const r = explainChain(c);
  for (let l = 1; l <= 3; l++) {
    const w = r.derivatives.find((d) => d.parameter === `w${l}`)!.analytic;
    const b = r.derivatives.find((d) => d.parameter === `b${l}`)!.analytic;
    assert.ok(Math.abs(grads.weights[l - 1][0] - w) < 1e-6, `w${l}`);
    assert.ok(Math.abs(grads.biases[l - 1][0] - b) < 1e-6, `b${l}`);
  }
});
