const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', '+': '', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** An exponent written as superscript characters ("-6" → "⁻⁶"), so "10" + it reads as a power of ten on a canvas or in plain text. */
export function superscript(exponent: string | number): string {
  return [...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}
