/** Small text formatters shared by the CLI commands. */

/** 0.9512 → "95.12 %". */
export function percent(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)} %` : 'n/a';
}

/** 13002 → "13,002" (without toLocaleString, whose first call loads locale data: ~20 ms of start-up). */
export function count(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  return `${n < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A confusion matrix as a text table: rows = true class, columns = predicted class, with a
 * per-row accuracy at the end.
 */
export function confusionTable(confusion: readonly (readonly number[])[], classNames: readonly string[]): string {
  const width = Math.max(5, ...confusion.flat().map((n) => String(n).length + 1));
  const label = (s: string): string => s.slice(0, width - 1).padStart(width);
  const head = ' '.repeat(8) + classNames.map(label).join('') + '   accuracy';
  const lines = confusion.map((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    return classNames[t].slice(0, 7).padEnd(8) + row.map((n) => String(n).padStart(width)).join('') + '   ' + percent(total ? row[t] / total : NaN, 1).padStart(8);
  });
  return ['true ↓ / predicted →', head, ...lines].join('\n');
}
