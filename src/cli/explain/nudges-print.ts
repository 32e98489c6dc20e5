import type { NudgesResult, TopNudge } from '../../explain/nudges.js';
import { num } from './output.js';

/** The printout of `digitlab explain nudges`: the source document's story, numbered, as tables. */

/** Prints the nudges result as the numbered walk-through. */
export function printNudges(r: NudgesResult, source: string, classNames: readonly string[]): void {
  const img = r.image;
  const out = img.layers[0];
  const L = img.layers.length;
  console.log(`model ${source}; training image #${r.index}, label ${classNames[img.label]}, answer ${classNames[img.prediction]}, cost C_x = ${img.cost.toFixed(6)}`);
  console.log('\n1. each output neuron\'s wished change −∂C/∂a = 2(y − a): up for the right digit, down for the others, more the further off it is');
  console.log('   digit   activation    target      wish    bias nudge σ′(z)·wish');
  out.activations.forEach((a, j) => {
    console.log(`   ${classNames[j].padEnd(6)}${num(a, 4, 12)}${String(j === img.label ? 1 : 0).padStart(10)}${num(out.wishes[j], 4, 10)}${num(out.biasNudges[j], 4, 14)}`);
  });
  const w = r.ways;
  console.log(`\n2. three ways to raise output ${classNames[w.neuron]} (a = ${w.activation.toFixed(4)}, wish ${w.wish.toFixed(4)}) — rise of a per unit change`);
  console.log(`   bias          ∂a/∂b = σ′(z)                      ${num(w.sizes.bias, 4, 10)}`);
  console.log(`   weights       ∂a/∂w_k = σ′(z)·a_k   (length)     ${num(w.sizes.weights, 4, 10)}   largest for the brightest previous neurons: ${largest(w.weightSensitivities)}`);
  console.log(`   activations   ∂a/∂a_k = σ′(z)·w_k   (length)     ${num(w.sizes.activations, 4, 10)}   largest for the largest |weights|: ${largest(w.activationSensitivities)}`);
  console.log('\n3. the wishes summed backwards, a layer at a time, down to the input pixels');
  for (const step of img.backward) {
    const name = (k: number): string => (step.from === L ? classNames[k] : String(k));
    if (step.to === 0) {
      printPixelWishes(step.wishes, `   the ${step.wishes.length} input pixels: each wish sums the ${step.contributions.length} contributions w·σ′·wish of layer 1.`);
      continue;
    }
    const prev = img.layers[L - step.to];
    console.log(`   layer ${step.to}: each neuron's wish sums the ${step.contributions.length} contributions w·σ′·wish of layer ${step.from}${step.from === L ? ' (the outputs)' : ''}`);
    console.log(`   neuron  activation   summed wish   largest contributions (neuron of layer ${step.from}: w·σ′·wish)`);
    step.wishes.forEach((s, k) => {
      const top = step.contributions.map((row, j) => [j, row[k]] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 3);
      console.log(`   ${String(k).padEnd(7)}${num(prev.activations[k], 4, 11)}${num(s, 4, 14)}   ${top.map(([j, c]) => `${name(j)}:${Number(c.toPrecision(3))}`).join('  ')}`);
    });
  }
  console.log('\n4. −∇C for this image, per layer (which of the parameters get the largest nudges)');
  printLayerSummary(r.layerSummary);
  console.log('   the 10 largest nudges:');
  for (const t of r.top) console.log(topLine(t));
  const b = r.batch;
  console.log(`\n5. averaged over the mini-batch of ${b.members.length} images #${r.index}–${r.index + b.members.length - 1}: −∇C of the batch (cost ${b.cost.toFixed(6)})`);
  console.log('   image   label answer      C_x     |−∇C_x|   cos(−∇C_x, average)');
  for (const m of b.members) console.log(`   ${String(m.index).padEnd(8)}${classNames[m.label].padStart(5)}${classNames[m.prediction].padStart(7)}${num(m.cost, 4, 10)}${num(m.length, 4, 11)}${num(m.agreement, 3, 12)}`);
  console.log(`   output wishes, average: ${wishList(b.outputWishes, classNames)}`);
  console.log(`   coherence |average| / average |member| = ${b.coherence.toFixed(3)} (1 = all images push the same way; the rest cancels)`);
  console.log('   the 10 largest nudges of the average:');
  for (const t of r.batchTop) console.log(topLine(t));
  const t = r.trainingSet;
  if (!t) return;
  console.log(`\n6. averaged over ${t.count.toLocaleString('en-US')} training images: −∇C itself, the step of (full-batch) gradient descent`);
  console.log(`   cost C = ${t.cost.toFixed(6)}, accuracy ${(t.accuracy * 100).toFixed(2)} % on these images`);
  console.log(`   coherence |−∇C| / average |−∇C_x| = ${t.coherence.toFixed(4)} (the share of the images' wishes that survives the average)`);
  console.log(`   cos(−∇C_x of image #${r.index}, −∇C) = ${t.imageAgreement.toFixed(3)};  cos(−∇C of the mini-batch, −∇C) = ${t.batchAgreement.toFixed(3)}`);
  console.log(`   output wishes, average: ${wishList(t.layerWishes[0].wishes, classNames)}`);
  printLayerSummary(t.layerSummary);
  console.log('   the 10 largest nudges of −∇C:');
  for (const n of t.top) console.log(topLine(n));
  printPixelWishes(t.layerWishes[t.layerWishes.length - 1].wishes, '   the average wished change of the input pixels:');
}

function printLayerSummary(rows: NudgesResult['layerSummary']): void {
  console.log('   layer  parameters    max |nudge|   mean |nudge|   share of |∇C|²');
  for (const s of rows) console.log(`   ${String(s.layer).padEnd(7)}${String(s.parameters).padStart(10)}${num(s.maxAbs, 4, 15)}${num(s.meanAbs, 4, 15)}${(s.share * 100).toFixed(1).padStart(14)} %`);
}

/** A line on the pixels' wishes: range and the pixels most wanted brighter and darker. */
function printPixelWishes(wishes: ArrayLike<number>, lead: string): void {
  const order = Array.from(wishes, (v, p) => [p, v] as const).sort((a, b) => b[1] - a[1]);
  const at = ([p, v]: readonly [number, number]): string => `(${p % 28},${Math.floor(p / 28)}) ${Number(v.toPrecision(3))}`;
  console.log(lead);
  console.log(`     brighter: ${order.slice(0, 3).map(at).join('  ')};  darker: ${order.slice(-3).reverse().map(at).join('  ')}`);
  console.log('     (the pixels cannot be changed; their wishes end the chain — --out draws them as a map)');
}

function topLine(t: TopNudge): string {
  const what = t.kind === 'bias' ? `b${t.layer} of neuron ${t.neuron}` : `w${t.layer} ${t.from}→${t.neuron}${t.layer === 1 ? ` (pixel ${t.from! % 28},${Math.floor(t.from! / 28)})` : ''}`;
  return `  ${what.padEnd(34)}${num(t.nudge, 4, 12)}`;
}

function wishList(wishes: ArrayLike<number>, classNames: readonly string[]): string {
  return Array.from(wishes, (x, j) => `${classNames[j]}:${Number(x.toPrecision(3))}`).join('  ');
}

function largest(v: readonly number[]): string {
  return v
    .map((x, k) => [k, x] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 3)
    .map(([k, x]) => `k=${k} (${Number(x.toPrecision(3))})`)
    .join(', ');
}
