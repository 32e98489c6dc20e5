import type { Network } from '../../core/network.js';
import { loadKatex, typeset } from '../shared/typeset.js';
import type { FigureKey } from './figure-messages.js';
import type { NetworkViewText, NeuronNumbers } from './network-view.js';

/** A layer's activation function as a symbol for text: σ, ReLU, tanh or softmax. */
export function activationSymbol(net: Network, layer: number): string {
  const name = layer < net.layerCount ? net.activation : net.outputActivation;
  return name === 'sigmoid' ? 'σ' : name === 'relu' ? 'ReLU' : name;
}

/** A layer's activation function as TeX: \sigma, \operatorname{ReLU}, \tanh or \operatorname{softmax}. */
export function activationTex(net: Network, layer: number): string {
  const name = layer < net.layerCount ? net.activation : net.outputActivation;
  return name === 'sigmoid' ? '\\sigma' : name === 'tanh' ? '\\tanh' : name === 'relu' ? '\\operatorname{ReLU}' : `\\operatorname{${name}}`;
}

/**
 * The network view's texts: a neuron's accessible name with its numbers, and its tooltip —
 * z = Σ w·a + b and a = f(z) typeset with KaTeX and the live numbers substituted (plain
 * text until KaTeX has loaded, which the first tooltip starts; `onTypesetReady` then
 * redraws it). `net()` is the network shown, `t` the page's messages, `format` writes a number
 * with so many decimals (the page's language; by default with a decimal point).
 */
export function networkViewText(
  t: (key: FigureKey, values?: Readonly<Record<string, string | number>>) => string,
  classNames: readonly string[],
  net: () => Network | null,
  onTypesetReady: () => void,
  format: (n: number, digits: number) => string = (n, digits) => n.toFixed(digits),
): NetworkViewText {
  // In TeX a decimal comma is {,}: no space after it.
  const tex = (text: string): string => text.replace(/,/g, '{,}').replace(/[\u00a0\u202f ]/g, '\\,').replace(/[−-]/g, '-');
  return {
    inputLabel: t('inputLayer'),
    pixel: (x, y, a) => t('inputPixel', { x, y, a: format(a, 3) }),
    classNames,
    outputValue: (a) => format(a, 2),
    neuronLabel: (n: NeuronNumbers) => `${t('neuron', { layer: n.layer, neuron: n.neuron })}: z = ${format(n.z, 2)}, b = ${format(n.bias, 2)}, a = ${format(n.a, 3)}`,
    tooltip: (n: NeuronNumbers) => {
      const shown = net();
      const f = shown ? activationSymbol(shown, n.layer) : 'σ';
      const fTex = shown ? activationTex(shown, n.layer) : '\\sigma';
      const z = format(n.z, 3);
      const a = format(n.a, 4);
      const zTex = typeset(`z = \\sum_k w_k\\, a_k + b = ${tex(z)}`);
      const aTex = typeset(`a = ${fTex}(z) = ${tex(a)}`);
      if (zTex === null || aTex === null) void loadKatex().then(onTypesetReady);
      return (
        `<b>${t('neuron', { layer: n.layer, neuron: n.neuron })}</b><br>` +
        (zTex === null
          ? `${t('weightedInput')}: <var>z</var> = Σ <var>w</var>·<var>a</var> + <var>b</var> = ${z}<br>`
          : `${t('weightedInput')}:<span class="formula">${zTex}</span>`) +
        `${t('bias')} = ${format(n.bias, 3)}<br>` +
        (aTex === null ? `${t('activationValue', { f })} = ${a}` : `${t('activationName')}:<span class="formula">${aTex}</span>`)
      );
    },
  };
}
