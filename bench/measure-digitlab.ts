// Child process of the benchmark: trains the seed's task with digitlab's Trainer on the
// chosen backend (`--backend wasm|reference`) and prints one JSON line (EpochMeasurement).
// Seconds per epoch are the Trainer's own epoch timings: training only, the test-set
// evaluation after each epoch excluded (as for the C reference).
import { loadMnist } from '../src/data/idx-dir.js';
import { fastBackendFactory } from '../src/fast/node.js';
import { SEED_SETTINGS } from '../src/train/settings.js';
import { Trainer } from '../src/train/trainer.js';
import { median, parseChildArgs, peakRssMB, type EpochMeasurement } from './measurement.js';

const { epochs, warmupEpochs, extra } = parseChildArgs(process.argv.slice(2));
const backend = extra.get('backend') ?? 'wasm';
const data = await loadMnist();
const factory = backend === 'reference' ? undefined : await fastBackendFactory();
const trainer = new Trainer({ ...SEED_SETTINGS, epochs: warmupEpochs + epochs }, data, { backend: factory });
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
