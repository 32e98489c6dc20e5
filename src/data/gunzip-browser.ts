import { DigitlabError, formatCount } from '../errors.js';

/** Largest decompressed size accepted by default (1 GiB): a gzip bomb fails cleanly. */
export const MAX_GUNZIP_BYTES = 1 << 30;

/**
 * Reads everything `reader` (a DecompressionStream's output) gives into one array, cancelling
 * and throwing a DigitlabError naming `name` once it passes `maxBytes`. Other failures (a
 * broken gzip stream) are the caller's to word.
 */
export async function readInflated(reader: ReadableStreamDefaultReader<Uint8Array>, name: string, maxBytes: number = MAX_GUNZIP_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    total += r.value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new DigitlabError(`${name}: decompresses to more than ${formatCount(maxBytes)} bytes`);
    }
    chunks.push(r.value);
  }
  return joinChunks(chunks, total);
}

/** `chunks` (`total` bytes in all) copied one after another into one new array. */
export function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Decompresses gzip bytes in the browser (or any runtime with the Compression Streams
 * API, Node ≥ 18 included). `name` starts every error message; output beyond `maxBytes`
 * (default 1 GiB) is refused so a hostile file cannot exhaust memory.
 */
export async function gunzipBrowser(
  bytes: Uint8Array,
  name: string,
  maxBytes: number = MAX_GUNZIP_BYTES,
): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await readInflated(stream.getReader(), name, maxBytes);
  } catch (error) {
    if (error instanceof DigitlabError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new DigitlabError(`${name}: not a valid gzip file (${detail})`);
  }
}
