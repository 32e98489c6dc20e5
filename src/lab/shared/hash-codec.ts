/**
 * The one state⇄URL codec of the Lab's pages (in the manner of TensorFlow Playground's
 * state.ts): a page describes its shareable state as a typed table of fields — the hash key
 * and the kind of value — and gets `encode` (only values that differ from the defaults, in
 * table order, e.g. `#layers=32&activation=relu`) and a strict `decode`. Decoding never
 * throws and never guesses: numbers must be plain decimals (no hex `0x10`, no padding
 * `%201%20`), every value must be in its field's range, and each key it ignores or
 * corrects is reported as a `HashIssue` so the page can say so.
 */

/** Why a value was ignored or corrected (worded for people by hash-messages.ts). */
export type IssueReason =
  | { readonly kind: 'not-decimal' }
  | { readonly kind: 'not-whole' }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  /** min < value ≤ max. */
  | { readonly kind: 'above'; readonly min: number; readonly max: number }
  | { readonly kind: 'layer-size'; readonly min: number; readonly max: number }
  | { readonly kind: 'layer-count'; readonly max: number }
  | { readonly kind: 'too-large'; readonly parameters: number; readonly max: number }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  | { readonly kind: 'length'; readonly lengths: readonly number[] }
  | { readonly kind: 'format' }
  | { readonly kind: 'too-long'; readonly max: number }
  | { readonly kind: 'unknown-key' }
  | { readonly kind: 'repeated' };

/** One key of a hash that was not taken as written. */
export interface HashIssue {
  readonly key: string;
  /** The value as it stands in the address (still percent-encoded, shortened if long). */
  readonly value: string;
  readonly reason: IssueReason;
  /** Set when the value was corrected rather than ignored: what it became. */
  readonly correctedTo?: string;
}

/** How one field's value is written and checked. */
export type FieldKind =
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  /** A decimal in [min, max] (or (min, max] with `aboveMin`). */
  | { readonly type: 'number'; readonly min: number; readonly max: number; readonly aboveMin?: boolean }
  /** Comma-separated decimals in [min, max], as many as one of `lengths`. */
  | { readonly type: 'numbers'; readonly lengths: readonly number[]; readonly min: number; readonly max: number }
  /** Hidden layer sizes: whole numbers in [min, max], at most `maxCount`, the whole network at most `maxParameters`. */
  | { readonly type: 'layers'; readonly min: number; readonly max: number; readonly maxCount: number; readonly maxParameters: number; readonly parameters: (hidden: readonly number[]) => number }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'bool' }
  /** Text of at most `maxLength` characters that `valid` accepts (e.g. a drawing's strokes). */
  | { readonly type: 'text'; readonly maxLength: number; readonly valid: (text: string) => boolean };

/** A state's fields: for each property, its hash key and kind. */
export type FieldTable<S> = { readonly [K in keyof S]: { readonly key: string; readonly kind: FieldKind } };

type Value = number | boolean | string | number[];
type Decoded = { ok: true; value: Value } | { ok: false; reason: IssueReason };

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const WHOLE = /^-?\d+$/;
/** Long values are shortened in notices. */
const SHOWN_LENGTH = 40;

function encodeValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** −0 (from "-0") is 0: a state must survive its own hash unchanged. */
const plain = (n: number): number => (n === 0 ? 0 : n);

function decodeValue(text: string, kind: FieldKind): Decoded {
  const fail = (reason: IssueReason): Decoded => ({ ok: false, reason });
  switch (kind.type) {
    case 'int': {
      if (!WHOLE.test(text)) return fail({ kind: 'not-whole' });
      const n = plain(Number(text));
      return n >= kind.min && n <= kind.max ? { ok: true, value: n } : fail({ kind: 'range', min: kind.min, max: kind.max });
    }
    case 'number': {
      if (!DECIMAL.test(text)) return fail({ kind: 'not-decimal' });
      const n = plain(Number(text));
      const fits = Number.isFinite(n) && (kind.aboveMin ? n > kind.min : n >= kind.min) && n <= kind.max;
      return fits ? { ok: true, value: n } : fail({ kind: kind.aboveMin ? 'above' : 'range', min: kind.min, max: kind.max });
    }
    case 'numbers': {
      const parts = text.split(',');
      if (!kind.lengths.includes(parts.length)) return fail({ kind: 'length', lengths: kind.lengths });
      if (!parts.every((p) => DECIMAL.test(p))) return fail({ kind: 'not-decimal' });
      const xs = parts.map((p) => plain(Number(p)));
      return xs.every((x) => Number.isFinite(x) && x >= kind.min && x <= kind.max) ? { ok: true, value: xs } : fail({ kind: 'range', min: kind.min, max: kind.max });
    }
    case 'layers': {
      if (text === '') return { ok: true, value: [] };
      const parts = text.split(',');
      const sizes = parts.map(Number);
      if (!parts.every((p, i) => /^\d+$/.test(p) && sizes[i] >= kind.min && sizes[i] <= kind.max)) return fail({ kind: 'layer-size', min: kind.min, max: kind.max });
      if (sizes.length > kind.maxCount) return fail({ kind: 'layer-count', max: kind.maxCount });
      // A shared link must not make the page allocate gigabytes: the whole network is capped too.
      const parameters = kind.parameters(sizes);
      return parameters <= kind.maxParameters ? { ok: true, value: sizes } : fail({ kind: 'too-large', parameters, max: kind.maxParameters });
    }
    case 'enum':
      return kind.values.includes(text) ? { ok: true, value: text } : fail({ kind: 'choice', values: kind.values.filter((v) => v !== '') });
    case 'bool':
      return text === '1' ? { ok: true, value: true } : text === '0' ? { ok: true, value: false } : fail({ kind: 'choice', values: ['0', '1'] });
    case 'text':
      if (text.length > kind.maxLength) return fail({ kind: 'too-long', max: kind.maxLength });
      return kind.valid(text) ? { ok: true, value: text } : fail({ kind: 'format' });
  }
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw; // as URLSearchParams does: a broken escape stays as written
  }
}

/** A value as a notice shows it: as in the address bar, shortened. */
export function shownValue(raw: string): string {
  return raw.length > SHOWN_LENGTH ? `${raw.slice(0, SHOWN_LENGTH)}…` : raw;
}

/** The codec of one page's state `S`. */
export class HashCodec<S extends object> {
  private readonly names: (keyof S)[];
  private readonly byKey = new Map<string, keyof S>();

  /**
   * `fields` describes every property of `S`; `defaults` is the state of an empty hash;
   * `normalise` may correct combinations of values (reporting what it changed).
   */
  constructor(
    private readonly fields: FieldTable<S>,
    readonly defaults: Readonly<S>,
    private readonly normalise?: (state: S, issues: HashIssue[]) => void,
  ) {
    this.names = Object.keys(fields) as (keyof S)[];
    for (const name of this.names) this.byKey.set(fields[name].key, name);
  }

  /** The hash keys this codec knows. */
  get keys(): readonly string[] {
    return [...this.byKey.keys()];
  }

  /** A fresh copy of the defaults (arrays copied too). */
  defaultState(): S {
    return structuredClone(this.defaults) as S;
  }

  /** The hash for `state`: only values that differ from the defaults, in table order ('' for none). */
  encode(state: Readonly<S>): string {
    const params = new URLSearchParams();
    for (const name of this.names) {
      const value = encodeValue(state[name]);
      if (value !== encodeValue(this.defaults[name])) params.set(this.fields[name].key, value);
    }
    const text = params.toString();
    return text === '' ? '' : `#${text}`;
  }

  /** The state `hash` describes and every key that was not taken as written. */
  decode(hash: string): { state: S; issues: HashIssue[] } {
    const state = this.defaultState();
    const target = state as Record<keyof S, unknown>;
    const issues: HashIssue[] = [];
    const seen = new Set<string>();
    for (const part of hash.replace(/^#/, '').split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
      const raw = eq < 0 ? '' : part.slice(eq + 1);
      const name = this.byKey.get(key);
      const issue = (reason: IssueReason): void => {
        issues.push({ key: shownValue(key), value: shownValue(raw), reason });
      };
      if (name === undefined) issue({ kind: 'unknown-key' });
      else if (seen.has(key)) issue({ kind: 'repeated' });
      else {
        seen.add(key);
        const decoded = decodeValue(decodeComponent(raw), this.fields[name].kind);
        if (decoded.ok) target[name] = decoded.value;
        else issue(decoded.reason);
      }
    }
    this.normalise?.(state, issues);
    return { state, issues };
  }

  /** The hash key of property `name`. */
  keyOf(name: keyof S): string {
    return this.fields[name].key;
  }
}
