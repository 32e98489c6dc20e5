import { InvalidArgumentError } from 'commander';
import { describeLimit, type NumberLimit, SETTING_LIMITS, withinLimit } from '../model/setting-limits.js';

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

/**
 * A training setting within the one set of limits the model file, the checkpoint, the library
 * and the Lab share (model/setting-limits.ts), e.g. `limitOption(SETTING_LIMITS.dropout)`.
 */
export function limitOption(limit: NumberLimit): (value: string) => number {
  return (value) => {
    const x = Number(value);
    if (value.trim() === '' || !Number.isFinite(x)) throw new InvalidArgumentError(limit.whole ? 'Not a whole number.' : 'Not a number.');
    if (limit.whole && !/^\s*[+-]?\d+\s*$/.test(value)) throw new InvalidArgumentError('Not a whole number.');
    if (!withinLimit(limit, x)) throw new InvalidArgumentError(`Must be ${describeLimit(limit)}.`);
    return x;
  };
}

/** Layer sizes written "784,16,16,10", each within the shared layer-size limit. */
export function layersOption(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim());
  const sizes = parts.map(Number);
  if (parts.length < 2 || parts.some((p) => !/^\d+$/.test(p)) || !sizes.every((n) => withinLimit(SETTING_LIMITS.layerSize, n))) {
    throw new InvalidArgumentError(`Expected at least two sizes separated by commas, e.g. 784,16,16,10, each ${describeLimit(SETTING_LIMITS.layerSize)}.`);
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
