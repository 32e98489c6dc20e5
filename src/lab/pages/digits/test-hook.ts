import type { Store } from '../../shared/store.js';
import type { GridStroke } from '../../shared/stroke-codec.js';
import type { CollectPanel } from './collect-panel.js';
import type { DigitsState } from './digits-state.js';

/** What the browser test may call on the page (`window.digitlabDigits`). */
export interface DigitsTestHook {
  /** Puts `strokes` (the pad's 256 × 256 grid) on the draw pad and adds the drawing as `label`, as a learner's press would. */
  addDrawing(strokes: readonly GridStroke[], label: number): Promise<void>;
  /** The set as the page holds it: each digit's id, label and 784 input pixels. */
  digits(): { id: number; label: number; input: number[] }[];
  /** The fine-tuned network's model file (JSON text), or null. */
  fineTunedModel(): string | null;
}

/**
 * The test hook: drawings prepared by the test go through the same pad, preprocessing and
 * storage as the learner's strokes, so a test can add twenty digits without twenty gestures.
 */
export function installTestHook(store: Store<DigitsState>, collect: CollectPanel): void {
  const hook: DigitsTestHook = {
    async addDrawing(strokes, label) {
      collect.pad.setStrokes(strokes);
      await collect.add(label);
    },
    digits: () => store.state.digits.map((d) => ({ id: d.id, label: d.label, input: [...d.input] })),
    fineTunedModel: () => store.state.fineTuned?.stored.modelText ?? null,
  };
  (window as unknown as { digitlabDigits: DigitsTestHook }).digitlabDigits = hook;
}
