import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { type HiddenActivationName, HIDDEN_ACTIVATIONS } from '../../core/activations.js';
import { type ChainResult, DEFAULT_CHAIN, explainChain } from '../../explain/chain.js';
import { choiceOption, numberOption } from '../options.js';
import { num, toJson } from './output.js';

interface ChainOptions {
  w: [number, number, number];
  b: [number, number, number];
  x: number;
  y: number;
  activation: HiddenActivationName;
  json?: boolean;
}

/** `digitlab explain chain` (the chain rule on one neuron per layer). */
export function registerChain(parent: Command): void {
  const d = DEFAULT_CHAIN;
  parent
    .command('chain')
    .description('one neuron per layer: the forward pass, every factor of the chain rule, each derivative checked by a finite difference')
    .option('--w <w1,w2,w3>', 'the three weights', triple, [...d.weights])
    .option('--b <b1,b2,b3>', 'the three biases', triple, [...d.biases])
    .option('--x <number>', 'the input activation a(0)', numberOption(-1e6, 1e6), d.input)
    .option('--y <number>', 'the target y', numberOption(-1e6, 1e6), d.target)
    .option('--activation <name>', `σ: ${HIDDEN_ACTIVATIONS.join(', ')}`, choiceOption(HIDDEN_ACTIVATIONS), 'sigmoid')
    .option('--json', 'print the result as JSON')
    .action((o: ChainOptions) => {
      const r = explainChain({ weights: o.w, biases: o.b, input: o.x, target: o.y, activation: o.activation });
      if (o.json) process.stdout.write(toJson(r, 12) + '\n');
      else printChain(r);
    });
}

function triple(v: string): [number, number, number] {
  const xs = v.split(',').map((s) => Number(s.trim()));
  if (xs.length !== 3 || xs.some((x) => !Number.isFinite(x))) throw new InvalidArgumentError('Expected three numbers separated by commas, e.g. 1.5,-2,2.5.');
  return xs as [number, number, number];
}

function printChain(r: ChainResult): void {
  const p = r.parameters;
  console.log(`chain a(0) → a(1) → a(2) → a(3), ${p.activation}; w = ${p.weights.join(', ')}; b = ${p.biases.join(', ')}; x = ${p.input}; y = ${p.target}`);
  console.log('\nforward   z(l) = w(l)·a(l−1) + b(l),  a(l) = σ(z(l))');
  console.log(`  a(0) = ${r.input}`);
  for (const n of r.neurons) {
    const prev = n.layer === 1 ? r.input : r.neurons[n.layer - 2].a;
    const b = p.biases[n.layer - 1];
    console.log(`  z(${n.layer}) = ${p.weights[n.layer - 1]}·${prev.toFixed(6)} ${b < 0 ? '−' : '+'} ${Math.abs(b)} = ${n.z.toFixed(6)}    a(${n.layer}) = σ(z(${n.layer})) = ${n.a.toFixed(6)}    σ′(z(${n.layer})) = ${n.slope.toFixed(6)}`);
  }
  const aL = r.neurons[r.neurons.length - 1].a;
  console.log(`  C0 = (a(3) − y)² = (${aL.toFixed(6)} − ${p.target})² = ${r.cost.toFixed(8)}`);
  console.log('\nbackward  ∂C0/∂a(l) (how much the cost cares about each activation)');
  for (const g of r.activationGradients) console.log(`  ∂C0/∂a(${g.layer}) = ${g.value.toFixed(8)}`);
  console.log(`\nderivatives = product of the factors; "numeric" = (C0(θ+h) − C0(θ−h)) / 2h, h = ${r.h}`);
  console.log(`  ${'param'.padEnd(6)}${'analytic'.padStart(16)}${'numeric'.padStart(16)}${'|difference|'.padStart(14)}   factors`);
  for (const d of r.derivatives) {
    const factors = d.factors.map((f) => `${f.formula}=${Number(f.value.toPrecision(4))}`).join(' · ');
    console.log(`  ${d.parameter.padEnd(6)}${num(d.analytic, 10, 16)}${num(d.numeric, 10, 16)}${num(d.difference, 2, 14)}   ${factors}`);
  }
  console.log(`\nlargest |analytic − numeric| = ${r.maxDifference.toExponential(2)}`);
}
