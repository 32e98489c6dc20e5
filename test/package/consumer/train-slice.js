// One epoch on the first 5,000 MNIST training images, tested on the first 1,000 test images:
// the same function in Node (node-train.js) and in the browser (web/train-worker.js), so the
// two can be compared bit for bit. Imports the package by its name, as a user would.
import { Trainer, resolveSettings, takeFirst } from 'digitlab';

/** Trains one epoch of a seeded 784-16-16-10 network; returns the trainer and a summary. */
export function trainSlice(pair, backend) {
  const data = { train: takeFirst(pair.train, 5000), test: takeFirst(pair.test, 1000), source: pair.source };
  const trainer = new Trainer(resolveSettings({ epochs: 1, batchSize: 10, learningRate: 3, seed: 7 }), data, { backend });
  const epoch = trainer.runEpoch();
  return { trainer, summary: { backend: trainer.backendName, testAccuracy: epoch.testAccuracy, digest: digest(trainer.network()) } };
}

/** FNV-1a over the bits of every weight and bias: equal digests mean equal parameters. */
export function digest(network) {
  let h = 0x811c9dc5;
  for (const values of [...network.weights, ...network.biases]) {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
