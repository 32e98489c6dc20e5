import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parseModelText } from '../../src/model/model-file.js';
import { packTarball, ROOT, run } from './consumer-project.js';
import { cleanEnv, nodeBinary, npmCli } from './node-binaries.js';

/**
 * The tested Node versions (the README says so): the package works on each, from a tarball
 * installed into an empty project by npm running on that Node. Binaries from the npm registry,
 * cached in .tmp/node-matrix/ (node-binaries.ts). One `npm pack`; the versions one after another.
 */
export const TESTED_NODE_MAJORS = [20, 22, 24] as const;

/** The library script and its helper (test/package/consumer/): MNIST, one seeded epoch on 5,000 images, save, reload. */
const LIBRARY_FILES = ['node-train.js', 'train-slice.js'].map((name) => fileURLToPath(new URL(`./consumer/${name}`, import.meta.url)));

/** What node-train.js prints. */
interface LibrarySummary {
  readonly backend: string;
  readonly testAccuracy: number;
  readonly digest: string;
  readonly reloadedDigest: string;
  readonly node: string;
}

describe(`the packed package on Node ${TESTED_NODE_MAJORS.join(', ')} (binaries from the npm registry)`, () => {
  let tarball: string;
  const projects: string[] = [];
  const summaries = new Map<number, LibrarySummary>();

  before(() => {
    tarball = packTarball();
  });
  after(() => {
    for (const project of projects) rmSync(project, { recursive: true, force: true });
    if (tarball !== undefined) rmSync(dirname(tarball), { recursive: true, force: true });
  });

  for (const major of TESTED_NODE_MAJORS) {
    it(`Node ${major}: npm install <tarball> into an empty project, the CLI (--help, a short training), the library (import, train, save, load)`, (t) => {
      const t0 = performance.now();
      const node = nodeBinary(major);
      const env = cleanEnv(node);
      const version = run(node, ['--version'], tmpdir(), 10_000, env).stdout.trim();
      const project = mkdtempSync(join(tmpdir(), `digitlab-node${major}-`));
      projects.push(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `digitlab-on-node-${major}`, private: true, type: 'module' }, null, 2));
      // npm itself runs on this Node, so the engines of every dependency are checked against it.
      const install = run(node, [npmCli(), 'install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'warn', tarball], project, 600_000, env);
      assert.doesNotMatch(install.stderr, /EBADENGINE/, `a dependency does not support Node ${version}:\n${install.stderr}`);

      // The CLI, through npx as a user types it (PATH puts this Node first).
      const help = run('npx', ['--no-install', 'digitlab', '--help'], project, 60_000, env);
      assert.match(help.stdout, /Usage: digitlab/);
      assert.match(help.stdout, /\btrain\b/);
      assert.doesNotMatch(help.stderr, /npm warn/i);
      const train = run('npx', ['--no-install', 'digitlab', 'train', '--limit', '1000', '--epochs', '1', '--json', '--out', 'cli-model.json'], project, 300_000, env);
      const epoch = JSON.parse(train.stdout.trim().split('\n').at(-1) ?? '{}') as { epoch: number; testAccuracy: number };
      assert.equal(epoch.epoch, 1);
      assert.ok(epoch.testAccuracy > 0, `test accuracy ${epoch.testAccuracy}`);
      const model = parseModelText(readFileSync(join(project, 'cli-model.json'), 'utf8'), 'cli-model.json');
      assert.deepEqual(model.network.sizes, [784, 16, 16, 10]);

      // The library: digitlab and digitlab/node imported by a plain ES module.
      for (const file of LIBRARY_FILES) cpSync(file, join(project, file.split('/').at(-1) as string));
      const library = run(node, ['node-train.js'], project, 300_000, env);
      const summary = JSON.parse(library.stdout.trim().split('\n').at(-1) ?? '{}') as LibrarySummary;
      assert.equal(summary.node.split('.')[0], String(major), 'the library ran on this Node');
      assert.equal(summary.backend, 'wasm');
      assert.ok(summary.testAccuracy > 0.6, `test accuracy ${summary.testAccuracy} after one epoch on 5,000 images`);
      assert.equal(summary.reloadedDigest, summary.digest, 'the saved model loads back bit-exact');
      summaries.set(major, summary);
      // (npm's notice that the tarball's own `prepare` script is not in the empty project's allowScripts is expected: a registry install has none.)
      const warnings = install.stderr.split('\n').filter((line) => /npm warn/i.test(line) && !/install-scripts/.test(line));
      t.diagnostic(`Node ${version}: ${((performance.now() - t0) / 1000).toFixed(1)} s in all; install warnings ${warnings.length}; library test accuracy ${summary.testAccuracy}, parameters ${summary.digest}`);
    });
  }

  it('the README names the tested versions, and package.json asks for the oldest of them', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const tested = `Tested on Node ${TESTED_NODE_MAJORS.slice(0, -1).join(', ')} and ${TESTED_NODE_MAJORS.at(-1)}`;
    assert.ok(readme.includes(tested), `README.md should say "${tested}"`);
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    assert.equal(engines, `>=${Math.min(...TESTED_NODE_MAJORS)}`);
  });

  it('the same seed trains the same bits on every version', () => {
    assert.equal(summaries.size, TESTED_NODE_MAJORS.length, 'every version trained');
    const digests = new Set([...summaries.values()].map((s) => s.digest));
    assert.equal(digests.size, 1, `parameters per version: ${[...summaries].map(([major, s]) => `${major}: ${s.digest}`).join(', ')}`);
  });
});
