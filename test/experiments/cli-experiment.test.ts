import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveModel } from '../../src/model/model-io.js';
import { runCli } from '../cli/run-cli.js';
import { trainSmallModel } from './fixtures.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-experiment-'));
const modelFile = join(dir, 'model.json');
await saveModel(modelFile, await trainSmallModel());

/** Small settings for each experiment, and the PNGs it must write. */
const CASES: [string, string[], string[]][] = [
  ['noise', ['--model', modelFile, '--count', '100'], ['confidence.png', 'answers.png', 'examples.png']],
  ['fool', ['--model', modelFile], ['fool.png', 'outputs.png']],
  ['mistakes', ['--model', modelFile, '--show', '8'], ['mistakes.png']],
  ['neuron-inputs', ['--model', modelFile, '--steps', '20'], ['layer1.png', 'layer2.png']],
  ['shuffled-labels', ['--train-count', '200', '--test-count', '500', '--layers', '784,32,10', '--epochs', '2'], ['cost.png', 'accuracy.png']],
  ['activations', ['--train-count', '1000', '--epochs', '2'], ['cost.png', 'accuracy.png']],
];

for (const [name, args, pngs] of CASES) {
  test(`experiment ${name} --json prints its result object and writes result.json and PNGs`, async () => {
    const out = join(dir, name);
    const r = runCli(['experiment', name, ...args, '--out', out, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.equal(result.experiment, name);
    for (const f of ['result.json', ...pngs]) await access(join(out, f));
    const human = runCli(['experiment', name, ...args, '--out', out]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /wrote .*result\.json/);
    assert.doesNotMatch(human.stdout, /\b[SB][0-9]{1,2}\b/, 'no specification codes in what the user reads');
  });
}

test('experiment with a missing model says how to get one', () => {
  const r = runCli(['experiment', 'noise', '--model', join(dir, 'nope.json'), '--out', join(dir, 'x')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nope\.json: cannot read the model file/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('experiment activations --sweep writes the sweep table and picks a rate per activation on the validation split', async () => {
  const out = join(dir, 'sweep');
  // Without --epochs: the comparison's 10 epochs, and each activation's own initial weights.
  const r = runCli(['experiment', 'activations', '--sweep', '--rates', '0.3,10', '--seeds', '1', '--train-count', '600', '--out', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.experiment, 'activations-sweep');
  assert.deepEqual(result.sweeps.map((s: { activation: string }) => s.activation), ['sigmoid', 'relu']);
  assert.deepEqual(result.sweeps.map((s: { init: string; epochs: number }) => [s.init, s.epochs]), [['xavier', 10], ['he', 10]]);
  for (const s of result.sweeps) {
    assert.equal(s.validationCount, 100);
    assert.deepEqual(s.points.map((p: { learningRate: number }) => p.learningRate), [0.3, 10]);
  }
  for (const f of ['sweep.json', 'sweep.png']) await access(join(out, f));
  const bad = runCli(['experiment', 'activations', '--sweep', '--rates', '0.3,x']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--rates/);
});
