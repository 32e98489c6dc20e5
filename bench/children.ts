import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/ is one level below it). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What a finished child process printed. */
export interface ChildOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The child's peak resident set size in MB (Linux: its VmHWM, sampled every 20 ms; null elsewhere). */
  readonly peakRssMB: number | null;
  /**
   * CPU seconds the child used, all its threads, user + system (Linux: /proc/PID/stat, sampled
   * every 20 ms, so the last ≤ 20 ms are missing; null elsewhere). Unlike wall time, hardly
   * changed by other jobs sharing the cores.
   */
  readonly cpuSeconds: number | null;
}

/** Clock ticks per second of /proc/PID/stat's times (USER_HZ: 100 on every Linux in use). */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a live process so far, or null if /proc is not there or it has exited. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** VmHWM (peak RSS) of a live process in MB, or null if /proc is not there or it has exited. */
function peakRssOf(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs a command in its own process (so its peak RSS is its own), from the repository root,
 * and collects its output. `onLine` sees each stdout line as it arrives, with the wall
 * milliseconds since the spawn; `env` replaces the environment.
 */
export function runChild(command: string, args: readonly string[], onLine?: (line: string, ms: number) => void, env?: NodeJS.ProcessEnv): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let peak: number | null = null;
    let cpu: number | null = null;
    const sample = (): void => {
      const now = child.pid === undefined ? null : peakRssOf(child.pid);
      if (now !== null) peak = Math.max(peak ?? 0, now);
      const used = child.pid === undefined ? null : cpuSecondsOf(child.pid);
      if (used !== null) cpu = Math.max(cpu ?? 0, used);
    };
    const sampler = setInterval(sample, 20);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const ms = performance.now() - started;
      sample();
      stdout += chunk;
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        onLine?.(pending.slice(0, nl), ms);
        pending = pending.slice(nl + 1);
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve({ code, stdout, stderr, peakRssMB: peak, cpuSeconds: cpu });
    });
  });
}

/** Runs a TypeScript file of bench/ under tsx in a child Node process and parses its last stdout line as JSON. */
export async function runTsChild<T>(file: string, args: readonly string[]): Promise<T> {
  const out = await runChild(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...args]);
  const last = out.stdout.trim().split('\n').pop() ?? '';
  if (out.code !== 0 || !last.startsWith('{')) {
    throw new Error(`${file} failed (exit ${out.code}): ${out.stderr.trim().split('\n').slice(-5).join('\n')}`);
  }
  return JSON.parse(last) as T;
}

/** Whether an executable is on the PATH. */
export function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(`${dir}/${name}`));
}
