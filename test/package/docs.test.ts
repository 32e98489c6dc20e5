import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { stripSpecCodes } from '../../scripts/typedoc-spec-codes.mjs';
import { ROOT, run } from './consumer-project.js';

describe('npm run docs: the API reference (TypeDoc)', () => {
  const out = mkdtempSync(join(tmpdir(), 'digitlab-docs-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('builds without a warning (every export documented, no broken link, no specification code) for both entry points', () => {
    // typedoc.json turns warnings into errors, so a failed run is a missing doc comment or a stray code.
    run(process.execPath, [join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--json', join(out, 'api.json')], ROOT, 300_000);
    const project = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as { children: { name: string; children?: { name: string }[] }[] };
    const modules = Object.fromEntries(project.children.map((m) => [m.name, (m.children ?? []).map((c) => c.name)]));
    assert.deepEqual(Object.keys(modules).sort(), ['digitlab', 'digitlab/node']);
    for (const name of ['Trainer', 'Network', 'resolveSettings', 'createFastBackend', 'fetchKernels', 'parseIdx', 'serializeModel']) {
      assert.ok(modules.digitlab.includes(name), `digitlab: ${name} missing from the reference`);
    }
    for (const name of ['loadMnist', 'fastBackendFactory', 'saveModel', 'readPngAsMnist']) {
      assert.ok(modules['digitlab/node'].includes(name), `digitlab/node: ${name} missing from the reference`);
    }
    const texts = [...readFileSync(join(out, 'api.json'), 'utf8').matchAll(/"text":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    assert.deepEqual(texts.filter((t) => /\b[SB]\d{1,2}\b/.test(t)), []);
  });

  it('drops the specification codes from doc comments and keeps the words', () => {
    assert.equal(stripSpecCodes('a^l = f(W^l a^{l-1} + b^l) (S10).'), 'a^l = f(W^l a^{l-1} + b^l).');
    assert.equal(stripSpecCodes('Backpropagation (S18, S24–S29) for'), 'Backpropagation for');
    assert.equal(stripSpecCodes('biases start (S15: random, from the seed).'), 'biases start (random, from the seed).');
    assert.equal(stripSpecCodes('784 inputs (28 × 28) and SIMD'), '784 inputs (28 × 28) and SIMD');
  });
});
