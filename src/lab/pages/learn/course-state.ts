import { decodeDigit } from '../../shared/digit-code.js';
import { type FieldTable, HashCodec, type HashIssue } from '../../shared/hash-codec.js';
import { LANGUAGES, type Language } from '../../shared/i18n.js';
import { PALETTES, type PaletteName } from '../../shared/palette.js';
import { decodeStrokes, type GridStroke, MAX_DRAWING_LENGTH } from '../../shared/stroke-codec.js';

/**
 * The course's address: `#<route>&<settings>`, e.g. `#network/pixels&lang=ru&draw=…&label=3`.
 * The route is the page shown — '' (the course's start), 'map' (the map of the source) or
 * '<chapter>/<section>'; the settings go through the shared codec: the language, the
 * learner's drawing (its strokes in the Lab's code, shared/stroke-codec.ts, so a shared link
 * carries the very drawing, and the same drawing is the same text on both pages), the label
 * they say it is, the test image used instead, the palette. Links written before the course
 * took the Lab's code carry the drawing as 784 pixels at 16 levels (`digit=`,
 * shared/digit-code.ts): they still open with that digit.
 */
export interface CourseState {
  language: Language | '';
  /** The drawing's strokes, in the Lab's code ('' = none). */
  strokes: string;
  /** An older link's drawing as pixels ('' = none; a new drawing clears it). */
  digit: string;
  /** The label the learner gives the digit (−1: none). */
  label: number;
  /** A test image used instead of a drawing (−1: the drawing). */
  testImage: number;
  palette: PaletteName;
}

/** An empty course: the browser's language, nothing drawn. */
export const DEFAULT_COURSE_STATE: Readonly<CourseState> = { language: '', strokes: '', digit: '', label: -1, testImage: -1, palette: 'green-red' };

const FIELDS: FieldTable<CourseState> = {
  language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
  strokes: { key: 'draw', kind: { type: 'text', maxLength: MAX_DRAWING_LENGTH, valid: (text) => decodeStrokes(text) !== null } },
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

/**
 * The input a state's drawing gives (null: none): its strokes drawn by `ink` (components/ink.ts
 * `inkInput`, as a pad draws them), else an older link's pixels.
 */
export function drawingOf(state: Readonly<Pick<CourseState, 'strokes' | 'digit'>>, ink: (strokes: readonly GridStroke[]) => Uint8Array | null): Uint8Array | null {
  const strokes = state.strokes === '' ? null : decodeStrokes(state.strokes);
  if (strokes !== null && strokes.length > 0) return ink(strokes);
  return state.digit === '' ? null : decodeDigit(state.digit);
}
