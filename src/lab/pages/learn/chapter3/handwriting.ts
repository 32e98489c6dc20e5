import type { Network } from '../../../../core/network.js';
import { DIGIT_CLASS_NAMES } from '../../../../data/dataset.js';
import { datasetFromImages } from '../../../../data/image-set.js';
import { readDigits } from '../../../../train/digits-report.js';
import { el } from '../../../components/figure-parts.js';
import { DigitDb, type StoredDigit, type StoredNetwork } from '../../../shared/digit-db.js';
import type { Section, SectionContext } from '../chapter.js';

/** What the learner keeps on the "Your handwriting" page, as this figure reads it. */
interface Kept {
  readonly digits: readonly StoredDigit[];
  readonly network: StoredNetwork | undefined;
}

/** The learner's set and fine-tuned network from IndexedDB; null when the browser refuses it. */
async function readKept(): Promise<Kept | null> {
  try {
    const db = await DigitDb.open();
    const [digits, network] = await Promise.all([db.all(), db.network()]);
    return { digits, network };
  } catch {
    return null;
  }
}

/** One bar: a label, a track filled to `accuracy`, the value. */
function bar(label: string, accuracy: number, shown: string, name: string): HTMLElement {
  const row = el('div', 'hand-bar');
  row.dataset.name = name;
  row.dataset.value = String(accuracy);
  const track = el('div', 'hand-track');
  const fill = el('div', 'hand-fill');
  fill.style.width = `${(accuracy * 100).toFixed(2)}%`;
  track.append(fill);
  row.append(el('span', 'hand-label', label), track, el('span', 'hand-value', shown));
  return row;
}

/**
 * The network meets your handwriting (closing chapter 3, and the course): the pretrained network's accuracy on
 * MNIST's test images beside its accuracy on the learner's own digits, read from the
 * "Your handwriting" page's store in this browser (readDigits, as `digitlab eval --images`
 * reads a folder), and, once the learner has fine-tuned there, the held-out and MNIST test
 * accuracy before and after. The set is read again whenever the learner comes back to the tab.
 * Its styles (handwriting.css) come with the chapter's (chapter.ts), so Node can import this file.
 */
export const handwriting: Section = {
  id: 'handwriting',
  deeper: { view: 'lab' },
  cli: 'npx digitlab eval --model models/pretrained.json --images my-digits',
  textValues: async (ctx) => ({ test: ctx.num((await ctx.testSet()).count) }),
  async mount(host, ctx) {
    const [net, test] = await Promise.all([ctx.model(), ctx.testSet()]);
    const mnist = readDigits(net, test);
    const status = el('p', 'muted', ctx.f('loading'));
    status.setAttribute('role', 'status');
    const bars = el('div', 'hand-bars');
    bars.setAttribute('role', 'group');
    bars.setAttribute('aria-label', ctx.f('heading'));
    const tuned = el('p', 'hand-fine-tuned');
    const open = el('a', 'button primary hand-open', ctx.f('open'));
    open.href = `../digits/#lang=${ctx.language}`;
    open.addEventListener('click', () => ctx.done());
    host.append(el('h3', '', ctx.f('heading')), bars, status, tuned, open);
    const show = async (): Promise<void> => {
      const kept = await readKept();
      if (ctx.signal.aborted) return;
      drawKept(ctx, net, kept, bars, status, tuned, bar(ctx.f('mnist', { count: ctx.num(mnist.count) }), mnist.accuracy, ctx.pct(mnist.accuracy), 'mnist'));
    };
    await show();
    document.addEventListener('visibilitychange', () => void (document.visibilityState === 'visible' && show()), { signal: ctx.signal });
  },
};

/** Draws the bars (MNIST, then the learner's digits) and the fine-tuning's before and after. */
function drawKept(ctx: SectionContext, net: Network, kept: Kept | null, bars: HTMLElement, status: HTMLElement, tuned: HTMLElement, mnistBar: HTMLElement): void {
  bars.replaceChildren(mnistBar);
  tuned.replaceChildren();
  delete tuned.dataset.value;
  if (kept === null || kept.digits.length === 0) {
    status.textContent = ctx.f(kept === null ? 'noStorage' : 'none');
    bars.dataset.count = '0';
    return;
  }
  const data = datasetFromImages(kept.digits.map((d) => ({ pixels: d.input, label: d.label })), DIGIT_CLASS_NAMES);
  const yours = readDigits(net, data);
  bars.append(bar(ctx.f('yours', { count: ctx.num(yours.count) }), yours.accuracy, ctx.pct(yours.accuracy), 'yours'));
  bars.dataset.count = String(yours.count);
  status.textContent = '';
  ctx.done();
  const summary = kept.network?.summary;
  if (summary?.heldOut) {
    const { heldOut, mnistTest } = summary;
    tuned.textContent = ctx.f('fineTuned', {
      seed: summary.seed,
      count: ctx.num(heldOut.count),
      before: ctx.pct(heldOut.before),
      after: ctx.pct(heldOut.after),
      mnistBefore: ctx.pct(mnistTest.before, 2),
      mnistAfter: ctx.pct(mnistTest.after, 2),
    });
    tuned.dataset.value = [heldOut.before, heldOut.after, mnistTest.before, mnistTest.after].join(',');
  }
}
