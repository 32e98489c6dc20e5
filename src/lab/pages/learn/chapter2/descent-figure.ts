import { DESCENT_MAX_STEPS, type DescentState, DescentPanel } from '../../../components/explain/descent-panel.js';
import { EXPLAIN_MESSAGES } from '../../../components/explain/messages.js';
import { type DescentPath, descend, findMinima } from '../../../../explain/descent.js';
import { landscapeByName, type LandscapeName } from '../../../../explain/landscapes.js';
import { Translator } from '../../../shared/i18n.js';
import { Store } from '../../../shared/store.js';
import type { SectionContext } from '../chapter.js';

/** Where each landscape's ball starts and how big its steps are, until the learner changes them (How it learns' defaults). */
const DEFAULTS: Readonly<Record<LandscapeName, DescentState>> = {
  curve: { landscape: 'curve', learningRate: 0.3, start: [7.5] },
  surface: { landscape: 'surface', learningRate: 0.5, start: [4.2, -4] },
};

/** The descent panel of How it learns, mounted for one landscape of the course. */
export interface DescentFigure {
  readonly store: Store<DescentState>;
  readonly root: HTMLElement;
  /** The landscape's valleys, lowest first. */
  readonly minima: readonly (readonly number[])[];
  /** The panel's buttons and lines, for hiding until the guess. */
  readonly parts: Readonly<Record<'step' | 'play' | 'outcome' | 'lr', HTMLElement>>;
  /** The path the panel shows for the state, computed by the same function with the same budget. */
  path(state?: Readonly<DescentState>): DescentPath;
  /** Rolls the ball along the path (at once under reduced motion), after the panel has computed it. */
  roll(): void;
  /** Sets the learning rate as the learner would, in the panel's field. */
  setRate(rate: number): void;
}

/**
 * How it learns' gradient-descent panel (`DescentPanel`: click to drop the ball, η, Step /
 * Play / Reset, the path from `descend` in src/explain), on one landscape: its landscape menu
 * and intro hidden (the course's text says it), its state kept for the visit, its words in
 * the learner's language.
 */
export function mountDescent<R>(host: HTMLElement, ctx: SectionContext<R>, landscape: LandscapeName): DescentFigure {
  const kept = ctx.keep('descent', () => ({ ...DEFAULTS[landscape], start: [...DEFAULTS[landscape].start] }));
  const store = new Store<DescentState>(kept);
  store.watch(null, (s) => Object.assign(kept, s));
  const root = document.createElement('div');
  root.className = 'descent-figure';
  host.append(root);
  const panel = new DescentPanel(root, store, new Translator(EXPLAIN_MESSAGES, ctx.language));
  panel.setLanguage(new Translator(EXPLAIN_MESSAGES, ctx.language));
  const $ = (id: string): HTMLElement => root.querySelector(`#${id}`) as HTMLElement;
  ($('descent-landscape').closest('label') as HTMLElement).style.display = 'none';
  (root.querySelector('.intro') as HTMLElement).style.display = 'none';
  ctx.signal.addEventListener('abort', () => panel.stop());
  const l = landscapeByName(landscape);
  const minima = findMinima(l);
  const parts = { step: $('descent-step'), play: $('descent-play'), outcome: $('descent-outcome'), lr: $('descent-lr') };
  return {
    store,
    root,
    minima,
    parts,
    path: (s = store.state) => descend(l, s.start, s.learningRate, { maxSteps: DESCENT_MAX_STEPS, minima }),
    roll: () =>
      // The panel computes the new path right after the state changes: roll on the next frame.
      requestAnimationFrame(() => {
        if (!ctx.signal.aborted && parts.play.textContent === new Translator(EXPLAIN_MESSAGES, ctx.language).t('play')) parts.play.click();
      }),
    setRate: (rate) => {
      (parts.lr as HTMLInputElement).value = String(rate);
      parts.lr.dispatchEvent(new Event('change'));
    },
  };
}
