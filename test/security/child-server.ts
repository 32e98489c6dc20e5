import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { request, type Agent } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER_MAIN = new URL('../../src/server/main.ts', import.meta.url).pathname;

/** A Lab server (`src/server/main.ts`, as `npm run serve` starts it) in its own process. */
export interface ChildServer {
  readonly pid: number;
  readonly port: number;
  /** The app folder it serves (index.html, assets/app.js). */
  readonly root: string;
  /** Exit code or signal once the process has ended, else null. */
  exited(): string | null;
  /** What the process wrote to stderr. */
  stderr(): string;
  stop(): void;
}

/**
 * Starts the Lab server on a free loopback port with a small app folder. With `maxFiles`
 * the process runs under that descriptor limit (`ulimit -n` in a bash that then execs node,
 * so the pid is the server's).
 */
export async function startChildServer(maxFiles?: number): Promise<ChildServer> {
  const root = mkdtempSync(join(tmpdir(), 'digitlab-faults-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>lab</title>${'<p>digitlab</p>'.repeat(100)}`);
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);\n'.repeat(200));
  const node = [process.execPath, '--import', 'tsx', SERVER_MAIN, '--port', '0', '--root', root];
  const quoted = node.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const child: ChildProcess =
    maxFiles === undefined
      ? spawn(node[0], node.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('bash', ['-c', `ulimit -n ${maxFiles} && exec ${quoted}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let exit: string | null = null;
  let errors = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (errors += chunk));
  child.on('exit', (code, signal) => (exit = String(code ?? signal)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (found) resolve(Number(found[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${errors}`)));
  });
  return {
    pid: child.pid ?? 0,
    port,
    root,
    exited: () => exit,
    stderr: () => errors,
    stop: () => void child.kill('SIGTERM'),
  };
}

/** The process's open descriptors, as `/proc/<pid>/fd` lists them, and how many name `fileFragment`. */
export function openDescriptors(pid: number, fileFragment: string): { all: number; file: number } {
  const fds = readdirSync(`/proc/${pid}/fd`);
  let file = 0;
  for (const fd of fds) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).includes(fileFragment)) file++;
    } catch {
      // Closed between the listing and the look: not open.
    }
  }
  return { all: fds.length, file };
}

/** The process's resident set size in bytes (VmRSS in /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const found = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!found) throw new Error(`no VmRSS for ${pid}`);
  return Number(found[1]) * 1024;
}

/** What one request ended with: a status and the body's length, or a socket error code. */
export type Outcome = { status: number; bytes: number } | { error: string };

/**
 * One GET (no connection reuse unless `agent` is given), fully read; `abortAfterFirstChunk`
 * destroys the request as soon as the first body bytes arrive, as a closed Lab tab does.
 */
export function fetchOnce(port: number, path: string, options: { agent?: Agent; abortAfterFirstChunk?: boolean; onSocket?: (socket: Socket) => void } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: options.agent ?? false }, (res) => {
      let bytes = 0;
      const status = res.statusCode ?? 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (options.abortAfterFirstChunk && status === 200) {
          req.destroy();
          resolve({ status, bytes });
        }
      });
      res.on('end', () => resolve({ status, bytes }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    if (options.onSocket) req.on('socket', options.onSocket);
    req.end();
  });
}

/** Polls `probe` every 50 ms until it returns true or `ms` have passed; returns its last answer. */
export async function waitFor(probe: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return probe();
}
