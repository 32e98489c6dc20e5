/**
 * The one error type digitlab raises for problems a person can fix: a bad file, a wrong
 * shape, an absurd option. Its message names the thing and the problem, e.g.
 * "train-images-idx3-ubyte: file ends after 1,024 of 47,040,016 bytes". The CLI prints
 * the message alone (no stack trace) and exits with code 1; anything else is a bug.
 */
export class DigitlabError extends Error {
  override readonly name = 'DigitlabError';
}

/** Formats an integer with thousands separators, for messages ("47,040,016"). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
