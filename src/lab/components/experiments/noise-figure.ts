import type { NoiseResult } from '../../../experiments/noise.js';
import { barChart, COLOURS, el, imageTile, table } from '../figure-parts.js';
import type { Figure } from './experiment-frame.js';

/** White noise through the pretrained network — the answers and how sure they are, beside real test images. */
export const noiseFigure: Figure<NoiseResult> = (output, tr) => ({
  result: (r) => {
    const { t, num, pct } = tr;
    const sets = [
      { label: t('uniformNoise'), s: r.uniform },
      { label: t('sparseNoise'), s: r.sparse },
      { label: t('testImages'), s: r.test },
    ];
    output.append(
      table(
        ['', t('meanConfidence'), t('medianConfidence'), t('confidentHalf'), t('mostFrequent')],
        sets.map(({ label, s }) => [`${label} (${num(s.count)})`, pct(s.meanConfidence), pct(s.medianConfidence), pct(s.confidentHalf), String(s.answerCounts.indexOf(Math.max(...s.answerCounts)))]),
      ),
    );
    const charts = el('div', 'chart-row');
    charts.append(
      barChart(
        Array.from({ length: 10 }, (_, i) => `${i * 10}–${(i + 1) * 10}`),
        sets.map(({ label, s }, i) => ({ label, colour: COLOURS[i], values: s.confidenceHistogram.map((c) => c / s.count) })),
        (x) => pct(x, 0),
        t('confidenceHistogram'),
      ),
      barChart(
        Array.from({ length: 10 }, (_, i) => String(i)),
        sets.map(({ label, s }, i) => ({ label, colour: COLOURS[i], values: s.answerCounts.map((c) => c / s.count) })),
        (x) => pct(x, 0),
        t('answerHistogram'),
      ),
    );
    const tiles = el('div', 'tiles');
    for (const e of [...r.examples.uniform, ...r.examples.sparse]) tiles.append(imageTile(e.image, 'gray', `→ ${e.prediction} (${pct(e.confidence, 0)})`));
    output.append(charts, tiles);
  },
});
