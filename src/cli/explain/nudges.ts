import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Network, SEED_ARCHITECTURE } from '../../core/network.js';
import { Rng } from '../../core/rng.js';
import type { CostName } from '../../core/costs.js';
import { resolveDataOption } from '../../data/idx-dir.js';
import { DigitlabError } from '../../errors.js';
import { explainNudges, imagePixels, NUDGES_DEFAULTS, type NudgesResult } from '../../explain/nudges.js';
import { loadModel } from '../../model/model-io.js';
import { type GridTile, writeImageGrid } from '../image-grid.js';
import { integerOption } from '../options.js';
import { printNudges } from './nudges-print.js';
import { note, outputDirectory, toJson } from './output.js';

/** The Lab's pretrained model, the default "current model". */
export const PRETRAINED_MODEL = fileURLToPath(new URL('../../../models/pretrained.json', import.meta.url));

interface NudgesOptions {
  model?: string;
  untrained?: number;
  index: number;
  neuron?: number;
  batch: number;
  average?: number;
  data?: string;
  out?: string;
  json?: boolean;
}

/** `digitlab explain nudges` (one image's wishes, summed backwards into nudges). */
export function registerNudges(parent: Command): void {
  parent
    .command('nudges')
    .description('what one training image wants: output wishes, three ways to raise a neuron, wishes summed backwards layer by layer to the pixels, −∇C as maps, then averaged over a mini-batch and over the training set')
    .option('--model <file>', 'the model (default: models/pretrained.json)')
    .option('--untrained <seed>', 'use a freshly initialised 784-16-16-10 network instead (the start of training)', integerOption(0, 0xffffffff))
    .option('--index <n>', 'the training image', integerOption(0, 1e9), NUDGES_DEFAULTS.index)
    .option('--neuron <j>', 'the output neuron whose three ways to rise are shown (default: the image\'s label)', integerOption(0, 1e6))
    .option('--batch <n>', 'images averaged in the mini-batch (from --index on)', integerOption(1, 10_000), NUDGES_DEFAULTS.batchSize)
    .option('--average <n>', 'training images averaged into −∇C of the training set, from the first on (default: all of them; 0 skips it)', integerOption(0, 1e9))
    .option('--data <dir>', 'a directory with the MNIST-named IDX files, or "fashion"')
    .option('--out <dir>', 'write nudges-image.png (the input and the 16 first-layer maps of −∇C), nudges-wishes.png (the pixels\' wishes), nudges-batch.png and nudges-training-set.png')
    .option('--json', 'print the result as JSON')
    .action(async (o: NudgesOptions) => {
      const { network, cost, source } = await chooseNetwork(o);
      const data = await resolveDataOption(o.data);
      if (o.index >= data.train.count) throw new DigitlabError(`--index: the training set has ${data.train.count.toLocaleString('en-US')} images (0 to ${data.train.count - 1}), got ${o.index}`);
      if (network.sizes[0] !== data.train.rows * data.train.cols) throw new DigitlabError(`${source}: the model takes ${network.sizes[0]} inputs, the images have ${data.train.rows * data.train.cols} pixels`);
      const average = Math.min(o.average ?? data.train.count, data.train.count);
      const t0 = performance.now();
      const r = explainNudges(network, cost, data.train, { index: o.index, neuron: o.neuron, batchSize: o.batch, trainingSet: average > 0 ? average : undefined });
      if (average > 0) note(`averaged the nudges of ${average.toLocaleString('en-US')} training images in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      if (o.json) process.stdout.write(toJson({ model: source, cost, ...r }, 6) + '\n');
      else printNudges(r, source, data.train.classNames);
      if (o.out) await writePngs(o.out, r, imagePixels(data.train, r.index));
    });
}

async function chooseNetwork(o: NudgesOptions): Promise<{ network: Network; cost: CostName; source: string }> {
  if (o.untrained !== undefined) {
    return { network: Network.random(SEED_ARCHITECTURE, 'normal', new Rng(o.untrained)), cost: 'quadratic', source: `untrained (seed ${o.untrained})` };
  }
  const file = o.model ?? PRETRAINED_MODEL;
  if (!o.model && !existsSync(file)) throw new DigitlabError(`${file}: no pretrained model yet; run \`npm run pretrain\`, or pass --model FILE or --untrained SEED`);
  const model = await loadModel(file);
  if (model.network.outputActivation === 'softmax') throw new DigitlabError(`${file}: nudges explains sigmoid (elementwise) output layers as in the source document; this model has a softmax output`);
  return { network: model.network, cost: model.cost, source: file };
}

async function writePngs(dir: string, r: NudgesResult, pixels: Float64Array): Promise<void> {
  const at = await outputDirectory(dir);
  const last = r.index + r.batch.members.length - 1;
  const files = [at('nudges-image.png'), at('nudges-wishes.png'), at('nudges-batch.png')];
  await writeMaps(files[0], `image #${r.index} (label ${r.image.label}): −∇C_x, first layer`, pixels, r.image.weightNudges[0], 'neuron');
  const toPixels = r.image.backward[r.image.backward.length - 1];
  await writeMaps(
    files[1],
    `image #${r.index}: pixel wishes = Σ of the first-layer neurons' shares w·σ′·wish`,
    pixels,
    Float64Array.from(toPixels.contributions.flat()),
    'from neuron',
    [{ values: toPixels.wishes, kind: 'signed', caption: 'sum (own scale)' }],
  );
  await writeMaps(files[2], `mini-batch #${r.index}–${last}: −∇C, first layer`, null, r.batch.weightNudges[0], 'neuron');
  const t = r.trainingSet;
  if (t) {
    files.push(at('nudges-training-set.png'));
    const pixelWishes = t.layerWishes[t.layerWishes.length - 1].wishes;
    await writeMaps(files[3], `average over ${t.count.toLocaleString('en-US')} training images: −∇C, first layer`, null, t.weightNudges[0], 'neuron', [
      { values: pixelWishes, kind: 'signed', caption: 'pixels (own scale)' },
    ]);
  }
  note(`wrote ${files.join(', ')}`);
}

/** A grid of the 28×28 maps in `maps` (one per neuron) on one colour scale, after `extra` tiles. */
async function writeMaps(file: string, title: string, pixels: ArrayLike<number> | null, maps: Float64Array, caption: string, extra: readonly GridTile[] = []): Promise<void> {
  const inputs = 784;
  let scale = 0;
  for (const v of maps) scale = Math.max(scale, Math.abs(v));
  const tiles = Array.from({ length: maps.length / inputs }, (_, j) => ({
    values: maps.subarray(j * inputs, (j + 1) * inputs),
    kind: 'signed' as const,
    scale: scale || 1,
    caption: `${caption} ${j}`,
  }));
  await writeImageGrid(file, {
    title: `${title} (green +, red −, max ${scale.toExponential(1)})`,
    columns: 8,
    tiles: [...(pixels ? [{ values: pixels, kind: 'gray' as const, caption: 'input' }] : []), ...extra, ...tiles],
  });
}
