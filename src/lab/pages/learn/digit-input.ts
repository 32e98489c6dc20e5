import { DrawPad } from '../../components/draw-pad.js';
import { el } from '../../components/figure-parts.js';
import { paintGray } from '../../components/pixel-canvas.js';
import { pickerControls, TestPicker } from '../../components/test-picker.js';
import { FIGURE_MESSAGES } from '../../components/figure-messages.js';
import { Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import { encodeStrokes } from '../../shared/stroke-codec.js';
import { type CoursePageState, inputLabel, inputPixels, setDrawing } from './course-store.js';
import type { CourseKey } from './messages.js';
import { mnistSplit } from './resources.js';

/**
 * The learner's digit on a page: a draw pad bound to the course's drawing (the digit kept from
 * an earlier section shows on it until a new stroke), Clear / Undo, an optional 0–9 label
 * picker, and "use a test image instead" with the Lab's test picker; or, for later figures, a
 * small picture of the digit with "draw again" and the same test-image choice.
 */
type Tr = Translator<CourseKey>;

/** Loads the test set into the store (once) and returns it. */
async function ensureTestSet(store: Store<CoursePageState>): Promise<void> {
  if (store.state.testSet === null) store.set({ testSet: await mnistSplit('test') });
}

function testPickerBox(store: Store<CoursePageState>, tr: Tr, signal: AbortSignal): HTMLElement {
  const box = el('div', 'picker course-picker');
  box.hidden = true;
  box.append(el('h3', '', tr.t('testImages')), ...pickerControls({ index: tr.t('testIndex'), previous: tr.t('previousImage'), next: tr.t('nextImage'), random: tr.t('randomImage') }, 9999));
  const picker = new TestPicker(
    box,
    { imageLabel: (index, label) => tr.t('pickImage', { index, label }), trueLabel: (label) => tr.t('trueLabel', { label }) },
    (index) => store.set({ testImage: index }),
  );
  const status = box.querySelector('.status') as HTMLElement;
  const open = async (): Promise<void> => {
    box.hidden = false;
    status.textContent = tr.t('loadingImages');
    await ensureTestSet(store);
    if (signal.aborted || store.state.testSet === null) return;
    status.textContent = '';
    picker.setData(store.state.testSet);
    if (store.state.testImage < 0) store.set({ testImage: 0 });
    picker.select(store.state.testImage);
  };
  box.dataset.open = 'false';
  (box as HTMLElement & { openPicker?: () => Promise<void> }).openPicker = open;
  return box;
}

/** Opens a test picker box made by `testPickerBox`. */
function openPicker(box: HTMLElement): Promise<void> {
  return (box as HTMLElement & { openPicker: () => Promise<void> }).openPicker();
}

/** The draw pad bound to the learner's digit, in `host`. */
export function mountDigitPad(host: HTMLElement, store: Store<CoursePageState>, tr: Tr, signal: AbortSignal, options: { withLabel?: boolean; testImages?: boolean }): void {
  const wrap = el('div', 'learner-pad');
  const stage = el('div', 'pad-stage');
  const canvas = el('canvas', 'draw-pad-canvas');
  canvas.width = 280;
  canvas.height = 280;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', tr.t('drawHere'));
  const kept = el('canvas', 'kept-digit');
  kept.width = 28;
  kept.height = 28;
  kept.setAttribute('aria-hidden', 'true');
  stage.append(canvas, kept);
  const keptNote = el('p', 'muted kept-note', tr.t('keptDigit'));
  const pad = new DrawPad(canvas, (pixels, final) => setDrawing(store, pixels, final ? encodeStrokes(pad.strokes) : null));
  pad.setHint(new Translator(FIGURE_MESSAGES, tr.language).t('drawPadKeys'));
  const buttons = el('div', 'buttons');
  const clear = el('button', '', tr.t('clear'));
  const undo = el('button', '', tr.t('undo'));
  clear.type = undo.type = 'button';
  clear.addEventListener('click', () => pad.clear());
  undo.addEventListener('click', () => pad.undo());
  buttons.append(clear, undo);
  wrap.append(stage, keptNote, buttons);
  if (options.withLabel) wrap.append(labelPicker(store, tr, signal));
  let picker: HTMLElement | null = null;
  if (options.testImages !== false) {
    picker = testPickerBox(store, tr, signal);
    const toggle = el('button', 'link-button', '');
    toggle.type = 'button';
    toggle.addEventListener('click', () => {
      if (store.state.testImage >= 0) {
        store.set({ testImage: -1 });
      } else if (picker) void openPicker(picker);
    });
    wrap.append(toggle, picker);
    const showToggle = (): void => {
      toggle.textContent = store.state.testImage >= 0 ? tr.t('drawInstead') : tr.t('useTestImage');
      if (store.state.testImage < 0 && picker) picker.hidden = true;
    };
    showToggle();
    const stop = store.watch(['testImage'], showToggle);
    signal.addEventListener('abort', stop);
    if (store.state.testImage >= 0) void openPicker(picker);
  }
  // What the pad shows before a new stroke: the digit kept (drawn earlier, or the test image).
  const showKept = (): void => {
    const pixels = inputPixels(store.state);
    const show = pad.isEmpty && pixels !== null;
    kept.hidden = !show;
    keptNote.hidden = !show || store.state.testImage >= 0;
    if (show) paintGray(kept, pixels, 255);
  };
  showKept();
  const stop = store.watch(['drawing', 'testImage', 'testSet'], showKept);
  signal.addEventListener('abort', stop);
  host.append(wrap);
}

function labelPicker(store: Store<CoursePageState>, tr: Tr, signal: AbortSignal): HTMLElement {
  const group = el('div', 'label-picker');
  group.setAttribute('role', 'group');
  group.append(el('span', 'muted', tr.t('whichDigit')));
  const buttons: HTMLButtonElement[] = [];
  for (let d = 0; d < 10; d++) {
    const b = el('button', 'digit-choice', String(d));
    b.type = 'button';
    b.dataset.label = String(d);
    b.addEventListener('click', () => store.set({ label: store.state.label === d ? -1 : d }));
    buttons.push(b);
    group.append(b);
  }
  const show = (): void => {
    const label = inputLabel(store.state);
    const fixed = store.state.testImage >= 0;
    buttons.forEach((b, d) => {
      b.setAttribute('aria-pressed', String(label === d));
      b.disabled = fixed;
    });
  };
  show();
  const stop = store.watch(['label', 'testImage', 'testSet'], show);
  signal.addEventListener('abort', stop);
  return group;
}

/** The learner's digit as a small picture with "draw again" and "use a test image instead", in `host`. */
export function mountDigitChooser(host: HTMLElement, store: Store<CoursePageState>, tr: Tr, signal: AbortSignal, drawAgainHref: string): void {
  const wrap = el('div', 'digit-chooser');
  const picture = el('canvas', 'digit-thumb');
  picture.width = 28;
  picture.height = 28;
  const caption = el('p', 'muted');
  const again = el('a', 'link-button', tr.t('drawAgain'));
  again.href = drawAgainHref;
  const picker = testPickerBox(store, tr, signal);
  const toggle = el('button', 'link-button', '');
  toggle.type = 'button';
  toggle.addEventListener('click', () => (store.state.testImage >= 0 ? store.set({ testImage: -1 }) : void openPicker(picker)));
  wrap.append(el('h3', '', tr.t('yourDigit')), picture, caption, again, toggle, picker);
  const show = (): void => {
    const s = store.state;
    const pixels = inputPixels(s);
    paintGray(picture, pixels ?? new Uint8Array(784), 255);
    const label = inputLabel(s);
    caption.textContent = s.testImage >= 0 ? tr.t('yourDigitTest', { index: s.testImage, label: label ?? '?' }) : pixels === null ? tr.t('noDigit') : '';
    toggle.textContent = s.testImage >= 0 ? tr.t('drawInstead') : tr.t('useTestImage');
    if (s.testImage < 0) picker.hidden = true;
  };
  show();
  const stop = store.watch(['drawing', 'testImage', 'testSet', 'label'], show);
  signal.addEventListener('abort', stop);
  if (store.state.testImage >= 0) void openPicker(picker);
  host.append(wrap);
}
