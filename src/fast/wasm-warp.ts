import type { BatchWarp, WarpJob } from '../data/augmenter.js';
import type { Kernels } from './kernels.js';
import { ensureMemory } from './layout.js';

/** Control-point spacing, grid and image size the interpolation table in memory was made for. */
interface TableKey {
  readonly rows: number;
  readonly cols: number;
  readonly spacing: number;
  readonly gx: number;
  readonly gy: number;
}

/**
 * Augmentation's pixel work in the WebAssembly kernels (asm/augment.ts): the same bytes as the
 * TypeScript warp (src/data/augment.ts), in a fraction of the time. It owns a kernels instance
 * of its own (its own memory, nothing shared with a training backend); per batch it copies the
 * source images and the random draws in, warps them all in one call and copies the result out.
 */
export class WasmWarp implements BatchWarp {
  private table: TableKey | null = null;

  /** An engine on `kernels`, a fresh instance used for nothing else. */
  constructor(private readonly kernels: Kernels) {}

  /** Copies the job's images and draws in, warps them in one kernel call, copies the result to `job.target`. */
  warp(job: WarpJob): void {
    const { count, rows, cols } = job;
    const size = rows * cols;
    const g = job.elastic ? job.elastic.gx * job.elastic.gy : 0;
    // Memory: the field's table, the kernel's scratch, then the batch's maps, points, sources and targets (+1 spare byte).
    const tableAt = align(this.kernels.heapBase());
    const scratch = align(tableAt + this.kernels.warpTableBytes(size));
    const maps = align(scratch + this.kernels.warpScratchBytes(rows, cols));
    const points = maps + 32 * count;
    const sources = points + 16 * g * count;
    const targets = align(sources + size * count);
    ensureMemory(this.kernels.memory, targets + size * count + 16);
    const buffer = this.kernels.memory.buffer;
    const bytes = new Uint8Array(buffer);
    for (let r = 0; r < count; r++) {
      const from = job.sourceOffsets[r];
      bytes.set(job.source.subarray(from, from + size), sources + r * size);
    }
    new Float64Array(buffer, maps, 4 * count).set(job.maps.subarray(0, 4 * count));
    if (job.elastic) {
      const { spacing, gx, gy } = job.elastic;
      new Float64Array(buffer, points, 2 * g * count).set(job.elastic.points.subarray(0, 2 * g * count));
      const t = this.table;
      if (!t || t.rows !== rows || t.cols !== cols || t.spacing !== spacing || t.gx !== gx || t.gy !== gy) {
        this.kernels.warpTable(rows, cols, spacing, gx, gy, tableAt);
        this.table = { rows, cols, spacing, gx, gy };
      }
    }
    const gx = job.elastic ? job.elastic.gx : 0;
    const gy = job.elastic ? job.elastic.gy : 0;
    this.kernels.warpBatch(count, rows, cols, maps, sources, targets, scratch, gx, gy, points, tableAt);
    job.target.set(bytes.subarray(targets, targets + size * count));
  }
}

/** The next multiple of 16 (f64 loads stay aligned, SIMD-friendly). */
function align(address: number): number {
  return Math.ceil(address / 16) * 16;
}
