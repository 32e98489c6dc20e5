/**
 * The one formatter of every Lab page and figure: message tables (one per page, one per
 * language; the English table defines the keys), `{name}` placeholders, and numbers in the
 * language's style. Nothing here throws on a strange browser locale: the language comes
 * from the page's own state or the browser's preference list, and numbers are always
 * formatted with an explicit tag ('en-US' or 'ru-RU'), falling back to plain English
 * digits if even that fails (a headless Chromium reporting `en-US@posix` once killed the
 * Lab on load).
 */

/** The languages the Lab speaks. */
export type Language = 'en' | 'ru';
/** All languages, for switchers and URL states. */
export const LANGUAGES: readonly Language[] = ['en', 'ru'];
/** Values filled into a message's `{name}` placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>;
/** One language's table of a page's messages. */
export type MessageTable<K extends string> = Readonly<Record<K, string>>;
/** A page's tables, one per language. */
export type MessageTables<K extends string> = Readonly<Record<Language, MessageTable<K>>>;

const NUMBER_LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', ru: 'ru-RU' };

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as written). */
export function fill(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** One formatter per language and number of decimals: making one costs far more than using it (toLocaleString makes one per call). */
const FORMATS = new Map<string, Intl.NumberFormat>();

/** A number with exactly `digits` decimals in the language's style (thin spaces and a comma in Russian). */
export function formatNumber(language: Language, n: number, digits = 0): string {
  try {
    const key = `${language} ${digits}`;
    let format = FORMATS.get(key);
    if (format === undefined) {
      format = new Intl.NumberFormat(NUMBER_LOCALES[language] ?? 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      FORMATS.set(key, format);
    }
    return format.format(n);
  } catch {
    // No usable Intl locale data: English digits with comma groups, by hand.
    const [whole, fraction] = Math.abs(n).toFixed(digits).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
  }
}

/**
 * A number as people write a setting or a limit: whole numbers exact and grouped, others to
 * `significant` digits without trailing zeros ("4,096", "0.99", "1.3"; in Russian "4 096", "0,99").
 */
export function formatValue(language: Language, n: number, significant = 6): string {
  if (Number.isInteger(n)) return formatNumber(language, n, 0);
  const rounded = Number(n.toPrecision(significant));
  if (Number.isInteger(rounded)) return formatNumber(language, rounded, 0);
  const digits = Math.min(20, Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(rounded)))));
  return formatNumber(language, rounded, digits).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');
}

/**
 * The language to start in from a browser's preference list (`navigator.languages`):
 * the first tag whose primary subtag is Russian or English wins; anything else — `C`,
 * `en-US@posix`, `ru_RU.UTF-8`, an unknown tag, an empty list — is read without throwing,
 * and English is the default.
 */
export function languageFromNavigator(preferred: readonly unknown[] | null | undefined): Language {
  for (const tag of preferred ?? []) {
    if (typeof tag !== 'string') continue;
    const base = tag.toLowerCase().split(/[-_@.]/)[0];
    if (base === 'ru') return 'ru';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** The browser's preferred languages, read defensively (a Worker or an odd browser may lack them). */
export function browserLanguages(): readonly unknown[] {
  try {
    const nav = globalThis.navigator as Navigator | undefined;
    if (!nav) return [];
    const list = Array.isArray(nav.languages) ? nav.languages : [];
    return list.length > 0 ? list : [nav.language];
  } catch {
    return [];
  }
}

/** The language a page shows: the one its state names, else the browser's preference. */
export function pageLanguage(chosen: Language | ''): Language {
  return chosen || languageFromNavigator(browserLanguages());
}

/**
 * A page's messages in one language: `t(key, values)` fills a message, `num` and `pct`
 * format numbers. Make a new one when the language changes (it is cheap).
 */
export class Translator<K extends string> {
  /** Tables of `tables` in `language`. */
  constructor(
    private readonly tables: MessageTables<K>,
    readonly language: Language,
  ) {}

  /** Message `key` with its placeholders filled (bound: safe to pass around). */
  readonly t = (key: K, values?: MessageValues): string => fill(this.tables[this.language][key], values);

  /** `n` with `digits` decimals; non-finite numbers as "–". Russian writes a negative number with a true minus, "−0,9". */
  readonly num = (n: number, digits = 0): string => (Number.isFinite(n) ? trueMinus(this.language, formatNumber(this.language, n, digits)) : '–');

  /** `n` with the decimals it has (up to six), in the language's style: 3 → "3", 0.3 → "0.3" or "0,3". */
  readonly plain = (n: number): string => this.num(n, Math.min(6, (String(n).split('.')[1] ?? '').length));

  /** A fraction as a percentage ("93.4 %"; in Russian "93,4 %" with a no-break space, so the sign never wraps alone); non-finite as "–". */
  readonly pct = (x: number, digits = 1): string => (Number.isFinite(x) ? `${this.num(x * 100, digits)}${this.language === 'ru' ? '\u00a0' : ' '}%` : '–');

  /** `n` to `significant` digits without trailing zeros, as `formatValue` writes it (an axis tick: "0.5", "−2" in Russian "0,5", "−2"); non-finite as "–". */
  readonly value = (n: number, significant = 6): string => (Number.isFinite(n) ? trueMinus(this.language, formatValue(this.language, n, significant)) : '–');
}

/**
 * `text` (a formatted number) with Intl's hyphen-minus made a true minus sign (U+2212) in
 * Russian, as Russian typography writes it; English keeps the hyphen-minus its readers
 * and tests expect. TeX helpers turn either back into TeX's own minus.
 */
function trueMinus(language: Language, text: string): string {
  return language === 'ru' ? text.replace('-', '\u2212') : text;
}
