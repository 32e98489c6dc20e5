import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issueText, noticeMessages } from '../../src/lab/shared/hash-messages.js';
import { DEFAULT_STATE, readHash, stateToHash } from '../../src/lab/pages/lab/lab-state.js';
import { EXPLAIN_CODEC } from '../../src/lab/pages/explain/explain-state.js';

/** Each malformed hash of the issue (and more), the key the notice must name, and the field that must keep its default. */
const MALFORMED: [hash: string, key: string, field: keyof typeof DEFAULT_STATE][] = [
  ['#layers=0', 'layers', 'hidden'],
  ['#layers=0x10', 'layers', 'hidden'],
  ['#layers=16,,16', 'layers', 'hidden'],
  ['#layers=4097', 'layers', 'hidden'],
  ['#layers=1,2,3,4,5,6,7,8,9', 'layers', 'hidden'],
  ['#layers=4096,4096,4096', 'layers', 'hidden'],
  ['#batch=99999999', 'batch', 'batchSize'],
  ['#batch=0', 'batch', 'batchSize'],
  ['#batch=1e3', 'batch', 'batchSize'],
  ['#seed=NaN', 'seed', 'seed'],
  ['#seed=1.5', 'seed', 'seed'],
  ['#seed=4294967296', 'seed', 'seed'],
  ['#data=../../etc', 'data', 'dataSet'],
  ['#data=..%2F..%2Fetc', 'data', 'dataSet'],
  ['#lr=%201%20', 'lr', 'learningRate'],
  ['#lr=+1', 'lr', 'learningRate'],
  ['#lr=0x10', 'lr', 'learningRate'],
  ['#lr=Infinity', 'lr', 'learningRate'],
  ['#lr=0', 'lr', 'learningRate'],
  ['#lr=1e999', 'lr', 'learningRate'],
  ['#dropout=0.999999', 'dropout', 'dropout'],
  ['#dropout=1', 'dropout', 'dropout'],
  ['#l2=-1', 'l2', 'l2'],
  ['#test=10000', 'test', 'testImage'],
  ['#activation=softplus', 'activation', 'activation'],
  ['#lang=fr', 'lang', 'language'],
  ['#all=yes', 'all', 'allConnections'],
  ['#palette=%3Cscript%3E', 'palette', 'palette'],
];

describe('Lab URL state: strict decoding, every ignored key named', () => {
  for (const [hash, key, field] of MALFORMED) {
    it(`${hash}: ${key} ignored, ${field} keeps its default`, () => {
      const { state, issues } = readHash(hash);
      assert.deepEqual(state[field], DEFAULT_STATE[field]);
      assert.deepEqual(issues.map((i) => i.key), [key]);
      for (const language of ['en', 'ru'] as const) {
        const text = issueText(noticeMessages(language), issues[0]);
        assert.ok(text.startsWith(`${key}=`), text);
      }
    });
  }

  it('words the reason in English and Russian, e.g. "layers=0 ignored: a layer needs 1–4,096 neurons"', () => {
    const [issue] = readHash('#layers=0').issues;
    assert.equal(issueText(noticeMessages('en'), issue), 'layers=0 ignored: a layer needs 1–4,096 neurons');
    assert.match(issueText(noticeMessages('ru'), issue), /^layers=0 пропущено: в слое должно быть от 1 до 4\s096 нейронов$/);
    const [padded] = readHash('#lr=%201%20').issues;
    assert.equal(issueText(noticeMessages('en'), padded), 'lr=%201%20 ignored: not a decimal number');
    const [dropout] = readHash('#dropout=0.999999').issues;
    assert.equal(issueText(noticeMessages('en'), dropout), 'dropout=0.999999 ignored: must be from 0 to 0.99');
    assert.equal(issueText(noticeMessages('ru'), dropout), 'dropout=0.999999 пропущено: допустимо от 0 до 0,99');
  });

  it('names unknown and repeated keys, keeps the good ones of the same hash', () => {
    const { state, issues } = readHash('#layers=32&junk=1&layers=8&lr=0.01&seed=NaN');
    assert.deepEqual(state.hidden, [32]);
    assert.equal(state.learningRate, 0.01);
    assert.deepEqual(issues.map((i) => [i.key, i.reason.kind]), [['junk', 'unknown-key'], ['layers', 'repeated'], ['seed', 'not-whole']]);
  });

  it('keeps every link the Lab writes: decimals with exponents, no hidden layer, the largest allowed values', () => {
    for (const hash of ['#lr=1e-7', '#lr=.5', '#layers=', '#layers=4096', '#batch=60000&seed=4294967295&dropout=0.99&l2=1', '#test=0&lang=ru&all=1&backend=reference']) {
      const { state, issues } = readHash(hash);
      assert.deepEqual(issues, [], hash);
      assert.deepEqual(readHash(stateToHash(state)).state, state, hash);
    }
    assert.equal(readHash('#lr=1e-7').state.learningRate, 1e-7);
  });

  it('shortens very long values in the notice', () => {
    const [issue] = readHash(`#layers=${'9'.repeat(500)}`).issues;
    assert.ok(issue.value.length <= 41, issue.value);
  });

  it('corrects (and says so) an explain start point that does not fit the landscape', () => {
    const { state, issues } = EXPLAIN_CODEC.decode('#land=curve&start=1,2');
    assert.deepEqual(state.start, [7.5]);
    assert.equal(issueText(noticeMessages('en'), issues[0]), 'start=1,2 corrected to 7.5: needs a single number');
  });
});
