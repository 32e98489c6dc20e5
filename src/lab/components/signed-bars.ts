/**
 * Signed horizontal bars as plain DOM (readable by screen readers and tests): one row per
 * value with its label, a bar growing right (positive, green/blue) or left (negative,
 * red/orange) from a centre line, and the number.
 */

/** One bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Marks the row (e.g. the right digit). */
  readonly highlight?: boolean;
}

/** Replaces `container`'s content with bars; `scale` = the |value| of a full half-width bar (default: the largest). */
export function renderBars(container: HTMLElement, bars: readonly Bar[], format: (v: number) => string, scale?: number): void {
  const max = scale ?? Math.max(1e-300, ...bars.map((b) => Math.abs(b.value)));
  container.classList.add('bars');
  container.replaceChildren(
    ...bars.map((b) => {
      const row = document.createElement('div');
      row.className = 'bar-row' + (b.highlight ? ' highlight' : '');
      const label = document.createElement('span');
      label.className = 'bar-label';
      label.textContent = b.label;
      const track = document.createElement('span');
      track.className = 'bar-track';
      const fill = document.createElement('span');
      fill.className = 'bar-fill ' + (b.value >= 0 ? 'positive' : 'negative');
      const half = Math.min(50, (Math.abs(b.value) / max) * 50);
      fill.style.width = `${half}%`;
      fill.style.left = b.value >= 0 ? '50%' : `${50 - half}%`;
      track.append(fill);
      const value = document.createElement('span');
      value.className = 'bar-value';
      value.textContent = format(b.value);
      row.append(label, track, value);
      return row;
    }),
  );
}
