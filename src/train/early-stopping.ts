import type { Network } from '../core/network.js';

/**
 * Early stopping on validation accuracy: remembers the epoch with the best validation
 * accuracy and a copy of its parameters, and says when to stop — after `patience` epochs in a
 * row without a better one (0 = never stop early, only remember the best). At the end the
 * trainer restores the remembered parameters, so the model kept is the one the validation set
 * chose, not simply the last. Ties keep the earlier epoch (fewer steps, same accuracy).
 */
export class EarlyStopping {
  /** Best validation accuracy so far (−∞ before the first epoch). */
  bestAccuracy = -Infinity;
  /** 1-based epoch of the best validation accuracy (0 before the first epoch). */
  bestEpoch = 0;
  private best: Network | null = null;

  /** An early-stopping monitor with the given patience (epochs without improvement). */
  constructor(readonly patience: number) {}

  /**
   * Records epoch `epoch`'s validation accuracy; copies `network` if it is the best so far.
   * Returns true when training should stop.
   */
  update(epoch: number, accuracy: number, network: Network): boolean {
    if (accuracy > this.bestAccuracy) {
      this.bestAccuracy = accuracy;
      this.bestEpoch = epoch;
      if (this.best) this.best.copyParametersFrom(network);
      else this.best = network.clone();
    }
    return this.patience > 0 && epoch - this.bestEpoch >= this.patience;
  }

  /** The parameters of the best epoch (null before the first update). */
  get bestNetwork(): Network | null {
    return this.best;
  }
}
