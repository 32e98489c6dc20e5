import type { LearningDiagnosis } from '../train/learning-diagnosis.js';
import { percent } from './format.js';

/**
 * A stalled run's diagnosis as one English line for the command line, e.g. "not learning
 * after epoch 1: 10 of 10 output sigmoids saturated (σ′ ≈ 0) …; the learning rate 4.5 is
 * probably too large for 100-wide layers; try --lr 0.72". (The Lab words the same value in
 * its own languages.)
 */
export function diagnosisLine(d: LearningDiagnosis, epoch: number, classNames?: readonly string[]): string {
  const m = d.measurement;
  const share = (n: number, of: number): string => `${Math.round((100 * n) / of)} %`;
  const units = d.activation === 'relu' ? 'ReLUs' : d.activation === 'tanh' ? 'tanh neurons' : 'sigmoids';
  const accuracy = `accuracy ${percent(m.accuracy, 1)}`;
  const seen = {
    'saturated-hidden': `${share(m.saturatedNeurons, m.hiddenNeurons)} of hidden ${units} saturated (f′(z) ≈ 0 on nearly every image), ${accuracy}`,
    'dead-hidden': `${share(m.saturatedNeurons, m.hiddenNeurons)} of hidden ReLUs dead (z ≤ 0 on nearly every image), ${accuracy}`,
    'saturated-output': `${m.saturatedOutputs} of ${m.outputNeurons} output neurons saturated (f′(z) ≈ 0, so their error signal vanishes), ${accuracy}`,
    'one-class': `${share(m.topClassShare * m.examples, m.examples)} of the answers are "${classNames?.[m.topClass] ?? m.topClass}", ${accuracy}`,
    chance: `${accuracy} is chance (${percent(1 / m.classes, 0)} for ${m.classes} classes)`,
  }[d.problem];
  const rate = d.suggested.learningRate;
  const cause = {
    'learning-rate-too-large': `the learning rate ${d.learningRate} is probably too large${d.widestHidden > 0 ? ` for ${d.widestHidden}-wide layers` : ''}; try --lr ${rate}`,
    'learning-rate-too-small': `the learning rate ${d.learningRate} is probably too small; try --lr ${rate}`,
    'too-few-steps': `after only ${d.steps} mini-batches a network is usually still on its starting plateau (it needs a few hundred); try --epochs ${d.suggested.epochs}`,
    unclear: `try a smaller learning rate, e.g. --lr ${rate}`,
  }[d.cause];
  return `not learning after epoch ${epoch}: ${seen}; ${cause}`;
}
