// The sweep behind the seed recipe's width rule (README, "Why these defaults"): the source
// document's recipe — sigmoid, quadratic cost, Xavier init, plain SGD, mini-batches of 100,
// 30 epochs — trained on wider networks with a range of learning rates η. Every run holds out
// the last 10,000 training images and is judged on them (validation), never on the test set;
// the test accuracy is printed beside it for the record.
//
//   node --import tsx scripts/width-sweep.ts                         the full grid (≈ an hour on 2 cores)
//   node --import tsx scripts/width-sweep.ts --layers 784,100,10     one architecture
//   node --import tsx scripts/width-sweep.ts --lr 0.5,1,2 --epochs 30 --seeds 1,2,3
//   node --import tsx scripts/width-sweep.ts --activation relu --optimizer momentum
//
// Prints one JSON line per run on stderr as it finishes and a markdown table on stdout.
import { resolveDataOption } from '../src/data/idx-dir.js';
import { createFastBackend } from '../src/fast/factory.js';
import { loadKernelsModule } from '../src/fast/node.js';
import { resolveSettings } from '../src/train/settings.js';
import { Trainer } from '../src/train/trainer.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const ARCHITECTURES: number[][] = flag('--layers')
  ? (flag('--layers') as string).split(';').map((l) => l.split(',').map(Number))
  : [[784, 16, 16, 10], [784, 30, 10], [784, 64, 64, 10], [784, 100, 10], [784, 100, 100, 10], [784, 256, 10], [784, 512, 10]];
const RATES = (flag('--lr') ?? '0.125,0.25,0.5,1,2,3,4.5').split(',').map(Number);
const EPOCHS = Number(flag('--epochs') ?? 30);
const ACTIVATION = (flag('--activation') ?? 'sigmoid') as 'sigmoid' | 'relu' | 'tanh';
const OPTIMIZER = (flag('--optimizer') ?? 'sgd') as 'sgd' | 'momentum';
const SEEDS = (flag('--seeds') ?? '1').split(',').map(Number);
const VALIDATION = 10_000;

interface Result {
  readonly layers: string;
  readonly seed: number;
  readonly learningRate: number;
  readonly validation: number;
  readonly test: number;
  readonly seconds: number;
}

const pair = await resolveDataOption(flag('--data'));
const backend = createFastBackend(await loadKernelsModule());
const results: Result[] = [];
for (const sizes of ARCHITECTURES) {
  for (const learningRate of RATES) for (const seed of SEEDS) {
    // Everything but sizes and η is the seed recipe (or --activation, --optimizer); validation holds out the last 10,000.
    const settings = resolveSettings({ sizes, learningRate, seed, epochs: EPOCHS, validation: VALIDATION, activation: ACTIVATION, cost: 'quadratic', optimizer: OPTIMIZER });
    const t0 = performance.now();
    const trainer = new Trainer(settings, pair, { backend });
    let failed = false;
    try {
      while (trainer.epochsDone < settings.epochs) trainer.runEpoch();
    } catch {
      failed = true; // diverged: counts as chance
    }
    const validation = failed ? NaN : trainer.evaluate(trainer.validation ?? pair.test);
    const test = failed ? NaN : trainer.evaluate(pair.test);
    trainer.dispose();
    const result = { layers: sizes.join('-'), activation: ACTIVATION, optimizer: OPTIMIZER, seed, learningRate, validation, test, seconds: (performance.now() - t0) / 1000 };
    results.push(result);
    process.stderr.write(JSON.stringify(result) + '\n');
  }
}

const pct = (x: number): string => (Number.isNaN(x) ? 'diverged' : `${(100 * x).toFixed(2)}`);
const layers = [...new Set(results.map((r) => r.layers))];
const lines = [`| layers | ${RATES.map((r) => `η ${r}`).join(' | ')} | best η |`, `|---|${RATES.map(() => '---:').join('|')}|---:|`];
for (const l of layers) {
  // The mean over the seeds of each η; diverged runs count as 0.
  const mean = RATES.map((rate) => {
    const runs = results.filter((r) => r.layers === l && r.learningRate === rate);
    return runs.reduce((sum, r) => sum + (Number.isNaN(r.validation) ? 0 : r.validation), 0) / runs.length;
  });
  const best = RATES[mean.indexOf(Math.max(...mean))];
  lines.push(`| ${l} | ${mean.map(pct).join(' | ')} | ${best} |`);
}
process.stdout.write(`${ACTIVATION}, ${OPTIMIZER}: validation accuracy (%) after ${EPOCHS} epochs, trained on the first 50,000 training images, mean of seeds ${SEEDS.join(', ')}\n\n${lines.join('\n')}\n`);
