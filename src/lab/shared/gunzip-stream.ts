import { joinChunks, readInflated } from '../../data/gunzip-browser.js';
import { DigitlabError } from '../../errors.js';

/** A body as it arrives: its chunks, read on demand (a response body's reader, or a test's list). */
export type ChunkSource = () => Promise<ReadableStreamReadResult<Uint8Array<ArrayBuffer>>>;

/** Inflated per piece of at most this many compressed bytes (about 300 kB of MNIST images). */
const PIECE = 64 * 1024;

/** Lets the page run between two pieces (a task of its own, without the clamping of nested timers); in a Worker there is no page to wait for. */
function yieldToPage(): Promise<void> {
  if (typeof document === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Reads a body whole and, when it starts with the gzip magic bytes (1f 8b), gunzips it while it
 * arrives: each network chunk (on a page, each 64 kB of it) is inflated on its own, so a 10 MB
 * file never blocks the page in one long task (inflating the whole of the test images at once
 * took ~260 ms on a phone-speed processor). A body without the magic bytes (a host that had the browser decode it already) is
 * returned as it came. `onChunk` hears each received chunk's size. Errors name `name`.
 */
export async function readMaybeGzipped(next: ChunkSource, name: string, onChunk: (bytes: number) => void): Promise<Uint8Array> {
  const head: Uint8Array[] = [];
  let headLength = 0;
  // Enough bytes to see the magic (a chunk may be a single byte).
  while (headLength < 2) {
    const { done, value } = await next();
    if (done) break;
    head.push(value);
    headLength += value.length;
    onChunk(value.length);
  }
  const start = joinChunks(head, headLength);
  if (!(start[0] === 0x1f && start[1] === 0x8b)) {
    const chunks = [start];
    let total = start.length;
    for (let r = await next(); !r.done; r = await next()) {
      chunks.push(r.value);
      total += r.value.length;
      onChunk(r.value.length);
    }
    return joinChunks(chunks, total);
  }
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  // Feeds the compressed chunks in as they come; a failure reaches the reader below through abort.
  let broken: unknown = null;
  const feeding = (async () => {
    await writer.write(start);
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      try {
        r = await next();
      } catch (error) {
        broken = error;
        throw error;
      }
      if (r.done) break;
      onChunk(r.value.length);
      // A fast host hands over megabytes at once: on a page, each piece is inflated in a task of its own.
      for (let at = 0; at < r.value.length; at += PIECE) {
        if (at > 0) await yieldToPage();
        await writer.write(r.value.subarray(at, at + PIECE));
      }
    }
    await writer.close();
  })().catch((error: unknown) => writer.abort(error).catch(() => undefined));
  let inflated: Uint8Array<ArrayBuffer>;
  try {
    inflated = await readInflated(inflate.readable.getReader(), name);
  } catch (error) {
    if (error instanceof DigitlabError) throw error;
    const detail = (e: unknown): string => (e instanceof Error ? e.message : String(e));
    throw new DigitlabError(broken !== null ? `${name}: the download broke off (${detail(broken)})` : `${name}: not a valid gzip file (${detail(error)})`);
  }
  await feeding;
  return inflated;
}
