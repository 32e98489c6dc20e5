import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROBE_COST, PROBE_EVERY, ThreadChoice } from '../../src/fast/thread-choice.js';

/** Runs `batches` batches of one kind whose times each way are `two()` and `one()` ms; returns which ways were taken. */
function simulate(choice: ThreadChoice, batches: number, two: () => number, one: () => number): boolean[] {
  const ways: boolean[] = [];
  for (let i = 0; i < batches; i++) {
    const useTwo = choice.useTwo('0 100');
    choice.record('0 100', useTwo, useTwo ? two() : one());
    ways.push(useTwo);
  }
  return ways;
}

test('thread choice: two threads first, one thread timed at the first probe', () => {
  const ways = simulate(new ThreadChoice(), PROBE_EVERY, () => 3, () => 6);
  assert.deepEqual(ways.map((w, i) => [i + 1, w]).filter(([, w]) => !w), [[PROBE_EVERY, false]]);
});

test('thread choice: when two threads are far faster, the probes of one thread cost about PROBE_COST of the time', () => {
  const choice = new ThreadChoice();
  const ways = simulate(choice, 5000, () => 3.4, () => 6.2);
  const probes = ways.filter((w) => !w).length;
  const extra = probes * (6.2 - 3.4);
  assert.ok(extra <= 1.1 * PROBE_COST * 5000 * 3.4, `probes cost ${extra.toFixed(1)} ms of ${5000 * 3.4} (${probes} probes)`);
  assert.ok(probes >= 40, `still probing (${probes} in 5000 batches)`);
});

test('thread choice: when the two ways are close, a probe every PROBE_EVERY batches; when one thread becomes faster, it is taken', () => {
  const choice = new ThreadChoice();
  const close = simulate(choice, 400, () => 3.4, () => 3.5);
  assert.equal(close.filter((w) => !w).length, 400 / PROBE_EVERY);
  // The machine gets busy: two threads now wait on each other at every stage.
  const busy = simulate(choice, 400, () => 9, () => 5);
  assert.ok(busy.slice(-200).filter((w) => !w).length >= 190, 'mostly one thread once it is faster');
  assert.ok(busy.slice(-200).some((w) => w), 'two threads still probed');
});
