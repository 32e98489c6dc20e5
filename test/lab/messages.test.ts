import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EN, format, formatNumber, languageFromNavigator, RU } from '../../src/lab/messages.js';

describe('Lab messages', () => {
  it('has every English key in Russian, none empty, with the same placeholders', () => {
    const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(Object.keys(RU).sort(), Object.keys(EN).sort());
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      assert.ok(EN[key].length > 0 && RU[key].length > 0, key);
      assert.deepEqual(placeholders(RU[key]), placeholders(EN[key]), key);
    }
  });

  it('uses the source document’s terms in Russian', () => {
    const all = Object.values(RU).join(' ');
    for (const term of ['веса', 'смещени', 'активаци', 'функция стоимости', 'мини-батч']) assert.ok(all.toLowerCase().includes(term), term);
  });

  it('fills placeholders and formats numbers per language', () => {
    assert.equal(format('en', 'parameters', { count: formatNumber('en', 13002) }), '13,002 parameters (weights and biases)');
    assert.match(format('ru', 'parameters', { count: formatNumber('ru', 13002) }), /^13\s002 параметров/);
  });

  it('starts in Russian only when the browser prefers it', () => {
    assert.equal(languageFromNavigator(['ru-RU', 'en']), 'ru');
    assert.equal(languageFromNavigator(['de-DE', 'ru']), 'ru');
    assert.equal(languageFromNavigator(['en-GB', 'ru']), 'en');
    assert.equal(languageFromNavigator(['fr']), 'en');
  });
});
