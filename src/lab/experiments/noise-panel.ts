import { barChart, COLOURS, el, imageTile, table } from './draw.js';
import { createPanel, finish, type PanelContext, stageText } from './panel.js';

/** S22: white noise through the pretrained network, the answers and how sure they are. */
export function noisePanel(ctx: PanelContext): HTMLElement {
  const parts = createPanel(ctx, {
    id: 'noise',
    title: 'noiseTitle',
    intro: 'noiseIntro',
    fields: [
      { name: 'count', label: 'count', value: 1000, min: 1, max: 100000 },
      { name: 'seed', label: 'seed', value: 1, min: 0, max: 0xffffffff },
    ],
    onRun: (p) => {
      const v = p.values();
      ctx.client.run('noise', { count: v.count, seed: v.seed }, {
        onStatus: stageText(ctx, p),
        onError: (error) => finish(ctx, p, { error }),
        onResult: (r, seconds, backend) => {
          const sets = [
            { label: ctx.t('uniformNoise'), s: r.uniform },
            { label: ctx.t('sparseNoise'), s: r.sparse },
            { label: ctx.t('testImages'), s: r.test },
          ];
          p.output.append(
            table(
              ['', ctx.t('meanConfidence'), ctx.t('medianConfidence'), ctx.t('confidentHalf'), ctx.t('mostFrequent')],
              sets.map(({ label, s }) => [
                `${label} (${ctx.num(s.count)})`,
                ctx.pct(s.meanConfidence),
                ctx.pct(s.medianConfidence),
                ctx.pct(s.confidentHalf),
                String(s.answerCounts.indexOf(Math.max(...s.answerCounts))),
              ]),
            ),
          );
          const charts = el('div', 'chart-row');
          charts.append(
            barChart(
              Array.from({ length: 10 }, (_, i) => `${i * 10}–${(i + 1) * 10}`),
              sets.map(({ label, s }, i) => ({ label, colour: COLOURS[i], values: s.confidenceHistogram.map((c) => c / s.count) })),
              (x) => ctx.pct(x, 0),
              ctx.t('confidenceHistogram'),
            ),
            barChart(
              Array.from({ length: 10 }, (_, i) => String(i)),
              sets.map(({ label, s }, i) => ({ label, colour: COLOURS[i], values: s.answerCounts.map((c) => c / s.count) })),
              (x) => ctx.pct(x, 0),
              ctx.t('answerHistogram'),
            ),
          );
          const tiles = el('div', 'tiles');
          for (const e of [...r.examples.uniform, ...r.examples.sparse]) tiles.append(imageTile(e.image, 'gray', `→ ${e.prediction} (${ctx.pct(e.confidence, 0)})`));
          p.output.append(charts, tiles);
          finish(ctx, p, { seconds, backend });
        },
      });
    },
  });
  return parts.section;
}
