import type { Command } from 'commander';
import { MISTAKES_DEFAULTS, runMistakes } from '../../experiments/mistakes.js';
import { confusionTable, count, percent } from '../format.js';
import { writeImageGrid } from '../image-grid.js';
import { integerOption } from '../options.js';
import { type CommonExperimentOptions, loadExperimentData, loadExperimentModel, outputFolder, report, writeResult } from './context.js';

interface MistakesCliOptions extends CommonExperimentOptions {
  model?: string;
  show: number;
}

/** `digitlab experiment mistakes` (confusion matrix and most-wrong gallery). */
export function registerMistakes(parent: Command): Command {
  return parent
    .command('mistakes')
    .description('the confusion matrix and the test images the model gets wrong most confidently')
    .option('--model <file>', 'model file (default models/pretrained.json)')
    .option('--show <n>', 'most confident mistakes listed', integerOption(1, 10_000), MISTAKES_DEFAULTS.show)
    .action(async (o: MistakesCliOptions) => {
      const { model, file } = await loadExperimentModel(o.model);
      const data = await loadExperimentData(o.data, model, file);
      const result = runMistakes(model.network, data.test, { show: o.show });
      const out = await outputFolder('mistakes', o.out);
      const names = result.classNames;
      await writeImageGrid(out.file('mistakes.png'), {
        title: 'Most confident mistakes: true label → answer (confidence)',
        columns: 8,
        tiles: result.mistakes.map((m) => ({
          values: m.image,
          kind: 'gray' as const,
          caption: `${names[m.label]} → ${names[m.answer]} (${percent(m.confidence, 0)})`,
          captionColor: '#ff8a80',
        })),
      });
      await writeResult(out.file('result.json'), result);
      report(
        o,
        result,
        [
          `${file}: ${count(result.mistakeCount)} of ${count(result.examined)} test images wrong (accuracy ${percent(result.accuracy)})\n`,
          confusionTable(result.confusion, names),
          '\nmost confident mistakes (test index: true → answer, confidence):',
          ...result.mistakes.slice(0, 10).map((m) => `  #${String(m.index).padStart(5)}: ${names[m.label]} → ${names[m.answer]}, ${percent(m.confidence, 1)}`),
        ],
        ['result.json', 'mistakes.png'].map(out.file),
      );
    });
}
