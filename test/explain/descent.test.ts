import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RUNS, descend, descentExplorable, findMinima } from '../../src/explain/descent.js';
import { CURVE, SURFACE } from '../../src/explain/landscapes.js';

test('landscape gradients match central finite differences', () => {
  const h = 1e-6;
  for (const w of [-8, -3.3, 0, 2.2, 7.9]) {
    const fd = (CURVE.value([w + h]) - CURVE.value([w - h])) / (2 * h);
    assert.ok(Math.abs(CURVE.gradient([w])[0] - fd) < 1e-6, `curve at ${w}`);
  }
  for (const [x, y] of [[-4, 3], [0.3, -1.2], [2, 1], [4.5, 4.5]]) {
    const g = SURFACE.gradient([x, y]);
    const fx = (SURFACE.value([x + h, y]) - SURFACE.value([x - h, y])) / (2 * h);
    const fy = (SURFACE.value([x, y + h]) - SURFACE.value([x, y - h])) / (2 * h);
    assert.ok(Math.abs(g[0] - fx) < 1e-6 && Math.abs(g[1] - fy) < 1e-6, `surface at ${x},${y}`);
  }
});

test('both landscapes have three local minima, each with zero slope', () => {
  for (const l of [CURVE, SURFACE]) {
    const minima = findMinima(l);
    assert.equal(minima.length, 3, l.name);
    for (const m of minima) assert.ok(Math.hypot(...l.gradient(m)) < 1e-6);
  }
});

test('a step is −η·∇C: the second point of a path is start − η·gradient', () => {
  const p = descend(SURFACE, [1, -2], 0.3, { maxSteps: 3 });
  const g = p.points[0].gradient;
  assert.deepEqual(p.points[1].point, [1 - 0.3 * g[0], -2 - 0.3 * g[1]]);
});

test('learning rates: too small crawls, right settles, too large diverges; starts decide the minimum', () => {
  const curve = descentExplorable(CURVE, [...DEFAULT_RUNS.curve.rates, ...DEFAULT_RUNS.curve.starts]);
  assert.equal(curve.paths[0].outcome, 'crawling');
  assert.equal(curve.paths[1].outcome, 'converged');
  // Overshooting costs many more steps than the right rate.
  assert.ok(curve.paths[2].points.length > 4 * curve.paths[1].points.length);
  const reached = new Set(curve.paths.slice(4).map((p) => p.minimum));
  assert.equal(reached.size, 3, 'the four starts end in all three valleys');
  const surface = descentExplorable(SURFACE, [...DEFAULT_RUNS.surface.rates, ...DEFAULT_RUNS.surface.starts]);
  assert.equal(surface.paths[0].outcome, 'crawling');
  assert.equal(surface.paths[1].outcome, 'converged');
  assert.equal(surface.paths[3].outcome, 'diverged');
  assert.equal(new Set(surface.paths.slice(4).map((p) => p.minimum)).size, 3);
  // Cost never rises along a converged path with a safe rate.
  const costs = surface.paths[1].points.map((p) => p.cost);
  for (let i = 1; i < costs.length; i++) assert.ok(costs[i] <= costs[i - 1] + 1e-12);
});
