// Writer adaptation, measured (README, "Your own handwriting"): how much fine-tuning on a few
// of a writer's digits helps the network read that writer. The "writers" are handwriting-like
// fonts from @fontsource npm packages, their digits rendered with small random variations
// (scripts/handwriting-fonts.ts) — handwriting that is not MNIST, drawn by nobody for this test.
// For each writer: HELD digits per class are held out (never trained on); the pretrained
// network is fine-tuned (src/train/finetune.ts, its defaults) on 5, 10 and 15 others per class,
// and the errors on the held-out digits and MNIST's test accuracy are measured before and after.
//
//   node --import tsx scripts/writer-adaptation.ts             the README's table (five writers)
//   node --import tsx scripts/writer-adaptation.ts --tune      the five writers the defaults were chosen on
//   node --import tsx scripts/writer-adaptation.ts --survey    the pretrained network on every font of SURVEY
//   node --import tsx scripts/writer-adaptation.ts --export DIR --per-class 10
//                                                              each writer's digits as an image folder, for the CLI
//
// Options: --writers a,b  --shots 5,10,15  --held 20  --seed 1 (fine-tuning)  --model FILE
// --fonts-from DIR (a folder whose node_modules has the fonts; default this project, which has the
// report and tuning writers as devDependencies; the survey's others: npm install --no-save @fontsource/NAME).
// A markdown table on stdout, one JSON line per run on stderr.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.js';
import type { Dataset } from '../src/data/dataset.js';
import { digitFromRgba } from '../src/data/digit-image.js';
import { loadMnist } from '../src/data/idx-dir.js';
import { datasetFromImages, type LabelledImage } from '../src/data/image-set.js';
import { fastBackendFactory } from '../src/fast/node.js';
import { loadModel } from '../src/model/model-io.js';
import { evaluateNetwork } from '../src/train/predict.js';
import { FINE_TUNE_DEFAULTS, fineTune, fineTuneSettings } from '../src/train/finetune.js';
import { CANVAS_SIDE, type FontWriter, loadFontWriter, renderDigit, rgbaToPng } from './handwriting-fonts.js';

/** The writers of the README's table: the five fonts of SURVEY the pretrained network read worst (71.5–82.5 % in the survey). */
const REPORT_WRITERS = ['sue-ellen-francisco', 'gochi-hand', 'nanum-brush-script', 'covered-by-your-grace', 'satisfy'];
/** The writers the fine-tuning defaults were chosen on: the next five (86–88.5 %), kept apart from the report's. */
const TUNING_WRITERS = ['caveat', 'nanum-pen-script', 'rock-salt', 'shadows-into-light', 'homemade-apple'];
/** Every handwriting-like @fontsource font surveyed (the pretrained network's accuracy on 20 digits per class of each). */
const SURVEY = [
  ...REPORT_WRITERS, ...TUNING_WRITERS, 'indie-flower', 'kalam', 'patrick-hand', 'gloria-hallelujah', 'reenie-beanie', 'architects-daughter',
  'permanent-marker', 'handlee', 'schoolbell', 'cedarville-cursive', 'annie-use-your-telescope', 'neucha', 'swanky-and-moo-moo', 'gaegu', 'itim',
];

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const has = (name: string): boolean => args.includes(name);
const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter((s) => s !== '');

const HELD = Number(flag('--held') ?? 20);
const SHOTS = list(flag('--shots') ?? '5,10,15').map(Number);
const POOL = Math.max(...SHOTS);
const SEED = Number(flag('--seed') ?? FINE_TUNE_DEFAULTS.seed);
/** The seed of the renderings (the writers' variations), apart from the fine-tuning's. */
const RENDER_SEED = 11;
const fontsFrom = flag('--fonts-from');

/** A writer's digits: per class, `held` held-out ones first, then `pool` to train on, each its own rendering. */
function renderWriter(writer: FontWriter, held: number, pool: number, seed: number): { heldOut: LabelledImage[]; pool: LabelledImage[][]; pngs: Buffer[][] } {
  const rng = new Rng(seed);
  const heldOut: LabelledImage[] = [];
  const trainPool: LabelledImage[][] = [];
  const pngs: Buffer[][] = [];
  for (let digit = 0; digit < 10; digit++) {
    trainPool.push([]);
    pngs.push([]);
    for (let k = 0; k < held + pool; k++) {
      const rgba = renderDigit(writer, digit, rng);
      const image = { pixels: digitFromRgba(rgba, CANVAS_SIDE, CANVAS_SIDE).input, label: digit };
      if (k < held) heldOut.push(image);
      else {
        trainPool[digit].push(image);
        if (has('--export')) pngs[digit].push(rgbaToPng(rgba));
      }
    }
  }
  return { heldOut, pool: trainPool, pngs };
}

const model = await loadModel(flag('--model') ?? 'models/pretrained.json');

if (has('--survey')) {
  console.log('| font | pretrained accuracy | per digit 0–9 (%) |\n|---|---:|---|');
  for (const name of SURVEY) {
    const { heldOut } = renderWriter(loadFontWriter(name, fontsFrom), 20, 0, 7);
    const e = evaluateNetwork(model.network, datasetFromImages(heldOut));
    console.log(`| ${name} | ${(100 * e.accuracy).toFixed(1)} % | ${e.perClassAccuracy.map((a) => Math.round(100 * a)).join(' ')} |`);
  }
  process.exit(0);
}

const writers = has('--writers') ? list(flag('--writers') as string) : has('--tune') ? TUNING_WRITERS : REPORT_WRITERS;

const exportDir = flag('--export');
if (exportDir !== undefined) {
  const perClass = Number(flag('--per-class') ?? 10);
  for (const name of writers) {
    const { pngs } = renderWriter(loadFontWriter(name, fontsFrom), HELD, perClass, RENDER_SEED);
    pngs.forEach((files, digit) => {
      const folder = join(exportDir, name, String(digit));
      mkdirSync(folder, { recursive: true });
      files.forEach((png, k) => writeFileSync(join(folder, `${name}-${digit}-${String(k).padStart(2, '0')}.png`), png));
    });
    console.log(`${join(exportDir, name)}: ${perClass * 10} digits`);
  }
  process.exit(0);
}

const mnist = await loadMnist();
const backend = await fastBackendFactory(fineTuneSettings(model));
interface Row {
  readonly writer: string;
  readonly heldOut: number;
  readonly errorsBefore: number;
  readonly after: { readonly shots: number; readonly errors: number; readonly mnist: number; readonly seconds: number }[];
}
const rows: Row[] = [];
let mnistBefore = NaN;
for (const name of writers) {
  const rendered = renderWriter(loadFontWriter(name, fontsFrom), HELD, POOL, RENDER_SEED);
  const heldOut: Dataset = datasetFromImages(rendered.heldOut);
  const row: Row = { writer: name, heldOut: heldOut.count, errorsBefore: 0, after: [] };
  for (const shots of SHOTS) {
    const train = datasetFromImages(rendered.pool.flatMap((images) => images.slice(0, shots)));
    const t0 = performance.now();
    const result = await fineTune(model, train, heldOut, mnist, { seed: SEED }, { backend });
    const seconds = (performance.now() - t0) / 1000;
    const held = result.heldOut as NonNullable<typeof result.heldOut>;
    mnistBefore = result.mnistTest.before;
    (row as { errorsBefore: number }).errorsBefore = Math.round((1 - held.before) * held.count);
    row.after.push({ shots, errors: Math.round((1 - held.after) * held.count), mnist: result.mnistTest.after, seconds });
    console.error(JSON.stringify({ writer: name, shots, heldOut: held, mnistTest: result.mnistTest, seconds: Number(seconds.toFixed(2)) }));
  }
  rows.push(row);
}

const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)} %`;
const fewer = (before: number, after: number): string => (before === 0 ? '—' : `${before >= after ? '−' : '+'}${Math.round((100 * Math.abs(before - after)) / before)} %`);
console.log(`Held-out errors (of ${HELD * 10} digits per writer, never trained on) before and after fine-tuning on k digits per class; MNIST test accuracy before: ${pct(mnistBefore, 2)}.\n`);
console.log(`| writer (font) | errors before | ${SHOTS.map((k) => `after, ${k}/class`).join(' | ')} | ${SHOTS.map((k) => `MNIST after, ${k}/class`).join(' | ')} |`);
console.log(`|---|---:|${SHOTS.map(() => '---:').join('|')}|${SHOTS.map(() => '---:').join('|')}|`);
for (const r of rows) {
  console.log(`| ${r.writer} | ${r.errorsBefore} | ${r.after.map((a) => `${a.errors} (${fewer(r.errorsBefore, a.errors)})`).join(' | ')} | ${r.after.map((a) => pct(a.mnist, 2)).join(' | ')} |`);
}
const totalBefore = rows.reduce((s, r) => s + r.errorsBefore, 0);
const totals = SHOTS.map((_, i) => rows.reduce((s, r) => s + r.after[i].errors, 0));
const mnistMeans = SHOTS.map((_, i) => rows.reduce((s, r) => s + r.after[i].mnist, 0) / rows.length);
const mnistLows = SHOTS.map((_, i) => Math.min(...rows.map((r) => r.after[i].mnist)));
console.log(`| **all ${rows.length}** | **${totalBefore}** | ${totals.map((t) => `**${t} (${fewer(totalBefore, t)})**`).join(' | ')} | ${mnistMeans.map((m, i) => `${pct(m, 2)} (lowest ${pct(mnistLows[i], 2)})`).join(' | ')} |`);
const seconds = rows.flatMap((r) => r.after.map((a) => a.seconds));
console.log(`\nSeconds per fine-tuning run (rendering excluded): ${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)}.`);
