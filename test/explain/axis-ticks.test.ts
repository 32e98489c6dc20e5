import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tickLabel, ticks } from '../../src/explain/axis-ticks.js';

test('ticks are nice multiples inside the range', () => {
  assert.deepEqual(ticks(0, 1), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
  assert.deepEqual(ticks(-3, 3).map((t) => tickLabel(t)), ['-3', '-2', '-1', '0', '1', '2', '3']);
  assert.deepEqual(ticks(0.13, 0.91).map((t) => tickLabel(t)), ['0.2', '0.4', '0.6', '0.8']);
  assert.deepEqual(ticks(0, 60_000), [0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
  assert.deepEqual(ticks(-2.5, 60_000), [0, 20_000, 40_000, 60_000]);
  // A step of 5 × 10^k when 2 × 10^k would give too many intervals.
  assert.deepEqual(ticks(0, 27, 6), [0, 5, 10, 15, 20, 25]);
});

test('every tick lies in [lo, hi], the count stays near the request, zero is exactly 0', () => {
  for (const [lo, hi] of [[-0.37, 1.9], [1e-6, 3e-6], [-1234, -56], [-0.1, 0.1], [0.5, 0.5000001]]) {
    const t = ticks(lo, hi);
    assert.ok(t.length >= 2 && t.length <= 13, `${lo}..${hi}: ${t.length} ticks`);
    for (const v of t) assert.ok(v >= lo - 1e-12 * Math.abs(lo) && v <= hi + 1e-9 * (hi - lo), `${v} outside ${lo}..${hi}`);
    for (let i = 1; i < t.length; i++) assert.ok(t[i] > t[i - 1]);
    if (lo < 0 && hi > 0) assert.ok(t.some((v) => Object.is(v, 0)), `${lo}..${hi}: zero is a tick, and +0`);
  }
});

test('an empty or non-finite range gives one tick or none, never an endless loop', () => {
  assert.deepEqual(ticks(2, 2), [2]);
  assert.deepEqual(ticks(3, 1), [3]);
  assert.deepEqual(ticks(0, Infinity), []);
  assert.deepEqual(ticks(NaN, 1), []);
});

test('tick labels drop trailing zeros and rounding noise', () => {
  assert.equal(tickLabel(0.30000000000000004), '0.3');
  assert.equal(tickLabel(1.23456, 3), '1.23');
  assert.equal(tickLabel(50_000), '50000');
});
