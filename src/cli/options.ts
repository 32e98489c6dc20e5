import { InvalidArgumentError } from 'commander';

/**
 * Parsers for command-line option values. Each turns a string into a typed value or throws
 * commander's InvalidArgumentError, which commander reports as
 * "error: option '--lr <number>' argument 'abc' is invalid. …" with exit code 1.
 */

/** A finite number, optionally bounded. */
export function numberOption(min = -Infinity, max = Infinity): (value: string) => number {
  return (value) => {
    const x = Number(value);
    if (value.trim() === '' || !Number.isFinite(x)) throw new InvalidArgumentError('Not a number.');
    if (x < min || x > max) throw new InvalidArgumentError(`Must be from ${min} to ${max}.`);
    return x;
  };
}

/** A whole number in [min, max]. */
export function integerOption(min: number, max: number): (value: string) => number {
  return (value) => {
    const x = Number(value);
    if (!/^\s*[+-]?\d+\s*$/.test(value) || !Number.isSafeInteger(x)) throw new InvalidArgumentError('Not a whole number.');
    if (x < min || x > max) throw new InvalidArgumentError(`Must be from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`);
    return x;
  };
}

/** Layer sizes written "784,16,16,10". */
export function layersOption(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim());
  const sizes = parts.map(Number);
  if (parts.length < 2 || parts.some((p) => !/^\d+$/.test(p)) || sizes.some((n) => n < 1)) {
    throw new InvalidArgumentError('Expected positive whole numbers separated by commas, e.g. 784,16,16,10.');
  }
  return sizes;
}

/** One of a fixed list of names. */
export function choiceOption<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`Must be one of: ${allowed.join(', ')}.`);
    return value as T;
  };
}
