/**
 * The one seeded pseudo-random number generator behind every random choice in digitlab:
 * initial weights, the order of mini-batches, noise images, shuffled labels, dropout.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state),
 * seeded through splitmix32 so that nearby seeds (1, 2, 3…) give unrelated streams. It uses
 * only 32-bit integer operations, so Node and every browser produce the same numbers.
 */
export class Rng {
  /**
   * The state a, b, c, d. Held in a Uint32Array rather than four number fields: a field
   * holding a value above 2³⁰ is a boxed number in V8, which made each draw allocate; here
   * every store wraps to 32 bits by itself, the same arithmetic as `>>> 0`.
   */
  private readonly s = new Uint32Array(4);

  /** A generator for `seed` (any integer; the same seed always gives the same stream). */
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads the seed's bits over the state.
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let i = 0; i < 4; i++) this.s[i] = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const s = this.s;
    const a = s[0], b = s[1], c = s[2], d = s[3];
    // a + b + d < 2³⁴ is exact in a double; each store below reduces modulo 2³².
    const t = (a + b + d) >>> 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  }

  /** A uniform number in [0, 1) with 32 random bits. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!(n >= 1 && n <= 4294967296)) throw new RangeError(`Rng.int: n must be in [1, 2^32], got ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let x: number;
    do x = this.nextUint32();
    while (x >= limit);
    return x % n;
  }

  /**
   * A standard normal N(0, 1) number by the Box–Muller transform. Each call draws two
   * uniforms and uses one result (no cached spare, so the state is just four integers).
   */
  normal(): number {
    const u1 = 1 - this.uniform(); // in (0, 1], so log is finite
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Shuffles `items` in place (Fisher–Yates), uniformly over all orders. */
  shuffle(items: { length: number; [i: number]: number }): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }

  /** The generator's state, to save in a checkpoint and resume the same stream. */
  getState(): [number, number, number, number] {
    return [this.s[0], this.s[1], this.s[2], this.s[3]];
  }

  /** Restores a state from `getState()`. */
  setState(state: readonly number[]): void {
    if (state.length !== 4 || state.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffffffff)) {
      throw new RangeError('Rng state must be four unsigned 32-bit integers');
    }
    this.s.set(state);
  }
}
