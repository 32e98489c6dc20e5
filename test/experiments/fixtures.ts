import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import type { Model } from '../../src/model/model-file.js';
import { resolveSettings } from '../../src/train/settings.js';
import { Trainer } from '../../src/train/trainer.js';

/** Real MNIST, loaded once per test file. */
export const mnist = await loadMnist();

/** The first 2,000 test images: enough for every property, quick to run. */
export const smallTest = takeFirst(mnist.test, 2000);

/**
 * A small trained model for the experiments that need one: the source document's
 * 784-16-16-10 sigmoid network, 3 epochs on 20,000 images (about 90 % test accuracy, a few
 * seconds with the fast kernels), seeded so every run of the tests sees the same model.
 */
export async function trainSmallModel(): Promise<Model> {
  const settings = resolveSettings({ learningRate: 3, epochs: 3, seed: 7 });
  const trainer = new Trainer(settings, { ...mnist, train: takeFirst(mnist.train, 20000), test: smallTest }, { backend: await fastBackendFactory() });
  for (let e = 0; e < settings.epochs; e++) trainer.runEpoch();
  const network = trainer.network().clone();
  trainer.dispose();
  return { network, cost: settings.cost, settings, metrics: { epochs: settings.epochs }, classNames: mnist.test.classNames, data: mnist.source };
}
