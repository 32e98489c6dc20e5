import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NetworkRace, RaceResult } from '../../src/lab/pages/learn/chapter1/race.js';
import { raceWinner } from '../../src/lab/pages/learn/chapter1/race.js';
import { raceVerdict } from '../../src/lab/pages/learn/chapter1/race-verdict.js';
import { counted } from '../../src/lab/pages/learn/chapter2/words.js';
import { CHAPTER_1_EN } from '../../src/lab/pages/learn/text/chapter1.en.js';
import { CHAPTER_1_RU } from '../../src/lab/pages/learn/text/chapter1.ru.js';
import { fill, Translator } from '../../src/lab/shared/i18n.js';

/**
 * The race's verdict sentence for every outcome of a network's race — both reached the goal,
 * only one did, both at once, neither — in both languages: each names what happened, with the
 * numbers, and none of the broken forms of before ("against not within the race", «понадобилось
 * не успела»). The outcomes are built by hand here because a real race's outcome depends on the
 * seed; the browser test checks the sentence of real races against Node's.
 */
const run = (activation: 'sigmoid' | 'relu', examplesToTarget: number | null, finalAccuracy: number) => ({ activation, learningRate: activation === 'sigmoid' ? 3 : 0.2, examplesToTarget, finalAccuracy });
const OUTCOMES: Readonly<Record<string, NetworkRace['runs']>> = {
  both: [run('sigmoid', 60_000, 0.905), run('relu', 24_000, 0.91)],
  one: [run('sigmoid', null, 0.713), run('relu', 48_000, 0.901)],
  tie: [run('sigmoid', 30_000, 0.9), run('relu', 30_000, 0.903)],
  none: [run('sigmoid', null, 0.847), run('relu', null, 0.754)],
};
const result = (deep: NetworkRace['runs'], course: NetworkRace['runs']): RaceResult => ({
  target: 0.9,
  maxExamples: 180_000,
  races: [
    { network: 'deep', sizes: [784, 16, 16, 16, 16, 10], runs: deep },
    { network: 'course', sizes: [784, 16, 16, 10], runs: course },
  ],
});

function verdict(r: RaceResult, language: 'en' | 'ru'): string {
  const text = language === 'en' ? CHAPTER_1_EN : CHAPTER_1_RU;
  const tr = new Translator({ en: {}, ru: {} }, language);
  const words = { f: (key: string, values?: Parameters<typeof fill>[1]) => fill(text.sections.relu.figure?.[key] ?? key, values), num: tr.num, pct: tr.pct, count: (key: string, n: number) => counted({ words: text.words ?? {}, language, num: tr.num }, key, n) };
  return fill(text.sections.relu.question?.reveal ?? '', raceVerdict(r, words));
}

describe('the sigmoid-or-ReLU race: a verdict right for every outcome', () => {
  it('names the winner for each outcome (and none when nobody got there)', () => {
    assert.deepEqual(Object.values(OUTCOMES).map((runs) => raceWinner({ network: 'deep', sizes: [], runs })), ['relu', 'relu', 'tie', 'none']);
  });

  for (const language of ['en', 'ru'] as const) {
    it(`${language}: every pair of outcomes gives whole sentences with the numbers, no placeholder and no broken form`, () => {
      const num = (n: number): string => new Translator({ en: {}, ru: {} }, language).num(n);
      for (const [deepName, deep] of Object.entries(OUTCOMES))
        for (const [courseName, course] of Object.entries(OUTCOMES)) {
          const text = verdict(result(deep, course), language);
          const where = `${deepName}/${courseName}: ${text}`;
          assert.doesNotMatch(text, /\{\w+\}|undefined|NaN|null/, where);
          assert.doesNotMatch(text, /against not|понадобилось не|не успела/, where);
          for (const runs of [deep, course])
            for (const r of runs) {
              if (r.examplesToTarget !== null) assert.ok(text.includes(num(r.examplesToTarget)), `${where}: ${r.examplesToTarget}`);
              else assert.ok(text.includes(new Translator({ en: {}, ru: {} }, language).pct(r.finalAccuracy, 1)), `${where}: the last accuracy of a run that missed`);
            }
          if (deepName === 'one' || deepName === 'none' || courseName === 'one' || courseName === 'none') assert.ok(text.includes(num(180_000)), `${where}: how long the race was`);
          // The source's point is claimed only when the deeper race shows it.
          const claims = text.includes(language === 'en' ? 'That is the source’s point' : 'Об этом и говорит источник');
          assert.equal(claims, raceWinner({ network: 'deep', sizes: [], runs: deep }) === 'relu', where);
        }
    });
  }

  it('Russian counts its images in the right form', () => {
    const text = verdict(result(OUTCOMES.one, OUTCOMES.both), 'ru');
    assert.match(text, /увидев 48\s000 картинок/);
    assert.match(text, /\(180\s000 обучающих картинок\)/);
  });
});
