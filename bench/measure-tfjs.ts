// Child process of the benchmark: trains the seed's task with TensorFlow.js on its
// WebAssembly backend and prints one JSON line (see EpochMeasurement in measurement.ts).
//
// Same task as digitlab's: 784-16-16-10, sigmoid everywhere, the same initial weights
// (digitlab's N(0,1) draw from the same seed), mini-batch SGD with batch 100 and the same
// learning rate, examples shuffled every epoch, and the source document's cost
// C = mean over the batch of Σ_j (a_j − y_j)² — no ½ and a sum over the outputs, which is
// 10× tf.losses.meanSquaredError, so the loss is written out.
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { Network } from '../src/core/network.js';
import { Rng } from '../src/core/rng.js';
import { loadMnist } from '../src/data/idx-dir.js';
import { SEED_SETTINGS } from '../src/train/settings.js';
import { median, parseChildArgs, peakRssMB, type EpochMeasurement } from './measurement.js';

const { epochs, warmupEpochs } = parseChildArgs(process.argv.slice(2));
const require = createRequire(import.meta.url);
setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
await tf.setBackend('wasm');
await tf.ready();

const s = SEED_SETTINGS;
const { train, test } = await loadMnist();
const size = train.rows * train.cols;
const toTensors = (images: Uint8Array, labels: Uint8Array, count: number): [tf.Tensor2D, tf.Tensor2D] => {
  const x = new Float32Array(count * size);
  for (let i = 0; i < x.length; i++) x[i] = images[i] / 255;
  return [tf.tensor2d(x, [count, size]), tf.oneHot(tf.tensor1d(labels.subarray(0, count), 'int32'), 10).toFloat() as tf.Tensor2D];
};
const [xTrain, yTrain] = toTensors(train.images, train.labels, train.count);
const [xTest] = toTensors(test.images, test.labels, test.count);

const start = Network.random(s, s.init, new Rng(s.seed));
const model = tf.sequential();
for (let l = 0; l < start.layerCount; l++) {
  model.add(tf.layers.dense({ units: start.sizes[l + 1], activation: 'sigmoid', inputShape: l === 0 ? [start.sizes[0]] : undefined }));
}
// digitlab's weights[l] is (out × in) row-major; a Keras kernel is (in × out).
model.setWeights(start.weights.flatMap((w, l) => {
  const nIn = start.sizes[l];
  const nOut = start.sizes[l + 1];
  const kernel = new Float32Array(nIn * nOut);
  for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) kernel[k * nOut + j] = w[j * nIn + k];
  return [tf.tensor2d(kernel, [nIn, nOut]), tf.tensor1d(start.biases[l])];
}));
const quadraticCost = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor => tf.mean(tf.sum(tf.squaredDifference(yPred, yTrue), -1));
model.compile({ optimizer: tf.train.sgd(s.learningRate), loss: quadraticCost });

const epochSeconds: number[] = [];
for (let e = 0; e < warmupEpochs + epochs; e++) {
  const t0 = performance.now();
  await model.fit(xTrain, yTrain, { batchSize: s.batchSize, epochs: 1, shuffle: true, verbose: 0 });
  if (e >= warmupEpochs) epochSeconds.push((performance.now() - t0) / 1000);
}
const predicted = tf.tidy(() => (model.predict(xTest) as tf.Tensor).argMax(-1).dataSync());
let right = 0;
for (let i = 0; i < test.count; i++) if (predicted[i] === test.labels[i]) right++;

const result: EpochMeasurement = {
  name: `TF.js ${tf.version.tfjs} (${tf.getBackend()} backend)`,
  epochSeconds,
  secondsPerEpoch: median(epochSeconds),
  testAccuracy: right / test.count,
  epochsTrained: warmupEpochs + epochs,
  peakRssMB: peakRssMB(),
};
process.stdout.write(JSON.stringify(result) + '\n');
