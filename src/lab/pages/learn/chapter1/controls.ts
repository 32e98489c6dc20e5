import { el } from '../../../components/figure-parts.js';
import type { Deeper, SectionContext } from '../chapter.js';

/** Chapter 1's small controls. A "neuron j of the first hidden layer" chooser (a select), for the one-neuron figures. */
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

/** A labelled slider (`<label class>` holding a text span, then the range input), for a bias or any one parameter. */
export function labelledSlider(name: string, className: string, range: { readonly min: number; readonly max: number; readonly step: number }): { label: HTMLLabelElement; text: HTMLSpanElement; slider: HTMLInputElement } {
  const slider = el('input', `${className}-slider`);
  slider.type = 'range';
  slider.min = String(range.min);
  slider.max = String(range.max);
  slider.step = String(range.step);
  slider.name = name;
  const label = el('label', `${className}-label`);
  const text = el('span');
  label.append(text, slider);
  return { label, text, slider };
}

/** "Go deeper in the Lab", with the learner's test image when one is used. */
export function labWithDigit(ctx: SectionContext): Deeper {
  return { view: 'lab', hash: ctx.digit.testImage >= 0 ? `test=${ctx.digit.testImage}` : undefined };
}
