import { grayPixels, signedPixels } from '../shared/palette.js';

/**
 * Small DOM builders the experiment panels share: 28×28 image tiles (grey ink or green/red
 * weights, drawn by the Lab's palette functions), bar charts as SVG and number tables. They
 * take numbers and return elements; no experiment logic lives here.
 */

/** An element with a class and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

/** A 28×28 image as a crisp, enlarged canvas with a caption: `gray` in [0, 1], or `signed` weights. */
export function imageTile(values: ArrayLike<number>, kind: 'gray' | 'signed', caption = '', scale?: number, size = 84): HTMLElement {
  const figure = el('figure', 'tile');
  const canvas = el('canvas');
  canvas.width = 28;
  canvas.height = 28;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const image = new ImageData(28, 28);
  if (kind === 'gray') grayPixels(values, 1, image.data);
  else {
    let s = scale ?? 0;
    if (!s) for (let i = 0; i < values.length; i++) s = Math.max(s, Math.abs(values[i]));
    signedPixels(Float32Array.from(values), s || 1, 'green-red', image.data);
  }
  canvas.getContext('2d')?.putImageData(image, 0, 0);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', caption);
  figure.append(canvas);
  if (caption) figure.append(el('figcaption', '', caption));
  return figure;
}

/** One named set of bars. */
export interface Bars {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: string;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with its attributes. */
export function svgNode<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  return e;
}

/**
 * A grouped bar chart (SVG) with category labels, a y maximum label and a legend. The chart is
 * drawn at the width it is shown at (again when that changes), one SVG unit per CSS pixel, so
 * its 11 px text stays 11 px on a phone; category labels that would collide are thinned out.
 */
export function barChart(categories: readonly string[], series: readonly Bars[], format: (v: number) => string, title = ''): HTMLElement {
  const wrap = el('div', 'bar-chart');
  if (title) wrap.append(el('h4', '', title));
  const height = 200;
  const pad = { left: 44, bottom: 22, top: 8 };
  const max = Math.max(1e-12, ...series.flatMap((s) => s.values));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  /** About how wide a character of the 11 px monospace labels is. */
  const charWidth = 6.7;
  const draw = (width: number): void => {
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const groupW = (width - pad.left) / categories.length;
    const barW = (groupW * 0.8) / series.length;
    const plotH = height - pad.bottom - pad.top;
    const widest = Math.max(...categories.map((c) => c.length)) * charWidth + 6;
    const every = Math.max(1, Math.ceil(widest / groupW));
    const text = (x: number, y: number, s: string, anchor = 'middle'): void => {
      const t = document.createElementNS(SVG, 'text');
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(y));
      t.setAttribute('text-anchor', anchor);
      t.textContent = s;
      svg.append(t);
    };
    categories.forEach((c, i) => {
      series.forEach((s, k) => {
        const h = (s.values[i] / max) * plotH;
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('x', String(pad.left + i * groupW + groupW * 0.1 + k * barW));
        r.setAttribute('y', String(pad.top + plotH - h));
        r.setAttribute('width', String(barW));
        r.setAttribute('height', String(Math.max(0, h)));
        r.setAttribute('fill', s.colour);
        const tip = document.createElementNS(SVG, 'title');
        tip.textContent = `${s.label}, ${c}: ${format(s.values[i])}`;
        r.append(tip);
        svg.append(r);
      });
      if (i % every === 0) text(pad.left + (i + 0.5) * groupW, height - 6, c);
    });
    text(pad.left - 4, pad.top + 10, format(max), 'end');
    text(pad.left - 4, pad.top + plotH, '0', 'end');
  };
  draw(520);
  if (typeof ResizeObserver !== 'undefined') {
    let shown = 520;
    new ResizeObserver(() => {
      const width = Math.round(svg.getBoundingClientRect().width);
      if (width > 0 && width !== shown) {
        shown = width;
        draw(width);
      }
    }).observe(svg);
  }
  wrap.append(svg);
  const legend = el('div', 'legend');
  for (const s of series) {
    const item = el('span', 'legend-item', s.label);
    item.style.setProperty('--swatch', s.colour);
    legend.append(item);
  }
  wrap.append(legend);
  return wrap;
}

/** A table: a header row and body rows of text. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], className = 'numbers'): HTMLTableElement {
  const t = el('table', className);
  const tr = el('tr');
  for (const h of head) tr.append(el('th', '', h));
  t.createTHead().append(tr);
  const body = t.createTBody();
  for (const row of rows) {
    const r = el('tr');
    row.forEach((cell, i) => r.append(el(i === 0 ? 'th' : 'td', '', cell)));
    body.append(r);
  }
  return t;
}

/** Colours of the experiment charts (Okabe–Ito, as the CLI's PNGs). */
export const COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00'] as const;
