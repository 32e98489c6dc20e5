import type { HiddenActivationName } from '../../../../core/activations.js';
import type { DatasetPair } from '../../../../data/dataset.js';
import { activationSettings } from '../../../../experiments/activations.js';
import { type BackendFactory, Trainer } from '../../../../train/trainer.js';

/**
 * The race of chapter 1's last section: sigmoid against ReLU on two networks at once — a
 * deeper one (four hidden layers of 16), where the source's point shows, and the course's own
 * 784-16-16-10, where it does not. Every run is plain SGD on mini-batches of 100 with the
 * quadratic cost and a sigmoid output, from one seed, each activation with its own
 * initialisation (Xavier for σ, He for ReLU) and the learning rate a sweep on the validation
 * split chose for it on that network (never the test set). The whole test set is scored every
 * `every` mini-batches, until each run has reached the target test accuracy or `maxEpochs` have
 * passed. Pure: the page's Worker runs it, and the browser test and scripts/relu-race.ts run it
 * in Node.
 *
 * Why the deeper network: a sigmoid's slope is at most 1/4, so every sigmoid layer the error
 * passes on its way back shrinks it at least fourfold, and the first layers of a deep sigmoid
 * network barely learn (the vanishing gradient); ReLU's slope is 1 wherever the neuron is on.
 * The course's network is too shallow for that to matter much.
 */
export interface RaceNetwork {
  /** 'deep' (four hidden layers) or 'course' (the course's two). */
  readonly id: 'deep' | 'course';
  readonly sizes: readonly number[];
  /** The learning rate of each activation on this network. */
  readonly rates: Readonly<Record<'sigmoid' | 'relu', number>>;
}

/**
 * The two networks raced. Rates measured with `digitlab experiment activations --sweep
 * --layers <sizes> --epochs 3 --rates 0.05,0.1,0.2,0.3,1,3,10,30 --seeds 1,2,3` (validation
 * accuracy after 3 epochs, the last 10,000 training images held out, mean of the seeds):
 *   784-16-16-16-16-10  σ  η 1: 19.6 %, 3: 73.4 %, 10: 73.2 %, 30: 10.3 % (≤ 0.3: 10.6 %)
 *                       ReLU η 0.1: 91.2 %, 0.2: 92.6 %, 0.3: 92.3 %, 1: 54.0 %
 *   784-16-16-10        the rates of src/experiments/activations.ts (σ 3, ReLU 0.3).
 */
export const RACE_NETWORKS: readonly RaceNetwork[] = [
  { id: 'deep', sizes: [784, 16, 16, 16, 16, 10], rates: { sigmoid: 3, relu: 0.2 } },
  { id: 'course', sizes: [784, 16, 16, 10], rates: { sigmoid: 3, relu: 0.3 } },
];

/** Options of the race. */
export interface RaceOptions {
  readonly networks: readonly RaceNetwork[];
  readonly activations: readonly ('sigmoid' | 'relu')[];
  /** Test accuracy to reach (0.9 = 90 %). */
  readonly target: number;
  /** Mini-batches between two scorings of the test set. */
  readonly every: number;
  readonly maxEpochs: number;
  readonly seed: number;
}

/** The race the course runs. */
export const RACE_DEFAULTS: RaceOptions = { networks: RACE_NETWORKS, activations: ['sigmoid', 'relu'], target: 0.9, every: 20, maxEpochs: 3, seed: 1 };

/** One point of a run's test-accuracy curve. */
export interface RacePoint {
  readonly network: RaceNetwork['id'];
  readonly activation: HiddenActivationName;
  /** Training images seen so far. */
  readonly examples: number;
  readonly accuracy: number;
}

/** One run: the images it needed to reach the target (null: it did not within the race) and its last scored accuracy. */
export interface RaceRun {
  readonly activation: HiddenActivationName;
  readonly learningRate: number;
  readonly examplesToTarget: number | null;
  readonly finalAccuracy: number;
}

/** How the two activations did on one network. */
export interface NetworkRace {
  readonly network: RaceNetwork['id'];
  readonly sizes: readonly number[];
  readonly runs: readonly RaceRun[];
}

/** The whole race: each network's two runs, the target and the most images a run could see. */
export interface RaceResult {
  readonly target: number;
  /** Training images a run sees in `maxEpochs` epochs: how long the race lasts. */
  readonly maxExamples: number;
  readonly races: readonly NetworkRace[];
}

/** Who won on one network: the run that needed fewer images ('tie' when equal, 'none' when neither reached the target). */
export function raceWinner(race: NetworkRace): HiddenActivationName | 'tie' | 'none' {
  const [a, b] = race.runs;
  const [x, y] = [a.examplesToTarget ?? Infinity, b.examplesToTarget ?? Infinity];
  if (x === Infinity && y === Infinity) return 'none';
  if (x === y) return 'tie';
  return x < y ? a.activation : b.activation;
}

/**
 * Runs the race on `data`, reporting every scoring to `onPoint` (the runs take turns, one
 * mini-batch each, so all curves grow together).
 */
export function runRace(data: DatasetPair, options: RaceOptions = RACE_DEFAULTS, onPoint: (p: RacePoint) => void = () => {}, backend?: BackendFactory): RaceResult {
  const runs = options.networks.flatMap((network) =>
    options.activations.map((activation) => {
      const settings = activationSettings(activation, { sizes: [...network.sizes], learningRate: network.rates[activation], seed: options.seed, epochs: options.maxEpochs });
      return { network: network.id, activation, settings, trainer: new Trainer(settings, data, { backend }), reached: null as number | null, last: NaN, batches: 0 };
    }),
  );
  const maxBatches = options.maxEpochs * runs[0].trainer.batchesPerEpoch;
  for (const run of runs) {
    run.last = run.trainer.evaluate(data.test);
    onPoint({ network: run.network, activation: run.activation, examples: 0, accuracy: run.last });
  }
  while (runs.some((r) => r.reached === null && r.batches < maxBatches)) {
    for (const run of runs) {
      if (run.reached !== null || run.batches >= maxBatches) continue;
      run.trainer.step();
      run.batches++;
      if (run.batches % options.every !== 0 && run.batches !== maxBatches) continue;
      run.last = run.trainer.evaluate(data.test);
      const examples = run.trainer.examplesSeen;
      onPoint({ network: run.network, activation: run.activation, examples, accuracy: run.last });
      if (run.last >= options.target) run.reached = examples;
    }
  }
  for (const run of runs) run.trainer.dispose();
  return {
    target: options.target,
    maxExamples: options.maxEpochs * data.train.count,
    races: options.networks.map((network) => ({
      network: network.id,
      sizes: network.sizes,
      runs: runs.filter((r) => r.network === network.id).map((r) => ({ activation: r.activation, learningRate: r.settings.learningRate, examplesToTarget: r.reached, finalAccuracy: r.last })),
    })),
  };
}
