// npm run ablation: each accuracy tweak added one at a time, to the source document's
// 784-16-16-10 network and to a 784-512-512-10, on the real MNIST data, printed as a markdown
// table (validation accuracy, test accuracy, training seconds) — the tables in README.md,
// "## Accuracy", are this script's output, pasted. The third group, `recipe`, is the other
// way round: `--preset best` as it is, then with each of its ingredients removed alone.
//
// Every row holds out the last 10,000 training images for validation (so every row trains
// on the same 50,000), and every choice was made on validation accuracy. Rows marked "kept"
// carry their tweak to the rows below; "tried" rows add one tweak to the kept row above
// them and drop it again. Rows run one per process (--jobs N runs N at once: their
// timings then share the cores).
//
//   npm run ablation                     all rows, one at a time
//   npm run ablation -- --jobs 2         two rows at a time
//   npm run ablation -- --only seed      just the 784-16-16-10 rows (about 5 minutes)
//   npm run ablation -- --only recipe    the best preset and each ingredient removed alone
//   npm run ablation -- --row 3          one row, as a JSON line (what the jobs run)
//   npm run ablation -- --data DIR       MNIST's four IDX files (plain or .gz) from DIR
import { spawn } from 'node:child_process';
import { resolveDataOption } from '../src/data/idx-dir.js';
import { createFastBackend } from '../src/fast/factory.js';
import { fastBackendFactory, loadKernelsModule } from '../src/fast/node.js';
import { PRESETS } from '../src/train/presets.js';
import { trainEpochs } from '../src/train/run-loop.js';
import { resolveSettings } from '../src/train/settings.js';
import type { PartialSettings } from '../src/model/training-settings.js';
import { Trainer } from '../src/train/trainer.js';

interface Row {
  readonly group: 'seed' | 'best' | 'recipe';
  readonly tweak: string;
  /** Kept tweaks carry on to the following rows of the group; tried ones do not. */
  readonly kept: boolean;
  readonly settings: PartialSettings;
  /** Restore the best-validation epoch at the end (early stopping's choice). */
  readonly keepBest: boolean;
}

interface RowResult {
  readonly row: number;
  readonly validation: number;
  readonly test: number;
  readonly seconds: number;
  readonly epochs: number;
  readonly bestEpoch: number | null;
}

const VALIDATION = 10_000;

/** The rows, built cumulatively: each kept row is the one before plus its tweak. */
function rows(): Row[] {
  const out: Row[] = [];
  const add = (group: Row['group'], tweak: string, kept: boolean, base: Row | undefined, change: PartialSettings, keepBest?: boolean): Row => {
    const row: Row = { group, tweak, kept, settings: { ...base?.settings, ...change }, keepBest: keepBest ?? base?.keepBest ?? false };
    out.push(row);
    return row;
  };
  // The seed network. Learning rates: the seed's η 4.5 (README, "Why these defaults"); for
  // the others the usual value for that cost and optimizer — not swept, so a row may be a
  // little below what its tweak can give.
  let s = add('seed', "the seed: 784-16-16-10 sigmoid, quadratic cost, SGD η 4.5, batch 100, 30 epochs", true, undefined, { ...PRESETS.seed.settings, validation: VALIDATION });
  s = add('seed', '+ softmax output, cross-entropy cost (SGD η 0.5)', true, s, { cost: 'cross-entropy', outputActivation: 'softmax', learningRate: 0.5 });
  s = add('seed', '+ ReLU hidden layers, He init (SGD η 0.1)', true, s, { activation: 'relu', init: 'he', learningRate: 0.1 });
  s = add('seed', '+ Adam (η 0.003)', true, s, { optimizer: 'adam', learningRate: 0.003 });
  s = add('seed', '+ cosine learning-rate schedule', true, s, { schedule: 'cosine' });
  s = add('seed', '+ keep the best-validation epoch (early stopping)', true, s, {}, true);
  add('seed', '+ L2 λ 1e-4 (tried)', false, s, { l2: 1e-4 });
  add('seed', '+ dropout 0.1 (tried)', false, s, { dropout: 0.1 });
  add('seed', '+ affine augmentation (tried)', false, s, { augment: 'affine' });
  // A wide network (the best preset's first recipe, kept here as it was measured).
  let b = add('best', '784-512-512-10 ReLU/He, softmax + cross-entropy, Adam η 0.001, batch 100, 20 epochs', true, undefined, {
    sizes: [784, 512, 512, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', outputActivation: 'softmax', optimizer: 'adam', learningRate: 0.001,
    batchSize: 100, epochs: 20, seed: 1, validation: VALIDATION,
  });
  b = add('best', '+ cosine learning-rate schedule', true, b, { schedule: 'cosine' });
  b = add('best', '+ keep the best-validation epoch (early stopping)', true, b, {}, true);
  add('best', '+ dropout 0.2 (tried)', false, b, { dropout: 0.2 });
  const affine = add('best', '+ affine augmentation (shift ±2 px, rotation ±10°, scale ±10 %)', true, b, { augment: 'affine' });
  add('best', '+ elastic distortion on top of affine (the first `--preset best`)', true, affine, { augment: 'elastic' });
  add('best', '+ dropout 0.2 on the affine row (tried)', false, affine, { dropout: 0.2 });
  for (const [tweak, change] of recipeAblation()) add('recipe', tweak, tweak === BEST_AS_IS, undefined, { ...PRESETS.best.settings, ...change }, false);
  return out;
}

const BEST_AS_IS = '`--preset best` as it is';

/**
 * The best preset, then each of its ingredients removed alone (the others kept): every row
 * trains and is timed as the preset is, on two threads when the machine has them, and keeps
 * its last epoch as the preset does (the held-out row measures its validation split too).
 */
function recipeAblation(): [string, PartialSettings][] {
  const best = PRESETS.best.settings;
  const sizes = best.sizes ?? [];
  const hidden = sizes.slice(1, -1);
  const epochs = best.epochs ?? 1;
  return [
    [BEST_AS_IS, {}],
    ['− elastic distortion (affine only)', { augment: 'affine' }],
    ['− augmentation', { augment: 'none' }],
    ['− cosine schedule (constant η)', { schedule: 'constant' }],
    [`− Adam (SGD with momentum, η 0.01)`, { optimizer: 'momentum', learningRate: 0.01 }],
    ['− ReLU (sigmoid hidden layers, Xavier init)', { activation: 'sigmoid', init: 'xavier' }],
    [`− half the width (${[sizes[0], ...hidden.map((n) => n / 2), sizes.at(-1)].join('-')})`, { sizes: [sizes[0], ...hidden.map((n) => n / 2), sizes.at(-1) as number] }],
    [`− the second hidden layer (${[sizes[0], hidden[0], sizes.at(-1)].join('-')})`, { sizes: [sizes[0], hidden[0], sizes.at(-1) as number] }],
    [`− half the epochs (${Math.round(epochs / 2)})`, { epochs: Math.round(epochs / 2) }],
    ...(best.validation ? [] : ([['− the last 10,000 training images (held out for validation)', { validation: 10_000 }]] as [string, PartialSettings][])),
  ];
}

/** Trains one row on MNIST with the fast kernels, through the run layer's settings and loop; returns its accuracies and wall time. */
async function runRow(index: number, data: string | undefined): Promise<RowResult> {
  const row = rows()[index];
  const pair = await resolveDataOption(data);
  const settings = resolveSettings(row.settings);
  const t0 = performance.now();
  // The recipe's rows are timed as the preset runs (two threads when there are two cores); the others on one thread.
  const backend = row.group === 'recipe' ? await fastBackendFactory(settings) : createFastBackend(await loadKernelsModule());
  const trainer = new Trainer(settings, pair, { backend });
  await trainEpochs(trainer);
  const bestEpoch = row.keepBest ? trainer.restoreBest() : null;
  const validation = trainer.validation ? trainer.evaluate(trainer.validation) : NaN;
  const test = trainer.evaluate(pair.test);
  const seconds = (performance.now() - t0) / 1000;
  trainer.dispose();
  return { row: index, validation, test, seconds, epochs: trainer.epochsDone, bestEpoch };
}

/** Runs one row in a child process (the same script with --row) and parses its JSON line. */
function runChild(index: number, data: string | undefined): Promise<RowResult> {
  return new Promise((done, fail) => {
    const args = [...process.execArgv, process.argv[1], '--row', String(index), ...(data ? ['--data', data] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(JSON.parse(out.trim().split('\n').pop() as string) as RowResult) : fail(new Error(`row ${index}: exit ${code}`))));
  });
}

// (A row without a validation split sends NaN, which its JSON line carries as null.)
const pct = (x: number | null): string => (x === null || Number.isNaN(x) ? '—' : `${(100 * x).toFixed(2)} %`);

function table(all: Row[], results: RowResult[]): string {
  const lines = ['| network | tweak | validation | test | seconds |', '|---|---|---:|---:|---:|'];
  for (const r of results.slice().sort((a, b) => a.row - b.row)) {
    const row = all[r.row];
    const net = (row.settings.sizes ?? []).join('-');
    const epoch = r.bestEpoch !== null ? ` (epoch ${r.bestEpoch} of ${r.epochs})` : '';
    const tweak = row.kept ? `**${row.tweak}**` : row.tweak;
    lines.push(`| ${net} | ${tweak}${epoch} | ${pct(r.validation)} | ${pct(r.test)} | ${r.seconds.toFixed(0)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const data = flag('--data');
  const single = flag('--row');
  if (single !== undefined) {
    process.stdout.write(JSON.stringify(await runRow(Number(single), data)) + '\n');
    return;
  }
  const jobs = Math.max(1, Number(flag('--jobs') ?? 1));
  const only = flag('--only');
  const all = rows();
  const chosen = all.map((_, i) => i).filter((i) => !only || all[i].group === only);
  const results: RowResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chosen.length) {
      const index = chosen[next++];
      const result = await runChild(index, data);
      results.push(result);
      process.stderr.write(`row ${index} (${all[index].group}: ${all[index].tweak}): validation ${pct(result.validation)}, test ${pct(result.test)}, ${result.seconds.toFixed(0)} s\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, chosen.length) }, worker));
  process.stdout.write(table(all, results) + '\n');
}

await main();
