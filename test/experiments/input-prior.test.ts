import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/core/rng.js';
import { gaussianBlur, projectInk } from '../../src/experiments/input-prior.js';

test('projectInk is the Euclidean projection onto the box [0, 1] within an ink budget', () => {
  const rng = new Rng(5);
  const y = Float64Array.from({ length: 784 }, () => rng.normal() * 0.6 + 0.3);
  const x = Float64Array.from(y);
  projectInk(x, 50);
  const ink = x.reduce((s, v) => s + v, 0);
  assert.ok(Math.abs(ink - 50) < 1e-6, `on the budget: ${ink}`);
  assert.ok(x.every((v) => v >= 0 && v <= 1));
  // KKT: x_i = clip(y_i − τ, 0, 1) for one τ > 0, so every pixel strictly inside (0, 1) moved by the same τ.
  const inside = [...x.keys()].filter((i) => x[i] > 1e-9 && x[i] < 1 - 1e-9);
  const tau = y[inside[0]] - x[inside[0]];
  assert.ok(tau > 0);
  for (const i of inside) assert.ok(Math.abs(y[i] - x[i] - tau) < 1e-6);
  // No other point of the set is nearer: moving ink between two inside pixels only moves away.
  const dist = (p: Float64Array) => p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0);
  const moved = Float64Array.from(x);
  moved[inside[0]] -= 1e-3;
  moved[inside[1]] += 1e-3;
  assert.ok(dist(moved) > dist(x));
  // Under the budget only the box applies.
  const small = Float64Array.of(-0.5, 0.2, 1.7);
  projectInk(small, 10);
  assert.deepEqual([...small], [0, 0.2, 1]);
});

test('gaussianBlur keeps a flat image flat, spreads a dot symmetrically and smooths', () => {
  const flat = new Float64Array(28 * 28).fill(0.4);
  gaussianBlur(flat, 28, 28, 1);
  assert.ok(flat.every((v) => Math.abs(v - 0.4) < 1e-12));
  const dot = new Float64Array(28 * 28);
  dot[14 * 28 + 14] = 1;
  gaussianBlur(dot, 28, 28, 0.8);
  assert.ok(dot[14 * 28 + 14] < 1 && dot[14 * 28 + 14] > dot[14 * 28 + 15]);
  assert.ok(Math.abs(dot[14 * 28 + 13] - dot[14 * 28 + 15]) < 1e-15 && Math.abs(dot[13 * 28 + 14] - dot[14 * 28 + 15]) < 1e-15);
  assert.ok(Math.abs(dot.reduce((s, v) => s + v, 0) - 1) < 1e-9, 'ink kept away from the edges');
  const same = Float64Array.from(dot);
  gaussianBlur(same, 28, 28, 0);
  assert.deepEqual(same, dot);
});
