/**
 * Text in an SVG figure drawn with a viewBox at the size a reader can read. Such a figure is
 * scaled to its place, so on a phone its text would shrink with it; this keeps the figure's
 * `--svg-text` (the font size its CSS gives its text, in user units) at `cssPx` CSS pixels as
 * shown, never under 11, whenever its width changes. The figure's labels keep their places.
 */
export function readableSvgText(svg: SVGSVGElement, cssPx = 12): void {
  const apply = (): void => {
    const box = svg.viewBox.baseVal;
    const shown = svg.getBoundingClientRect().width;
    if (box === null || box.width === 0 || shown === 0) return;
    const scale = shown / box.width;
    svg.style.setProperty('--svg-text', `${(Math.max(11, cssPx) / Math.min(1, scale)).toFixed(2)}px`);
  };
  apply();
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(apply).observe(svg);
}
