// The course's sigmoid-or-ReLU race (chapter 1, last section) over several seeds, in Node with
// the WebAssembly kernels: the same `runRace` the page's Worker runs, on all of MNIST. Prints
// a markdown table (per seed and network: the images each activation needed to reach the
// target test accuracy, or its last accuracy when it did not) and the section's verdict
// sentence for each seed in English and Russian.
//
//   node --import tsx scripts/relu-race.ts                 seeds 1–6
//   node --import tsx scripts/relu-race.ts --seeds 1,2,3
import { loadMnist } from '../src/data/idx-dir.js';
import { fastBackendFactory } from '../src/fast/node.js';
import { RACE_DEFAULTS, raceWinner, runRace } from '../src/lab/pages/learn/chapter1/race.js';
import { raceVerdict } from '../src/lab/pages/learn/chapter1/race-verdict.js';
import { fill, Translator } from '../src/lab/shared/i18n.js';
import { counted } from '../src/lab/pages/learn/chapter2/words.js';
import { CHAPTER_1_EN } from '../src/lab/pages/learn/text/chapter1.en.js';
import { CHAPTER_1_RU } from '../src/lab/pages/learn/text/chapter1.ru.js';

const args = process.argv.slice(2);
const seedsArg = args[args.indexOf('--seeds') + 1];
const seeds = args.includes('--seeds') && seedsArg ? seedsArg.split(',').map(Number) : [1, 2, 3, 4, 5, 6];
const data = await loadMnist();
const backend = await fastBackendFactory();
const texts = { en: CHAPTER_1_EN, ru: CHAPTER_1_RU } as const;
const rows: string[] = [];
const sentences: string[] = [];
for (const seed of seeds) {
  const t0 = performance.now();
  const result = runRace(data, { ...RACE_DEFAULTS, seed }, undefined, backend);
  const seconds = (performance.now() - t0) / 1000;
  for (const race of result.races) {
    const cell = (activation: string): string => {
      const run = race.runs.find((r) => r.activation === activation);
      if (run === undefined) return '';
      return run.examplesToTarget === null ? `not reached (${(100 * run.finalAccuracy).toFixed(1)} % at the end)` : `${run.examplesToTarget}`;
    };
    rows.push(`| ${seed} | ${race.sizes.join('-')} | ${cell('sigmoid')} | ${cell('relu')} | ${raceWinner(race)} |`);
  }
  for (const language of ['en', 'ru'] as const) {
    const tr = new Translator({ en: {}, ru: {} }, language);
    const section = texts[language].sections.relu;
    const words = texts[language].words ?? {};
    const ctx = { f: (key: string, values?: Parameters<typeof fill>[1]) => fill(section.figure?.[key] ?? key, values), num: tr.num, pct: tr.pct, count: (key: string, n: number) => counted({ words, language, num: tr.num }, key, n) };
    sentences.push(`seed ${seed} (${language}): ${fill(section.question?.reveal ?? '', raceVerdict(result, ctx))}`);
  }
  console.error(`seed ${seed}: ${seconds.toFixed(0)} s`);
}
console.log('| seed | network | sigmoid: images to 90 % | ReLU: images to 90 % | first |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log();
for (const s of sentences) console.log(s);
process.exit(0);
