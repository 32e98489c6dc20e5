import { type PaletteName, signedPixels } from '../shared/palette.js';
import { el } from './figure-parts.js';

const SIDE = 28;
const N = SIDE * SIDE;

/** The words of the tiles, in the page's language. */
export interface SignedTilesText {
  /** The caption of tile t (e.g. "neuron 3"), also its accessible name. */
  readonly caption: (t: number) => string;
  /** The readout for pixel p of tile t (the caller formats the numbers). */
  readonly pixel: (t: number, p: number) => string;
  readonly idle: string;
}

/**
 * Signed values on the 28×28 grid of the input, one tile per map (e.g. the wished change of
 * every pixel, or −∇C of each first-layer neuron's 784 weights): hue by sign, brightness by
 * size, all tiles on one scale so they compare. Pointing at a pixel of a tile — or moving with
 * the arrow keys over a focused tile — shows the caller's readout for it; the readout carries
 * `data-tile`, `data-pixel` and `data-value`.
 */
export class SignedTiles {
  readonly element: HTMLElement;
  private readonly canvases: HTMLCanvasElement[] = [];
  private readonly readout: HTMLElement;
  private maps: readonly ArrayLike<number>[] = [];
  private cursor: { t: number; p: number } | null = null;
  palette: PaletteName = 'green-red';

  /** `count` tiles in `host`, each `size` CSS pixels wide. */
  constructor(host: HTMLElement, count: number, private readonly text: SignedTilesText, size = 84) {
    this.element = el('div', 'signed-tiles');
    const row = el('div', 'signed-tiles-row');
    for (let t = 0; t < count; t++) {
      const figure = el('figure', 'signed-tile');
      const canvas = el('canvas', 'signed-tile-canvas');
      canvas.width = SIDE;
      canvas.height = SIDE;
      canvas.style.width = `${size}px`;
      canvas.tabIndex = 0;
      canvas.dataset.tile = String(t);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', text.caption(t));
      canvas.addEventListener('pointermove', (e) => {
        const box = canvas.getBoundingClientRect();
        const x = Math.min(SIDE - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * SIDE)));
        const y = Math.min(SIDE - 1, Math.max(0, Math.floor(((e.clientY - box.top) / box.height) * SIDE)));
        this.point(t, y * SIDE + x);
      });
      canvas.addEventListener('keydown', (e) => {
        const step: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
        const d = step[e.key];
        if (!d) return;
        e.preventDefault();
        const p = this.cursor?.t === t ? this.cursor.p : 14 * SIDE + 14;
        const x = Math.max(0, Math.min(SIDE - 1, (p % SIDE) + d[0]));
        const y = Math.max(0, Math.min(SIDE - 1, Math.floor(p / SIDE) + d[1]));
        this.point(t, y * SIDE + x);
      });
      canvas.addEventListener('focus', () => this.point(t, this.cursor?.t === t ? this.cursor.p : 14 * SIDE + 14));
      figure.append(canvas, el('figcaption', '', text.caption(t)));
      row.append(figure);
      this.canvases.push(canvas);
    }
    this.readout = el('p', 'signed-tiles-readout', text.idle);
    this.readout.setAttribute('aria-live', 'polite');
    this.element.append(row, this.readout);
    host.append(this.element);
  }

  /** Draws `maps` (one 784-value map per tile); `scale` = the |value| of the brightest colour (default: the largest over all maps). */
  render(maps: readonly ArrayLike<number>[], scale?: number): void {
    this.maps = maps;
    let max = scale ?? 0;
    if (scale === undefined) for (const m of maps) for (let p = 0; p < N; p++) max = Math.max(max, Math.abs(m[p]));
    const image = new ImageData(SIDE, SIDE);
    maps.forEach((m, t) => {
      signedPixels(Float32Array.from({ length: N }, (_, p) => m[p]), max || 1, this.palette, image.data);
      this.canvases[t]?.getContext('2d')?.putImageData(image, 0, 0);
    });
    if (this.cursor) this.point(this.cursor.t, this.cursor.p);
  }

  private point(t: number, p: number): void {
    if (!this.maps[t]) return;
    this.cursor = { t, p };
    this.readout.textContent = this.text.pixel(t, p);
    this.readout.dataset.tile = String(t);
    this.readout.dataset.pixel = String(p);
    this.readout.dataset.value = String(this.maps[t][p]);
  }
}
