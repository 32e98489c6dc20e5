import type { Dataset } from '../data/dataset.js';
import type { StepResult } from '../train/backend.js';
import type { DropoutBackend, DropoutMasks } from '../train/dropout.js';
import { H_DROPOUT } from './layout-table.js';
import { WasmBackend } from './wasm-backend.js';

/**
 * The fast backend of a wide ReLU network trained with dropout (src/fast/layout.ts
 * `wideDropout`): the wide path applies the masks itself (asm/wide.ts), so the step runs on
 * one thread or two like any other, where the plain kernels' dropout step
 * (`WasmDropoutBackend`) runs on one. Each step writes the trainer's masks into the plan's
 * mask buffers (rows × stride, the padding lanes left 0) and raises the table's dropout flag
 * for that step only: evaluation never drops a neuron.
 */
export class WasmWideDropoutBackend extends WasmBackend implements DropoutBackend {
  trainMiniBatchDropout(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number, masks: DropoutMasks): StepResult {
    const hidden = this.plan.layers.slice(0, -1);
    if (hidden.some((layer) => layer.masks === 0)) throw new RangeError('wasm backend: no room was planned for dropout masks (settings without dropout)');
    const buffer = this.kernels.memory.buffer;
    const f32 = new Float32Array(buffer);
    hidden.forEach((layer, l) => {
      const mask = masks.masks[l];
      for (let r = 0; r < count; r++) f32.set(mask.subarray(r * layer.nOut, (r + 1) * layer.nOut), (layer.masks >> 2) + r * layer.stride);
    });
    this.setFlag(1);
    try {
      return this.trainMiniBatch(data, indices, start, count, learningRate);
    } finally {
      this.setFlag(0);
    }
  }

  /** The table's dropout flag (a fresh view: the step may grow the memory). */
  private setFlag(value: number): void {
    new Int32Array(this.kernels.memory.buffer, this.plan.table + H_DROPOUT, 1)[0] = value;
  }
}
