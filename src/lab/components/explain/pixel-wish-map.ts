import { NeuronWeights } from '../neuron-weights.js';

/**
 * A 28×28 map of the input pixels' wished changes (green: brighter, red: darker, brightness by
 * size relative to the largest), with a caption and the wish of the pixel under the pointer or
 * the keyboard cursor — the enlarged-weights figure reused for wishes.
 */
export function pixelWishMap(wishes: ArrayLike<number>, caption: string, pixelText: (x: number, y: number, wish: number) => string): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'pixel-wishes';
  const canvas = document.createElement('canvas');
  canvas.className = 'digit';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', caption);
  const text = document.createElement('figcaption');
  const pixel = document.createElement('p');
  pixel.className = 'muted small pixel-wish';
  figure.append(canvas, text, pixel);
  new NeuronWeights(canvas, text, pixel).show({ neuron: 0, weights: Float32Array.from(wishes), caption, pixelText }, 'green-red');
  return figure;
}
