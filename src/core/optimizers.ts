import type { Gradients } from './backprop.js';
import type { Network } from './network.js';

/** The optimizer names. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
/** The names accepted, for parsers and menus. */
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

/** Settings of an optimizer; unused fields are ignored by optimizers that do not need them. */
export interface OptimizerSettings {
  readonly name: OptimizerName;
  /** η, the step size. */
  readonly learningRate: number;
  /** L2 penalty λ: adds (λ/2)·Σw² to the cost, so λ·w to each weight's gradient (not biases). */
  readonly l2?: number;
  /** Momentum coefficient μ (default 0.9). */
  readonly momentum?: number;
  /** Adam's β1, β2 and ε (defaults 0.9, 0.999, 1e-8). */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/**
 * Turns a gradient into a change of the parameters. `step` may be given a learning rate
 * that differs from the settings' (a schedule); the state (velocities, moments) can be saved
 * and restored so a resumed run continues exactly.
 */
export interface Optimizer {
  readonly name: OptimizerName;
  /** Updates the parameters of `net` in place from the averaged gradients `grads`. */
  step(net: Network, grads: Gradients, learningRate: number): void;
  /** Internal state as flat arrays (empty for plain SGD) plus the step count. */
  getState(): { step: number; buffers: Float32Array[] };
  /** Restores what `getState` returned (same network shape). */
  setState(state: { step: number; buffers: readonly Float32Array[] }): void;
}

/** Creates the optimizer described by `settings` for a network shaped like `net`. */
export function createOptimizer(settings: OptimizerSettings, net: Network): Optimizer {
  const l2 = settings.l2 ?? 0;
  switch (settings.name) {
    case 'sgd':
      return new Sgd(l2);
    case 'momentum':
      return new Momentum(net, l2, settings.momentum ?? 0.9);
    case 'adam':
      return new Adam(net, l2, settings.beta1 ?? 0.9, settings.beta2 ?? 0.999, settings.epsilon ?? 1e-8);
  }
}

/** Visits every (parameter, gradient, L2 factor) triple: weights get λ, biases 0. */
function eachParameterArray(
  net: Network,
  grads: Gradients,
  l2: number,
  visit: (param: Float32Array, grad: Float32Array, lambda: number, index: number) => void,
): void {
  const L = net.layerCount;
  for (let l = 0; l < L; l++) {
    visit(net.weights[l], grads.weights[l], l2, 2 * l);
    visit(net.biases[l], grads.biases[l], 0, 2 * l + 1);
  }
}

/** Buffers shaped like [W1, b1, W2, b2, …]. */
function parameterShapedBuffers(net: Network): Float32Array[] {
  const buffers: Float32Array[] = [];
  for (let l = 0; l < net.layerCount; l++) {
    buffers.push(new Float32Array(net.weights[l].length), new Float32Array(net.biases[l].length));
  }
  return buffers;
}

function copyState(target: Float32Array[], source: readonly Float32Array[]): void {
  if (source.length !== target.length || source.some((s, i) => s.length !== target[i].length)) {
    throw new RangeError('optimizer state does not match the network shape');
  }
  source.forEach((s, i) => target[i].set(s));
}

/** Plain (mini-batch) gradient descent, the source document's: θ ← θ − η·∇C. */
class Sgd implements Optimizer {
  readonly name = 'sgd';
  private steps = 0;
  constructor(private readonly l2: number) {}
  step(net: Network, grads: Gradients, eta: number): void {
    eachParameterArray(net, grads, this.l2, (p, g, lambda) => {
      for (let i = 0; i < p.length; i++) p[i] -= eta * (g[i] + lambda * p[i]);
    });
    this.steps++;
  }
  getState() {
    return { step: this.steps, buffers: [] };
  }
  setState(state: { step: number }): void {
    this.steps = state.step;
  }
}

/** Momentum: a velocity v ← μ·v − η·∇C accumulates past steps, and θ ← θ + v. */
class Momentum implements Optimizer {
  readonly name = 'momentum';
  private steps = 0;
  private readonly velocity: Float32Array[];
  constructor(net: Network, private readonly l2: number, private readonly mu: number) {
    this.velocity = parameterShapedBuffers(net);
  }
  step(net: Network, grads: Gradients, eta: number): void {
    eachParameterArray(net, grads, this.l2, (p, g, lambda, index) => {
      const v = this.velocity[index];
      for (let i = 0; i < p.length; i++) {
        v[i] = this.mu * v[i] - eta * (g[i] + lambda * p[i]);
        p[i] += v[i];
      }
    });
    this.steps++;
  }
  getState() {
    return { step: this.steps, buffers: this.velocity };
  }
  setState(state: { step: number; buffers: readonly Float32Array[] }): void {
    copyState(this.velocity, state.buffers);
    this.steps = state.step;
  }
}

/**
 * Adam (Kingma & Ba, 2015): running means of the gradient (m) and of its square (v),
 * bias-corrected, give each parameter its own step size: θ ← θ − η·m̂ / (√v̂ + ε).
 */
class Adam implements Optimizer {
  readonly name = 'adam';
  private steps = 0;
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  constructor(
    net: Network,
    private readonly l2: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly epsilon: number,
  ) {
    this.m = parameterShapedBuffers(net);
    this.v = parameterShapedBuffers(net);
  }
  step(net: Network, grads: Gradients, eta: number): void {
    this.steps++;
    const { beta1, beta2, epsilon } = this;
    const c1 = 1 - Math.pow(beta1, this.steps);
    const c2 = 1 - Math.pow(beta2, this.steps);
    eachParameterArray(net, grads, this.l2, (p, g, lambda, index) => {
      const m = this.m[index];
      const v = this.v[index];
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] + lambda * p[i];
        m[i] = beta1 * m[i] + (1 - beta1) * gi;
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
        p[i] -= (eta * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
      }
    });
  }
  getState() {
    return { step: this.steps, buffers: [...this.m, ...this.v] };
  }
  setState(state: { step: number; buffers: readonly Float32Array[] }): void {
    const half = this.m.length;
    copyState(this.m, state.buffers.slice(0, half));
    copyState(this.v, state.buffers.slice(half));
    this.steps = state.step;
  }
}
