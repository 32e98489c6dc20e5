/**
 * Metrics of a classifier tested on labelled images: accuracy = correct / total, per-class accuracy and the
 * confusion matrix. Inputs are the predicted and true class of each example.
 */

/** Index of the largest value in row r of a rows × cols matrix: the network's answer. */
export function argmaxRow(values: Float32Array, r: number, cols: number): number {
  const o = r * cols;
  let best = 0;
  for (let j = 1; j < cols; j++) if (values[o + j] > values[o + best]) best = j;
  return best;
}

/** Fraction of examples whose prediction equals the label. */
export function accuracy(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predictions.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < predictions.length; i++) if (predictions[i] === labels[i]) correct++;
  return correct / predictions.length;
}

/** confusion[t][p] = how many examples of true class t were predicted as p. */
export function confusionMatrix(
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < predictions.length; i++) m[labels[i]][predictions[i]]++;
  return m;
}

/** Accuracy of each true class (NaN for a class with no examples). */
export function perClassAccuracy(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row, t) => {
    const total = row.reduce((s, x) => s + x, 0);
    return total === 0 ? NaN : row[t] / total;
  });
}
