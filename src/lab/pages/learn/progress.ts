/**
 * What the course remembers in this browser (localStorage): the last section opened, the
 * sections done, and the learner's digit (its code and label), so a return visit can offer to
 * continue with the same digit. Storage that fails (private mode, full) is ignored: the course
 * still works, it only forgets.
 */
const LAST = 'digitlab.course.last';
const DONE = 'digitlab.course.done';
const DIGIT = 'digitlab.course.digit';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the course just forgets.
  }
}

/** The route ('chapter/section') the learner last opened, or null. */
export function lastSection(): string | null {
  return read(LAST);
}

/** Remembers `route` as the last section opened. */
export function rememberSection(route: string): void {
  write(LAST, route);
}

/** The routes of the sections done. */
export function doneSections(): Set<string> {
  try {
    const list: unknown = JSON.parse(read(DONE) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Marks `route` done; true when it was not before. */
export function markDone(route: string): boolean {
  const done = doneSections();
  if (done.has(route)) return false;
  done.add(route);
  write(DONE, JSON.stringify([...done]));
  return true;
}

/** A kept digit: its strokes (the address's `draw` code), or an older visit's pixel code, and its label. */
export interface KeptDigit {
  readonly strokes: string;
  readonly digit: string;
  readonly label: number;
}

/** The digit kept from an earlier visit (one kept before the course took the Lab's stroke code has its pixel code only). */
export function storedDigit(): KeptDigit | null {
  try {
    const value: unknown = JSON.parse(read(DIGIT) ?? 'null');
    if (value === null || typeof value !== 'object') return null;
    const { strokes = '', digit = '', label } = value as { strokes?: unknown; digit?: unknown; label?: unknown };
    return typeof strokes === 'string' && typeof digit === 'string' && typeof label === 'number' ? { strokes, digit, label } : null;
  } catch {
    return null;
  }
}

/** Keeps the learner's digit for the next visit. */
export function storeDigit(kept: KeptDigit): void {
  write(DIGIT, JSON.stringify(kept));
}

const ANSWERS = 'digitlab.course.answers';

/** The learner's committed guess for the question of `route`, or null. */
export function storedAnswer(route: string): number | null {
  try {
    const all: unknown = JSON.parse(read(ANSWERS) ?? '{}');
    const value = all !== null && typeof all === 'object' ? (all as Record<string, unknown>)[route] : undefined;
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the learner's guess for the question of `route`. */
export function storeAnswer(route: string, choice: number): void {
  let all: Record<string, number> = {};
  try {
    const parsed: unknown = JSON.parse(read(ANSWERS) ?? '{}');
    if (parsed !== null && typeof parsed === 'object') all = parsed as Record<string, number>;
  } catch {
    // Start afresh.
  }
  all[route] = choice;
  write(ANSWERS, JSON.stringify(all));
}
