import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DigitlabError } from '../../errors.js';

/** Shared bits of the `explain` subcommands: where PNGs go and how numbers print. */

/** Creates `dir` (and parents) and returns a function giving paths inside it. */
export async function outputDirectory(dir: string): Promise<(name: string) => string> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new DigitlabError(`${dir}: cannot create the output directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return (name) => join(dir, name);
}

/** A number with `digits` significant digits, aligned in a column of `width`. */
export function num(x: number, digits = 5, width = 12): string {
  const s = !Number.isFinite(x) ? String(x) : Math.abs(x) !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6) ? x.toExponential(digits - 1) : Number(x.toPrecision(digits)).toString();
  return s.padStart(width);
}

/** Writes a line to stderr (progress and notes; stdout stays for tables and JSON). */
export function note(line: string): void {
  process.stderr.write(line + '\n');
}

/** JSON with typed arrays as plain arrays and numbers rounded to `digits` significant digits. */
export function toJson(value: unknown, digits = 8): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => round(x, digits));
      if (typeof v === 'number') return round(v, digits);
      return v;
    },
  );
}

function round(x: number, digits: number): number | string {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : String(x);
}
