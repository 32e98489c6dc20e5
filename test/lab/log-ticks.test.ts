import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logTickLabel, logTicks } from '../../src/lab/components/log-ticks.js';

/** Pixel position of v on an arcsinh axis of `width` pixels over [0, max] (as the charts' x axis). */
const asinhAxis = (max: number, width: number, linear = 10) => (v: number) => (Math.asinh(v / linear) / Math.asinh(max / linear)) * width;

describe('the charts’ log-axis ticks', () => {
  it('are 0 and 1, 2, 5 × 10^k, sorted, at least the gap apart, covering a long run', () => {
    const toPixel = asinhAxis(215_000, 600);
    const ticks = logTicks(0, 215_000, toPixel, 64);
    assert.equal(ticks[0], 0);
    assert.deepEqual([...ticks].sort((a, b) => a - b), ticks);
    for (const t of ticks.slice(1)) assert.match(t.toExponential(), /^[125]e\+?\d+$/, `${t}`);
    ticks.slice(1).forEach((t, i) => assert.ok(toPixel(t) - toPixel(ticks[i]) >= 64, `${ticks[i]} → ${t}`));
    for (const decade of [100, 1000, 10_000, 100_000]) assert.ok(ticks.includes(decade), `${decade} labelled`);
  });

  it('add 2s and 5s only where they fit, and no 0 on a range above it', () => {
    const wide = logTicks(0.01, 10, (v) => ((Math.log10(v) + 2) / 3) * 1000, 22);
    assert.deepEqual(wide, [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10]);
    const narrow = logTicks(0.01, 10, (v) => ((Math.log10(v) + 2) / 3) * 90, 22);
    assert.deepEqual(narrow, [0.01, 0.1, 1, 10]);
  });

  it('are written in the page’s language, small ones with the decimals they need', () => {
    const num = (n: number, digits = 0) => n.toFixed(digits);
    assert.deepEqual([0, 0.02, 0.1, 5, 1000].map((v) => logTickLabel(v, num)), ['0', '0.02', '0.1', '5', '1000']);
  });
});
