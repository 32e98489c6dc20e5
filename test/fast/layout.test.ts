// The memory layout has one definition (src/fast/layout-table.ts), compiled into the kernels and
// imported by the JavaScript plan (src/fast/layout.ts). This checks the compiled kernels read
// every field where the plan wrote it: each header and layer field read back through the
// kernels' own accessors (`layoutField`) equals the plan's value, for a narrow and a wide plan.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as T from '../../src/fast/layout-table.js';
import { instantiateKernels } from '../../src/fast/kernels.js';
import { planMemory, writeLayout, ensureMemory, type PlanSettings } from '../../src/fast/layout.js';
import { loadKernelsModule } from '../../src/fast/node.js';

const LAYER_FIELDS = {
  L_IN: 'nIn', L_OUT: 'nOut', L_STRIDE: 'stride', L_W: 'weights', L_B: 'biases', L_GW: 'weightGradients', L_GB: 'biasGradients',
  L_Z: 'weightedInputs', L_A: 'activations', L_D: 'deltas', L_S1W: 'state1Weights', L_S1B: 'state1Biases', L_S2W: 'state2Weights',
  L_S2B: 'state2Biases', L_SPLIT: 'split', L_NONZERO: 'nonZero', L_MASK: 'masks',
} as const;

function settings(sizes: number[]): PlanSettings {
  return { sizes, activation: 'relu', outputActivation: 'softmax', cost: 'cross-entropy', optimizer: 'adam', l2: 0.25, momentum: 0.9, beta1: 0.875, beta2: 0.999, epsilon: 1e-8, capacity: 500 };
}

describe('the layout table: one definition, read back through the kernels', () => {
  it('has a field name of the plan for every layer field of the table, and distinct offsets inside a record', () => {
    const offsets = Object.entries(T).filter(([name]) => name.startsWith('L_')).map(([name, offset]) => [name, offset as number] as const);
    assert.deepEqual(offsets.map(([name]) => name).sort(), Object.keys(LAYER_FIELDS).sort());
    const values = offsets.map(([, o]) => o);
    assert.equal(new Set(values).size, values.length);
    for (const o of values) assert.ok(o % 4 === 0 && o + 4 <= T.LAYER_BYTES, `offset ${o} inside a ${T.LAYER_BYTES}-byte record`);
    const header = Object.entries(T).filter(([name]) => name.startsWith('H_')).map(([, o]) => o as number);
    assert.equal(new Set(header).size, header.length);
    for (const o of header) assert.ok(o % 4 === 0 && o + 4 <= T.HEADER_BYTES);
  });
  for (const sizes of [[784, 16, 16, 10], [784, 512, 256, 10]]) {
    it(`${sizes.join('-')}: every field the kernels read is the plan's`, async () => {
      const kernels = instantiateKernels(await loadKernelsModule());
      const s = settings(sizes);
      const plan = planMemory(s, kernels.heapBase());
      ensureMemory(kernels.memory, plan.end);
      writeLayout(kernels.memory, plan, s);
      kernels.setLayout(plan.table);
      const f32 = (bits: number): number => new Float32Array(new Int32Array([bits]).buffer)[0];
      assert.equal(kernels.layoutField(-1, T.H_LAYERS), sizes.length - 1);
      assert.equal(kernels.layoutField(-1, T.H_HIDDEN), T.ACT_RELU);
      assert.equal(kernels.layoutField(-1, T.H_OUTPUT), T.ACT_SOFTMAX);
      assert.equal(kernels.layoutField(-1, T.H_COST), T.COST_CROSS_ENTROPY);
      assert.equal(kernels.layoutField(-1, T.H_OPTIMIZER), T.OPT_ADAM);
      assert.equal(kernels.layoutField(-1, T.H_LUT), plan.lut);
      assert.equal(kernels.layoutField(-1, T.H_PREDICTIONS), plan.predictions);
      assert.equal(kernels.layoutField(-1, T.H_BATCH_STARTS), plan.batchStarts);
      assert.equal(kernels.layoutField(-1, T.H_BATCH_ENTRIES), plan.batchEntries);
      assert.equal(f32(kernels.layoutField(-1, T.H_L2)), 0.25);
      assert.equal(f32(kernels.layoutField(-1, T.H_BETA1)), 0.875);
      plan.layers.forEach((layer, l) => {
        for (const [field, name] of Object.entries(LAYER_FIELDS)) {
          assert.equal(kernels.layoutField(l, T[field as keyof typeof LAYER_FIELDS]), layer[name], `layer ${l} ${name}`);
        }
      });
      assert.equal(plan.wide, sizes[1] > 16);
    });
  }
});
