import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of the `digitlab` executable in this checkout. */
export const CLI = fileURLToPath(new URL('../../bin/digitlab.js', import.meta.url));

/** What a finished `digitlab` process printed and returned. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `digitlab ...args` to completion (as a user would, in a child process). */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
