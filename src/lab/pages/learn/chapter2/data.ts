import type { Dataset } from '../../../../data/dataset.js';
import { el, table } from '../../../components/figure-parts.js';
import { pickerControls, TestPicker } from '../../../components/test-picker.js';
import { imageAt } from '../../../shared/data-loader.js';
import { paintGray } from '../../../components/pixel-canvas.js';
import type { Section, SectionContext } from '../chapter.js';
import { digitCounts, splitLabels } from './labels.js';

type Split = 'train' | 'test';

/** The counts the text names, from the two labels files. */
export async function splitCounts(ctx: Pick<SectionContext, 'num'>): Promise<{ train: string; test: string }> {
  const [train, test] = await Promise.all([splitLabels('train'), splitLabels('test')]);
  return { train: ctx.num(train.length), test: ctx.num(test.length) };
}

/**
 * Examples with answers: the training and the test set side by side in one picker — a switch
 * between the two, the Lab's image picker (number, previous / next / random, a strip of
 * thumbnails) over the chosen set, the picked image enlarged with its label, and how many of
 * each digit the two sets hold, counted from their labels files.
 */
export const data: Section = {
  id: 'data',
  deeper: { view: 'lab', hash: 'test=0' },
  cli: 'npx digitlab eval',
  textValues: (ctx) => splitCounts(ctx),
  async mount(host, ctx) {
    const [trainLabels, testLabels] = await Promise.all([splitLabels('train'), splitLabels('test')]);
    const state = ctx.keep('browse', () => ({ split: 'train' as Split, index: { train: 0, test: 0 } }));
    const switcher = el('div', 'split-switch');
    switcher.setAttribute('role', 'group');
    const buttons = new Map<Split, HTMLButtonElement>();
    for (const split of ['train', 'test'] as const) {
      const count = (split === 'train' ? trainLabels : testLabels).length;
      const b = el('button', 'split-choice', ctx.f(split === 'train' ? 'trainSet' : 'testSet', { count: ctx.num(count) }));
      b.type = 'button';
      b.dataset.split = split;
      b.dataset.value = String(count);
      b.addEventListener('click', () => void show(split, true));
      buttons.set(split, b);
      switcher.append(b);
    }
    const row = el('div', 'figure-row');
    const pickerBox = el('div', 'picker course-picker');
    pickerBox.append(...pickerControls({ index: ctx.f('imageNumber'), previous: ctx.f('previous'), next: ctx.f('next'), random: ctx.f('random') }));
    const status = pickerBox.querySelector('.status') as HTMLElement;
    const shown = el('figure', 'data-image');
    const canvas = el('canvas', 'digit-large');
    canvas.width = 28;
    canvas.height = 28;
    canvas.setAttribute('role', 'img');
    const caption = el('figcaption');
    shown.append(canvas, caption);
    row.append(pickerBox, shown);
    const counts = countTable(ctx, trainLabels, testLabels);
    host.append(switcher, row, counts);

    let sets: Partial<Record<Split, Dataset>> = {};
    const picker = new TestPicker(
      pickerBox,
      { imageLabel: (index, label) => ctx.f('imageLabel', { index, label }), trueLabel: (label) => ctx.f('trueLabel', { label }) },
      (index) => {
        state.index[state.split] = index;
        draw();
        ctx.done();
      },
    );
    const draw = (): void => {
      const set = sets[state.split];
      if (!set) return;
      const i = state.index[state.split];
      paintGray(canvas, imageAt(set, i), 255);
      const label = set.labels[i];
      caption.textContent = ctx.f(state.split === 'train' ? 'trainImage' : 'testImage', { index: ctx.num(i), label });
      caption.dataset.label = String(label);
      caption.dataset.index = String(i);
      canvas.setAttribute('aria-label', caption.textContent);
    };
    const show = async (split: Split, chosen: boolean): Promise<void> => {
      state.split = split;
      for (const [s, b] of buttons) b.setAttribute('aria-pressed', String(s === split));
      pickerBox.dataset.split = split;
      if (chosen) ctx.done();
      if (!sets[split]) {
        (pickerBox.querySelector('.thumbs') as HTMLElement).replaceChildren();
        status.textContent = ctx.f(split === 'train' ? 'loadingTrain' : 'loadingTest');
        let set: Dataset;
        try {
          set = await (split === 'train' ? ctx.trainingSet() : ctx.testSet());
        } catch (error) {
          // Said in place of "Loading…", naming the file; choosing the set again tries again.
          if (!ctx.signal.aborted && state.split === split) status.replaceChildren(el('span', 'error', ctx.failed(error)));
          return;
        }
        if (ctx.signal.aborted) return;
        sets = { ...sets, [split]: set };
      }
      if (state.split !== split) return;
      status.textContent = '';
      picker.setData(sets[split] as Dataset);
      picker.select(state.index[split]);
      draw();
    };
    // Live at once: the images (47 MB for the training set) arrive while the counts are read.
    void show(state.split, false);
  },
};

/** How many of each digit the two sets hold. */
function countTable(ctx: SectionContext, train: Uint8Array, test: Uint8Array): HTMLElement {
  const [a, b] = [digitCounts(train), digitCounts(test)];
  const t = table([ctx.f('digit'), ctx.f('inTrain'), ctx.f('inTest')], [...a.map((n, d) => [String(d), ctx.num(n), ctx.num(b[d])]), [ctx.f('total'), ctx.num(train.length), ctx.num(test.length)]]);
  t.classList.add('digit-counts');
  t.dataset.train = a.join(',');
  t.dataset.test = b.join(',');
  t.tBodies[0].rows[10].classList.add('total');
  const wrap = el('div', 'counts-box');
  wrap.append(el('h3', '', ctx.f('countsHeading')), t);
  return wrap;
}
