import type { Command } from 'commander';
import { takeFirst } from '../../data/dataset.js';
import { resolveDataOption } from '../../data/idx-dir.js';
import { SGD_PATH_DEFAULTS, type SgdPathResult, sgdPath } from '../../explain/sgd-path.js';
import { resolveSettings, SEED_SETTINGS } from '../../train/settings.js';
import { backendFactory, BACKEND_NAMES, type BackendChoice } from '../backend-choice.js';
import { writeLineChart } from '../charts.js';
import { choiceOption, integerOption, numberOption } from '../options.js';
import { writeCostMap } from '../surface-png.js';
import { note, num, outputDirectory, toJson } from './output.js';

interface SgdPathOptions {
  subset: number;
  fullSteps: number;
  epochs: number;
  batch: number;
  lr?: number;
  seed?: number;
  grid: number;
  data?: string;
  backend: BackendChoice;
  out?: string;
  json?: boolean;
}

/** `digitlab explain sgd-path` (mini-batch SGD versus full-batch descent on a loss-landscape slice). */
export function registerSgdPath(parent: Command): void {
  const d = SGD_PATH_DEFAULTS;
  parent
    .command('sgd-path')
    .description('full-batch gradient descent versus mini-batch SGD from one start: both paths on the plane of their two principal directions, over the cost on that plane')
    .option('--subset <n>', 'training images used by both runs and by the cost grid (the first n)', integerOption(100, 60_000), d.subset)
    .option('--full-steps <n>', 'steps of full-batch gradient descent', integerOption(1, 100_000), d.fullSteps)
    .option('--epochs <n>', 'epochs of mini-batch SGD', integerOption(1, 10_000), d.epochs)
    .option('--batch <n>', 'mini-batch size', integerOption(1, 60_000), d.batch)
    .option('--lr <number>', `learning rate η of both runs (default ${SEED_SETTINGS.learningRate})`, numberOption(0, 1e6))
    .option('--seed <n>', `seed of the initialisation and the mini-batch order (default ${SEED_SETTINGS.seed})`, integerOption(0, 0xffffffff))
    .option('--grid <n>', 'grid points per axis of the cost map', integerOption(3, 201), d.grid)
    .option('--data <dir>', 'a directory with the MNIST-named IDX files, or "fashion"')
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')}`, choiceOption(BACKEND_NAMES), 'auto')
    .option('--out <dir>', 'write sgd-path.png (the paths on the cost map) and sgd-path-cost.png (cost versus examples processed)')
    .option('--json', 'print the result as JSON')
    .action(async (o: SgdPathOptions) => {
      const data = await resolveDataOption(o.data);
      const settings = resolveSettings({ learningRate: o.lr, seed: o.seed, batchSize: o.batch }, data.train.rows * data.train.cols, data.train.classNames.length);
      const train = takeFirst(data.train, o.subset);
      const t0 = performance.now();
      const r = sgdPath({
        settings,
        train,
        fullBatchSteps: o.fullSteps,
        sgdEpochs: o.epochs,
        batchSize: o.batch,
        gridSize: o.grid,
        backend: await backendFactory(o.backend, settings),
        progress: (m) => note(m),
      });
      note(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s (training ${r.seconds.training.toFixed(1)} s, plane and grid ${r.seconds.grid.toFixed(1)} s)`);
      if (o.json) process.stdout.write(toJson({ ...r, centre: undefined }, 7) + '\n');
      else printSummary(r);
      if (o.out) {
        const at = await outputDirectory(o.out);
        await drawMap(at('sgd-path.png'), r);
        await drawCosts(at('sgd-path-cost.png'), r);
        note(`wrote ${at('sgd-path.png')} and ${at('sgd-path-cost.png')}`);
      }
    });
}

function printSummary(r: SgdPathResult): void {
  console.log(`${r.trainCount.toLocaleString('en-US')} training images, η = ${r.learningRate}, seed ${r.seed}, one initialisation`);
  console.log(`plane: centre = final mini-batch weights, axes = top two principal directions of both paths (${(r.plane.explained[0] * 100).toFixed(1)} % + ${(r.plane.explained[1] * 100).toFixed(1)} % of their spread)`);
  console.log(`cost on the grid at the centre: ${r.originCost.toFixed(6)}`);
  console.log('\nrun          batch   steps  examples      start cost   final cost   off-plane');
  for (const p of [r.fullBatch, r.miniBatch]) {
    const examples = p.examples[p.examples.length - 1];
    console.log(`${p.name.padEnd(12)}${String(p.batchSize).padStart(6)}${String(p.steps).padStart(8)}${examples.toLocaleString('en-US').padStart(10)}${num(p.costs[0], 5, 16)}${num(p.costs[p.costs.length - 1], 5, 13)}${(p.offPlane * 100).toFixed(1).padStart(10)} %`);
  }
  // The compute each run needed to reach the full-batch run's final cost.
  const target = r.fullBatch.costs[r.fullBatch.costs.length - 1];
  const reach = r.miniBatch.costExamples.find((_, i) => r.miniBatch.costs[i] <= target);
  if (reach !== undefined) {
    const full = r.fullBatch.examples[r.fullBatch.examples.length - 1];
    console.log(`\nmini-batch SGD reached the full-batch final cost ${target.toFixed(4)} after ${reach.toLocaleString('en-US')} examples; full-batch needed ${full.toLocaleString('en-US')} (${(full / reach).toFixed(0)}× more)`);
  }
}

async function drawMap(file: string, r: SgdPathResult): Promise<void> {
  await writeCostMap(file, {
    xs: r.grid.alphas,
    ys: r.grid.betas,
    costs: r.grid.costs,
    logColor: true,
    title: `Cost on the plane of the two principal directions (${r.trainCount.toLocaleString('en-US')} training images)`,
    xLabel: `α along d₁ (${(r.plane.explained[0] * 100).toFixed(1)} % of the paths' spread)`,
    yLabel: `β along d₂ (${(r.plane.explained[1] * 100).toFixed(1)} %)`,
    width: 900,
    height: 720,
    marks: [[0, 0]],
    paths: [
      // SGD first: the full-batch path often runs along its first part and must stay visible.
      { label: `mini-batch SGD: ${r.miniBatch.steps} steps of ${r.miniBatch.batchSize}`, points: r.miniBatch.coords, color: '#ff5a36', dots: false },
      { label: `full-batch GD: ${r.fullBatch.steps} steps of ${r.fullBatch.batchSize.toLocaleString('en-US')} images`, points: r.fullBatch.coords, color: '#33d6ff', dots: false },
    ],
  });
}

async function drawCosts(file: string, r: SgdPathResult): Promise<void> {
  // Log scale: the runs differ 20-fold in compute. The initial point (0 examples) has no logarithm.
  const series = (label: string, xs: readonly number[], ys: readonly number[], color: string) => {
    const keep = xs.map((x, i) => i).filter((i) => xs[i] > 0);
    return { label, x: keep.map((i) => Math.log10(xs[i])), y: keep.map((i) => ys[i]), color };
  };
  await writeLineChart(file, {
    title: 'Cost over the training images versus examples processed',
    xLabel: 'log₁₀(examples processed)',
    yLabel: 'cost C',
    width: 900,
    height: 500,
    series: [
      series('mini-batch SGD: cost of each mini-batch (before its step)', r.miniBatch.batchExamples, r.miniBatch.batchCosts, '#f4a58a'),
      series('mini-batch SGD: cost over all training images', r.miniBatch.costExamples, r.miniBatch.costs, '#D55E00'),
      series('full-batch gradient descent: cost over all training images', r.fullBatch.costExamples, r.fullBatch.costs, '#0072B2'),
    ],
  });
}
