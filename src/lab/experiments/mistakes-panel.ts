import { el, imageTile, table } from './draw.js';
import { createPanel, finish, type PanelContext, stageText } from './panel.js';

/** B5: the confusion matrix and the most confident mistakes of the pretrained network. */
export function mistakesPanel(ctx: PanelContext): HTMLElement {
  const parts = createPanel(ctx, {
    id: 'mistakes',
    title: 'mistakesTitle',
    intro: 'mistakesIntro',
    fields: [{ name: 'show', label: 'show', value: 24, min: 1, max: 500 }],
    onRun: (p) => {
      ctx.client.run('mistakes', { show: p.values().show }, {
        onStatus: stageText(ctx, p),
        onError: (error) => finish(ctx, p, { error }),
        onResult: (r, seconds, backend) => {
          const summary = el('p', 'summary', ctx.t('mistakesSummary', { wrong: ctx.num(r.mistakeCount), total: ctx.num(r.examined), accuracy: ctx.pct(r.accuracy, 2) }));
          const matrix = table([ctx.t('trueVsAnswer'), ...r.classNames], r.confusion.map((row, i) => [r.classNames[i], ...row.map((n) => ctx.num(n))]), 'numbers confusion');
          // Off-diagonal cells shaded by how many mistakes they hold: where the confusion is.
          const max = Math.max(1, ...r.confusion.flatMap((row, i) => row.filter((_, j) => j !== i)));
          matrix.querySelectorAll('tbody tr').forEach((tr, i) =>
            tr.querySelectorAll('td').forEach((td, j) => {
              if (i !== j) td.style.background = `rgba(255, 90, 90, ${(r.confusion[i][j] / max) * 0.7})`;
              else td.classList.add('diagonal');
            }),
          );
          const tiles = el('div', 'tiles');
          for (const m of r.mistakes) tiles.append(imageTile(m.image, 'gray', ctx.t('mistakeCaption', { label: m.label, answer: m.answer, confidence: ctx.pct(m.confidence, 0) })));
          p.output.append(summary, matrix, tiles);
          finish(ctx, p, { seconds, backend });
        },
      });
    },
  });
  return parts.section;
}
