import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MIN_INK_CONTRAST } from '../../data/ink.js';
import { isPngName, planImageFolder } from '../../data/image-folder.js';
import { listImageFolder } from '../../data/image-folder-node.js';
import { readPngDigit, type PngDigit } from '../../data/png-node.js';
import { DigitlabError } from '../../errors.js';
import { loadModel } from '../../model/model-io.js';
import { classify } from '../../train/predict.js';
import { argmaxRow } from '../../core/metrics.js';

/** The one-line warning for a picture without ink, or null when it has some. */
export function noInkWarning(file: string, digit: PngDigit): string | null {
  if (digit.ink.hasInk) return null;
  const what = digit.ink.contrast === 0 ? 'one flat shade' : `${(digit.ink.contrast * 100).toFixed(1)} % contrast, under the ${MIN_INK_CONTRAST * 100} % that counts as ink`;
  return `${file}: no ink in this ${digit.width}×${digit.height} image (${what}); the answer below is meaningless`;
}

/** One picture to classify: its path, and its digit when a class folder says it. */
interface Picture {
  readonly file: string;
  readonly label: number | null;
  /** Found in a folder (its messages then name the whole path, not only the file's name). */
  readonly inFolder: boolean;
}

/**
 * The pictures the arguments name: a PNG file as it is; a folder of PNGs, each (by name);
 * an image folder of class folders 0/ … 9/, each PNG with the digit its folder says.
 */
async function pictures(args: readonly string[]): Promise<Picture[]> {
  const found: Picture[] = [];
  for (const arg of args) {
    const isFolder = await stat(arg).then((s) => s.isDirectory(), () => false);
    if (!isFolder) {
      found.push({ file: arg, label: null, inFolder: false });
      continue;
    }
    const listing = await listImageFolder(arg);
    const base = arg.replace(/\/+$/, '');
    if (listing.folders.some((f) => !f.name.startsWith('.'))) {
      for (const image of planImageFolder(arg, listing).images) found.push({ file: join(base, image.path), label: image.label, inFolder: true });
      continue;
    }
    const pngs = listing.files.filter(isPngName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (pngs.length === 0) throw new DigitlabError(`${arg}: no PNG images in the folder`);
    for (const name of pngs) found.push({ file: join(base, name), label: null, inFolder: true });
  }
  return found;
}

/** `digitlab predict`: what a model answers for PNG images of handwritten digits. */
export function registerPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('classify PNG images (any size; dark-on-light is inverted; fitted and centred as MNIST was); a folder: one line per image')
    .requiredOption('--model <file>', 'model file')
    .argument('<images...>', 'PNG files, or folders of them (a folder of class folders 0/ … 9/ also says which answers are right)')
    .option('--json', 'one JSON object per image')
    .action(async (images: string[], o: { model: string; json?: boolean }) => {
      const model = await loadModel(o.model);
      const net = model.network;
      if (net.sizes[0] !== 784) throw new DigitlabError(`${o.model}: the model takes ${net.sizes[0]} inputs, not 28×28 = 784 pixels`);
      const list = await pictures(images);
      // One line per image when there are many (a folder); the ten confidences as bars for single files.
      const brief = list.some((p) => p.inFolder);
      for (const { file, label, inFolder } of list) {
        const digit = inFolder ? await readPngDigit(file, file) : await readPngDigit(file);
        const output = classify(net, digit.input);
        const answer = argmaxRow(output, 0, output.length);
        const confidences = Array.from(output, (x) => Number(x.toFixed(6)));
        // A blank picture still gets the network's answer (it shows what a net says about nothing), marked as meaningless.
        const warning = noInkWarning(file, digit);
        if (warning !== null) console.error(`warning: ${warning}`);
        const labelled = label === null ? {} : { expected: label, right: answer === label };
        if (o.json) {
          const ink = { hasInk: digit.ink.hasInk, inkContrast: digit.ink.contrast, ...(warning === null ? {} : { warning }) };
          process.stdout.write(JSON.stringify({ file, prediction: answer, label: model.classNames[answer], confidences, ...labelled, ...ink }) + '\n');
        } else if (brief) {
          const verdict = label === null ? '' : answer === label ? '  right' : `  wrong (it shows ${model.classNames[label]})`;
          console.log(`${file}: ${model.classNames[answer]} (${confidences[answer].toFixed(2)})${verdict}${warning === null ? '' : ' (meaningless: no ink)'}`);
        } else {
          const bars = confidences.map((c, j) => `  ${model.classNames[j].padEnd(12)} ${c.toFixed(3)} ${'█'.repeat(Math.round(c * 30))}`);
          console.log(`${file}: ${model.classNames[answer]}${warning === null ? '' : ' (meaningless: no ink)'}\n${bars.join('\n')}`);
        }
      }
    });
}
