/**
 * `digitlab/embed`: the Lab's figures as custom elements, for a page built with a bundler.
 * Importing it defines `<digitlab-draw-pad>`, `<digitlab-network>`, `<digitlab-answer>` and
 * `<digitlab-weight-grid>` and adds their stylesheet; the element classes and the events'
 * details are exported for scripts that build figures themselves.
 *
 * ```ts
 * import 'digitlab/embed';
 * // <digitlab-draw-pad for="net"></digitlab-draw-pad>
 * // <digitlab-network id="net" model="/pretrained.json"></digitlab-network>
 * // <digitlab-answer for="net"></digitlab-answer>
 * ```
 * @module digitlab/embed
 */
import figureStyles from '../components/figures.css?inline';
import { AnswerElement } from './answer-element.js';
import { DrawPadElement } from './draw-pad-element.js';
import { define } from './figure-element.js';
import { NetworkElement } from './network-element.js';
import { WeightGridElement } from './weight-grid-element.js';
import embedStyles from './embed.css?inline';

/**
 * The one script a teacher includes (`<script type="module" src="…/embed.js">`) to put live
 * figures into their own page: it defines `<digitlab-draw-pad>`, `<digitlab-network>`,
 * `<digitlab-answer>` and `<digitlab-weight-grid>` (see examples/embed.html and the README's
 * "Embedding figures") and adds their stylesheet once. Everything is computed in the page,
 * by the same engine as the Lab; only the model file is fetched.
 */
if (!document.getElementById('digitlab-figure-styles')) {
  const style = document.createElement('style');
  style.id = 'digitlab-figure-styles';
  style.textContent = `${embedStyles}\n${figureStyles}`;
  document.head.append(style);
}
define('digitlab-draw-pad', DrawPadElement);
define('digitlab-network', NetworkElement);
define('digitlab-answer', AnswerElement);
define('digitlab-weight-grid', WeightGridElement);

/** The element classes, for scripts that build figures themselves. */
export { AnswerElement, DrawPadElement, NetworkElement, WeightGridElement };
/** What the figures' events carry. */
export type { InferenceDetail, InputDetail } from './figure-element.js';
