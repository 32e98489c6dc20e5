import type { CurvePair } from '../../components/curve-pair.js';
import { type FigureKey, FIGURE_MESSAGES } from '../../components/figure-messages.js';
import { SpeedControl } from '../../components/speed-control.js';
import { Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import { setText } from './lab-figures.js';
import type { LabPageState } from './lab-store.js';
import type { MessageKey } from './messages.js';
import type { TrainingSession } from './training-session.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/**
 * The Lab's training speed: the speed control (watch every step, or full speed), the line
 * that says what watch speed does while it runs, and the charts' redraw rate (every step at
 * watch speed, a few times a second at full speed).
 */
export function mountSpeed(store: Store<LabPageState>, tr: () => Translator<MessageKey>, session: TrainingSession, charts: CurvePair): void {
  const figures = (): Translator<FigureKey> => new Translator(FIGURE_MESSAGES, tr().language);
  const control = new SpeedControl($('speed-control'), figures(), store.state, (values) => session.speedChanged(values));

  function show(): void {
    const s = store.state;
    const watching = s.running && s.pace === 'watch';
    for (const chart of [charts.cost, charts.accuracy]) chart.redrawInterval = s.pace === 'watch' ? 0 : 250;
    // The Worker's epochs per second say nothing at watch speed: its own line says what happens.
    $('speed').hidden = watching;
    $('watch-status').hidden = !watching;
    setText($('watch-status'), watching ? tr().t('watchStatus', { rate: s.watchRate }) : '');
  }

  store.watch(['language'], () => control.setText(figures()));
  store.watch(['pace', 'watchRate', 'running', 'language'], show);
  show();
}
