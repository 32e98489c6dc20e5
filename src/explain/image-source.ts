/** Source of images: anything with MNIST-style bytes and labels (a `Dataset`). */
export interface ImageSource {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

/** Pixels of image `i` of `data` as floats in [0, 1]. */
export function imagePixels(data: ImageSource, i: number): Float64Array {
  const size = data.rows * data.cols;
  const px = new Float64Array(size);
  for (let p = 0; p < size; p++) px[p] = data.images[i * size + p] / 255;
  return px;
}
