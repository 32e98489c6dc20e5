import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/core/rng.js';

test('the same seed gives the same stream; different seeds differ', () => {
  const a = new Rng(1);
  const b = new Rng(1);
  const c = new Rng(2);
  const sa = Array.from({ length: 100 }, () => a.nextUint32());
  const sb = Array.from({ length: 100 }, () => b.nextUint32());
  const sc = Array.from({ length: 100 }, () => c.nextUint32());
  assert.deepEqual(sa, sb);
  assert.ok(sa.filter((x, i) => x === sc[i]).length < 3);
});

test('uniform numbers fill [0, 1) evenly and normals have mean 0, variance 1', () => {
  const rng = new Rng(42);
  const n = 200_000;
  const bins = new Array(10).fill(0);
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    assert.ok(u >= 0 && u < 1);
    bins[Math.floor(u * 10)]++;
    const z = rng.normal();
    sum += z;
    sq += z * z;
  }
  for (const b of bins) assert.ok(Math.abs(b - n / 10) < 0.02 * n / 10 * 5, `bin ${b}`);
  assert.ok(Math.abs(sum / n) < 0.01);
  assert.ok(Math.abs(sq / n - 1) < 0.02);
});

test('int(n) stays in range and shuffle is a permutation', () => {
  const rng = new Rng(3);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) {
    const k = rng.int(7);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 7);
    seen.add(k);
  }
  assert.equal(seen.size, 7);
  const items = Uint32Array.from({ length: 1000 }, (_, i) => i);
  rng.shuffle(items);
  assert.notDeepEqual(Array.from(items), Array.from({ length: 1000 }, (_, i) => i));
  assert.deepEqual(Array.from(items).sort((x, y) => x - y), Array.from({ length: 1000 }, (_, i) => i));
});

test('a saved state resumes the identical stream', () => {
  const rng = new Rng(9);
  for (let i = 0; i < 17; i++) rng.normal();
  const state = rng.getState();
  const expected = Array.from({ length: 20 }, () => rng.uniform());
  const other = new Rng(123);
  other.setState(state);
  assert.deepEqual(Array.from({ length: 20 }, () => other.uniform()), expected);
  assert.throws(() => other.setState([1, 2, 3]), RangeError);
});
