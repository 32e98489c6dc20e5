import { DigitlabError, formatCount } from '../errors.js';

/**
 * Decompresses gzip bytes in the browser (or any runtime with the Compression Streams
 * API, Node ≥ 18 included). `name` starts every error message; output beyond `maxBytes`
 * (default 1 GiB) is refused so a hostile file cannot exhaust memory.
 */
export async function gunzipBrowser(
  bytes: Uint8Array,
  name: string,
  maxBytes: number = 1 << 30,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new DigitlabError(`${name}: decompresses to more than ${formatCount(maxBytes)} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DigitlabError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new DigitlabError(`${name}: not a valid gzip file (${detail})`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
