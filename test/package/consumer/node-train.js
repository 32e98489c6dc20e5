// A plain Node ES module using the package: MNIST and the kernels from `digitlab/node`, the
// trainer from `digitlab`. Saves the model, reads it back, prints a JSON summary.
import { createFastBackend } from 'digitlab';
import { loadKernelsModule, loadMnist, loadModel, saveModel } from 'digitlab/node';
import { digest, trainSlice } from './train-slice.js';

const pair = await loadMnist();
const { trainer, summary } = trainSlice(pair, createFastBackend(await loadKernelsModule()));
const network = trainer.network();
await saveModel('node-model.json', {
  network, cost: trainer.settings.cost, settings: trainer.settings, metrics: { testAccuracy: summary.testAccuracy, epochs: 1 },
  classNames: pair.train.classNames, data: pair.source,
});
const reloaded = await loadModel('node-model.json');
console.log(JSON.stringify({ ...summary, reloadedDigest: digest(reloaded.network), trainCount: pair.train.count, testCount: pair.test.count, node: process.versions.node }));
