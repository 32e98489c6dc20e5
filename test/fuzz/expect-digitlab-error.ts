import assert from 'node:assert/strict';
import { DigitlabError } from '../../src/errors.js';

/** Cases each fuzzer runs per parser (the issue asks for at least 5,000). */
export const FUZZ_RUNS = 5000;

/**
 * Runs `parse` on one fuzzed input: it must return, or throw digitlab's own DigitlabError;
 * any other exception (TypeError, RangeError, a stack overflow…) fails the property.
 * `maxMs` bounds the time one input may take: generous, since a hang is minutes and a loaded CI machine is slow. Returns the result or null.
 */
export function parsesOrDigitlabError<T>(parse: () => T, maxMs = 2000): T | null {
  const start = performance.now();
  let result: T | null = null;
  try {
    result = parse();
  } catch (e) {
    if (!(e instanceof DigitlabError)) {
      throw new Error(`not a DigitlabError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
    assert.ok(e.message.length > 0 && !e.message.includes('\n'), `a one-line message: ${e.message}`);
  }
  const ms = performance.now() - start;
  assert.ok(ms < maxMs, `took ${ms.toFixed(0)} ms`);
  return result;
}

/** The async form of `parsesOrDigitlabError`. */
export async function parsesOrDigitlabErrorAsync<T>(parse: () => Promise<T>, maxMs = 2000): Promise<T | null> {
  const start = performance.now();
  let result: T | null = null;
  try {
    result = await parse();
  } catch (e) {
    if (!(e instanceof DigitlabError)) {
      throw new Error(`not a DigitlabError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
  }
  const ms = performance.now() - start;
  assert.ok(ms < maxMs, `took ${ms.toFixed(0)} ms`);
  return result;
}
