import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import chapter1 from '../../src/lab/pages/learn/chapter1/chapter.js';
import { COURSE_MESSAGES } from '../../src/lab/pages/learn/messages.js';
import { CHAPTER_1_EN } from '../../src/lab/pages/learn/text/chapter1.en.js';
import { CHAPTER_1_RU } from '../../src/lab/pages/learn/text/chapter1.ru.js';
import { CHAPTER_2_EN } from '../../src/lab/pages/learn/text/chapter2.en.js';
import { CHAPTER_2_RU } from '../../src/lab/pages/learn/text/chapter2.ru.js';
import { CHAPTER_3_EN } from '../../src/lab/pages/learn/text/chapter3.en.js';
import { CHAPTER_3_RU } from '../../src/lab/pages/learn/text/chapter3.ru.js';
import type { ChapterText } from '../../src/lab/pages/learn/text/course-text.js';
import { SOURCE_MAP_EN, SOURCE_MAP_RU } from '../../src/lab/pages/learn/text/source-map.js';

/** The `{name}`s of a text, sorted. */
const names = (text = ''): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** A specification code, which no user may read. */
const SPEC_CODE = /\b[SB][0-9]{1,2}\b/;

/** Every string of a chapter's text with where it is. */
function strings(text: ChapterText): [string, string][] {
  const out: [string, string][] = [['title', text.title], ['intro', text.intro]];
  for (const [id, s] of Object.entries(text.sections)) {
    out.push([`${id}.title`, s.title], ...s.paragraphs.map((p, i): [string, string] => [`${id}.paragraphs.${i}`, p]));
    if (s.try) out.push([`${id}.try`, s.try]);
    if (s.question) out.push([`${id}.prompt`, s.question.prompt], [`${id}.reveal`, s.question.reveal], ...s.question.choices.map((c, i): [string, string] => [`${id}.choices.${i}`, c]));
    for (const [key, value] of Object.entries(s.figure ?? {})) out.push([`${id}.figure.${key}`, value]);
  }
  for (const [key, value] of Object.entries(text.words ?? {})) out.push([`words.${key}`, value]);
  return out;
}

describe('the course’s words: English and Russian match, and no specification code', () => {
  for (const [n, en, ru] of [[1, CHAPTER_1_EN, CHAPTER_1_RU], [2, CHAPTER_2_EN, CHAPTER_2_RU], [3, CHAPTER_3_EN, CHAPTER_3_RU]] as const) {
    it(`chapter ${n}: the same sections, figure keys, choices and placeholders in both languages`, () => {
      const a = strings(en);
      const b = strings(ru);
      assert.deepEqual(b.map(([where]) => where), a.map(([where]) => where));
      a.forEach(([where, text], i) => assert.deepEqual(names(b[i][1]), names(text), `${where}: placeholders`));
      for (const [where, text] of [...a, ...b]) assert.doesNotMatch(text, SPEC_CODE, where);
    });
  }

  it('chapter 1’s module has one section per text section, in the text’s order, with a question exactly where the text asks one', () => {
    assert.equal(chapter1.id, 'network');
    assert.deepEqual(chapter1.sections.map((s) => s.id), Object.keys(CHAPTER_1_EN.sections));
    for (const s of chapter1.sections) assert.equal(s.question !== undefined, CHAPTER_1_EN.sections[s.id].question !== undefined, s.id);
  });

  it('the shell’s messages and the map of the source have the same keys and ideas in both languages', () => {
    assert.deepEqual(Object.keys(COURSE_MESSAGES.ru), Object.keys(COURSE_MESSAGES.en));
    for (const key of Object.keys(COURSE_MESSAGES.en) as (keyof typeof COURSE_MESSAGES.en)[]) assert.deepEqual(names(COURSE_MESSAGES.ru[key]), names(COURSE_MESSAGES.en[key]), key);
    assert.deepEqual(SOURCE_MAP_RU.map((i) => [i.section, i.view]), SOURCE_MAP_EN.map((i) => [i.section, i.view]));
    for (const text of [...Object.values(COURSE_MESSAGES.en), ...Object.values(COURSE_MESSAGES.ru), ...SOURCE_MAP_EN.map((i) => i.idea), ...SOURCE_MAP_RU.map((i) => i.idea)]) assert.doesNotMatch(text, SPEC_CODE);
  });
});
