import { type PaletteName, signedPixels } from '../shared/palette.js';
import { el } from './figure-parts.js';

const SIDE = 28;
const N = SIDE * SIDE;

/** The words of the maps, in the page's language. */
export interface SignedMapsText {
  /** Map `i`'s name (its caption and accessible name). */
  readonly name: (i: number) => string;
  /** The readout for pixel (x, y) of map `i` and its value (formatted). */
  readonly readout: (i: number, x: number, y: number, value: string) => string;
  readonly idle: string;
  readonly format: (v: number) => string;
}

/**
 * Several 28×28 maps of signed numbers (e.g. the nudges −∂C/∂w of each first-layer neuron's
 * 784 weights) on one shared scale, so a brighter map means larger numbers: hue by sign,
 * brightness by |value| relative to the largest of all maps. Pointing at a pixel — or moving
 * over a focused map with the arrow keys — shows its value; one pixel of one map can be
 * marked (a ring).
 */
export class SignedMaps {
  readonly element: HTMLElement;
  private readonly readout: HTMLElement;
  private canvases: HTMLCanvasElement[] = [];
  private rings: HTMLElement[] = [];
  private values = new Float64Array(0);
  private cursor: { map: number; pixel: number } | null = null;
  palette: PaletteName = 'green-red';

  /** Empty maps in `host`; `render` draws them. */
  constructor(host: HTMLElement, private readonly text: SignedMapsText) {
    this.element = el('div', 'signed-maps');
    this.readout = el('p', 'signed-maps-readout', text.idle);
    this.readout.setAttribute('aria-live', 'polite');
    host.append(this.element, this.readout);
  }

  /** Draws `count` maps from `values` (count × 784, row-major) and rings `mark` (a map and a pixel) when given. */
  render(values: ArrayLike<number>, count: number, mark: { readonly map: number; readonly pixel: number } | null = null): void {
    if (this.canvases.length !== count) this.build(count);
    this.values = Float64Array.from(values);
    let scale = 0;
    for (const v of this.values) scale = Math.max(scale, Math.abs(v));
    const image = new ImageData(SIDE, SIDE);
    for (let i = 0; i < count; i++) {
      signedPixels(Float32Array.from(this.values.subarray(i * N, (i + 1) * N)), scale || 1, this.palette, image.data);
      this.canvases[i].getContext('2d')?.putImageData(image, 0, 0);
      const ring = this.rings[i];
      ring.hidden = mark === null || mark.map !== i;
      if (mark && mark.map === i) {
        ring.style.left = `${(100 * (mark.pixel % SIDE)) / SIDE}%`;
        ring.style.top = `${(100 * Math.floor(mark.pixel / SIDE)) / SIDE}%`;
      }
    }
    if (this.cursor) this.point(this.cursor.map, this.cursor.pixel);
  }

  private build(count: number): void {
    this.element.replaceChildren();
    this.canvases = [];
    this.rings = [];
    for (let i = 0; i < count; i++) {
      const figure = el('figure', 'signed-map');
      const stage = el('div', 'signed-map-stage');
      const canvas = el('canvas');
      canvas.width = SIDE;
      canvas.height = SIDE;
      canvas.tabIndex = 0;
      canvas.dataset.map = String(i);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', this.text.name(i));
      const ring = el('span', 'signed-map-ring');
      ring.hidden = true;
      stage.append(canvas, ring);
      canvas.addEventListener('pointermove', (e) => {
        const box = canvas.getBoundingClientRect();
        const x = Math.min(SIDE - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * SIDE)));
        const y = Math.min(SIDE - 1, Math.max(0, Math.floor(((e.clientY - box.top) / box.height) * SIDE)));
        this.point(i, y * SIDE + x);
      });
      canvas.addEventListener('focus', () => this.point(i, this.cursor?.pixel ?? 14 * SIDE + 14));
      canvas.addEventListener('keydown', (e) => {
        const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -SIDE, ArrowDown: SIDE };
        if (!(e.key in step)) return;
        e.preventDefault();
        const at = this.cursor?.map === i ? this.cursor.pixel : 14 * SIDE + 14;
        const next = at + step[e.key];
        if (next >= 0 && next < N && !(Math.abs(step[e.key]) === 1 && Math.floor(next / SIDE) !== Math.floor(at / SIDE))) this.point(i, next);
      });
      figure.append(stage, el('figcaption', '', this.text.name(i)));
      this.element.append(figure);
      this.canvases.push(canvas);
      this.rings.push(ring);
    }
  }

  private point(map: number, pixel: number): void {
    this.cursor = { map, pixel };
    const v = this.values[map * N + pixel] ?? 0;
    this.readout.textContent = this.text.readout(map, pixel % SIDE, Math.floor(pixel / SIDE), this.text.format(v));
    this.readout.dataset.map = String(map);
    this.readout.dataset.pixel = String(pixel);
    this.readout.dataset.value = String(v);
  }
}
