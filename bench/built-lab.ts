import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, startServer } from '../test/lab/harness.js';

/** A Lab built for a bench: the folder it was built into, the address it is served at, the browser to open it in. */
export interface BuiltLab {
  readonly out: string;
  readonly url: string;
  readonly browser: Browser;
}

/**
 * What the browser benches share: builds the Lab of the checkout at `root` with Vite into a
 * fresh temporary folder (named from `prefix`), serves it with the Lab's server (MNIST from
 * `dataDir` when given) and starts the tests' Chromium (test/lab/harness.ts; service workers
 * allowed, as in a visitor's browser); runs `measure`, then stops both and removes the build.
 */
export async function withBuiltLab<T>(root: string, prefix: string, dataDir: string | undefined, measure: (lab: BuiltLab) => Promise<T>): Promise<T> {
  const out = mkdtempSync(join(tmpdir(), prefix));
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
    const { server, url } = await startServer(out, dataDir);
    const { browser, close } = await launchChromium({ serviceWorkers: true });
    try {
      return await measure({ out, url, browser });
    } finally {
      await close();
      server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
