import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parameterCount } from '../../src/core/network.js';
import { LAB_LIMITS } from '../../src/lab/shared/setting-limits.js';
import { SETTING_LIMITS } from '../../src/model/setting-limits.js';
import { resolveSettings } from '../../src/train/settings.js';

/** Whether the CLI's settings layer takes `partial`. */
const accepts = (partial: Parameters<typeof resolveSettings>[0]): boolean => {
  try {
    resolveSettings(partial);
    return true;
  } catch {
    return false;
  }
};

describe('the Lab’s setting limits are the CLI’s (narrowed for a browser tab, never wider)', () => {
  it('every boundary value the Lab accepts, the CLI’s settings accept', () => {
    const L = LAB_LIMITS;
    for (const lr of [L.learningRate.max, 1e-9]) assert.ok(accepts({ learningRate: lr }), `lr ${lr}`);
    for (const batchSize of [L.batchSize.min, L.batchSize.max]) assert.ok(accepts({ batchSize }), `batch ${batchSize}`);
    for (const seed of [L.seed.min, L.seed.max]) assert.ok(accepts({ seed }), `seed ${seed}`);
    for (const l2 of [L.l2.min, L.l2.max]) assert.ok(accepts({ l2 }), `l2 ${l2}`);
    for (const dropout of [L.dropout.min, L.dropout.max]) assert.ok(accepts({ dropout }), `dropout ${dropout}`);
    const widest = Array.from({ length: L.hiddenLayers.max }, () => 1);
    assert.ok(accepts({ sizes: [784, ...widest, 10] }));
    assert.ok(accepts({ sizes: [784, L.layerSize.max, 10] }));
    assert.ok(L.parameters.max >= parameterCount([784, 800, 800, 10]));
  });

  it('each Lab limit lies within the one set of limits', () => {
    const S = SETTING_LIMITS;
    for (const [lab, all] of [[LAB_LIMITS.learningRate, S.learningRate], [LAB_LIMITS.batchSize, S.batchSize], [LAB_LIMITS.seed, S.seed], [LAB_LIMITS.l2, S.l2], [LAB_LIMITS.dropout, S.dropout], [LAB_LIMITS.layerSize, S.layerSize]] as const) {
      assert.ok(lab.min >= all.min && lab.max <= all.max, `${all.label}: ${lab.min}–${lab.max} within ${all.min}–${all.max}`);
    }
    assert.equal(LAB_LIMITS.dropout.max, 0.99, 'dropout capped as the CLI caps it');
  });

  it('where the Lab keeps the CLI’s own limit, the CLI refuses just beyond it too', () => {
    const L = LAB_LIMITS;
    assert.ok(!accepts({ learningRate: L.learningRate.min }), 'η = 0');
    assert.ok(!accepts({ learningRate: L.learningRate.max * 1.001 }), 'η beyond the maximum');
    assert.ok(!accepts({ seed: L.seed.max + 1 }));
    assert.ok(!accepts({ seed: L.seed.min - 1 }));
    assert.ok(!accepts({ batchSize: L.batchSize.min - 1 }));
    assert.ok(!accepts({ l2: L.l2.min - 1e-9 }));
    assert.ok(!accepts({ dropout: L.dropout.min - 1e-9 }));
    assert.ok(!accepts({ sizes: [784, L.layerSize.min - 1, 10] }));
  });
});
