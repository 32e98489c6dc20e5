// Sparse input rows. MNIST images are ~81 % background (byte 0), and a zero input adds
// nothing to z = Σ_k w_jk x_k nor to ∂C/∂w_jk = δ_j x_k. So each image is stored once as the
// list of its non-zero pixels, and the first layer touches only those rows of its
// (transposed) weights.
//
// A store is two arrays: `offsets` (u32, count + 1: example i's entries are
// [offsets[i], offsets[i+1])) and `entries`, 3 bytes each: the pixel index k (u16, little
// endian, unaligned) then its byte value (u8). 60,000 MNIST images take ~27 MB this way,
// less than their 47 MB of dense bytes.

/** Bytes per entry of a sparse store. */
export const ENTRY_BYTES: usize = 3;

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
