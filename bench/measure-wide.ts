// Child process of the benchmark: trains one network in one recipe (`--recipe seed|modern`,
// bench/recipes.ts, or `default`: digitlab's defaults, SEED_SETTINGS) with digitlab's Trainer
// on the fast path (one thread or two, as `fastBackendFactory` chooses; `--threads 1` forces
// one) and prints one JSON line (EpochMeasurement). `--warmup` epochs, then `--epochs` timed
// epochs; seconds are the Trainer's (training only, evaluation excluded).
import { loadMnist } from '../src/data/idx-dir.js';
import { createFastBackend } from '../src/fast/factory.js';
import { fastBackendFactory, loadKernelsModule } from '../src/fast/node.js';
import { SEED_SETTINGS } from '../src/train/settings.js';
import { Trainer } from '../src/train/trainer.js';
import { median, parseChildArgs, peakRssMB, type EpochMeasurement } from './measurement.js';
import { recipeSettings, type RecipeName } from './recipes.js';

const { epochs, warmupEpochs, extra } = parseChildArgs(process.argv.slice(2));
const recipe = extra.get('recipe') ?? 'default';
const sizes = (extra.get('sizes') ?? SEED_SETTINGS.sizes.join(',')).split(',').map(Number);
const settings = { ...(recipe === 'default' ? SEED_SETTINGS : recipeSettings(sizes, recipe as RecipeName)), epochs: warmupEpochs + epochs };
const data = await loadMnist();
const factory = extra.get('threads') === '1' ? createFastBackend(await loadKernelsModule()) : await fastBackendFactory(settings);
const trainer = new Trainer(settings, data, { backend: factory });
const epochSeconds: number[] = [];
for (let e = 0; e < warmupEpochs + epochs; e++) {
  const event = trainer.runEpoch();
  if (e >= warmupEpochs) epochSeconds.push(event.seconds);
}
const result: EpochMeasurement = {
  name: `digitlab (${trainer.backendName} backend)`,
  epochSeconds,
  secondsPerEpoch: median(epochSeconds),
  testAccuracy: trainer.lastEpoch?.testAccuracy ?? NaN,
  epochsTrained: trainer.epochsDone,
  peakRssMB: peakRssMB(),
};
trainer.dispose();
process.stdout.write(JSON.stringify(result) + '\n');
