import type { Command } from 'commander';
import { runNoise, NOISE_DEFAULTS } from '../../experiments/noise.js';
import { writeBarChart } from '../charts.js';
import { percent } from '../format.js';
import { writeImageGrid } from '../image-grid.js';
import { integerOption } from '../options.js';
import { type CommonExperimentOptions, loadExperimentData, loadExperimentModel, outputFolder, report, writeResult } from './context.js';

interface NoiseCliOptions extends CommonExperimentOptions {
  model?: string;
  count: number;
  seed: number;
}

/** `digitlab experiment noise` (white noise gets a confident answer). */
export function registerNoise(parent: Command): Command {
  return parent
    .command('noise')
    .description('feed white noise to a trained model: it still answers one digit, confidently')
    .option('--model <file>', 'model file (default models/pretrained.json)')
    .option('--count <n>', 'noise images of each kind', integerOption(1, 1_000_000), NOISE_DEFAULTS.count)
    .option('--seed <n>', 'seed of the noise', integerOption(0, 0xffffffff), NOISE_DEFAULTS.seed)
    .action(async (o: NoiseCliOptions) => {
      const { model, file } = await loadExperimentModel(o.model);
      const data = await loadExperimentData(o.data, model, file);
      const result = runNoise(model.network, data.test, { count: o.count, seed: o.seed });
      const out = await outputFolder('noise', o.out);
      const names = model.classNames;
      const files = ['result.json', 'confidence.png', 'answers.png', 'examples.png'];
      const sets = [
        { label: `uniform noise (${result.uniform.count})`, s: result.uniform },
        { label: `sparse noise, MNIST ink density (${result.sparse.count})`, s: result.sparse },
        { label: `test images (${result.test.count})`, s: result.test },
      ];
      await writeBarChart(out.file('confidence.png'), {
        title: 'How sure is the network? Top output activation',
        xLabel: 'confidence (activation of the answer neuron)',
        yLabel: 'share of images',
        yPercent: true,
        categories: Array.from({ length: 10 }, (_, i) => `${i / 10}–${(i + 1) / 10}`),
        series: sets.map(({ label, s }) => ({ label, values: s.confidenceHistogram.map((c) => c / s.count) })),
      });
      await writeBarChart(out.file('answers.png'), {
        title: 'Which digit does it answer?',
        xLabel: 'answer',
        yLabel: 'share of images',
        yPercent: true,
        categories: [...names],
        series: sets.map(({ label, s }) => ({ label, values: s.answerCounts.map((c) => c / s.count) })),
      });
      const examples = [...result.examples.uniform, ...result.examples.sparse];
      await writeImageGrid(out.file('examples.png'), {
        title: 'Noise images and the answers (top: uniform, bottom: sparse)',
        columns: result.examples.uniform.length,
        tiles: examples.map((e) => ({ values: e.image, kind: 'gray' as const, caption: `→ ${names[e.prediction]}  ${percent(e.confidence, 0)}` })),
      });
      await writeResult(out.file('result.json'), result);
      const line = (label: string, s: typeof result.test): string =>
        `${label.padEnd(14)} mean confidence ${percent(s.meanConfidence, 1).padStart(7)}  median ${percent(s.medianConfidence, 1).padStart(7)}  ` +
        `≥ 50 %: ${percent(s.confidentHalf, 1).padStart(7)}  most frequent answer ${names[s.answerCounts.indexOf(Math.max(...s.answerCounts))]}`;
      report(
        o,
        result,
        [
          `white noise fed to ${file} (seed ${o.seed}):`,
          line('uniform noise', result.uniform),
          line('sparse noise', result.sparse),
          line('test images', result.test) + `  (accuracy ${percent(result.test.accuracy ?? NaN)})`,
          `The network does not say "I don't know": noise gets a definite answer.`,
        ],
        files.map(out.file),
      );
    });
}
