import { decodeDigit, encodeDigit } from '../../shared/digit-code.js';
import { type FieldTable, HashCodec, type HashIssue } from '../../shared/hash-codec.js';
import { LANGUAGES, type Language } from '../../shared/i18n.js';
import { PALETTES, type PaletteName } from '../../shared/palette.js';

/**
 * The course's address: `#<route>&<settings>`, e.g. `#network/pixels&lang=ru&digit=…&label=3`.
 * The route is the page shown — '' (the course's start), 'map' (the map of the source) or
 * '<chapter>/<section>'; the settings go through the shared codec: the language, the
 * learner's digit (a compact code, shared/digit-code.ts, so a shared link carries the
 * learner's drawing), the label they say it is, the test image used instead, the palette.
 */
export interface CourseState {
  language: Language | '';
  /** The drawing's code ('' = none). */
  digit: string;
  /** The label the learner gives the digit (−1: none). */
  label: number;
  /** A test image used instead of a drawing (−1: the drawing). */
  testImage: number;
  palette: PaletteName;
}

/** An empty course: the browser's language, nothing drawn. */
export const DEFAULT_COURSE_STATE: Readonly<CourseState> = { language: '', digit: '', label: -1, testImage: -1, palette: 'green-red' };

const FIELDS: FieldTable<CourseState> = {
  language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
  digit: { key: 'digit', kind: { type: 'text', maxLength: 784, valid: (text) => text === '' || decodeDigit(text) !== null } },
  label: { key: 'label', kind: { type: 'int', min: -1, max: 9 } },
  testImage: { key: 'test', kind: { type: 'int', min: -1, max: 9_999 } },
  palette: { key: 'palette', kind: { type: 'enum', values: PALETTES } },
};

/** The course's settings⇄URL codec. */
export const COURSE_CODEC = new HashCodec<CourseState>(FIELDS, DEFAULT_COURSE_STATE);

/** A route is '', 'map' or 'chapter/section' (lower-case words and hyphens). */
const ROUTE = /^(?:map|[a-z0-9-]+\/[a-z0-9-]+)$/;

/** Splits a hash into its route and its settings part (with the issues of the settings). */
export function readCourseHash(hash: string): { route: string; state: CourseState; issues: HashIssue[] } {
  const parts = hash.replace(/^#/, '').split('&');
  const first = parts[0] ?? '';
  const route = !first.includes('=') && ROUTE.test(first) ? first : '';
  const rest = route === '' && first.includes('=') ? parts : parts.slice(1);
  const { state, issues } = COURSE_CODEC.decode(rest.join('&'));
  return { route, state, issues };
}

/** The hash of `route` with `state`'s non-default settings. */
export function courseHash(route: string, state: Readonly<CourseState>): string {
  const settings = COURSE_CODEC.encode(state).replace(/^#/, '');
  const joined = [route, settings].filter((s) => s !== '').join('&');
  return joined === '' ? '' : `#${joined}`;
}

/** The drawing a state carries (null: none). */
export function drawingOf(state: Readonly<CourseState>): Uint8Array | null {
  return state.digit === '' ? null : decodeDigit(state.digit);
}

/** The code of a drawing for the state ('' for none). */
export function digitCode(pixels: Uint8Array | null): string {
  return pixels === null ? '' : encodeDigit(pixels);
}
