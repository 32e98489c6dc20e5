import type { Command } from 'commander';
import { join } from 'node:path';
import { checkOutputFolder } from '../../model/output-path.js';
import { registerActivations } from '../experiments/activations.js';
import { addCommonOptions } from '../experiments/context.js';
import { registerFool } from '../experiments/fool.js';
import { registerMistakes } from '../experiments/mistakes.js';
import { registerNeuronInputs } from '../experiments/neuron-inputs.js';
import { registerNoise } from '../experiments/noise.js';
import { registerShuffledLabels } from '../experiments/shuffled-labels.js';

/** The experiments, in the order of the source document's story. */
const EXPERIMENTS: readonly [string, (parent: Command) => Command][] = [
  ['noise', registerNoise],
  ['shuffled-labels', registerShuffledLabels],
  ['neuron-inputs', registerNeuronInputs],
  ['fool', registerFool],
  ['mistakes', registerMistakes],
  ['activations', registerActivations],
];

/**
 * `digitlab experiment <name>`: what the network really learned and how it fails. Each
 * experiment computes its result object in src/experiments/ (the Lab runs the same code) and
 * its CLI file in src/cli/experiments/ writes result.json and PNGs and prints a summary.
 */
export function registerExperimentCommand(program: Command): void {
  const parent = program
    .command('experiment')
    .description('run an experiment: noise, shuffled-labels, neuron-inputs, fool, mistakes, activations (writes result.json and PNGs)');
  for (const [name, register] of EXPERIMENTS) addCommonOptions(register(parent), name);
  // Before any work: the output folder must be one that can be written (or created).
  parent.hook('preAction', async (_parent, action) => {
    const out = (action.opts() as { out?: string }).out;
    const dir = out ?? join('experiments', action.name());
    await checkOutputFolder(dir, '--out');
  });
}
