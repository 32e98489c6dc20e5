/**
 * Whether the next wide-path batch goes to two threads or one, from what batches of the same
 * kind have cost each way. Two threads pay on an idle machine from the crossover width on
 * (factory.ts THREADS_FROM), but not when the cores are busy with other work: then the
 * threads wait for each other at every stage. Since both ways give the same bits, the choice
 * can follow the measured time: mostly the faster way, and now and then the other (a probe),
 * to notice when that changes. A probe costs the difference of the two ways, so probes come
 * every `PROBE_EVERY` batches while the two ways are close and further apart the more one
 * wins, keeping their cost near `PROBE_COST` of the time (at 784-512-512-10 on 2 cores, one
 * thread takes ~1.8× two threads' time: a probe every 20 batches cost 4 % of it).
 */
export class ThreadChoice {
  private readonly kinds = new Map<string, Kind>();

  /** Whether batch kind `kind` (mode and row count) should run on two threads now. */
  useTwo(kind: string): boolean {
    const k = this.kind(kind);
    k.sinceProbe++;
    // Two threads until one thread has been timed (the first probe); then the faster, probing the slower now and then.
    const twoFaster = Number.isNaN(k.one) || !(k.two > k.one);
    const fast = Math.max(Math.min(k.two, k.one), 1e-3);
    const every = Number.isNaN(k.one) ? PROBE_EVERY : Math.max(PROBE_EVERY, Math.ceil(Math.abs(k.two - k.one) / (PROBE_COST * fast)));
    if (k.sinceProbe < every) return twoFaster;
    k.sinceProbe = 0;
    return !twoFaster;
  }

  /** Records that a batch of kind `kind` took `ms` milliseconds on two threads or one. */
  record(kind: string, two: boolean, ms: number): void {
    const k = this.kind(kind);
    const old = two ? k.two : k.one;
    const value = Number.isNaN(old) ? ms : old + SMOOTHING * (ms - old);
    if (two) k.two = value;
    else k.one = value;
  }

  private kind(kind: string): Kind {
    let k = this.kinds.get(kind);
    if (!k) {
      k = { two: NaN, one: NaN, sinceProbe: 0 };
      this.kinds.set(kind, k);
    }
    return k;
  }
}

/** What is known of one kind of batch: its running times each way, and batches since the last probe. */
interface Kind {
  two: number;
  one: number;
  sinceProbe: number;
}

/** Fewest batches of a kind between two probes (the first comes after this many). */
export const PROBE_EVERY = 20;
/** Share of the time the probes may cost, which spaces them when one way is much faster. */
export const PROBE_COST = 0.01;
/** Weight of the newest batch in the running times. */
const SMOOTHING = 0.2;
