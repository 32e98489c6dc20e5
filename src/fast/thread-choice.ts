/**
 * Whether the next wide-path batch goes to two threads or one, from what batches of the same
 * kind have cost each way. Two threads pay on an idle machine from the crossover width on
 * (factory.ts THREADS_FROM), but not when the cores are busy with other work: then the
 * threads wait for each other at every stage. Since both ways give the same bits, the choice
 * can follow the measured time: mostly the faster way, and every `PROBE_EVERY`-th batch the
 * other, to notice when that changes.
 */
export class ThreadChoice {
  private readonly kinds = new Map<string, { two: number; one: number; batches: number }>();

  /** Whether batch kind `kind` (mode and row count) should run on two threads now. */
  useTwo(kind: string): boolean {
    const k = this.kind(kind);
    k.batches++;
    // Two threads until one thread has been timed; then the faster, probing the slower now and then.
    if (Number.isNaN(k.one)) return k.batches !== PROBE_EVERY;
    const twoFaster = !(k.two > k.one);
    return k.batches % PROBE_EVERY === 0 ? !twoFaster : twoFaster;
  }

  /** Records that a batch of kind `kind` took `ms` milliseconds on two threads or one. */
  record(kind: string, two: boolean, ms: number): void {
    const k = this.kind(kind);
    const old = two ? k.two : k.one;
    const value = Number.isNaN(old) ? ms : old + SMOOTHING * (ms - old);
    if (two) k.two = value;
    else k.one = value;
  }

  private kind(kind: string): { two: number; one: number; batches: number } {
    let k = this.kinds.get(kind);
    if (!k) {
      k = { two: NaN, one: NaN, batches: 0 };
      this.kinds.set(kind, k);
    }
    return k;
  }
}

/** Every this many batches of a kind, one goes the slower way (a probe). */
const PROBE_EVERY = 20;
/** Weight of the newest batch in the running times. */
const SMOOTHING = 0.2;
