import type { RunDifference } from '../train/resume.js';
import { valueText } from '../train/resume.js';

/** The `digitlab train` option of each setting, where its name differs. */
const OPTION_OF: Readonly<Record<string, string>> = {
  sizes: 'layers',
  outputActivation: 'output',
  learningRate: 'lr',
  batchSize: 'batch',
};

/** How the command line writes a value: layers "784,16,10", no --data "MNIST", no --limit "all". */
function optionValue(key: string, value: unknown): string {
  if (key === 'data' && value === null) return 'MNIST';
  if (key === 'limit' && value === null) return 'all images';
  return valueText(value);
}

/**
 * One line refusing a resume, naming each option that would change the run: "--resume
 * run.ckpt: --seed 2 differs from the checkpoint's run (seed 1); drop it or give the run's value".
 */
export function resumeConflictMessage(differences: readonly RunDifference[], checkpoint: string): string {
  const parts = differences.map((d) => {
    const option = OPTION_OF[d.key] ?? d.key;
    if (d.key === 'preset' && d.setting) {
      const inner = OPTION_OF[d.setting] ?? d.setting;
      return `--preset ${d.given} differs from the checkpoint's run (its ${inner} ${optionValue(d.setting, d.presetValue)}, the run's ${optionValue(d.setting, d.run)})`;
    }
    return `--${option} ${optionValue(d.key, d.given)} differs from the checkpoint's run (${option} ${optionValue(d.key, d.run)})`;
  });
  const them = differences.length === 1 ? 'it' : 'them';
  return `--resume ${checkpoint}: ${parts.join('; ')}; drop ${them} to continue the run as it was, or train afresh without --resume`;
}
