import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DigitlabError } from '../../src/errors.js';
import { gunzipBrowser } from '../../src/data/gunzip-browser.js';
import { gunzipNode, isGzip } from '../../src/data/gzip.js';

const original = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 255);
const packed = new Uint8Array(gzipSync(original));

function isErrorWith(fragment: string) {
  return (error: unknown) => error instanceof DigitlabError && error.message.includes(fragment);
}

test('gunzipNode restores the bytes and recognises gzip', () => {
  assert.ok(isGzip(packed));
  assert.ok(!isGzip(original));
  assert.deepEqual(gunzipNode(packed, 'a.gz'), original);
});

test('gunzipNode: corrupt, truncated and oversized inputs are DigitlabErrors naming the file', () => {
  assert.throws(() => gunzipNode(packed.subarray(0, 20), 'a.gz'), isErrorWith('a.gz: not a valid gzip file'));
  assert.throws(() => gunzipNode(original, 'b.gz'), isErrorWith('b.gz: not a valid gzip file'));
  assert.throws(() => gunzipNode(packed, 'c.gz', 4999), isErrorWith('c.gz: decompresses to more than 4,999 bytes'));
});

test('gunzipBrowser (DecompressionStream) agrees with zlib', async () => {
  assert.deepEqual(await gunzipBrowser(packed, 'a.gz'), original);
  await assert.rejects(gunzipBrowser(packed.subarray(0, 20), 'a.gz'), isErrorWith('a.gz: not a valid gzip file'));
  await assert.rejects(gunzipBrowser(packed, 'c.gz', 1000), isErrorWith('c.gz: decompresses to more than 1,000 bytes'));
});
