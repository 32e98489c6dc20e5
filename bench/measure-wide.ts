// Child process of `npm run bench -- --suite wide`: trains one network in one recipe with
// digitlab's Trainer on the fast path (one thread or two, as `fastBackendFactory` chooses;
// `--threads 1` forces one) and prints one JSON line (EpochMeasurement). One warm-up epoch,
// then `--epochs` timed epochs; seconds are the Trainer's (training only, evaluation excluded).
import { loadMnist } from '../src/data/idx-dir.js';
import { createFastBackend } from '../src/fast/factory.js';
import { fastBackendFactory, loadKernelsModule } from '../src/fast/node.js';
import { Trainer } from '../src/train/trainer.js';
import { median, parseChildArgs, peakRssMB, type EpochMeasurement } from './measurement.js';
import { recipeSettings, type RecipeName } from './recipes.js';

const { epochs, warmupEpochs, extra } = parseChildArgs(process.argv.slice(2));
const sizes = (extra.get('sizes') ?? '784,512,512,10').split(',').map(Number);
const settings = { ...recipeSettings(sizes, (extra.get('recipe') ?? 'seed') as RecipeName), epochs: warmupEpochs + epochs };
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
