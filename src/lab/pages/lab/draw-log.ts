/**
 * For the browser tests: which mini-batch each live view showed, once per redraw — the
 * network view, the outputs and the weight grids (the training snapshot drawn), the two
 * charts (their last x) and the status line (the progress shown). The watch-speed test
 * compares it with the steps trained. Bounded, so a long session does not grow it forever.
 */
export type DrawnView = 'network' | 'outputs' | 'weights' | 'cost' | 'accuracy' | 'status';

const LIMIT = 5000;
const log = new Map<DrawnView, number[]>();

/** Notes that `view` has just drawn mini-batch `batches`. */
export function recordDraw(view: DrawnView, batches: number): void {
  const list = log.get(view) ?? [];
  list.push(batches);
  if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
  log.set(view, list);
}

/** Everything recorded so far, per view. */
export function drawLog(): Record<string, number[]> {
  return Object.fromEntries([...log].map(([view, list]) => [view, [...list]]));
}

/** Forgets what was recorded. */
export function clearDrawLog(): void {
  log.clear();
}
