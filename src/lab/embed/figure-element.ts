import { FIGURE_MESSAGES, type FigureKey } from '../components/figure-messages.js';
import { languageFromNavigator, Translator } from '../shared/i18n.js';
import type { PaletteName } from '../shared/palette.js';

/**
 * The common part of the embeddable figures (custom elements, no shadow DOM, so a teacher's
 * page can restyle them): the language from the element's own `lang` or the nearest
 * ancestor's (so `<html lang="ru">` makes every figure Russian), the palette attribute,
 * building the inside once when first connected and redrawing when an observed attribute
 * changes.
 */
export abstract class FigureElement extends HTMLElement {
  private built = false;

  /** The figure's messages in its language (English unless a `lang` says Russian). */
  protected get tr(): Translator<FigureKey> {
    const tag = this.closest('[lang]')?.getAttribute('lang') ?? '';
    return new Translator(FIGURE_MESSAGES, languageFromNavigator([tag]));
  }

  /** The `palette` attribute: "blue-orange" for the colour-blind-safe pair, else green/red. */
  protected get palette(): PaletteName {
    return this.getAttribute('palette') === 'blue-orange' ? 'blue-orange' : 'green-red';
  }

  /** Builds the figure's inside (called once). */
  protected abstract build(): void;
  /** Brings the figure up to date with its attributes. */
  protected abstract update(changed: string | null): void;

  /** The browser calls this when the element enters a page: builds the figure the first time, then brings it up to date. */
  connectedCallback(): void {
    if (!this.built) {
      this.built = true;
      this.classList.add('digitlab-figure');
      this.build();
    }
    this.update(null);
  }

  /** The browser calls this when an observed attribute changes: the figure redraws what the attribute affects. */
  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (this.built && before !== after) this.update(name);
  }
}

/** What a `<digitlab-draw-pad>` tells the page after each change of the drawing. */
export interface InputDetail {
  /** The 28×28 MNIST-style input (255 = ink), or null when the pad is empty. */
  readonly pixels: Uint8Array | null;
  /** The stroke ended (false while the pen still moves). */
  readonly final: boolean;
}

/** What a `<digitlab-network>` tells the page after each forward pass. */
export interface InferenceDetail {
  /** The output layer's activations (one per class). */
  readonly outputs: Float32Array;
  /** The brightest output. */
  readonly answer: number;
  readonly classNames: readonly string[];
  /** An input was given (false: the blank input before any drawing). */
  readonly hasInput: boolean;
  readonly final: boolean;
}

/** The event a draw pad sends after each change (detail: `InputDetail`). */
export const INPUT_EVENT = 'digitlab-input';
/** The event a network sends after each forward pass (detail: `InferenceDetail`). */
export const INFERENCE_EVENT = 'digitlab-inference';

/** Defines `name` once (a page that includes the script twice keeps the first definition). */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
