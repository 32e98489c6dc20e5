import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Dataset } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { courseHash, drawingOf, readCourseHash } from '../../src/lab/pages/learn/course-state.js';
import { decodeDigit, encodeDigit, quantiseInk } from '../../src/lab/shared/digit-code.js';

describe('the course address: route, language, the learner’s digit as a compact code', () => {
  let test: Dataset;
  before(async () => {
    test = (await loadMnist()).test;
  });
  const image = (i: number): Uint8Array => test.images.subarray(i * 784, (i + 1) * 784);

  it('a digit survives its code exactly at the 16 levels kept, and the code is short', () => {
    let longest = 0;
    for (let i = 0; i < 200; i++) {
      const code = encodeDigit(image(i));
      longest = Math.max(longest, code.length);
      assert.match(code, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(decodeDigit(code), quantiseInk(image(i)));
      // Quantising twice changes nothing: what a link restores is what the page used.
      assert.deepEqual(quantiseInk(quantiseInk(image(i))), quantiseInk(image(i)));
    }
    assert.ok(longest < 400, `longest code ${longest} characters`);
  });

  it('a code that is not 784 pixels, or has a foreign character, is refused', () => {
    const code = encodeDigit(image(0));
    assert.equal(decodeDigit(code.slice(0, -1)), null);
    assert.equal(decodeDigit(`${code}B`), null);
    assert.equal(decodeDigit(code.replace(/.$/, '*')), null);
  });

  it('route and settings round-trip; a bad digit is named as an issue, not guessed', () => {
    const digit = encodeDigit(image(3));
    const hash = courseHash('network/pixels', { language: 'ru', digit, label: 3, testImage: -1, palette: 'green-red' });
    assert.match(hash, /^#network\/pixels&lang=ru&digit=[A-Za-z0-9_-]+&label=3$/);
    const back = readCourseHash(hash);
    assert.equal(back.route, 'network/pixels');
    assert.deepEqual(back.issues, []);
    assert.deepEqual(drawingOf(back.state), quantiseInk(image(3)));
    assert.equal(back.state.label, 3);
    const bad = readCourseHash('#network/outputs&digit=abc&label=12');
    assert.equal(bad.route, 'network/outputs');
    assert.equal(bad.state.digit, '');
    assert.deepEqual(bad.issues.map((i) => [i.key, i.reason.kind]), [['digit', 'format'], ['label', 'range']]);
    assert.equal(readCourseHash('#lang=ru').route, '');
    assert.equal(readCourseHash('#lang=ru').state.language, 'ru');
    assert.equal(readCourseHash('#map').route, 'map');
    assert.equal(courseHash('', { language: '', digit: '', label: -1, testImage: -1, palette: 'green-red' }), '');
  });
});
