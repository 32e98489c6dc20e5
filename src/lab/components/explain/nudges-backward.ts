import type { ImageNudges } from '../../../explain/nudges.js';
import type { Translator } from '../../shared/i18n.js';
import { renderBars } from '../signed-bars.js';
import type { ExplainKey } from './messages.js';
import { pixelWishMap } from './pixel-wish-map.js';

/**
 * Section 3 of the nudges panel: one image's wishes summed backwards a layer at a time
 * (`image.backward`), from the outputs to the last hidden layer, to the first, and once more
 * to the 784 input pixels (`image.inputWishes`), which cannot change and end the chain.
 */
export function renderBackward(container: HTMLElement, image: ImageNudges, tr: Translator<ExplainKey>, format: (v: number) => string): void {
  const L = image.layers.length;
  const parts: HTMLElement[] = [];
  for (const step of image.backward) {
    const section = document.createElement('section');
    section.dataset.layer = String(step.to);
    const heading = document.createElement('h4');
    if (step.to === 0) {
      heading.textContent = tr.t('pixelWishes', { count: step.contributions.length });
      section.append(heading, pixelWishMap(image.inputWishes, tr.t('pixelWishesCaption'), (x, y, wish) => tr.t('pixelWish', { x, y, wish: format(wish) })));
    } else {
      heading.textContent = tr.t('backwardLayer', { to: step.to, from: step.from, count: step.contributions.length });
      const bars = document.createElement('div');
      bars.className = 'compact';
      const layer = image.layers[L - step.to];
      renderBars(bars, step.wishes.map((v, k) => ({ label: `${k}: a=${tr.num(layer.activations[k], 2)}`, value: v })), format);
      section.append(heading, bars);
    }
    parts.push(section);
  }
  container.replaceChildren(...parts);
}
