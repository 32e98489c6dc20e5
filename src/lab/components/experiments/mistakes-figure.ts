import type { MistakesResult } from '../../../experiments/mistakes.js';
import { el, imageTile, table } from '../figure-parts.js';
import type { Figure } from './experiment-frame.js';

/** The confusion matrix of the pretrained network and its most confident mistakes. */
export const mistakesFigure: Figure<MistakesResult> = (output, tr) => ({
  result: (r) => {
    const { t, num, pct } = tr;
    const summary = el('p', 'summary', t('mistakesSummary', { wrong: num(r.mistakeCount), total: num(r.examined), accuracy: pct(r.accuracy, 2) }));
    const matrix = table([t('trueVsAnswer'), ...r.classNames], r.confusion.map((row, i) => [r.classNames[i], ...row.map((n) => num(n))]), 'numbers confusion');
    // Off-diagonal cells shaded by how many mistakes they hold: where the confusion is.
    const max = Math.max(1, ...r.confusion.flatMap((row, i) => row.filter((_, j) => j !== i)));
    matrix.querySelectorAll('tbody tr').forEach((row, i) =>
      row.querySelectorAll('td').forEach((td, j) => {
        if (i !== j) td.style.background = `rgba(255, 90, 90, ${(r.confusion[i][j] / max) * 0.7})`;
        else td.classList.add('diagonal');
      }),
    );
    const tiles = el('div', 'tiles');
    for (const m of r.mistakes) tiles.append(imageTile(m.image, 'gray', t('mistakeCaption', { label: m.label, answer: m.answer, confidence: pct(m.confidence, 0) })));
    output.append(summary, matrix, tiles);
  },
});
