import { barChart, COLOURS, el, imageTile } from './draw.js';
import { createPanel, finish, type PanelContext, stageText } from './panel.js';

/** B4: the smallest sign-of-gradient change that turns a test image into another answer. */
export function foolPanel(ctx: PanelContext): HTMLElement {
  const parts = createPanel(ctx, {
    id: 'fool',
    title: 'foolTitle',
    intro: 'foolIntro',
    fields: [
      { name: 'index', label: 'testIndex', value: -1, min: -1, max: 9999 },
      { name: 'target', label: 'target', value: 8, min: 0, max: 9 },
    ],
    onRun: (p) => {
      const v = p.values();
      ctx.client.run('fool', { index: v.index >= 0 ? v.index : undefined, target: v.target }, {
        onStatus: stageText(ctx, p),
        onError: (error) => finish(ctx, p, { error }),
        onResult: (r, seconds, backend) => {
          const c = (outputs: number[], answer: number): Record<string, string | number> => ({ answer, confidence: ctx.pct(outputs[answer], 0) });
          const tiles = el('div', 'tiles large');
          tiles.append(
            imageTile(r.original, 'gray', ctx.t('original', c(r.originalOutputs, r.originalAnswer)), undefined, 168),
            imageTile(r.perturbation, 'signed', ctx.t('change', { max: ctx.num(r.maxChange, 3) }), Math.max(r.maxChange, 1e-6), 168),
            imageTile(r.fooled, 'gray', ctx.t('fooled', c(r.fooledOutputs, r.fooledAnswer)), undefined, 168),
          );
          const summary = el(
            'p',
            'summary',
            r.succeeded
              ? ctx.t('foolSummary', { epsilon: ctx.num(r.epsilon, 3), levels: Math.round(r.epsilon * 255), pixels: r.changedPixels })
              : ctx.t('notFooled'),
          );
          p.output.append(
            summary,
            tiles,
            barChart(
              Array.from({ length: 10 }, (_, i) => String(i)),
              [
                { label: ctx.t('outputsBefore'), values: r.originalOutputs, colour: COLOURS[0] },
                { label: ctx.t('outputsAfter'), values: r.fooledOutputs, colour: COLOURS[1] },
              ],
              (x) => ctx.num(x, 2),
            ),
          );
          finish(ctx, p, { seconds, backend });
        },
      });
    },
  });
  return parts.section;
}
