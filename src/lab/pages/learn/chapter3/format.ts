import type { SectionContext } from '../chapter.js';

/**
 * Numbers of chapter 3 in the learner's language, for values from 2 down to 10⁻¹¹ (wishes,
 * gradients, differences): `digits` significant digits, fixed below 1,000 and above 0.001,
 * else a × 10ⁿ — as text, or as TeX for a formula.
 */
type Formatter = Pick<SectionContext, 'num'>;

const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Mantissa and exponent of `v` when it needs the a × 10ⁿ form, else null. */
function scientific(v: number): { m: number; e: number } | null {
  const size = Math.abs(v);
  if (v === 0 || !Number.isFinite(v) || (size >= 1e-3 && size < 1e4)) return null;
  const e = Math.floor(Math.log10(size));
  return { m: v / 10 ** e, e };
}

/** Decimals giving `digits` significant digits for a plain number. */
function decimals(v: number, digits: number): number {
  if (v === 0) return Math.max(0, digits - 1);
  return Math.max(0, Math.min(8, digits - 1 - Math.floor(Math.log10(Math.abs(v)))));
}

/** `v` as text (0 as "0"). */
export function sig(ctx: Formatter, v: number, digits = 3): string {
  if (v === 0) return ctx.num(0);
  const s = scientific(v);
  if (s === null) return ctx.num(v, decimals(v, digits));
  // Non-breaking spaces: "2.1 × 10⁻⁷" never wraps over lines.
  return `${ctx.num(s.m, digits - 1)}\u00a0×\u00a010${String(s.e).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** `v` as TeX (a decimal comma as {,}, a thin space as \,). */
export function texSig(ctx: Formatter, v: number, digits = 3): string {
  if (v === 0) return '0';
  const tex = (text: string): string => text.replace(/,/g, '{,}').replace(/[\u00a0\u202f ]/g, '\\,').replace(/[−-]/g, '-');
  const s = scientific(v);
  if (s === null) return tex(ctx.num(v, decimals(v, digits)));
  return `${tex(ctx.num(s.m, digits - 1))} \\times 10^{${s.e}}`;
}
