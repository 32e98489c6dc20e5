import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeStrokes, encodeStrokes, simplifyStroke } from '../../src/lab/shared/stroke-codec.js';
import { stateFromHash, stateToHash, DEFAULT_STATE, readHash } from '../../src/lab/pages/lab/lab-state.js';

const point = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }));

describe('the drawing in the address (stroke codec)', () => {
  it('round-trips any strokes of grid points, long ones split into pieces that join', () => {
    fc.assert(
      fc.property(fc.array(fc.array(point, { minLength: 1, maxLength: 600 }), { maxLength: 5 }), (strokes) => {
        const decoded = decodeStrokes(encodeStrokes(strokes));
        assert.ok(decoded);
        // Joined back at the shared end points, the pieces are the strokes.
        const joined: (readonly [number, number])[][] = [];
        let i = 0;
        for (const stroke of strokes) {
          const parts: (readonly [number, number])[] = [...decoded[i++]];
          while (parts.length < stroke.length) parts.push(...decoded[i++].slice(1));
          joined.push(parts);
        }
        assert.equal(i, decoded.length);
        assert.deepEqual(joined, strokes);
      }),
    );
  });

  it('refuses text it did not write', () => {
    for (const bad of ['AAAA', 'A', '!!!!', 'AQ', 'Aw' + 'A'.repeat(5)]) assert.equal(decodeStrokes(bad), null, bad);
    assert.deepEqual(decodeStrokes(''), []);
  });

  it('goes into the Lab’s hash and back, and a broken one is reported, not guessed', () => {
    const drawing = encodeStrokes([[[10, 20], [30, 40], [50, 60]]]);
    const state = { ...DEFAULT_STATE, drawing, noise: 12345 };
    assert.deepEqual(stateFromHash(stateToHash(state)), state);
    const { state: read, issues } = readHash('#draw=AAAA&noise=-2');
    assert.equal(read.drawing, '');
    assert.equal(read.noise, -1);
    assert.deepEqual(issues.map((i) => [i.key, i.reason.kind]), [['draw', 'format'], ['noise', 'range']]);
  });

  it('simplifies a stroke to the points that bend it, keeping its ends', () => {
    const line = Array.from({ length: 50 }, (_, i) => [i, 2 * i] as [number, number]);
    assert.deepEqual(simplifyStroke(line, 0.5), [line[0], line[49]]);
    const corner = [...line.slice(0, 25), ...Array.from({ length: 25 }, (_, i) => [24 + i, 48] as [number, number])];
    assert.deepEqual(simplifyStroke(corner, 0.5), [[0, 0], [24, 48], [48, 48]]);
  });
});
