import { fill } from '../../../shared/i18n.js';
import type { SectionContext } from '../chapter.js';

/**
 * The chapter's small words (`words` of its text), with the plural forms a number needs in
 * the learner's language: `<key>_<rule>` by `Intl.PluralRules` (English one / other, Russian
 * one / few / many), each with `{n}` for the number (written with `digits` decimals).
 */
export function counted(ctx: Pick<SectionContext, 'words' | 'language' | 'num'>, key: string, n: number, digits = 0): string {
  // The rule of the number as written: "1.0" takes the form of a fraction, not of one.
  const rule = new Intl.PluralRules(ctx.language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).select(n);
  const form = ctx.words[`${key}_${rule}`] ?? ctx.words[`${key}_other`] ?? ctx.words[`${key}_many`] ?? `{n}`;
  return fill(form, { n: ctx.num(n, digits) });
}

/** `v` with as few decimals as it needs (at most `most`), in the learner's language: 0.5, 0.25, 0.125. */
export function plain(ctx: Pick<SectionContext, 'num'>, v: number, most = 6): string {
  let digits = 0;
  while (digits < most && Math.abs(Number(v.toFixed(digits)) - v) > 1e-12 * Math.max(1, Math.abs(v))) digits++;
  return ctx.num(v, digits);
}

/** The word `key` of the chapter with its `{name}`s filled. */
export function word(ctx: Pick<SectionContext, 'words'>, key: string, values?: Parameters<typeof fill>[1]): string {
  return fill(ctx.words[key] ?? key, values);
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A tiny `v` (|v| < 0.001) as `m × 10⁻ⁿ` with `digits` significant digits, others with three decimals: a table column stays narrow. */
export function compact(ctx: Pick<SectionContext, 'num'>, v: number, digits = 2): string {
  if (v === 0 || !Number.isFinite(v) || Math.abs(v) >= 0.001) return ctx.num(v, 3);
  let e = Math.floor(Math.log10(Math.abs(v)));
  let m = Number((v / 10 ** e).toFixed(digits - 1));
  if (Math.abs(m) >= 10) [m, e] = [m / 10, e + 1];
  // Non-breaking spaces: "2.1 × 10⁻⁷" never wraps over lines.
  return `${ctx.num(m, digits - 1)}\u00a0×\u00a010⁻${[...String(-e)].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
}
