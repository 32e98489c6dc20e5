/** Where focus is in the network view: a neuron of layer ≥ 1, or a pixel of the input grid (layer 0). */
export type ViewPlace = { readonly layer: number; readonly neuron: number };

/**
 * The network view's arrow keys: Up/Down move within a layer, Left/Right to the neuron at
 * the same height of the layer before or after; the input grid is layer 0, a 28×28 grid of
 * pixels (its arrows move pixel by pixel; Right from its last column enters layer 1, Left
 * from layer 1 enters its right-most column at the same height). `shown[l]` is how many neurons of layer l
 * are drawn. Returns where focus goes, or null when the key does not move it.
 */
export function arrowTarget(shown: readonly number[], from: ViewPlace, key: string): ViewPlace | null {
  const last = shown.length - 1;
  /** The neuron of a layer of n at the same relative height as position p of a layer of m. */
  const sameHeight = (p: number, m: number, n: number): number => (m <= 1 ? Math.floor((n - 1) / 2) : Math.round((p * (n - 1)) / (m - 1)));
  if (from.layer === 0) {
    const x = from.neuron % 28;
    const y = Math.floor(from.neuron / 28);
    if (key === 'ArrowLeft') return x > 0 ? { layer: 0, neuron: from.neuron - 1 } : null;
    if (key === 'ArrowUp') return y > 0 ? { layer: 0, neuron: from.neuron - 28 } : null;
    if (key === 'ArrowDown') return y < 27 ? { layer: 0, neuron: from.neuron + 28 } : null;
    if (key !== 'ArrowRight') return null;
    if (x < 27) return { layer: 0, neuron: from.neuron + 1 };
    return last >= 1 ? { layer: 1, neuron: sameHeight(y, 28, shown[1]) } : null;
  }
  const n = shown[from.layer];
  if (key === 'ArrowUp') return from.neuron > 0 ? { layer: from.layer, neuron: from.neuron - 1 } : null;
  if (key === 'ArrowDown') return from.neuron < n - 1 ? { layer: from.layer, neuron: from.neuron + 1 } : null;
  if (key === 'ArrowRight') return from.layer < last ? { layer: from.layer + 1, neuron: sameHeight(from.neuron, n, shown[from.layer + 1]) } : null;
  if (key !== 'ArrowLeft') return null;
  if (from.layer > 1) return { layer: from.layer - 1, neuron: sameHeight(from.neuron, n, shown[from.layer - 1]) };
  // Into the input grid: its right-most pixel at the same height.
  return { layer: 0, neuron: sameHeight(from.neuron, n, 28) * 28 + 27 };
}
