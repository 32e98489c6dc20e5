import type { MessageValues } from '../../../shared/i18n.js';
import { type NetworkRace, type RaceResult, raceWinner } from './race.js';

/** What the verdict needs of a section's context: its figure words and number formats. */
export interface VerdictWords {
  /** The section's figure word `key` with its `{name}`s filled. */
  f(key: string, values?: MessageValues): string;
  num(n: number, digits?: number): string;
  pct(x: number, digits?: number): string;
  /** `n` with the chapter's counted word `key` in the form the language needs ('24,000 images'). */
  count(key: string, n: number): string;
}

/** The figure word naming an activation in a sentence ('the sigmoid', 'ReLU'). */
const NAME = { sigmoid: 'sigmoidName', relu: 'reluName', tanh: 'reluName' } as const;

/**
 * One network's race in one sentence, right for every outcome: both reached the goal (who
 * first, after how many images each), only one did (the other's last accuracy and how long
 * the race lasted), both at once, or neither.
 */
export function networkVerdict(race: NetworkRace, result: RaceResult, w: VerdictWords): string {
  const network = w.f(race.network === 'deep' ? 'onDeep' : 'onCourse');
  const target = w.pct(result.target, 0);
  const max = w.count('raceImages', result.maxExamples);
  const ranked = [...race.runs].sort((p, q) => (p.examplesToTarget ?? Infinity) - (q.examplesToTarget ?? Infinity));
  const [first, second] = ranked;
  const names = { first: w.f(NAME[first.activation]), second: w.f(NAME[second.activation]) };
  const winner = raceWinner(race);
  if (winner === 'none') return w.f('verdictNone', { network, target, max, ...names, firstFinal: w.pct(first.finalAccuracy, 1), secondFinal: w.pct(second.finalAccuracy, 1) });
  if (winner === 'tie') return w.f('verdictTie', { network, target, examples: w.count('seenImages', first.examplesToTarget ?? 0) });
  if (second.examplesToTarget === null) return w.f('verdictOne', { network, target, max, ...names, firstExamples: w.count('seenImages', first.examplesToTarget ?? 0), secondFinal: w.pct(second.finalAccuracy, 1) });
  return w.f('verdictBoth', { network, target, ...names, firstExamples: w.count('seenImages', first.examplesToTarget ?? 0), secondExamples: w.count('seenImages', second.examplesToTarget) });
}

/**
 * The reveal's values: a sentence per network (`deep`, `course`) and `why`, which says what
 * the outcome shows — the source's point where ReLU won on the deeper network, and plainly
 * when a seed does not show it; for the course's network, that two hidden layers are too few
 * for the sigmoid's slope to fade when the sigmoid keeps up.
 */
export function raceVerdict(result: RaceResult, w: VerdictWords): MessageValues {
  const deep = result.races.find((r) => r.network === 'deep');
  const course = result.races.find((r) => r.network === 'course');
  const why: string[] = [];
  if (deep) why.push(w.f(raceWinner(deep) === 'relu' ? 'whyDeepRelu' : 'whyDeepOther'));
  if (course) {
    const winner = raceWinner(course);
    why.push(w.f(winner === 'relu' ? 'whyCourseRelu' : winner === 'none' ? 'whyCourseNone' : 'whyCourseSigmoid'));
  }
  return { deep: deep ? networkVerdict(deep, result, w) : '', course: course ? networkVerdict(course, result, w) : '', why: why.join(' ') };
}
