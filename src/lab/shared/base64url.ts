/**
 * base64url (RFC 4648 §5): the one alphabet of the drawings in the pages' addresses — 64
 * symbols that need no escaping in a URL. The Lab's and the course's stroke code writes bytes
 * with it (three bytes to four symbols, no padding); the course's older pixel code used its
 * symbols one by one.
 */
export const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The value (0–63) of base64url symbol `ch`, or −1 when it is not one. */
export function symbolValue(ch: string): number {
  return ch.length === 1 ? BASE64URL_ALPHABET.indexOf(ch) : -1;
}

/** Bytes (0–255 each) as base64url text, without padding. */
export function bytesToBase64url(bytes: readonly number[]): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    const chars = [18, 12, 6, 0].map((shift) => BASE64URL_ALPHABET[(n >> shift) & 63]);
    text += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return text;
}

/** The bytes of unpadded base64url `text`, or null when it is not such text (a foreign symbol, or a length no byte count gives). */
export function base64urlToBytes(text: string): number[] | null {
  if (text.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < chunk.length; k++) {
      const v = symbolValue(chunk[k]);
      if (v < 0) return null;
      n |= v << (18 - 6 * k);
    }
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  return bytes;
}
