import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';
import send, { type SendError } from 'send';
import { SECURITY_HEADERS } from './security-headers.js';

/** The headers of a file answer besides the security headers. */
export interface FileHeaders {
  readonly contentType: string;
  readonly cacheControl: string;
}

/**
 * Answers with a one-line plain-text status ("404 not found") and the security headers,
 * dropping any header set for an answer that failed. If the status line has already gone
 * out (a body was being sent), the response is cut off instead: the client sees a short
 * body, never a second answer.
 */
export function sendText(res: ServerResponse, status: number, text: string, extraHeaders: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...extraHeaders })) res.setHeader(name, value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${status} ${text}\n`);
}

/** Answers 405 (with Allow) unless the request is GET or HEAD; true when it may go on. */
export function allowGetOrHead(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  sendText(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
  return false;
}

/** Errors of opening or reading a file that mean "out of descriptors or memory, try later". */
const BUSY_CODES = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'ENOMEM']);

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'bad request',
  403: 'forbidden',
  404: 'not found',
  412: 'precondition failed',
  416: 'range not satisfiable',
};

/**
 * Answers GET or HEAD with one file and the security headers, through `send` (pillarjs/send,
 * the file sender under Express's serve-static), which also answers Range and conditional
 * requests. Why `send`: it destroys the read stream (closing its descriptor) as soon as the
 * response finishes or the client goes away, and reports a failed open or read as an
 * event. Our old `createReadStream(file).pipe(res)` did neither — every aborted download
 * kept its descriptor and an EMFILE ended the process — and neither does sirv 3.0.2
 * (measured: same leak, same crash). A failure before the body answers 404, 503 (out of
 * descriptors: Retry-After 1) or 500; one during the body cuts the response short.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, headers: FileHeaders): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Content-Type', headers.contentType);
  res.setHeader('Cache-Control', headers.cacheControl);
  send(req, `/${encodeURIComponent(basename(file))}`, { root: dirname(file), dotfiles: 'allow', index: false, cacheControl: false })
    .on('error', (error: SendError) => answerFailure(res, error))
    .on('directory', () => sendText(res, 404, 'not found'))
    .pipe(res);
}

function answerFailure(res: ServerResponse, error: SendError): void {
  if (error.code !== undefined && BUSY_CODES.has(error.code)) {
    sendText(res, 503, 'busy (too many open files); try again', { 'Retry-After': '1' });
    return;
  }
  const status = error.status ?? 500;
  const text = STATUS_TEXT[status];
  if (text === undefined) sendText(res, 500, 'internal error');
  else sendText(res, status, text, status === 416 ? (error.headers ?? {}) : {});
}
