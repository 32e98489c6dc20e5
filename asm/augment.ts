// Data augmentation's pixel work (src/data/augment.ts): the warp of a mini-batch of byte images
// by random affine maps and, optionally, elastic displacement fields. The random numbers are
// drawn on the JavaScript side (in the run's rng order); this file does, per pixel, the very
// arithmetic of the TypeScript `warpImage` and `sampleElasticField` — f64 throughout, the same
// operations in the same order, the field rounded to f32 as a Float32Array stores it — so the
// bytes it writes are those of the TypeScript code, bit for bit (test/fast/augment.test.ts).

/** Zero pixels around the padded copy of a source image (as BORDER in src/data/augment.ts). */
const BORDER: i32 = 2;

/**
 * Bytes of the table `warpTable` writes for images of `size` pixels: 4 f64 weights and 1 i32
 * corner per pixel, and a spare corner (the passes below go two pixels at a time).
 */
export function warpTableBytes(size: i32): i32 {
  return size * 32 + (size + 2) * 4;
}

/**
 * The elastic field's interpolation for rows × cols images and control points `spacing`
 * pixels apart (gx × gy of them), exactly as `interpolation` in augment.ts: per pixel its four
 * bilinear weights, as four planes of f64 (w00 of every pixel, then w01, w10, w11), and the
 * byte offset of its top-left control point (i32) after them.
 */
export function warpTable(rows: i32, cols: i32, spacing: f64, gx: i32, gy: i32, table: usize): void {
  const size = <usize>(rows * cols);
  const corners = table + size * 32;
  for (let y = 0; y < rows; y++) {
    const fy = <f64>y / spacing;
    const y0 = min(<i32>Math.floor(fy), gy - 2);
    const ty = fy - <f64>y0;
    for (let x = 0; x < cols; x++) {
      const fx = <f64>x / spacing;
      const x0 = min(<i32>Math.floor(fx), gx - 2);
      const tx = fx - <f64>x0;
      const i = <usize>(y * cols + x);
      store<i32>(corners + i * 4, (y0 * gx + x0) * 8);
      store<f64>(table + i * 8, (1 - tx) * (1 - ty));
      store<f64>(table + (size + i) * 8, tx * (1 - ty));
      store<f64>(table + (2 * size + i) * 8, (1 - tx) * ty);
      store<f64>(table + (3 * size + i) * 8, tx * ty);
    }
  }
  store<i32>(corners + size * 4, 0);
}

/** Bytes of scratch `warpBatch` needs for rows × cols images: the padded copy, then the passes' per-pixel values (and a spare pixel's). */
export function warpScratchBytes(rows: i32, cols: i32): i32 {
  return paddedBytes(rows, cols) + (rows * cols + 2) * 28;
}

/** The padded copy's bytes, rounded up to 16. */
// @ts-ignore: decorator
@inline function paddedBytes(rows: i32, cols: i32): i32 {
  return ((rows + 2 * BORDER) * (cols + 2 * BORDER) + 15) / 16 * 16;
}

/**
 * Warps `count` images of rows × cols bytes from `sources` (one after another) to `targets`.
 * Image r's map is 4 f64 at maps + 32r: cos(angle)/scale, sin(angle)/scale, dx, dy. With
 * `gx` > 0 it is also bent by the field of its 2·gx·gy control points (f64, x then y) at
 * points + 16·gx·gy·r, interpolated by the table of `warpTable` at `table`. `scratch` holds
 * `warpScratchBytes(rows, cols)`; `targets` needs one spare byte after the last image when
 * rows × cols is odd.
 *
 * Each image in three passes over its pixels — the field, the source coordinates, the
 * bilinear reads — each a loop whose iterations do not wait for each other, two pixels per
 * f64x2 operation (measured on 100 elastic images: one scalar pass doing all three, a chain
 * of ~40 dependent operations per pixel, 3.2 ms; three scalar passes 2.6–3.0 ms; these 1.4 ms).
 */
export function warpBatch(count: i32, rows: i32, cols: i32, maps: usize, sources: usize, targets: usize, scratch: usize, gx: i32, gy: i32, points: usize, table: usize): void {
  const size = <usize>(rows * cols);
  const pw = cols + 2 * BORDER;
  const padded = scratch;
  // Each per-pixel array has room for size + 2: a pass over an odd number of pixels writes a spare lane.
  const fieldX = padded + <usize>paddedBytes(rows, cols);
  const fieldY = fieldX + (size + 2) * 4;
  const at = fieldY + (size + 2) * 4;
  const fracX = at + (size + 2) * 4;
  const fracY = fracX + (size + 2) * 8;
  const cx = <f64>(cols - 1) / 2;
  const cy = <f64>(rows - 1) / 2;
  const g = <usize>(gx * gy);
  memory.fill(padded, 0, <usize>((rows + 2 * BORDER) * pw));
  if (gx == 0) memory.fill(fieldX, 0, (size + 2) * 8);
  for (let r = 0; r < count; r++) {
    const source = sources + <usize>(r * <i32>size);
    for (let y = 0; y < rows; y++) memory.copy(padded + <usize>((y + BORDER) * pw + BORDER), source + <usize>(y * cols), <usize>cols);
    if (gx > 0) elasticField(size, gx, points + <usize>r * g * 16, g, table, fieldX, fieldY);
    const map = maps + <usize>r * 32;
    sourceCoordinates(rows, cols, load<f64>(map), load<f64>(map, 8), load<f64>(map, 16), load<f64>(map, 24), cx, cy, fieldX, fieldY, at, fracX, fracY);
    bilinearReads(size, pw, padded, at, fracX, fracY, targets + <usize>(r * <i32>size));
  }
}

/**
 * The field at every pixel, rounded to f32 (as `sampleElasticField` stores it), two pixels per
 * f64x2 operation: each lane computes the scalar formula (f64 lanes round as f64 scalars do).
 */
// @ts-ignore: decorator
@inline function elasticField(size: usize, gx: i32, px: usize, g: usize, table: usize, fieldX: usize, fieldY: usize): void {
  const corners = table + size * 32;
  const py = px + g * 8;
  const down = <usize>gx * 8;
  for (let i: usize = 0; i < size; i += 2) {
    // (After an odd last pixel, the spare lane reads the table's spare corner.)
    const ca = <usize>load<i32>(corners + i * 4), cb = <usize>load<i32>(corners + i * 4, 4);
    const w00 = v128.load(table + i * 8), w01 = v128.load(table + (size + i) * 8);
    const w10 = v128.load(table + (2 * size + i) * 8), w11 = v128.load(table + (3 * size + i) * 8);
    v128.store64_lane(fieldX + i * 4, f32x4.demote_f64x2_zero(bilinear(w00, w01, w10, w11, px + ca, px + cb, down)), 0);
    v128.store64_lane(fieldY + i * 4, f32x4.demote_f64x2_zero(bilinear(w00, w01, w10, w11, py + ca, py + cb, down)), 0);
  }
}

/** w00·p(a) + w01·p(a + 1) + w10·p(a + gx) + w11·p(a + gx + 1), lane 0 from control point a, lane 1 from b. */
// @ts-ignore: decorator
@inline function bilinear(w00: v128, w01: v128, w10: v128, w11: v128, a: usize, b: usize, down: usize): v128 {
  const p00 = v128.load64_lane(b, v128.load64_zero(a), 1);
  const p01 = v128.load64_lane(b, v128.load64_zero(a, 8), 1, 8);
  const p10 = v128.load64_lane(b + down, v128.load64_zero(a + down), 1);
  const p11 = v128.load64_lane(b + down, v128.load64_zero(a + down, 8), 1, 8);
  return f64x2.add(f64x2.add(f64x2.add(f64x2.mul(w00, p00), f64x2.mul(w01, p01)), f64x2.mul(w10, p10)), f64x2.mul(w11, p11));
}

/**
 * Where each output pixel reads from: the padded image's byte offset of its top-left source
 * pixel (clamped into the border, beyond which all is background) and the fractions tx, ty.
 * Two pixels of a row per f64x2 operation (rows of an odd width end with one spare lane).
 */
// @ts-ignore: decorator
@inline function sourceCoordinates(rows: i32, cols: i32, cos: f64, sin: f64, dx: f64, dy: f64, cx: f64, cy: f64, fieldX: usize, fieldY: usize, at: usize, fracX: usize, fracY: usize): void {
  const pw = <f64>(cols + 2 * BORDER);
  const vcos = f64x2.splat(cos), vMinusSin = f64x2.splat(-sin);
  const vcx = f64x2.splat(cx), vcy = f64x2.splat(cy), vdx = f64x2.splat(dx);
  const low = f64x2.splat(<f64>-BORDER), highX = f64x2.splat(<f64>cols), highY = f64x2.splat(<f64>rows);
  const border = f64x2.splat(<f64>BORDER), vpw = f64x2.splat(pw), two = f64x2.splat(2);
  for (let y = 0; y < rows; y++) {
    const v = <f64>y - cy - dy;
    const sinV = f64x2.splat(sin * v);
    const cosV = f64x2.splat(cos * v);
    let xs = f64x2(0, 1);
    for (let x = 0; x < cols; x += 2) {
      const i = <usize>(y * cols + x);
      const u = f64x2.sub(f64x2.sub(xs, vcx), vdx);
      // + the field (0 without bending: s + 0 = s, as in augment.ts where it is not added).
      const sx = f64x2.add(f64x2.add(f64x2.add(f64x2.mul(vcos, u), sinV), vcx), f64x2.promote_low_f32x4(v128.load64_zero(fieldX + i * 4)));
      const sy = f64x2.add(f64x2.add(f64x2.add(f64x2.mul(vMinusSin, u), cosV), vcy), f64x2.promote_low_f32x4(v128.load64_zero(fieldY + i * 4)));
      const fx0 = f64x2.floor(sx);
      const fy0 = f64x2.floor(sy);
      // Clamped into the border as augment.ts clamps (pmax(low, NaN) is low: a NaN reads background too).
      const x0 = f64x2.pmin(f64x2.pmax(low, fx0), highX);
      const y0 = f64x2.pmin(f64x2.pmax(low, fy0), highY);
      const offset = f64x2.add(f64x2.add(f64x2.mul(f64x2.add(y0, border), vpw), x0), border);
      v128.store64_lane(at + i * 4, i32x4.trunc_sat_f64x2_s_zero(offset), 0);
      v128.store(fracX + i * 8, f64x2.sub(sx, fx0));
      v128.store(fracY + i * 8, f64x2.sub(sy, fy0));
      xs = f64x2.add(xs, two);
    }
  }
}

/** Each output byte: the bilinear blend of its four source pixels, rounded as augment.ts rounds; two per f64x2 operation. */
// @ts-ignore: decorator
@inline function bilinearReads(size: usize, pw: i32, padded: usize, at: usize, fracX: usize, fracY: usize, target: usize): void {
  const one = f64x2.splat(1), half = f64x2.splat(0.5), zero = f64x2.splat(0), top = f64x2.splat(255);
  const w = <usize>pw;
  for (let i: usize = 0; i < size; i += 2) {
    const a = padded + <usize>load<i32>(at + i * 4), b = padded + <usize>load<i32>(at + i * 4, 4);
    const p00 = bytePair(a, b, 0), p10 = bytePair(a, b, 1), p01 = bytePair(a, b, w), p11 = bytePair(a, b, w + 1);
    const tx = v128.load(fracX + i * 8), ty = v128.load(fracY + i * 8);
    const ox = f64x2.sub(one, tx), oy = f64x2.sub(one, ty);
    const value = f64x2.add(f64x2.add(f64x2.add(
      f64x2.mul(f64x2.mul(ox, oy), p00), f64x2.mul(f64x2.mul(tx, oy), p10)), f64x2.mul(f64x2.mul(ox, ty), p01)), f64x2.mul(f64x2.mul(tx, ty), p11));
    // Math.round: halves up (towards +∞), then into 0 … 255.
    const down = f64x2.floor(value);
    const rounded = v128.bitselect(f64x2.add(down, one), down, f64x2.ge(f64x2.sub(value, down), half));
    const bytes = i32x4.trunc_sat_f64x2_s_zero(f64x2.pmin(f64x2.pmax(zero, rounded), top));
    store<u8>(target + i, <u8>i32x4.extract_lane(bytes, 0));
    store<u8>(target + i, <u8>i32x4.extract_lane(bytes, 1), 1);
  }
}

/** The bytes at a + offset and b + offset as the two lanes of an f64x2. */
// @ts-ignore: decorator
@inline function bytePair(a: usize, b: usize, offset: usize): v128 {
  return f64x2.convert_low_i32x4_u(i32x4.replace_lane(i32x4.splat(<i32>load<u8>(a + offset)), 1, <i32>load<u8>(b + offset)));
}
