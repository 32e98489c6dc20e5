import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { registerExperimentCommand } from '../../src/cli/commands/experiment.js';
import { ACTIVATIONS_DEFAULTS } from '../../src/experiments/activations.js';
import { FOOL_DEFAULTS } from '../../src/experiments/fool.js';
import { MISTAKES_DEFAULTS } from '../../src/experiments/mistakes.js';
import { NEURON_INPUTS_DEFAULTS } from '../../src/experiments/neuron-inputs.js';
import { NOISE_DEFAULTS } from '../../src/experiments/noise.js';
import { SHUFFLED_LABELS_DEFAULTS } from '../../src/experiments/shuffled-labels.js';
import { PANEL_FIELDS } from '../../src/lab/pages/experiments/panels.js';

/**
 * Each Experiments panel field that is one of the experiment's options, with the experiment's
 * default (src/experiments) and the `digitlab experiment` option that sets it (null when the
 * command's default is written in its help text instead of given to commander).
 */
const EXPECTED: Record<string, Record<string, { value: number; cli: string | null }>> = {
  noise: { count: { value: NOISE_DEFAULTS.count, cli: 'count' }, seed: { value: NOISE_DEFAULTS.seed, cli: 'seed' } },
  'shuffled-labels': {
    trainCount: { value: SHUFFLED_LABELS_DEFAULTS.trainCount, cli: 'trainCount' },
    width: { value: SHUFFLED_LABELS_DEFAULTS.settings.sizes[1], cli: null },
    epochs: { value: SHUFFLED_LABELS_DEFAULTS.settings.epochs, cli: null },
    seed: { value: SHUFFLED_LABELS_DEFAULTS.settings.seed, cli: null },
  },
  'neuron-inputs': { steps: { value: NEURON_INPUTS_DEFAULTS.steps, cli: 'steps' }, seed: { value: NEURON_INPUTS_DEFAULTS.seed, cli: 'seed' } },
  fool: { target: { value: FOOL_DEFAULTS.target, cli: 'target' } },
  mistakes: { show: { value: MISTAKES_DEFAULTS.show, cli: 'show' } },
  activations: {
    epochs: { value: ACTIVATIONS_DEFAULTS.settings.epochs, cli: null },
    trainCount: { value: ACTIVATIONS_DEFAULTS.trainCount, cli: 'trainCount' },
    seed: { value: ACTIVATIONS_DEFAULTS.settings.seed, cli: null },
  },
};

/** The default commander holds for option `name` (its attribute name) of `digitlab experiment <experiment>`. */
function cliDefault(experiment: string, name: string): unknown {
  const program = new Command();
  registerExperimentCommand(program);
  const command = program.commands.find((c) => c.name() === 'experiment')?.commands.find((c) => c.name() === experiment);
  const option = command?.options.find((o) => o.attributeName() === name);
  assert.ok(option, `digitlab experiment ${experiment} has an option for ${name}`);
  return option.defaultValue;
}

test('the Experiments panels start from the experiments\' own defaults, which the CLI reads too', () => {
  assert.deepEqual(PANEL_FIELDS.map((p) => p.id).sort(), Object.keys(EXPECTED).sort());
  for (const panel of PANEL_FIELDS) {
    for (const field of panel.fields) {
      if (panel.id === 'fool' && field.name === 'index') {
        // Not an experiment default: −1 stands for "the first test image of the digit the model gets right".
        assert.equal(field.value, -1);
        continue;
      }
      const expected = EXPECTED[panel.id][field.name];
      assert.ok(expected, `${panel.id}: a field ${field.name} the test knows`);
      assert.equal(field.value, expected.value, `${panel.id}: ${field.name}`);
      if (expected.cli !== null) assert.equal(cliDefault(panel.id, expected.cli), expected.value, `digitlab experiment ${panel.id}: ${expected.cli}`);
    }
  }
});
