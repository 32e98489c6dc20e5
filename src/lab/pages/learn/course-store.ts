import type { Dataset } from '../../../data/dataset.js';
import { imageAt } from '../../shared/data-loader.js';
import { inkInput } from '../../components/ink.js';
import type { HashIssue } from '../../shared/hash-codec.js';
import { Store } from '../../shared/store.js';
import { courseHash, type CourseState, drawingOf, readCourseHash } from './course-state.js';
import { storedDigit, storeDigit } from './progress.js';

/**
 * The course page's state: the shareable part (`CourseState`, in the address) and what this
 * visit holds — the route shown, the drawing as the pen moves (the address gets it when a
 * stroke ends), and the test images once loaded.
 */
export interface CoursePageState extends CourseState {
  route: string;
  issues: readonly HashIssue[];
  /** The learner's drawing as the network takes it (784 bytes, as the pad gave them), null for none. */
  drawing: Uint8Array | null;
  testSet: Dataset | null;
}

/** Opens the store from the address (a digit kept in localStorage applies when the address has none) and keeps the address in step. */
export function openCourseStore(hash: string): Store<CoursePageState> {
  const { route, state, issues } = readCourseHash(hash);
  const kept = storedDigit();
  if (state.strokes === '' && state.digit === '' && state.testImage < 0 && kept !== null && drawingOf(kept, inkInput) !== null) {
    state.strokes = kept.strokes;
    state.digit = kept.digit;
    state.label = kept.label;
  }
  const store = new Store<CoursePageState>({ ...state, route, issues, drawing: drawingOf(state, inkInput), testSet: null });
  store.watch(['route', 'language', 'strokes', 'digit', 'label', 'testImage', 'palette'], (s) => {
    const next = courseHash(s.route, s);
    if (next !== location.hash) history.replaceState(null, '', next === '' ? location.pathname + location.search : next);
  });
  store.watch(['strokes', 'digit', 'label'], (s) => storeDigit({ strokes: s.strokes, digit: s.digit, label: s.label }));
  return store;
}

/**
 * A new drawing: its input live while the pen moves, the pad's strokes (their code) into the
 * address when a stroke ends — the input exactly as the pad gave it, which the strokes give
 * again when a link is opened.
 */
export function setDrawing(store: Store<CoursePageState>, pixels: Uint8Array | null, strokes: string | null): void {
  store.set({ drawing: pixels, testImage: -1, ...(strokes !== null ? { strokes, digit: '' } : {}) });
}

/** The 784 pixels the network sees: the chosen test image (once loaded) or the drawing. */
export function inputPixels(s: Readonly<CoursePageState>): Uint8Array | null {
  if (s.testImage >= 0) return s.testSet && s.testImage < s.testSet.count ? imageAt(s.testSet, s.testImage) : null;
  return s.drawing;
}

/** The label of the input: the test image's true label, or the one the learner gave (null: none). */
export function inputLabel(s: Readonly<CoursePageState>): number | null {
  if (s.testImage >= 0) return s.testSet && s.testImage < s.testSet.count ? s.testSet.labels[s.testImage] : null;
  return s.label >= 0 ? s.label : null;
}
