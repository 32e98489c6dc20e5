import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIAGNOSIS_MESSAGES } from '../../src/lab/components/diagnosis-text.js';
import { EX_MESSAGES } from '../../src/lab/components/experiments/messages.js';
import { EXPLAIN_MESSAGES } from '../../src/lab/components/explain/messages.js';
import { FIGURE_MESSAGES } from '../../src/lab/components/figure-messages.js';
import { DIGITS_MESSAGES } from '../../src/lab/pages/digits/messages.js';
import { EN, LAB_MESSAGES, RU } from '../../src/lab/pages/lab/messages.js';
import { HASH_MESSAGES } from '../../src/lab/shared/hash-messages.js';
import { shownBackendName } from '../../src/lab/shared/backend-label.js';
import { DATA_SETS, dataSetSource, shownClassNames } from '../../src/lab/shared/data-sets.js';
import { nudgeNumber } from '../../src/lab/components/explain/nudge-number.js';
import { superscript } from '../../src/lab/components/explain/superscript.js';
import { formatNumber, formatValue, languageFromNavigator, type MessageTables, Translator } from '../../src/lab/shared/i18n.js';
import { OFFLINE_MESSAGES } from '../../src/lab/site/offline-messages.js';
import { PAGE_DESCRIPTIONS } from '../../src/lab/site/page-descriptions.js';

const TABLES: [string, MessageTables<string>][] = [
  ['Lab', LAB_MESSAGES],
  ['figures', FIGURE_MESSAGES],
  ['Experiments', EX_MESSAGES],
  ['How it learns', EXPLAIN_MESSAGES],
  ['address notice', HASH_MESSAGES],
  ['stalled learning', DIAGNOSIS_MESSAGES],
  ['Your handwriting', DIGITS_MESSAGES],
  ['offline status', OFFLINE_MESSAGES],
  ['page descriptions', PAGE_DESCRIPTIONS],
];

describe('Lab messages', () => {
  it('has every English key in Russian, none empty, with the same placeholders (every page’s table)', () => {
    const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(Object.keys(RU).sort(), Object.keys(EN).sort());
    for (const [page, tables] of TABLES) {
      assert.deepEqual(Object.keys(tables.ru).sort(), Object.keys(tables.en).sort(), page);
      for (const key of Object.keys(tables.en)) {
        assert.ok(tables.en[key].length > 0 && tables.ru[key].length > 0, `${page}: ${key}`);
        assert.deepEqual(placeholders(tables.ru[key]), placeholders(tables.en[key]), `${page}: ${key}`);
      }
    }
  });

  it('uses the source document’s terms in Russian', () => {
    const all = Object.values(RU).join(' ');
    for (const term of ['веса', 'смещени', 'активаци', 'функция стоимости', 'мини-батч']) assert.ok(all.toLowerCase().includes(term), term);
  });

  it('shows none of the private specification’s item codes (a capital S or B and a number) in any visible string', () => {
    for (const [page, tables] of TABLES) {
      for (const text of [...Object.values(tables.en), ...Object.values(tables.ru)]) assert.doesNotMatch(text, /\b[SB]\d{1,2}\b/, `${page}: ${text}`);
    }
  });

  it('fills placeholders and formats numbers per language', () => {
    assert.equal(new Translator(LAB_MESSAGES, 'en').t('parameters', { count: formatNumber('en', 13002) }), '13,002 parameters (weights and biases)');
    assert.match(new Translator(LAB_MESSAGES, 'ru').t('parameters', { count: formatNumber('ru', 13002) }), /^весов и смещений: 13\s002$/);
  });

  it('writes a negative number with a true minus and a percentage with a no-break space in Russian; English keeps its hyphen-minus', () => {
    const ru = new Translator(LAB_MESSAGES, 'ru');
    const en = new Translator(LAB_MESSAGES, 'en');
    assert.equal(ru.num(-0.9, 1), '\u22120,9');
    assert.equal(ru.num(-1234.5, 1).replace(/\s/g, ' '), '\u22121 234,5');
    assert.equal(ru.num(0.9, 1), '0,9');
    assert.equal(en.num(-0.9, 1), '-0.9');
    assert.equal(ru.pct(0.934), '93,4\u00a0%');
    assert.equal(ru.pct(-0.05, 0), '\u22125\u00a0%');
    assert.equal(en.pct(0.934), '93.4 %');
  });

  it('names every data set’s classes and the reference backend in Russian on Russian pages; English keeps the data set’s own names', () => {
    for (const name of DATA_SETS) {
      const source = dataSetSource(name);
      assert.equal(shownClassNames(source, 'en'), source.classNames, name);
      const ru = shownClassNames(source, 'ru');
      assert.equal(ru.length, source.classNames.length, name);
      assert.equal(new Set(ru).size, ru.length, `${name}: ten different Russian names`);
      // Digits stay digits; every other class name is written in Cyrillic.
      for (const [i, text] of ru.entries()) assert.match(text, source.classNames[i] === String(i) ? /^\d$/ : /^[А-Яа-яЁё/ -]+$/, `${name} ${i}: ${text}`);
    }
    assert.equal(shownClassNames(dataSetSource('fashion'), 'ru')[1], 'Брюки');
    assert.equal(shownBackendName('reference', 'ru'), 'эталонный код');
    assert.equal(shownBackendName('reference', 'en'), 'reference');
    assert.equal(shownBackendName('WebAssembly SIMD', 'ru'), 'WebAssembly SIMD');
  });

  it('writes powers of ten with superscript exponents: the log axis’s ticks and the nudges’ small numbers in Russian', () => {
    assert.equal(`10${superscript(4)}`, '10⁴');
    assert.equal(`10${superscript(-12)}`, '10⁻¹²');
    assert.equal(superscript('+7'), '⁷');
    assert.equal(nudgeNumber(new Translator(EXPLAIN_MESSAGES, 'ru'))(-4.71e-6), '\u22124,71·10⁻⁶');
    assert.equal(nudgeNumber(new Translator(EXPLAIN_MESSAGES, 'en'))(-4.71e-6), '-4.71e-6');
  });

  it('starts in Russian only when the browser prefers it', () => {
    assert.equal(languageFromNavigator(['ru-RU', 'en']), 'ru');
    assert.equal(languageFromNavigator(['de-DE', 'ru']), 'ru');
    assert.equal(languageFromNavigator(['en-GB', 'ru']), 'en');
    assert.equal(languageFromNavigator(['fr']), 'en');
  });

  it('survives any browser locale: en-US@posix, C, POSIX forms, unknown tags, nothing at all', () => {
    assert.equal(languageFromNavigator(['en-US@posix']), 'en');
    assert.equal(languageFromNavigator(['C']), 'en');
    assert.equal(languageFromNavigator(['ru_RU.UTF-8']), 'ru');
    assert.equal(languageFromNavigator(['x-klingon', 'ru@posix']), 'ru');
    assert.equal(languageFromNavigator([]), 'en');
    assert.equal(languageFromNavigator(undefined), 'en');
    assert.equal(languageFromNavigator([undefined, 42, 'ru']), 'ru');
    // The formatter never asks Intl about the browser's tag, so a bad default locale cannot break it.
    assert.equal(formatNumber('en', 1234567.891, 2), '1,234,567.89');
  });
});

describe('numbers as settings and limits are written', () => {
  it('whole numbers exact and grouped, others to their significant digits without trailing zeros', () => {
    const cases: [number, number | undefined, string, string][] = [
      [4096, undefined, '4,096', '4\u00a0096'],
      [4294967295, undefined, '4,294,967,295', '4\u00a0294\u00a0967\u00a0295'],
      [0.99, undefined, '0.99', '0,99'],
      [1e-6, undefined, '0.000001', '0,000001'],
      [128 / 100, 2, '1.3', '1,3'],
      [1234.5678, 3, '1,230', '1\u00a0230'],
    ];
    for (const [n, significant, en, ru] of cases) {
      assert.equal(formatValue('en', n, significant), en, String(n));
      assert.equal(formatValue('ru', n, significant).replace(/\s/g, '\u00a0'), ru, String(n));
    }
  });
});
