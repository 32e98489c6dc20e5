import { sigmoid } from '../../../core/activations.js';
import { Translator } from '../../shared/i18n.js';
import { grayPixels, signedPixels } from '../../shared/palette.js';
import { DrawPad } from '../draw-pad.js';
import { FIGURE_MESSAGES } from '../figure-messages.js';
import { el } from '../figure-parts.js';
import type { ExKey } from './messages.js';

const SIDE = 28;

/**
 * Lab only: a neuron built by hand. The user paints its 784 weights (+1 / −1) on a 28×28
 * grid and sets its bias; for the digit drawn beside it the weighted sum
 * z = Σ w_k·a_k + b and σ(z) update live — the source document's edge detector, made by hand.
 */
export function detectorFigure(tr: Translator<ExKey>): HTMLElement {
  const section = el('section', 'panel experiment detector');
  section.id = 'detector';
  section.dataset.experiment = 'detector';
  section.append(el('h2', '', tr.t('detectorTitle')), el('p', 'intro', tr.t('detectorIntro')));
  const weights = new Float32Array(SIDE * SIDE);
  let input: Uint8Array = new Uint8Array(SIDE * SIDE);
  let bias = 0;

  const grid = el('canvas', 'detector-weights');
  grid.width = SIDE;
  grid.height = SIDE;
  grid.setAttribute('aria-label', tr.t('weightsPad'));
  const pad = el('canvas', 'detector-pad');
  pad.width = 280;
  pad.height = 280;
  pad.setAttribute('aria-label', tr.t('inputPad'));
  const seen = el('canvas', 'detector-seen');
  seen.width = SIDE;
  seen.height = SIDE;
  const biasLabel = el('label');
  const biasText = el('span');
  const slider = el('input');
  slider.type = 'range';
  slider.min = '-50';
  slider.max = '50';
  slider.step = '0.5';
  slider.value = '0';
  slider.name = 'bias';
  biasLabel.append(biasText, slider);
  const zText = el('p', 'detector-z');
  const aText = el('p', 'detector-a');
  const meter = el('div', 'meter');
  const meterFill = el('div', 'meter-fill');
  meter.append(meterFill);

  const redraw = (): void => {
    const image = new ImageData(SIDE, SIDE);
    signedPixels(weights, 1, 'green-red', image.data);
    grid.getContext('2d')?.putImageData(image, 0, 0);
    const seenImage = new ImageData(SIDE, SIDE);
    grayPixels(input, 255, seenImage.data);
    seen.getContext('2d')?.putImageData(seenImage, 0, 0);
    let z = bias;
    for (let k = 0; k < weights.length; k++) z += (weights[k] * input[k]) / 255;
    const a = sigmoid.f(z);
    biasText.textContent = tr.t('bias', { bias: tr.num(bias, 1) });
    zText.textContent = tr.t('weightedSum', { z: tr.num(z, 2) });
    aText.textContent = tr.t('sigma', { a: tr.num(a, 3) });
    meterFill.style.width = `${a * 100}%`;
    section.dataset.z = String(z);
    section.dataset.a = String(a);
  };

  // Painting: left button +1, right button or Shift −1, a 2×2 brush so strokes are quick.
  let painting = 0;
  const paintAt = (e: PointerEvent): void => {
    const box = grid.getBoundingClientRect();
    const x = Math.floor(((e.clientX - box.left) / box.width) * SIDE);
    const y = Math.floor(((e.clientY - box.top) / box.height) * SIDE);
    for (let dy = 0; dy < 2; dy++) {
      for (let dx = 0; dx < 2; dx++) {
        const px = x + dx;
        const py = y + dy;
        if (px >= 0 && px < SIDE && py >= 0 && py < SIDE) weights[py * SIDE + px] = painting;
      }
    }
    redraw();
  };
  grid.style.touchAction = 'none';
  grid.addEventListener('contextmenu', (e) => e.preventDefault());
  grid.addEventListener('pointerdown', (e) => {
    painting = e.button === 2 || e.shiftKey ? -1 : 1;
    grid.setPointerCapture(e.pointerId);
    paintAt(e);
  });
  grid.addEventListener('pointermove', (e) => {
    if (painting !== 0) paintAt(e);
  });
  grid.addEventListener('pointerup', () => (painting = 0));
  grid.addEventListener('pointercancel', () => (painting = 0));
  slider.addEventListener('input', () => {
    bias = Number(slider.value);
    redraw();
  });
  const drawPad = new DrawPad(pad, (pixels) => {
    input = pixels ?? new Uint8Array(SIDE * SIDE);
    redraw();
  });

  const buttons = el('div', 'buttons');
  const clearWeights = el('button', '', tr.t('clearWeights'));
  const clearDrawing = el('button', '', tr.t('clearDrawing'));
  const preset = el('button', 'preset', tr.t('presetEdge'));
  for (const b of [clearWeights, clearDrawing, preset]) b.type = 'button';
  clearWeights.addEventListener('click', () => {
    weights.fill(0);
    redraw();
  });
  clearDrawing.addEventListener('click', () => drawPad.clear());
  preset.addEventListener('click', () => {
    // The source document's picture: + on a horizontal band, − just above and below it.
    weights.fill(0);
    for (let y = 8; y <= 19; y++) {
      for (let x = 6; x <= 21; x++) weights[y * SIDE + x] = y >= 12 && y <= 15 ? 1 : -1;
    }
    redraw();
  });
  buttons.append(clearWeights, clearDrawing, preset);

  const row = el('div', 'detector-row');
  const left = el('div');
  left.append(el('h3', '', tr.t('weightsPad')), grid);
  const right = el('div');
  right.append(el('h3', '', tr.t('inputPad')), pad);
  drawPad.setHint(new Translator(FIGURE_MESSAGES, tr.language).t('drawPadKeys'));
  const numbers = el('div', 'detector-numbers');
  numbers.append(seen, biasLabel, zText, aText, meter);
  row.append(left, right, numbers);
  section.append(row, buttons);
  redraw();
  return section;
}
