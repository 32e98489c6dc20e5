import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DigitlabError } from '../../src/errors.js';
import { loadCheckpoint } from '../../src/train/checkpoint-file.js';
import { prepareRun } from '../../src/train/run-plan.js';
import { CLI, runCli } from './run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-paths-'));
const readOnly = join(dir, 'read-only.json');
await writeFile(readOnly, 'keep me\n');
await chmod(readOnly, 0o444);
const aFile = join(dir, 'a-file');
await writeFile(aFile, 'x');
await mkdir(join(dir, 'a-folder'));

/** Bad model-file paths, and the problem each must be refused with. */
const BAD_FILES: [string, string, RegExp][] = [
  ['a missing folder', join(dir, 'missing', 'm.json'), /the folder .*missing does not exist/],
  ['a folder given as the file', join(dir, 'a-folder'), /is a folder, not a file/],
  ['an empty name', '', /--out "": the file name is empty/],
  ['a read-only file', readOnly, /read-only\.json: is read-only/],
  ['a path through a file', join(aFile, 'm.json'), /is a file, not a folder/],
  ['a name ending in a slash', join(dir, 'new') + '/', /names a folder/],
  ['a folder that takes no files (/proc)', '/proc/m.json', /the folder \/proc cannot take new files/],
];

test('train refuses every bad --out and --checkpoint before the first epoch: one line, exit 1, with the full data in under 2 s', async () => {
  // Startup cost of the command on this machine now (the fastest of three), so that a busy
  // machine does not fail the test; each refusal is timed as the fastest of two tries.
  const timed = (args: string[]): { r: ReturnType<typeof runCli>; ms: number } => {
    const t = performance.now();
    const r = runCli(args);
    return { r, ms: performance.now() - t };
  };
  const startup = Math.min(...[0, 1, 2].map(() => timed(['train', '--help']).ms));
  for (const [label, out, pattern] of BAD_FILES) {
    const tries = [timed(['train', '--out', out]), timed(['train', '--out', out])];
    const { r } = tries[0];
    const seconds = (Math.min(...tries.map((t) => t.ms)) - startup) / 1000;
    assert.equal(r.code, 1, label);
    assert.match(r.stderr, /^digitlab: --out /, label);
    assert.match(r.stderr, pattern, label);
    assert.equal(r.stderr.trim().split('\n').length, 1, `${label}: one line, no training: ${r.stderr}`);
    assert.ok(seconds <= 2, `${label}: refused after ${seconds.toFixed(2)} s beyond startup`);
  }
  assert.equal(await readFile(readOnly, 'utf8'), 'keep me\n', 'the read-only file is untouched');
  const fresh = join(dir, 'fresh.json');
  const checkpointBad = runCli(['train', '--out', fresh, '--checkpoint', join(dir, 'a-folder')]);
  assert.match(checkpointBad.stderr, /^digitlab: --checkpoint .*a-folder: is a folder, not a file\n$/);
  await assert.rejects(stat(fresh), 'the check creates no model file');
  const same = runCli(['train', '--out', fresh, '--checkpoint', fresh]);
  assert.match(same.stderr, /^digitlab: --checkpoint .*fresh\.json: is also the model file \(--out\); give them different names\n$/);
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.probe')), [], 'no probe file left behind');
});

test('the run layer refuses a bad output path before it reads any data (in-process, timed)', async () => {
  for (const [label, out, pattern] of BAD_FILES) {
    const t = performance.now();
    await assert.rejects(prepareRun({ out }), (e: unknown) => e instanceof DigitlabError && pattern.test(e.message), label);
    const seconds = (performance.now() - t) / 1000;
    assert.ok(seconds <= 2, `${label}: ${seconds.toFixed(3)} s`);
  }
});

test('experiment and explain refuse a bad --out before any work', () => {
  const cases: [string[], RegExp][] = [
    [['experiment', 'noise', '--out', aFile], /--out .*a-file: is a file, not a folder/],
    [['experiment', 'noise', '--out', join(aFile, 'sub')], /part of the path .*a-file\/sub is a file, not a folder/],
    [['experiment', 'shuffled-labels', '--out', ''], /--out "": the folder name is empty/],
    [['explain', 'nudges', '--out', aFile], /is a file, not a folder/],
    [['explain', 'sgd-path', '--out', '/proc/figures'], /the folder \/proc cannot take new files/],
  ];
  for (const [args, pattern] of cases) {
    const r = runCli(args);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, pattern, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('a checkpoint write failing mid-run (read-only file swapped in) keeps the last good checkpoint, saves the model so far, says so in one line', async () => {
  // The first checkpoint appears by an atomic rename into its folder: watched (inotify), not polled.
  const folder = await mkdtemp(join(dir, 'swap-'));
  const checkpoint = join(folder, 'swap.ckpt.json');
  const out = join(dir, 'swap.json');
  let markWritten = (): void => {};
  const written = new Promise<void>((resolve) => (markWritten = resolve));
  const watcher = watch(folder, (_event, name) => {
    if (name === basename(checkpoint) && existsSync(checkpoint)) markWritten();
  });
  const child = spawn(process.execPath, [CLI, 'train', '--limit', '20000', '--epochs', '6', '--backend', 'reference', '--out', out, '--checkpoint', checkpoint], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const code = new Promise<number | null>((resolve) => child.on('close', resolve));
  // As soon as the first checkpoint is on disk, make the file read-only: the next save must fail.
  // Should the run end first, the wait ends with it (and the assertions below say why).
  await Promise.race([written, code]);
  watcher.close();
  assert.ok(existsSync(checkpoint), `the run ended before its first checkpoint: ${stderr}`);
  await chmod(checkpoint, 0o444);
  assert.equal(await code, 1, stderr);
  const last = stderr.trim().split('\n').at(-1) ?? '';
  assert.match(last, /^digitlab: .*swap\.ckpt\.json: cannot save the checkpoint after epoch (\d+) \(it is read-only\); the last good checkpoint \(end of epoch (\d+)\) is kept; the model trained so far \((\d+) epochs, test accuracy [\d.]+ %\) is saved to .*swap\.json$/);
  const [, failedAt, keptAt, modelEpochs] = /after epoch (\d+).*end of epoch (\d+).*\((\d+) epochs/.exec(last) as RegExpExecArray;
  assert.equal(Number(keptAt), Number(failedAt) - 1);
  assert.equal(Number(modelEpochs), Number(failedAt));
  const kept = await loadCheckpoint(checkpoint);
  assert.equal(kept.state.epochsDone, Number(keptAt), 'the last good checkpoint, intact');
  const model = JSON.parse(await readFile(out, 'utf8'));
  assert.equal(model.metrics.epochs, Number(failedAt));
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
});
