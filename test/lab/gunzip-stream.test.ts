import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readMaybeGzipped } from '../../src/lab/shared/gunzip-stream.js';
import { encodeIdx } from '../../src/data/idx.js';

/** A body that arrives in `size`-byte chunks. */
function chunked(bytes: Uint8Array, size: number): () => Promise<ReadableStreamReadResult<Uint8Array<ArrayBuffer>>> {
  let offset = 0;
  return async () => {
    if (offset >= bytes.length) return { done: true, value: undefined };
    const value = new Uint8Array(bytes.subarray(offset, offset + size));
    offset += size;
    return { done: false, value };
  };
}

describe('readMaybeGzipped: the data loader gunzips a body as it arrives', () => {
  // An IDX file of 3,000 pseudo-random bytes with runs (so that gzip has something to do).
  const idx = encodeIdx([3, 1000], Uint8Array.from({ length: 3000 }, (_, i) => ((i * 37) % 251) * (i % 7 === 0 ? 0 : 1)));
  const gz = new Uint8Array(gzipSync(idx));

  it('gives back the IDX bytes from gzip chunks of any size (one byte, 7 bytes, all at once), counting every received byte', async () => {
    for (const size of [1, 7, gz.length]) {
      let counted = 0;
      const out = await readMaybeGzipped(chunked(gz, size), 'x.gz', (n) => (counted += n));
      assert.deepEqual(out, idx, `chunks of ${size}`);
      assert.equal(counted, gz.length);
    }
  });

  it('passes a body that is not gzip (the browser decoded it) through unchanged', async () => {
    assert.deepEqual(await readMaybeGzipped(chunked(idx, 5), 'x.gz', () => undefined), idx);
  });

  it('names a corrupt gzip file and a download that broke off', async () => {
    const corrupt = gz.slice();
    corrupt.fill(0x55, 20, 60);
    await assert.rejects(readMaybeGzipped(chunked(corrupt, 16), 'x.gz', () => undefined), /x\.gz: not a valid gzip file/);
    const source = chunked(gz, 16);
    let calls = 0;
    const breaking = async (): Promise<ReadableStreamReadResult<Uint8Array<ArrayBuffer>>> => {
      if (++calls > 3) throw new TypeError('network error');
      return source();
    };
    await assert.rejects(readMaybeGzipped(breaking, 'x.gz', () => undefined), /x\.gz: the download broke off \(network error\)/);
  });
});
