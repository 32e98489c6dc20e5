/** Emitted after every mini-batch. */
export interface BatchEvent {
  readonly type: 'batch';
  /** 1-based epoch the batch belongs to. */
  readonly epoch: number;
  /** 1-based index of the batch within its epoch. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** Mean cost C over this mini-batch. */
  readonly cost: number;
  /** Fraction of this mini-batch answered right (before the step). */
  readonly accuracy: number;
  /** Training examples processed since the start of the run. */
  readonly examplesSeen: number;
}

/** Emitted when an epoch ends (after the test set has been evaluated). */
export interface EpochEvent {
  readonly type: 'epoch';
  /** 1-based. */
  readonly epoch: number;
  /** Mean cost over the epoch's mini-batches (each measured before its own step). */
  readonly trainCost: number;
  /** Fraction right over the epoch's mini-batches (each measured before its own step). */
  readonly trainAccuracy: number;
  /** Fraction right on the whole test set after the epoch. */
  readonly testAccuracy: number;
  /** Wall seconds spent training the epoch (evaluation excluded). */
  readonly seconds: number;
  /** Fraction right on the validation split after the epoch (only with a validation split). */
  readonly validationAccuracy?: number;
}

/** What a trainer tells its listeners: the CLI prints these, the Lab draws them. */
export type TrainingEvent = BatchEvent | EpochEvent;
