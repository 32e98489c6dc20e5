import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DigitlabError } from '../../src/errors.js';
import { parseCheckpointText } from '../../src/train/checkpoint.js';
import { loadCheckpoint } from '../../src/train/checkpoint-file.js';
import { CLI, runCli } from './run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-checkpoint-'));

/**
 * Starts a real `digitlab train`, sends `signal` as soon as it reports that training has
 * begun (the trainer yields to the event loop every ~20 ms, so the signal lands early in
 * epoch 1), and resolves with its exit code and output.
 */
function trainAndInterrupt(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'train', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (!sent && /training \d/.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

for (const [label, backend, extra] of [
  ['reference backend', 'reference', ['--limit', '2000', '--batch', '10']],
  ['wasm backend', 'wasm', ['--batch', '10']],
  ['dropout, cosine schedule, augmentation, validation split', 'reference', ['--limit', '1500', '--batch', '10', '--dropout', '0.1', '--schedule', 'cosine', '--augment', 'affine', '--validation', '300']],
] as const) {
  test(`SIGINT mid-epoch, then --resume, gives the uninterrupted run's model byte for byte (${label})`, async () => {
    const args = ['--epochs', '2', '--seed', '7', '--optimizer', 'momentum', '--lr', '0.3', '--backend', backend, ...extra];
    const name = label.replace(/\W+/g, '-');
    const full = join(dir, `full-${name}.json`);
    const resumed = join(dir, `resumed-${name}.json`);
    const checkpoint = join(dir, `run-${name}.ckpt.json`);
    const straight = runCli(['train', ...args, '--out', full]);
    assert.equal(straight.code, 0, straight.stderr);

    const stopped = await trainAndInterrupt([...args, '--out', resumed, '--checkpoint', checkpoint], 'SIGINT');
    assert.equal(stopped.code, 130, stopped.stderr);
    assert.match(stopped.stderr, /SIGINT: stopped after epoch 1, mini-batch \d+; checkpoint saved to .*; continue with: digitlab train --resume/);
    const saved = await loadCheckpoint(checkpoint);
    assert.equal(saved.state.epochsDone, 0, 'stopped inside epoch 1');
    assert.ok(saved.state.batchesDone > 0, 'after at least one mini-batch');
    assert.equal(saved.backend, backend);
    await assert.rejects(readFile(resumed), 'no model file yet');

    // What a user types: the same command again (up-arrow) with --resume added.
    const again = runCli(['train', ...args, '--out', resumed, '--checkpoint', checkpoint, '--resume', checkpoint]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /resuming at epoch 1, mini-batch \d+/);
    assert.equal(await readFile(resumed, 'utf8'), await readFile(full, 'utf8'), 'byte-identical model files');
    const done = await loadCheckpoint(checkpoint);
    assert.equal(done.state.epochsDone, 2, 'the checkpoint is updated at the end of every epoch');
  });
}

test('SIGTERM also stops after the current mini-batch and saves the checkpoint', async () => {
  const checkpoint = join(dir, 'term.ckpt.json');
  const stopped = await trainAndInterrupt(['--limit', '3000', '--batch', '10', '--epochs', '1', '--backend', 'reference', '--out', join(dir, 'term.json'), '--checkpoint', checkpoint], 'SIGTERM');
  assert.equal(stopped.code, 143, stopped.stderr);
  assert.ok((await loadCheckpoint(checkpoint)).state.batchesDone > 0);
});

test('a diverging run leaves the previous model file byte-identical and keeps the last good checkpoint', async () => {
  const model = join(dir, 'good.json');
  const checkpoint = join(dir, 'diverge.ckpt.json');
  const good = runCli(['train', '--limit', '2000', '--epochs', '1', '--out', model]);
  assert.equal(good.code, 0, good.stderr);
  const before = await readFile(model);
  // η·λ = 10 > 2: weight decay overshoots and the weights grow ×9 per step until they overflow (epoch 3).
  const bad = runCli(['train', '--limit', '2000', '--epochs', '10', '--lr', '1', '--l2', '10', '--out', model, '--checkpoint', checkpoint]);
  assert.equal(bad.code, 1, bad.stderr);
  const message = bad.stderr.trim().split('\n').at(-1) ?? '';
  assert.match(message, /^digitlab: training diverged: the cost became (NaN|Infinity) at epoch 3, mini-batch \d+ of 20; the learning rate \(1\) times the L2 penalty \(10\)/);
  assert.match(message, /the last good checkpoint \(end of epoch 2\) is kept in .*diverge\.ckpt\.json; .*good\.json was not written/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
  assert.deepEqual(await readFile(model), before, 'the good model is untouched');
  const kept = await loadCheckpoint(checkpoint); // loading checks every parameter is finite
  assert.equal(kept.state.epochsDone, 2);
});

test('--resume refuses options that would change the run, and bad checkpoint files', async () => {
  const checkpoint = join(dir, 'small.ckpt.json');
  const r = runCli(['train', '--limit', '500', '--epochs', '1', '--out', join(dir, 'small.json'), '--checkpoint', checkpoint]);
  assert.equal(r.code, 0, r.stderr);
  const conflict = runCli(['train', '--resume', checkpoint, '--lr', '5']);
  assert.equal(conflict.code, 1);
  assert.match(conflict.stderr, /^digitlab: --resume .*small\.ckpt\.json: --lr 5 differs from the checkpoint's run \(lr 4\.5\); drop it to continue the run as it was, or train afresh without --resume\n$/);
  const tooFew = runCli(['train', '--resume', checkpoint, '--epochs', '0']);
  assert.equal(tooFew.code, 1);
  assert.match(tooFew.stderr, /already done 1 epochs/);
  const extended = runCli(['train', '--resume', checkpoint, '--epochs', '2', '--out', join(dir, 'small2.json')]);
  assert.equal(extended.code, 0, extended.stderr);

  const written = JSON.parse(await readFile(checkpoint, 'utf8'));
  assert.match(written.checksum, /^crc32:[0-9a-f]{8}$/, 'digitlab writes a checksum of the arrays');
  // The shape checks, on a file without a checksum (as one from elsewhere): each problem by name.
  const { checksum: _, ...doc } = written;
  const cases: [string, (d: any) => unknown, RegExp][] = [
    ['not JSON', () => '{', /not valid JSON/],
    ['a model file', () => ({ format: 'digitlab-model' }), /not a digitlab checkpoint/],
    ['future version', (d) => ({ ...d, version: 2 }), /unsupported checkpoint version 2/],
    ['bad rng', (d) => ({ ...d, rng: [1, 2, 3] }), /"rng"/],
    ['short order', (d) => ({ ...d, order: d.order.slice(8) }), /"order" must be/],
    ['order not a permutation', (d) => ({ ...d, order: Buffer.alloc(4 * 500).toString('base64') }), /not a permutation/],
    ['truncated weights', (d) => { d.network.weights[1] = d.network.weights[1].slice(4); return d; }, /"network\.weights\[1\]" must be/],
    ['NaN bias', (d) => { d.network.biases[0] = Buffer.from(new Float32Array(16).fill(NaN).buffer).toString('base64'); return d; }, /network\.biases\[0\]\[0\]" is NaN/],
    ['bad learning rate', (d) => { d.settings.learningRate = -1; return d; }, /"settings\.learningRate" must be a number > 0/],
    ['huge layers', (d) => { d.settings.sizes = [784, 100000, 100000, 10]; return d; }, /more than the 50,000,000 digitlab trains/],
    ['batch beyond the epoch', (d) => { d.progress.batchesDone = 10_000; return d; }, /progress\.batchesDone/],
    ['momentum buffers missing', (d) => ({ ...d, settings: { ...d.settings, optimizer: 'momentum' } }), /"optimizer\.buffers" must hold 6/],
    ['checksum not crc32', (d) => ({ ...d, checksum: 'md5:1234' }), /field "checksum" must be "crc32:" and 8 hexadecimal digits/],
    ['a truncated array under a checksum', (d) => { d.network.weights[1] = d.network.weights[1].slice(4); return { ...d, checksum: written.checksum }; }, /do not match the file's checksum/],
  ];
  for (const [name, mutate, pattern] of cases) {
    const mutated = mutate(structuredClone(doc));
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    assert.throws(() => parseCheckpointText(text, 'bad.ckpt.json'), (e: unknown) => {
      assert.ok(e instanceof DigitlabError, name);
      assert.match(e.message, /^bad\.ckpt\.json: /, name);
      assert.match(e.message, pattern, name);
      return true;
    });
  }
  // And through the command line: one line, exit code 1.
  const file = join(dir, 'bad.ckpt.json');
  await writeFile(file, JSON.stringify({ ...doc, rng: 'x' }));
  const bad = runCli(['train', '--resume', file]);
  assert.equal(bad.code, 1, bad.stderr);
  assert.match(bad.stderr, /^digitlab: bad\.ckpt\.json: field "rng" must be four unsigned 32-bit integers\n$/);
});

test('--resume with the run\'s own options resumes; each option that would change the run is refused, named with both values', async () => {
  const run = ['--limit', '600', '--epochs', '2', '--seed', '3', '--layers', '784,12,10', '--batch', '20'];
  const checkpoint = join(dir, 'same.ckpt.json');
  const out = join(dir, 'same.json');
  const first = runCli(['train', ...run, '--epochs', '1', '--out', out, '--checkpoint', checkpoint]);
  assert.equal(first.code, 0, first.stderr);
  const straight = runCli(['train', ...run, '--out', join(dir, 'same-straight.json')]);
  assert.equal(straight.code, 0, straight.stderr);
  // The original options, --epochs extended, plus the defaults written out: all equal to the run's.
  const resumed = runCli(['train', ...run, '--lr', '4.5', '--activation', 'sigmoid', '--preset', 'seed', '--out', out, '--checkpoint', checkpoint, '--resume', checkpoint]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /resuming at epoch 2, mini-batch 1/);
  assert.equal(await readFile(out, 'utf8'), await readFile(join(dir, 'same-straight.json'), 'utf8'), 'byte-identical to the uninterrupted run');

  const changed = runCli(['train', ...run, '--seed', '2', '--limit', '700', '--layers', '784,16,10', '--preset', 'seed-best', '--resume', checkpoint]);
  assert.equal(changed.code, 1);
  const line = changed.stderr.trim();
  assert.equal(line.split('\n').length, 1, line);
  assert.match(line, /--seed 2 differs from the checkpoint's run \(seed 3\)/);
  assert.match(line, /--layers 784,16,10 differs from the checkpoint's run \(layers 784,12,10\)/);
  assert.match(line, /--limit 700 differs from the checkpoint's run \(limit 600\)/);
  assert.match(line, /--preset seed-best differs from the checkpoint's run \(its activation relu, the run's sigmoid\)/);
  assert.doesNotMatch(line, /--batch|--epochs/, 'equal and extending options are not named');
  const data = runCli(['train', '--data', 'fashion', '--resume', checkpoint]);
  assert.match(data.stderr, /--data fashion differs from the checkpoint's run \(data MNIST\)/);
});
