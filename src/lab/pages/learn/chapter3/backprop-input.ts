import type { CostName } from '../../../../core/costs.js';
import { Network, SEED_ARCHITECTURE } from '../../../../core/network.js';
import { Rng } from '../../../../core/rng.js';
import { el } from '../../../components/figure-parts.js';
import { Segmented } from '../../../components/segmented.js';
import type { SectionContext } from '../chapter.js';

/**
 * What chapter 3's figures share: the cost (the source document's quadratic one, the
 * pretrained model's), the two networks a figure can explain — the pretrained one, and an
 * untrained one (random N(0, 1) weights from seed 1: the one `digitlab explain nudges
 * --untrained 1` and How it learns explain) — the learner's choice between them for the
 * visit, and the learner's digit with the label it should be, as the figures need them.
 */
export const COST: CostName = 'quadratic';

/** Which network a figure explains. */
export type NetworkChoice = 'trained' | 'untrained';

let untrainedNet: Network | null = null;
/** The learner's choice, kept for the visit so every section of the chapter shows the same network. */
let chosen: NetworkChoice = 'untrained';

/** The seed of the untrained network. */
export const UNTRAINED_SEED = 1;

/** An untrained 784-16-16-10 network: N(0, 1) weights and biases from seed 1, as the CLI's `--untrained 1`. */
export function untrainedNetwork(): Network {
  untrainedNet ??= Network.random(SEED_ARCHITECTURE, 'normal', new Rng(UNTRAINED_SEED));
  return untrainedNet;
}

/** The How-it-learns view of the nudges for the chosen network. */
export function nudgesView(): { readonly view: 'explain'; readonly hash: string } {
  return { view: 'explain', hash: chosen === 'untrained' ? 'view=nudges&model=untrained' : 'view=nudges' };
}

/** The network of `choice`. */
export async function networkOf<R>(ctx: SectionContext<R>, choice: NetworkChoice): Promise<Network> {
  return choice === 'trained' ? ctx.model() : untrainedNetwork();
}

/** The network the learner chose last (untrained at first: early in training the wishes are large). */
export function chosenNetwork(): NetworkChoice {
  return chosen;
}

/** An untrained / trained switch in `host`; `onChange` hears a new choice (remembered for the chapter). */
export function networkSwitch<R>(host: HTMLElement, ctx: SectionContext<R>, onChange: (choice: NetworkChoice) => void): Segmented<NetworkChoice> {
  return new Segmented<NetworkChoice>(
    host,
    ctx.words.networkLabel,
    [
      { value: 'untrained', text: ctx.words.untrained },
      { value: 'trained', text: ctx.words.trained },
    ],
    chosen,
    (choice) => {
      chosen = choice;
      onChange(choice);
    },
  );
}

/**
 * The learner's example: its bytes (for `networkAnswer`, the answer every page shows), the
 * input as the transparent pass takes it (pixels in [0, 1], float64) and its label; null
 * while the digit or the label is missing.
 */
export function learnerExample<R>(ctx: SectionContext<R>): { readonly bytes: Uint8Array; readonly pixels: Float64Array; readonly label: number } | null {
  const bytes = ctx.digit.pixels;
  const label = ctx.digit.label;
  if (bytes === null || label === null) return null;
  return { bytes, pixels: Float64Array.from(bytes, (v) => v / 255), label };
}

/** What the figure says while the learner's example is incomplete. */
export function missingExample<R>(ctx: SectionContext<R>): string {
  return ctx.digit.pixels === null ? ctx.words.needDigit : ctx.words.needLabel;
}

/**
 * The learner's digit for a later figure: its small picture with "draw again" and "use a test
 * image instead", and a 0–9 choice of the label it should be (fixed to the true label for a
 * test image), in `host`.
 */
export function mountExample<R>(host: HTMLElement, ctx: SectionContext<R>): void {
  const cell = el('div', 'figure-cell example-cell');
  ctx.digit.mountChooser(cell);
  const label = el('label', 'label-select');
  const select = el('select');
  select.name = 'label';
  select.append(new Option('–', ''), ...Array.from({ length: 10 }, (_, d) => new Option(String(d), String(d))));
  label.append(el('span', '', ctx.words.labelLabel), select);
  select.addEventListener('change', () => ctx.digit.setLabel(select.value === '' ? null : Number(select.value)));
  const show = (): void => {
    select.value = ctx.digit.label === null ? '' : String(ctx.digit.label);
    select.disabled = ctx.digit.testImage >= 0;
  };
  show();
  ctx.digit.watch(show);
  cell.append(label);
  host.append(cell);
}

/** A figure on the learner's example: the two networks, its own cell and the controls (the network switch first) in that cell. */
export interface ExampleFigure {
  readonly nets: { readonly trained: Network; readonly untrained: Network };
  /** The figure's cell, beside the example's. */
  readonly cell: HTMLElement;
  /** The figure's controls, starting with the untrained / trained switch (not yet placed in `cell`). */
  readonly controls: HTMLElement;
  /** The network the learner chose. */
  network(): Network;
}

/** A row in `host`: the learner's example (`mountExample`) and the figure's cell of class `cellClass`; `onSwitch` hears the learner choose the other network. */
export async function mountExampleFigure<R>(host: HTMLElement, ctx: SectionContext<R>, cellClass: string, onSwitch: () => void): Promise<ExampleFigure> {
  const nets = { trained: await ctx.model(), untrained: await networkOf(ctx, 'untrained') };
  let choice = chosenNetwork();
  const row = el('div', 'figure-row');
  mountExample(row, ctx);
  const cell = el('div', `figure-cell ${cellClass}`);
  const controls = el('div', 'figure-controls');
  networkSwitch(controls, ctx, (c) => {
    choice = c;
    onSwitch();
  });
  row.append(cell);
  host.append(row);
  return { nets, cell, controls, network: () => nets[choice] };
}
