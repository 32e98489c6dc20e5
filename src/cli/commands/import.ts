import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DigitlabError } from '../../errors.js';
import { saveModel } from '../../model/model-io.js';
import { parseNielsenText } from '../../model/nielsen.js';

/** Largest network2.py file read: its JSON takes ~20 bytes a parameter. */
const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

/** `digitlab import`: turns another tool's model (Nielsen's network2.py JSON) into a digitlab model file. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('read a model saved by Nielsen\'s network2.py (Network.save) and write it as a digitlab model file')
    .requiredOption('--nielsen <file>', 'network2.py JSON file ({"sizes", "weights", "biases", "cost"})')
    .option('--out <file>', 'digitlab model file to write', 'model.json')
    .option('--class-names <names>', 'comma-separated class names (default: the digits 0–9 for 10 outputs)')
    .action(async (o: { nielsen: string; out: string; classNames?: string }) => {
      let text: string;
      try {
        const bytes = await readFile(o.nielsen);
        if (bytes.length > MAX_IMPORT_BYTES) throw new DigitlabError(`${o.nielsen}: ${bytes.length} bytes is more than any importable network`);
        text = bytes.toString('utf8');
      } catch (e) {
        if (e instanceof DigitlabError) throw e;
        throw new DigitlabError(`${o.nielsen}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      let model = parseNielsenText(text, basename(o.nielsen));
      const classes = model.network.sizes[model.network.layerCount];
      if (o.classNames !== undefined) {
        const names = o.classNames.split(',').map((s) => s.trim());
        if (names.length !== classes || names.some((n) => n === '' || n.length > 100)) {
          throw new DigitlabError(`--class-names: the network has ${classes} outputs, so give ${classes} non-empty names separated by commas`);
        }
        model = { ...model, classNames: names };
      }
      await saveModel(o.out, model);
      process.stderr.write(`wrote ${o.out}: ${model.network.sizes.join('-')} sigmoid network, ${model.cost} cost, classes ${model.classNames.join(', ')}\n`);
    });
}
