import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Network, SEED_ARCHITECTURE } from '../../core/network.js';
import { Rng } from '../../core/rng.js';
import type { CostName } from '../../core/costs.js';
import { resolveDataOption } from '../../data/idx-dir.js';
import { DigitlabError } from '../../errors.js';
import { explainNudges, imagePixels, type NudgesResult, type TopNudge } from '../../explain/nudges.js';
import { loadModel } from '../../model/model-io.js';
import { writeImageGrid } from '../image-grid.js';
import { integerOption } from '../options.js';
import { note, num, outputDirectory, toJson } from './output.js';

/** The Lab's pretrained model, the default "current model". */
export const PRETRAINED_MODEL = fileURLToPath(new URL('../../../models/pretrained.json', import.meta.url));

interface NudgesOptions {
  model?: string;
  untrained?: number;
  index: number;
  neuron?: number;
  batch: number;
  data?: string;
  out?: string;
  json?: boolean;
}

/** `digitlab explain nudges` (S20, S24–S26). */
export function registerNudges(parent: Command): void {
  parent
    .command('nudges')
    .description('what one training image wants: output wishes, three ways to raise a neuron, wishes summed backwards, −∇C as maps, then averaged over a mini-batch (S20, S24–S26)')
    .option('--model <file>', 'the model (default: models/pretrained.json)')
    .option('--untrained <seed>', 'use a freshly initialised 784-16-16-10 network instead (the start of training)', integerOption(0, 0xffffffff))
    .option('--index <n>', 'the training image', integerOption(0, 1e9), 0)
    .option('--neuron <j>', 'the output neuron whose three ways to rise are shown (default: the image\'s label)', integerOption(0, 1e6))
    .option('--batch <n>', 'images averaged in the mini-batch (from --index on)', integerOption(1, 10_000), 10)
    .option('--data <dir>', 'a directory with the MNIST-named IDX files, or "fashion"')
    .option('--out <dir>', 'write nudges-image.png (the input and the 16 first-layer maps of −∇C) and nudges-batch.png')
    .option('--json', 'print the result as JSON')
    .action(async (o: NudgesOptions) => {
      const { network, cost, source } = await chooseNetwork(o);
      const data = await resolveDataOption(o.data);
      if (o.index >= data.train.count) throw new DigitlabError(`--index: the training set has ${data.train.count.toLocaleString('en-US')} images (0 to ${data.train.count - 1}), got ${o.index}`);
      if (network.sizes[0] !== data.train.rows * data.train.cols) throw new DigitlabError(`${source}: the model takes ${network.sizes[0]} inputs, the images have ${data.train.rows * data.train.cols} pixels`);
      const r = explainNudges(network, cost, data.train, { index: o.index, neuron: o.neuron, batchSize: o.batch });
      if (o.json) process.stdout.write(toJson({ model: source, cost, ...r }, 6) + '\n');
      else printNudges(r, source, data.train.classNames);
      if (o.out) {
        const at = await outputDirectory(o.out);
        await writeMaps(at('nudges-image.png'), `image #${r.index} (label ${r.image.label}): −∇C for each first-layer neuron`, imagePixels(data.train, r.index), r.image.weightNudges[0]);
        await writeMaps(at('nudges-batch.png'), `average over images #${r.index}–${r.index + r.batch.members.length - 1}: −∇C of the mini-batch`, null, r.batch.weightNudges[0]);
        note(`wrote ${at('nudges-image.png')} and ${at('nudges-batch.png')}`);
      }
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

async function writeMaps(file: string, title: string, pixels: ArrayLike<number> | null, nudges: Float64Array): Promise<void> {
  const inputs = 784;
  let scale = 0;
  for (const v of nudges) scale = Math.max(scale, Math.abs(v));
  const tiles = Array.from({ length: nudges.length / inputs }, (_, j) => ({
    values: nudges.subarray(j * inputs, (j + 1) * inputs),
    kind: 'signed' as const,
    scale: scale || 1,
    caption: `neuron ${j}`,
  }));
  await writeImageGrid(file, {
    title: `${title} (green = raise the weight, red = lower it; one scale, max |nudge| ${scale.toExponential(2)})`,
    columns: 8,
    tiles: pixels ? [{ values: pixels, kind: 'gray', caption: 'input' }, ...tiles] : tiles,
  });
}

function topLine(t: TopNudge): string {
  const what = t.kind === 'bias' ? `b${t.layer} of neuron ${t.neuron}` : `w${t.layer} ${t.from}→${t.neuron}${t.layer === 1 ? ` (pixel ${t.from! % 28},${Math.floor(t.from! / 28)})` : ''}`;
  return `  ${what.padEnd(34)}${num(t.nudge, 4, 12)}`;
}

function printNudges(r: NudgesResult, source: string, classNames: readonly string[]): void {
  const img = r.image;
  const out = img.layers[0];
  console.log(`model ${source}; training image #${r.index}, label ${classNames[img.label]}, answer ${classNames[img.prediction]}, cost C_x = ${img.cost.toFixed(6)}`);
  console.log('\n1. each output neuron\'s wished change −∂C/∂a = 2(y − a): up for the right digit, down for the others (S24)');
  console.log('   digit   activation    target      wish    bias nudge σ′(z)·wish');
  out.activations.forEach((a, j) => {
    console.log(`   ${classNames[j].padEnd(6)}${num(a, 4, 12)}${String(j === img.label ? 1 : 0).padStart(10)}${num(out.wishes[j], 4, 10)}${num(out.biasNudges[j], 4, 14)}`);
  });
  const w = r.ways;
  console.log(`\n2. three ways to raise output ${classNames[w.neuron]} (a = ${w.activation.toFixed(4)}, wish ${w.wish.toFixed(4)}) — rise of a per unit change (S25)`);
  console.log(`   bias          ∂a/∂b = σ′(z)                      ${num(w.sizes.bias, 4, 10)}`);
  console.log(`   weights       ∂a/∂w_k = σ′(z)·a_k   (length)     ${num(w.sizes.weights, 4, 10)}   largest for the brightest previous neurons: ${largest(w.weightSensitivities)}`);
  console.log(`   activations   ∂a/∂a_k = σ′(z)·w_k   (length)     ${num(w.sizes.activations, 4, 10)}   largest for the largest |weights|: ${largest(w.activationSensitivities)}`);
  if (img.layers.length > 1) {
    const prev = img.layers[1];
    console.log(`\n3. wishes summed over the ${out.activations.length} outputs give the last hidden layer's wished changes (S26)`);
    console.log('   neuron  activation   summed wish   largest contributions (output: w·σ′·wish)');
    prev.wishes.forEach((s, k) => {
      const contributions = img.contributions.map((row, j) => [j, row[k]] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 3);
      console.log(`   ${String(k).padEnd(7)}${num(prev.activations[k], 4, 11)}${num(s, 4, 14)}   ${contributions.map(([j, c]) => `${classNames[j]}:${Number(c.toPrecision(3))}`).join('  ')}`);
    });
  }
  console.log('\n4. −∇C for this image, per layer (which of the parameters get the largest nudges; S20)');
  console.log('   layer  parameters    max |nudge|   mean |nudge|   share of |∇C|²');
  for (const s of r.layerSummary) console.log(`   ${String(s.layer).padEnd(7)}${String(s.parameters).padStart(10)}${num(s.maxAbs, 4, 15)}${num(s.meanAbs, 4, 15)}${(s.share * 100).toFixed(1).padStart(14)} %`);
  console.log('   the 10 largest nudges:');
  for (const t of r.top) console.log(topLine(t));
  const b = r.batch;
  console.log(`\n5. averaged over the mini-batch of ${b.members.length} images #${r.index}–${r.index + b.members.length - 1}: −∇C of the batch (cost ${b.cost.toFixed(6)})`);
  console.log('   image   label answer      C_x     |−∇C_x|   cos(−∇C_x, average)');
  for (const m of b.members) console.log(`   ${String(m.index).padEnd(8)}${classNames[m.label].padStart(5)}${classNames[m.prediction].padStart(7)}${num(m.cost, 4, 10)}${num(m.length, 4, 11)}${num(m.agreement, 3, 12)}`);
  console.log(`   output wishes, average: ${b.outputWishes.map((x, j) => `${classNames[j]}:${Number(x.toPrecision(3))}`).join('  ')}`);
  console.log(`   coherence |average| / average |member| = ${b.coherence.toFixed(3)} (1 = all images push the same way; the rest cancels)`);
  console.log('   the 10 largest nudges of the average:');
  for (const t of r.batchTop) console.log(topLine(t));
}

function largest(v: readonly number[]): string {
  return v
    .map((x, k) => [k, x] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 3)
    .map(([k, x]) => `k=${k} (${Number(x.toPrecision(3))})`)
    .join(', ');
}
