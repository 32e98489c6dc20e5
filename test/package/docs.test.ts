import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, run } from './consumer-project.js';

describe('npm run docs: the API reference (TypeDoc)', () => {
  const out = mkdtempSync(join(tmpdir(), 'digitlab-docs-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('builds without a warning (every export documented, no broken link) for the three entry points, with no item code of the private specification in its text', () => {
    // typedoc.json turns warnings into errors, so a failed run is a missing doc comment or a broken link.
    run(process.execPath, [join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--json', join(out, 'api.json')], ROOT, 300_000);
    const project = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as { children: { name: string; children?: { name: string }[] }[] };
    const modules = Object.fromEntries(project.children.map((m) => [m.name, (m.children ?? []).map((c) => c.name)]));
    assert.deepEqual(Object.keys(modules).sort(), ['digitlab', 'digitlab/embed', 'digitlab/node']);
    for (const name of ['Trainer', 'Network', 'resolveSettings', 'createFastBackend', 'fetchKernels', 'parseIdx', 'serializeModel']) {
      assert.ok(modules.digitlab.includes(name), `digitlab: ${name} missing from the reference`);
    }
    for (const name of ['loadMnist', 'fastBackendFactory', 'saveModel', 'readPngAsMnist']) {
      assert.ok(modules['digitlab/node'].includes(name), `digitlab/node: ${name} missing from the reference`);
    }
    for (const name of ['NetworkElement', 'DrawPadElement', 'InferenceDetail']) {
      assert.ok(modules['digitlab/embed'].includes(name), `digitlab/embed: ${name} missing from the reference`);
    }
    // Internals stay out of the reference: the thread pool, the kernels' memory layout, the backends' classes.
    for (const name of ['HelperPool', 'MemoryPlan', 'TwinPlan', 'WasmBackend', 'ReferenceBackend', 'createWasmBackend', 'instantiateKernels']) {
      assert.ok(!Object.values(modules).some((names) => names.includes(name)), `${name} is an internal, not part of the API`);
    }
    const texts = [...readFileSync(join(out, 'api.json'), 'utf8').matchAll(/"text":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    // The private specification's item codes (a capital S or B and a number) mean nothing to a reader.
    assert.deepEqual(texts.filter((t) => /\b[SB]\d{1,2}\b/.test(t)), []);
  });
});
