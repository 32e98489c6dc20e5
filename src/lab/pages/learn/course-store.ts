import type { Dataset } from '../../../data/dataset.js';
import { imageAt } from '../../shared/data-loader.js';
import { quantiseInk } from '../../shared/digit-code.js';
import type { HashIssue } from '../../shared/hash-codec.js';
import { Store } from '../../shared/store.js';
import { courseHash, type CourseState, digitCode, drawingOf, readCourseHash } from './course-state.js';
import { storedDigit, storeDigit } from './progress.js';

/**
 * The course page's state: the shareable part (`CourseState`, in the address) and what this
 * visit holds — the route shown, the drawing as the pen moves (the address gets it when a
 * stroke ends), and the test images once loaded.
 */
export interface CoursePageState extends CourseState {
  route: string;
  issues: readonly HashIssue[];
  /** The learner's drawing (784 bytes, at the levels the address keeps), null for none. */
  drawing: Uint8Array | null;
  testSet: Dataset | null;
}

/** Opens the store from the address (a digit kept in localStorage applies when the address has none) and keeps the address in step. */
export function openCourseStore(hash: string): Store<CoursePageState> {
  const { route, state, issues } = readCourseHash(hash);
  const kept = storedDigit();
  if (state.digit === '' && state.testImage < 0 && kept !== null && drawingOf({ ...state, digit: kept.digit }) !== null) {
    state.digit = kept.digit;
    state.label = kept.label;
  }
  const store = new Store<CoursePageState>({ ...state, route, issues, drawing: drawingOf(state), testSet: null });
  store.watch(['route', 'language', 'digit', 'label', 'testImage', 'palette'], (s) => {
    const next = courseHash(s.route, s);
    if (next !== location.hash) history.replaceState(null, '', next === '' ? location.pathname + location.search : next);
  });
  store.watch(['digit', 'label'], (s) => storeDigit(s.digit, s.label));
  return store;
}

/** A new drawing: live while the pen moves, into the address when the stroke ends (`final`). */
export function setDrawing(store: Store<CoursePageState>, pixels: Uint8Array | null, final: boolean): void {
  const drawing = pixels === null ? null : quantiseInk(pixels);
  store.set({ drawing, testImage: -1, ...(final ? { digit: digitCode(drawing) } : {}) });
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
