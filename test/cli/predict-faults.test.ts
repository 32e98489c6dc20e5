import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadMnist } from '../../src/data/idx-dir.js';
import { writeGrayPng } from '../../src/data/png-node.js';
import { blankPngs, hostilePngs } from '../data/png-fixtures.js';
import { runCli } from './run-cli.js';

// The shipped model: predict needs a trained network, not a particular one.
const MODEL = new URL('../../models/pretrained.json', import.meta.url).pathname;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digitlab-predict-faults-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('predict on blank images (1×1, transparent, all white, all black, noise) warns in one line and still answers, marked meaningless', async () => {
  const blanks = Object.entries(blankPngs());
  const files: string[] = [];
  for (const [i, [, bytes]] of blanks.entries()) {
    files.push(join(dir, `blank-${i}.png`));
    await writeFile(files[i], bytes);
  }
  const human = runCli(['predict', '--model', MODEL, ...files]);
  assert.equal(human.code, 0, human.stderr);
  const warnings = human.stderr.trim().split('\n');
  assert.equal(warnings.length, blanks.length, human.stderr);
  for (const [i, [what]] of blanks.entries()) {
    assert.match(warnings[i], new RegExp(`^warning: ${files[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no ink in this \\d+×\\d+ image \\(.*\\); the answer below is meaningless$`), what);
    assert.match(human.stdout, new RegExp(`blank-${i}\\.png: \\d \\(meaningless: no ink\\)\\n(  \\d +\\d\\.\\d{3} .*\\n){10}`), `${what}: the answer and its ten confidences still printed`);
  }
  assert.match(warnings[0], /no ink in this 1×1 image \(one flat shade\)/);
  assert.match(warnings[blanks.length - 1], /no ink in this 100×100 image \(2\.4 % contrast, under the 10 % that counts as ink\)/);

  const json = runCli(['predict', '--model', MODEL, '--json', files[1]]);
  assert.equal(json.code, 0, json.stderr);
  const answer = JSON.parse(json.stdout);
  assert.equal(answer.hasInk, false);
  assert.equal(answer.inkContrast, 0);
  assert.match(answer.warning, /no ink in this 1×1 image/);
  assert.equal(answer.confidences.length, 10);
  assert.equal(answer.prediction, answer.confidences.indexOf(Math.max(...answer.confidences)));
});

test('predict on a real digit: no warning, hasInk true', async () => {
  const mnist = await loadMnist();
  const file = join(dir, 'digit.png');
  await writeGrayPng(file, Uint8Array.from(mnist.test.images.subarray(0, 784), (v) => 255 - v), 28, 28, 3);
  const r = runCli(['predict', '--model', MODEL, '--json', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.hasInk, true);
  assert.equal(answer.warning, undefined);
  assert.equal(answer.prediction, mnist.test.labels[0]);
});

test('predict on a PNG whose chunk claims 2 GiB (and other damaged PNGs): our one-line message naming the file, exit 1', async () => {
  const hostile = hostilePngs();
  for (const what of ['IDAT chunk claiming 2 GiB', 'wrong checksum', 'pixel data not deflate', 'palette index past the palette']) {
    const file = join(dir, 'broken.png');
    await writeFile(file, hostile[what].bytes);
    const r = runCli(['predict', '--model', MODEL, file]);
    assert.equal(r.code, 1, what);
    assert.equal(r.stdout, '', what);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${what}: ${r.stderr}`);
    assert.match(lines[0], /broken\.png: /, what);
    assert.match(lines[0], hostile[what].message, what);
    assert.doesNotMatch(lines[0], /waitng|read requests|unrecognised|at .*\.js/, what);
  }
});
