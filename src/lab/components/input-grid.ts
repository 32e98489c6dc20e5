const SVG = 'http://www.w3.org/2000/svg';

/** What the input grid tells the network view: a pixel (index y·28 + x) pointed at, left, focused, or a key. */
export interface InputGridEvents {
  readonly hover: (pixel: number) => void;
  readonly leave: () => void;
  readonly focus: () => void;
  readonly key: (e: KeyboardEvent) => void;
}

/**
 * The network view's input layer as SVG over the canvas's 28×28 image: one focusable
 * rectangle (the layer) whose pixels are found under the pointer, and a mark around the
 * pixel whose numbers are shown. `pixel` is one pixel's side and `top` the grid's top, in
 * the view's units (its left is 0); `viewWidth` maps client pixels to them.
 */
export class InputGrid {
  private readonly rect: SVGRectElement;
  private readonly markRect: SVGRectElement;

  /** Adds the grid to `svg`. */
  constructor(
    svg: SVGSVGElement,
    private readonly size: { readonly pixel: number; readonly top: number; readonly viewWidth: number },
    label: string,
    events: InputGridEvents,
  ) {
    const side = String(28 * size.pixel);
    this.rect = document.createElementNS(SVG, 'rect');
    for (const [name, value] of [['x', '0'], ['y', String(size.top)], ['width', side], ['height', side], ['class', 'input-frame'], ['role', 'img'], ['tabindex', '-1']]) this.rect.setAttribute(name, value);
    this.setLabel(label);
    this.markRect = document.createElementNS(SVG, 'rect');
    this.markRect.setAttribute('class', 'pixel-mark');
    this.markRect.setAttribute('width', String(size.pixel));
    this.markRect.setAttribute('height', String(size.pixel));
    this.markRect.style.display = 'none';
    this.rect.addEventListener('mousemove', (e) => events.hover(this.pixelAt(svg, e)));
    this.rect.addEventListener('mouseleave', events.leave);
    this.rect.addEventListener('blur', events.leave);
    this.rect.addEventListener('focus', events.focus);
    this.rect.addEventListener('keydown', events.key);
    svg.append(this.rect, this.markRect);
  }

  /** The pixel under a pointer event. */
  private pixelAt(svg: SVGSVGElement, e: MouseEvent): number {
    const box = svg.getBoundingClientRect();
    const scale = this.size.viewWidth / (box.width || this.size.viewWidth);
    const clamp = (v: number): number => Math.min(27, Math.max(0, Math.floor(v)));
    const x = clamp(((e.clientX - box.left) * scale) / this.size.pixel);
    const y = clamp(((e.clientY - box.top) * scale - this.size.top) / this.size.pixel);
    return y * 28 + x;
  }

  /** The layer's accessible name (with the numbers of the pixel shown, when there is one). */
  setLabel(label: string): void {
    this.rect.setAttribute('aria-label', label);
  }

  /** Marks pixel `pixel` (null: none); returns its centre in the view's units. */
  mark(pixel: number | null): { x: number; y: number } {
    if (pixel === null) {
      this.markRect.style.display = 'none';
      return { x: 0, y: 0 };
    }
    const { pixel: side, top } = this.size;
    const x = (pixel % 28) * side;
    const y = top + Math.floor(pixel / 28) * side;
    this.markRect.setAttribute('x', String(x));
    this.markRect.setAttribute('y', String(y));
    this.markRect.style.display = '';
    return { x: x + side / 2, y: y + side / 2 };
  }

  /** Whether the grid is the view's tab stop. */
  setTabStop(on: boolean): void {
    this.rect.setAttribute('tabindex', on ? '0' : '-1');
  }

  /** Focuses the grid (unless it has focus). */
  focus(): void {
    if (document.activeElement !== this.rect) this.rect.focus();
  }
}
