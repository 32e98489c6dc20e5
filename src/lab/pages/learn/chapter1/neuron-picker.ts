import { el } from '../../../components/figure-parts.js';
import type { SectionContext } from '../chapter.js';

/** A "neuron j of the first hidden layer" chooser (a select), for chapter 1's one-neuron figures. */
export function neuronPicker(ctx: Pick<SectionContext, 'f'>, count: number, chosen: number, onPick: (j: number) => void): HTMLElement {
  const label = el('label', 'neuron-picker');
  const select = el('select');
  select.name = 'neuron';
  for (let j = 0; j < count; j++) {
    const option = el('option', '', ctx.f('neuronOption', { j }));
    option.value = String(j);
    select.append(option);
  }
  select.value = String(chosen);
  select.addEventListener('change', () => onPick(Number(select.value)));
  label.append(el('span', '', ctx.f('pickNeuron')), select);
  return label;
}
