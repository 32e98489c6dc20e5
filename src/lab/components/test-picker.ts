import type { Dataset } from '../../data/dataset.js';
import { imageAt } from '../shared/data-loader.js';
import { grayPixels } from '../shared/palette.js';
import { el } from './figure-parts.js';

/** How many thumbnails the strip shows. */
const STRIP = 10;

/** Texts of the picker in the page's language. */
export interface TestPickerText {
  readonly imageLabel: (index: number, label: number) => string;
  readonly trueLabel: (label: number) => string;
}

/** The words of the picker's built controls. */
export interface PickerControlsText {
  readonly index: string;
  readonly previous: string;
  readonly next: string;
  readonly random: string;
}

/**
 * The controls `TestPicker` wires, built (for pages without them in their HTML): the number
 * field with the true label beside it, previous / next / random, the thumbnails' strip and a
 * status line (class `status`), in that order.
 */
export function pickerControls(text: PickerControlsText, max?: number): HTMLElement[] {
  const row = el('div', 'picker-row');
  const field = el('label');
  const input = Object.assign(el('input'), { type: 'number', min: '0', step: '1' });
  if (max !== undefined) input.max = String(max);
  field.append(el('span', '', text.index), input);
  row.append(field, el('span', 'true-label'));
  const buttons = el('div', 'buttons');
  for (const action of ['previous', 'next', 'random'] as const) {
    const b = el('button', '', text[action]);
    b.type = 'button';
    b.dataset.action = action;
    buttons.append(b);
  }
  return [row, buttons, el('div', 'thumbs'), el('p', 'muted status')];
}

/**
 * The keyboard-friendly alternative to drawing: a number field (0–9,999), previous / next /
 * random buttons and a strip of thumbnails of real MNIST test images. Choosing one calls
 * `onPick(index)`.
 */
export class TestPicker {
  private data: Dataset | null = null;
  private readonly strip: HTMLElement;
  private readonly field: HTMLInputElement;
  private readonly labelOut: HTMLElement;
  private first = 0;
  private selected = -1;

  /** Wires the controls inside `host` (see index.html for their ids). */
  constructor(
    host: HTMLElement,
    private text: TestPickerText,
    private readonly onPick: (index: number) => void,
  ) {
    this.strip = host.querySelector('.thumbs') as HTMLElement;
    this.field = host.querySelector('input') as HTMLInputElement;
    this.labelOut = host.querySelector('.true-label') as HTMLElement;
    const button = (name: string): HTMLButtonElement => host.querySelector(`[data-action="${name}"]`) as HTMLButtonElement;
    button('previous').addEventListener('click', () => this.pick(Math.max(0, this.selected - 1)));
    button('next').addEventListener('click', () => this.pick(Math.min(this.count - 1, this.selected + 1)));
    button('random').addEventListener('click', () => this.pick(Math.floor(Math.random() * this.count)));
    const pickTyped = (): void => {
      const n = Number(this.field.value);
      if (this.field.value.trim() !== '' && Number.isInteger(n) && n >= 0 && n < this.count) this.pick(n);
    };
    this.field.addEventListener('change', pickTyped);
    this.field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') pickTyped();
    });
    this.strip.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      this.pick(Math.max(0, Math.min(this.count - 1, this.selected + step)));
      (this.strip.querySelector('[aria-pressed="true"]') as HTMLElement | null)?.focus();
    });
  }

  private get count(): number {
    return this.data?.count ?? 0;
  }

  /** Hands the picker the test set. */
  setData(data: Dataset): void {
    this.data = data;
    this.field.max = String(data.count - 1);
    this.renderStrip();
  }

  /** Replaces the texts (after a language switch). */
  setText(text: TestPickerText): void {
    this.text = text;
    this.renderStrip();
    this.showSelection();
  }

  /** Marks `index` as chosen (−1: none) without calling back. */
  select(index: number): void {
    this.selected = index;
    if (index >= 0 && (index < this.first || index >= this.first + STRIP)) this.first = Math.max(0, Math.min(this.count - STRIP, index - 4));
    this.renderStrip();
    this.showSelection();
  }

  private pick(index: number): void {
    if (this.data === null) return;
    this.select(index);
    this.onPick(index);
  }

  private showSelection(): void {
    if (this.data === null || this.selected < 0) {
      this.labelOut.textContent = '';
      this.field.value = '';
      return;
    }
    this.field.value = String(this.selected);
    this.labelOut.textContent = this.text.trueLabel(this.data.labels[this.selected]);
  }

  private renderStrip(): void {
    const data = this.data;
    if (data === null) return;
    this.strip.replaceChildren();
    const image = new ImageData(28, 28);
    for (let i = this.first; i < Math.min(data.count, this.first + STRIP); i++) {
      const thumb = document.createElement('button');
      thumb.type = 'button';
      thumb.className = 'thumb';
      thumb.dataset.index = String(i);
      thumb.setAttribute('aria-pressed', String(i === this.selected));
      thumb.setAttribute('aria-label', this.text.imageLabel(i, data.labels[i]));
      const canvas = document.createElement('canvas');
      canvas.width = 28;
      canvas.height = 28;
      grayPixels(imageAt(data, i), 255, image.data);
      canvas.getContext('2d')?.putImageData(image, 0, 0);
      thumb.append(canvas);
      thumb.addEventListener('click', () => this.pick(i));
      this.strip.append(thumb);
    }
  }
}
