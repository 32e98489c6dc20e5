import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './consumer-project.js';

/** A copy of bin/digitlab.js (and its freshness check) over a stand-in CLI that says whether the compiled or the source one ran. */
describe('bin/digitlab.js: the compiled CLI, or the sources when lib/ is stale in a checkout', () => {
  let dir: string;
  const write = (file: string, text: string, secondsAgo: number): void => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(join(dir, file), t, t);
  };
  const ran = (): string => {
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'digitlab.js')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'digitlab-bin-'));
    mkdirSync(join(dir, 'bin'));
    for (const file of ['digitlab.js', 'fresh-build.js']) copyFileSync(join(ROOT, 'bin', file), join(dir, 'bin', file));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs lib/ when it is newer than every source, and the sources once one is edited', () => {
    write('src/cli/main.ts', "const from: string = 'sources';\nconsole.log(from);\n", 60);
    write('src/core/rng.ts', 'export {};\n', 60);
    write('lib/cli/main.js', "console.log('compiled');\n", 30);
    assert.equal(ran(), 'compiled');
    write('src/core/rng.ts', 'export const edited = true;\n', 0);
    assert.equal(ran(), 'sources');
  });

  it('ignores the Lab, which lib/ does not hold (Vite builds it into site/), but not the server, which `digitlab serve` runs', () => {
    write('src/core/rng.ts', 'export {};\n', 60);
    write('lib/cli/main.js', "console.log('compiled');\n", 30);
    write('src/lab/main.ts', 'export {};\n', 0);
    assert.equal(ran(), 'compiled');
    write('src/server/main.ts', 'export {};\n', 0);
    assert.equal(ran(), 'sources');
  });

  it('runs the sources when lib/ is missing, and lib/ alone in the package (no src/)', () => {
    rmSync(join(dir, 'lib'), { recursive: true });
    assert.equal(ran(), 'sources');
    write('lib/cli/main.js', "console.log('compiled');\n", 3600);
    rmSync(join(dir, 'src'), { recursive: true });
    assert.equal(ran(), 'compiled');
  });
});
