import type { LearningDiagnosis } from '../../train/learning-diagnosis.js';
import { fill, formatNumber, formatValue, type Language, type MessageTables } from '../shared/i18n.js';

/**
 * The stalled-learning line in the Lab's languages: what the run layer's diagnosis saw (most
 * hidden neurons saturated or dead, outputs saturated, one class, chance) and what to try —
 * the CLI says the same in English. The diagnosis is numbers and names; this only words it.
 */

const EN = {
  stalled: 'The network has stopped learning. {problem} {advice}',
  'saturated-hidden': '{share} of the hidden {activation} neurons are saturated (f′(z) ≈ 0): almost no gradient flows back through them.',
  'dead-hidden': '{share} of the hidden ReLU neurons are dead (0 on every image): no gradient flows back through them.',
  'saturated-output': '{share} of the output neurons are saturated: with the quadratic cost their error signal vanishes.',
  'one-class': '{share} of the answers are “{class}”.',
  chance: 'Its accuracy, {accuracy}, is no better than guessing.',
  'learning-rate-too-large': 'The learning rate η = {rate} is probably too large for {width}-wide layers: try η = {suggested}.',
  tooLargeNoHidden: 'The learning rate η = {rate} is probably too large: try η = {suggested}.',
  'learning-rate-too-small': 'The learning rate η = {rate} is probably too small: try η = {suggested}.',
  unclear: 'Try a smaller learning rate, e.g. η = {suggested}.',
  'too-few-steps': 'It is early to tell: a network needs a few hundred mini-batches to leave its starting plateau. Train longer (epochs: {epochs}).',
} as const;

/** Keys of the stalled-learning messages. */
export type DiagnosisKey = keyof typeof EN;

const RU: Readonly<Record<DiagnosisKey, string>> = {
  stalled: 'Сеть перестала учиться. {problem} {advice}',
  'saturated-hidden': '{share} скрытых нейронов ({activation}) в насыщении (f′(z) ≈ 0): градиент через них почти не проходит.',
  'dead-hidden': '{share} скрытых нейронов ReLU «мертвы» (на каждой картинке дают 0): градиент через них не проходит.',
  'saturated-output': '{share} выходных нейронов в насыщении: с квадратичной функцией стоимости их сигнал ошибки исчезает.',
  'one-class': '{share} ответов — «{class}».',
  chance: 'Её точность, {accuracy}, не лучше случайного угадывания.',
  'learning-rate-too-large': 'Скорость обучения η = {rate}, видимо, слишком велика для слоёв шириной {width}: попробуйте η = {suggested}.',
  tooLargeNoHidden: 'Скорость обучения η = {rate}, видимо, слишком велика: попробуйте η = {suggested}.',
  'learning-rate-too-small': 'Скорость обучения η = {rate}, видимо, слишком мала: попробуйте η = {suggested}.',
  unclear: 'Попробуйте меньшую скорость обучения, например η = {suggested}.',
  'too-few-steps': 'Судить ещё рано: сети нужно несколько сотен мини-батчей, чтобы сойти с начального плато. Обучайте дольше (эпох: {epochs}).',
};

/** The stalled-learning tables. */
export const DIAGNOSIS_MESSAGES: MessageTables<DiagnosisKey> = { en: EN, ru: RU };

/** One line naming what stopped the network and what to try, in `language`; `classNames` name the classes. */
export function diagnosisText(language: Language, d: LearningDiagnosis, classNames: readonly string[]): string {
  const table = DIAGNOSIS_MESSAGES[language];
  const m = d.measurement;
  const pct = (x: number): string => `${formatNumber(language, 100 * x, 0)} %`;
  const share =
    d.problem === 'saturated-hidden' || d.problem === 'dead-hidden'
      ? m.saturatedNeurons / Math.max(1, m.hiddenNeurons)
      : d.problem === 'saturated-output'
        ? m.saturatedOutputs / Math.max(1, m.outputNeurons)
        : m.topClassShare;
  const rate = (x: number): string => formatValue(language, x, 3);
  const problem = fill(table[d.problem], { share: pct(share), activation: d.activation, class: classNames[m.topClass] ?? String(m.topClass), accuracy: pct(m.accuracy) });
  const cause = d.cause === 'learning-rate-too-large' && d.widestHidden === 0 ? 'tooLargeNoHidden' : d.cause;
  const advice = fill(table[cause], { rate: rate(d.learningRate), width: formatNumber(language, d.widestHidden, 0), suggested: rate(d.suggested.learningRate ?? d.learningRate / 10), epochs: formatNumber(language, d.suggested.epochs ?? 0, 0) });
  return fill(table.stalled, { problem, advice });
}
