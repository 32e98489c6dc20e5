// The part of `send` (pillarjs/send, 1.x) that src/server uses; the package ships no types.
declare module 'send' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** Options of `send` (its README). */
  export interface SendOptions {
    readonly acceptRanges?: boolean;
    readonly cacheControl?: boolean;
    readonly dotfiles?: 'allow' | 'deny' | 'ignore';
    readonly etag?: boolean;
    readonly index?: false | readonly string[];
    readonly lastModified?: boolean;
    readonly root?: string;
  }

  /** The error `send` emits: an http-errors object (status) around the file system's error (code). */
  export interface SendError extends Error {
    readonly status?: number;
    readonly code?: string;
    readonly headers?: Readonly<Record<string, string>>;
  }

  /** A pending file answer: listen for 'error' and 'directory', then pipe into the response. */
  export interface SendStream extends EventEmitter {
    pipe(res: ServerResponse): ServerResponse;
  }

  /** Streams the file at `path` (URL-encoded, relative to `root`) as the answer to `req`. */
  export default function send(req: IncomingMessage, path: string, options?: SendOptions): SendStream;
}
