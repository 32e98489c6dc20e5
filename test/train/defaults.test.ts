import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PartialSettings } from '../../src/model/training-settings.js';
import { widthScaledRate } from '../../src/train/defaults.js';
import { PRESETS, withPreset } from '../../src/train/presets.js';
import { resolveSettings, SEED_SETTINGS } from '../../src/train/settings.js';
import { runCli } from '../cli/run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-defaults-'));

test('the library resolves the defaults the CLI uses: He init for ReLU, η 0.001 for Adam, per activation and the width rule for SGD, a tenth for momentum', () => {
  const relu = resolveSettings({ activation: 'relu', optimizer: 'adam' });
  assert.equal(relu.init, 'he');
  assert.equal(relu.learningRate, 0.001);
  assert.equal(resolveSettings({ activation: 'tanh' }).init, 'xavier');
  assert.equal(resolveSettings({ activation: 'tanh' }).learningRate, 0.3);
  assert.equal(resolveSettings({ activation: 'relu' }).learningRate, 0.1);
  assert.equal(resolveSettings({ activation: 'relu', sizes: [784, 100, 10] }).learningRate, 0.1, 'ReLU: no width scaling (measured to 100)');
  assert.equal(resolveSettings({ optimizer: 'momentum' }).learningRate, 0.45);
  assert.equal(resolveSettings({ optimizer: 'momentum', activation: 'relu' }).learningRate, 0.01);
  assert.equal(resolveSettings({ sizes: [784, 100, 10] }).learningRate, 1.3);
  assert.equal(resolveSettings({ sizes: [784, 64, 64, 10] }).learningRate, 2);
  assert.equal(resolveSettings({ sizes: [784, 256, 10] }).learningRate, 0.5);
  // The source document's own network keeps its exact defaults.
  assert.deepEqual(resolveSettings({}), SEED_SETTINGS);
  assert.deepEqual(resolveSettings(PRESETS.seed.settings), SEED_SETTINGS);
  for (const w of [1, 8, 16, 28]) assert.equal(widthScaledRate([784, w, 10]), 4.5, `width ${w}`);
  // Explicit choices always win over a following default.
  assert.equal(resolveSettings({ activation: 'relu', init: 'xavier', optimizer: 'adam', learningRate: 0.01 }).init, 'xavier');
  assert.equal(resolveSettings({ sizes: [784, 100, 10], learningRate: 4.5 }).learningRate, 4.5);
});

test('digitlab train and resolveSettings make the same settings from the same partial input (the saved model carries them)', async () => {
  const cases: [string[], PartialSettings][] = [
    [[], {}],
    [['--activation', 'relu', '--optimizer', 'adam'], { activation: 'relu', optimizer: 'adam' }],
    [['--layers', '784,100,10'], { sizes: [784, 100, 10] }],
    [['--activation', 'tanh', '--cost', 'cross-entropy'], { activation: 'tanh', cost: 'cross-entropy' }],
    [['--preset', 'seed-best', '--optimizer', 'sgd'], withPreset('seed-best', { optimizer: 'sgd' })],
    [['--preset', 'seed', '--layers', '784,256,10'], withPreset('seed', { sizes: [784, 256, 10] })],
    [['--optimizer', 'momentum', '--activation', 'relu'], { optimizer: 'momentum', activation: 'relu' }],
  ];
  for (const [i, [args, partial]] of cases.entries()) {
    const out = join(dir, `m${i}.json`);
    const r = runCli(['train', ...args, '--epochs', '0', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const saved = JSON.parse(await readFile(out, 'utf8')) as { training: unknown };
    // Same values and the same field order: the same bytes in the model file.
    assert.equal(JSON.stringify(saved.training), JSON.stringify(resolveSettings({ ...partial, epochs: 0 })), args.join(' '));
  }
});
