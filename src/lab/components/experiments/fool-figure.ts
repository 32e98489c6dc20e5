import type { FoolResult } from '../../../experiments/fool.js';
import { barChart, COLOURS, el, imageTile } from '../figure-parts.js';
import type { Figure } from './experiment-frame.js';

/** Fooling the network: the smallest sign-of-gradient change that turns a test image into another answer — before, change, after. */
export const foolFigure: Figure<FoolResult> = (output, tr) => ({
  result: (r) => {
    const { t, num, pct } = tr;
    const c = (outputs: number[], answer: number): Record<string, string | number> => ({ answer, confidence: pct(outputs[answer], 0) });
    const tiles = el('div', 'tiles large');
    tiles.append(
      imageTile(r.original, 'gray', t('original', c(r.originalOutputs, r.originalAnswer)), undefined, 168),
      imageTile(r.perturbation, 'signed', t('change', { max: num(r.maxChange, 3) }), Math.max(r.maxChange, 1e-6), 168),
      imageTile(r.fooled, 'gray', t('fooled', c(r.fooledOutputs, r.fooledAnswer)), undefined, 168),
    );
    const summary = el('p', 'summary', r.succeeded ? t('foolSummary', { epsilon: num(r.epsilon, 3), levels: Math.round(r.epsilon * 255), pixels: r.changedPixels }) : t('notFooled'));
    output.append(
      summary,
      tiles,
      barChart(
        Array.from({ length: 10 }, (_, i) => String(i)),
        [
          { label: t('outputsBefore'), values: r.originalOutputs, colour: COLOURS[0] },
          { label: t('outputsAfter'), values: r.fooledOutputs, colour: COLOURS[1] },
        ],
        (x) => num(x, 2),
      ),
    );
  },
});
