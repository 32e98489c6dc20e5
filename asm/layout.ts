// The layout table: where every buffer of the network lives in linear memory.
//
// The JavaScript side (src/fast/layout.ts) owns the memory plan: it places every buffer,
// writes this table of byte offsets once, and hands its address to `setLayout`. The kernels
// only read it.
//
// The field offsets and codes are in src/fast/layout-table.ts, shared with the JavaScript side.
export * from '../src/fast/layout-table';
import { HEADER_BYTES, LAYER_BYTES } from '../src/fast/layout-table';

let table: usize = 0;

/** Remembers where the layout table is. */
export function useLayout(address: usize): void {
  table = address;
}

/** A header field. */
// @ts-ignore: decorator
@inline export function header(field: u32): i32 {
  return load<i32>(table + field);
}

/** A float header field. */
// @ts-ignore: decorator
@inline export function headerF32(field: u32): f32 {
  return load<f32>(table + field);
}

/** A field of layer l's record (a size or a byte offset). */
// @ts-ignore: decorator
@inline export function layer(l: i32, field: u32): i32 {
  return load<i32>(table + HEADER_BYTES + <usize>l * LAYER_BYTES + field);
}
