import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The files a user would write: Node script, typed file, Vite page (copied into the project). */
const CONSUMER_FILES = fileURLToPath(new URL('./consumer/', import.meta.url));

/** A finished child process, its output as text. */
export type Run = SpawnSyncReturns<string>;

/** Runs a command to completion; throws with its output when it fails. */
export function run(command: string, args: readonly string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Run {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${r.error?.message ?? `exit ${r.status}`}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/**
 * `npm pack` of this checkout into a fresh folder; returns the tarball's path. Under `npm
 * test` the pretest step has just built lib/ and the kernels, so packing skips the build;
 * run alone, the test packs as `npm publish` would, `prepare` (the build) included.
 */
export function packTarball(): string {
  const out = mkdtempSync(join(tmpdir(), 'digitlab-pack-'));
  const rebuilt = process.env.npm_lifecycle_event === 'test' ? ['--ignore-scripts'] : [];
  run('npm', ['pack', '--silent', '--pack-destination', out, ...rebuilt], ROOT, 300_000);
  const tarball = readdirSync(out).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no tarball in ${out}`);
  return join(out, tarball);
}

/**
 * An empty project (`"type": "module"`, nothing else) with the tarball installed as a user
 * would (`npm install <tarball>`: the runtime dependencies come from the registry, or from
 * npm's cache thanks to --prefer-offline), and the consumer files copied in. Returns the
 * folder and the install's wall time.
 */
export function installIntoEmptyProject(tarball: string): { dir: string; installSeconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'digitlab-consumer-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'digitlab-consumer', private: true, type: 'module' }, null, 2));
  const t0 = performance.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'error', tarball], dir, 600_000);
  const installSeconds = (performance.now() - t0) / 1000;
  cpSync(CONSUMER_FILES, dir, { recursive: true });
  return { dir, installSeconds };
}

/** The fenced ```ts blocks of the README's library section, in order. */
export function readmeLibraryExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## The engine as a library');
  if (start < 0) throw new Error('README.md: no "The engine as a library" section');
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}
