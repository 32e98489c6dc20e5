// Sparse input rows. MNIST images are ~81 % background (byte 0), and a zero input adds
// nothing to z = Σ_k w_jk x_k nor to ∂C/∂w_jk = δ_j x_k. So each image is stored once as the
// list of its non-zero pixels, and the first layer touches only those rows of its
// (transposed) weights.
//
// A store is two arrays: `offsets` (u32, count + 1: example i's entries are
// [offsets[i], offsets[i+1])) and `entries`, 3 bytes each: the pixel index k (u16, little
// endian, unaligned) then its byte value (u8). 60,000 MNIST images take ~27 MB this way,
// less than their 47 MB of dense bytes.

import { ENTRY_BYTES } from '../src/fast/layout-table';
export { ENTRY_BYTES };

/**
 * Encodes `count` images of `size` bytes each, stored one after another at `bytes`.
 * Writes offsets[0 … count] as absolute entry numbers starting at `firstEntry` and returns
 * the entry number after the last one written, so a large data set can be encoded in chunks.
 */
export function encodeSparse(bytes: usize, count: i32, size: i32, offsets: usize, entries: usize, firstEntry: u32): u32 {
  let e = firstEntry;
  const zero = i8x16.splat(0);
  for (let i = 0; i < count; i++) {
    store<u32>(offsets + (<usize>i << 2), e);
    const row = bytes + <usize>i * <usize>size;
    let k = 0;
    // 16 pixels at a time: a bit mask of the non-zero bytes, then visit its set bits.
    for (; k + 16 <= size; k += 16) {
      let mask = <u32>i8x16.bitmask(i8x16.ne(v128.load(row + k), zero));
      while (mask != 0) {
        const kk = k + <i32>ctz<u32>(mask);
        const at = entries + <usize>e * ENTRY_BYTES;
        store<u16>(at, <u16>kk);
        store<u8>(at, load<u8>(row + kk), 2);
        e++;
        mask &= mask - 1;
      }
    }
    for (; k < size; k++) {
      const v = load<u8>(row + k);
      if (v != 0) {
        const at = entries + <usize>e * ENTRY_BYTES;
        store<u16>(at, <u16>k);
        store<u8>(at, v, 2);
        e++;
      }
    }
  }
  store<u32>(offsets + (<usize>count << 2), e);
  return e;
}

/**
 * Gathers the non-zero pixels of batch rows 0 … count−1 (row r = example rows[r] of the store)
 * into the batch's decoded list: per entry the byte offset k·stride·4 of the weight row it
 * selects and its value x_k = lut[byte]. One streaming pass whose loads are independent, so
 * the cache misses of 100 randomly chosen examples overlap; the forward and backward passes
 * then read a small, contiguous, already-decoded list twice.
 */
export function gatherBatchEntries(count: i32, rows: usize, offsets: usize, entries: usize, rowBytes: usize, lut: usize, starts: usize, out: usize): void {
  touchExamples(count, rows, offsets, entries);
  let o: usize = 0;
  for (let r = 0; r < count; r++) {
    store<u32>(starts + (<usize>r << 2), <u32>o);
    const ex = <usize>load<u32>(rows + (<usize>r << 2));
    const e1 = <usize>load<u32>(offsets + (ex << 2), 4);
    for (let e = <usize>load<u32>(offsets + (ex << 2)); e < e1; e++) {
      const at = entries + e * ENTRY_BYTES;
      const dst = out + (o << 3);
      store<u32>(dst, <u32>(<usize>load<u16>(at) * rowBytes));
      store<f32>(dst, load<f32>(lut + (<usize>load<u8>(at, 2) << 2)), 4);
      o++;
    }
  }
  store<u32>(starts + (<usize>count << 2), <u32>o);
}

/** Keeps the touching loads of `touchExamples` observable, so no optimizer drops them. */
let sink: u32 = 0;

/**
 * Reads one byte of every cache line of the batch's examples before they are used. Each
 * example sits somewhere random in a 27 MB store, so its first use is a cache miss (two in a
 * row: its offset, then its entries). Touching them all first, in two short loops whose loads
 * do not depend on each other, lets the processor overlap those misses instead of waiting for
 * each example in turn (WebAssembly has no prefetch instruction).
 */
export function touchExamples(count: i32, rows: usize, offsets: usize, entries: usize): void {
  let s: u32 = 0;
  for (let r = 0; r < count; r++) s ^= load<u32>(offsets + (<usize>load<u32>(rows + (<usize>r << 2)) << 2));
  for (let r = 0; r < count; r++) {
    const ex = <usize>load<u32>(rows + (<usize>r << 2));
    const from = entries + <usize>load<u32>(offsets + (ex << 2)) * ENTRY_BYTES;
    const to = entries + <usize>load<u32>(offsets + (ex << 2), 4) * ENTRY_BYTES;
    for (let p = from; p < to; p += 64) s ^= load<u8>(p);
  }
  sink ^= s;
}
