import { DigitlabError } from '../errors.js';

/**
 * Parses JSON text for a file reader, turning a syntax error into a one-line DigitlabError:
 * `<source>: not <what> (not valid JSON: …)`. V8's own message may quote the text around
 * the error, newlines and all; that quote is squeezed onto one line and cut short, so the
 * CLI's one-line error stays one line.
 */
export function parseJsonText(text: string, source: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    let detail = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
    if (detail.length > 160) detail = `${detail.slice(0, 157)}…`;
    throw new DigitlabError(`${source}: not ${what} (not valid JSON: ${detail})`);
  }
}
