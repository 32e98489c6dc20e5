import type { Translator } from '../../shared/i18n.js';
import { superscript } from './superscript.js';

/**
 * How the nudges panel writes a wish or a gradient component: four decimals, or, below 0.001,
 * three significant digits in scientific form, so a column stays narrow. English keeps the
 * plain forms it always had ("0.0269", "4.71e-6"); Russian writes the decimal comma, a true
 * minus and a power of ten ("0,0269", "−4,71·10⁻⁶").
 */
export function nudgeNumber(tr: Pick<Translator<string>, 'language' | 'num'>): (v: number) => string {
  return (v) => {
    const tiny = Math.abs(v) < 1e-3 && v !== 0;
    if (tr.language !== 'ru') return tiny ? v.toExponential(2) : v.toFixed(4);
    if (!tiny) return tr.num(v, 4);
    const [mantissa, exponent] = v.toExponential(2).split('e');
    return `${tr.num(Number(mantissa), 2)}·10${superscript(exponent)}`;
  };
}
