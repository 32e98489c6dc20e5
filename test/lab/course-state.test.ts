import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Dataset } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { courseHash, drawingOf, readCourseHash } from '../../src/lab/pages/learn/course-state.js';
import { decodeDigit } from '../../src/lab/shared/digit-code.js';
import { decodeStrokes, encodeStrokes } from '../../src/lab/shared/stroke-codec.js';
import { oldDigitCode, quantiseInk } from './old-digit-code.js';

describe('the course address: route, language, the learner’s drawing as a compact code', () => {
  let test: Dataset;
  before(async () => {
    test = (await loadMnist()).test;
  });
  const image = (i: number): Uint8Array => test.images.subarray(i * 784, (i + 1) * 784);

  it('an older link’s digit code is read exactly at its 16 levels (the code is short)', () => {
    let longest = 0;
    for (let i = 0; i < 200; i++) {
      const code = oldDigitCode(image(i));
      longest = Math.max(longest, code.length);
      assert.match(code, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(decodeDigit(code), quantiseInk(image(i)));
    }
    assert.ok(longest < 400, `longest code ${longest} characters`);
  });

  it('a code that is not 784 pixels, or has a foreign character, is refused', () => {
    const code = oldDigitCode(image(0));
    assert.equal(decodeDigit(code.slice(0, -1)), null);
    assert.equal(decodeDigit(`${code}B`), null);
    assert.equal(decodeDigit(code.replace(/.$/, '*')), null);
  });

  it('route and settings round-trip with the drawing in the Lab’s stroke code; a bad one is named as an issue, not guessed', () => {
    const strokes = encodeStrokes([[[40, 30], [120, 200], [128, 230]], [[200, 20]]]);
    const hash = courseHash('network/pixels', { language: 'ru', strokes, digit: '', label: 3, testImage: -1, palette: 'green-red' });
    assert.equal(hash, `#network/pixels&lang=ru&draw=${strokes}&label=3`);
    const back = readCourseHash(hash);
    assert.equal(back.route, 'network/pixels');
    assert.deepEqual(back.issues, []);
    assert.equal(back.state.strokes, strokes);
    assert.equal(back.state.label, 3);
    // The strokes are drawn as a pad draws them (the page passes components/ink.ts inkInput).
    const drawn: unknown[] = [];
    const ink = (s: readonly unknown[]): Uint8Array => {
      drawn.push(s);
      return new Uint8Array(784).fill(7);
    };
    assert.deepEqual(drawingOf(back.state, ink), new Uint8Array(784).fill(7));
    assert.deepEqual(drawn, [decodeStrokes(strokes)]);
    const bad = readCourseHash('#network/outputs&draw=AAAA&digit=abc&label=12');
    assert.equal(bad.route, 'network/outputs');
    assert.equal(bad.state.strokes, '');
    assert.equal(bad.state.digit, '');
    assert.deepEqual(bad.issues.map((i) => [i.key, i.reason.kind]), [['draw', 'format'], ['digit', 'format'], ['label', 'range']]);
    assert.equal(readCourseHash('#lang=ru').route, '');
    assert.equal(readCourseHash('#lang=ru').state.language, 'ru');
    assert.equal(readCourseHash('#map').route, 'map');
    assert.equal(courseHash('', { language: '', strokes: '', digit: '', label: -1, testImage: -1, palette: 'green-red' }), '');
  });

  it('an older link with the digit as pixels (digit=) still opens with that digit, and a stroke code wins over it', () => {
    const digit = oldDigitCode(image(3));
    const old = readCourseHash(`#network/pixels&lang=ru&digit=${digit}&label=3`);
    assert.deepEqual(old.issues, []);
    const never = (): Uint8Array => assert.fail('no strokes to draw');
    assert.deepEqual(drawingOf(old.state, never), quantiseInk(image(3)));
    assert.equal(old.state.label, 3);
    const strokes = encodeStrokes([[[10, 10], [60, 60]]]);
    const both = readCourseHash(`#network/pixels&draw=${strokes}&digit=${digit}`);
    assert.deepEqual(drawingOf(both.state, () => new Uint8Array(784).fill(1)), new Uint8Array(784).fill(1));
  });
});
