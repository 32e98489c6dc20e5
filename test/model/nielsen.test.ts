import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forward } from '../../src/core/forward.js';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { Workspace } from '../../src/core/workspace.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { DigitlabError } from '../../src/errors.js';
import type { Model } from '../../src/model/model-file.js';
import { loadModel, saveModel } from '../../src/model/model-io.js';
import { parseNielsenText, serializeNielsen } from '../../src/model/nielsen.js';
import { runCli } from '../cli/run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-nielsen-'));
const mnist = await loadMnist();
const IMAGES = 20;

function sigmoidModel(sizes: number[], cost: Model['cost'] = 'cross-entropy'): Model {
  const network = Network.random({ sizes, activation: 'sigmoid', outputActivation: 'sigmoid' }, 'xavier', new Rng(5));
  for (const b of network.biases) for (let j = 0; j < b.length; j++) b[j] = (j % 7) * 0.1 - 0.3;
  return { network, cost, settings: null, metrics: {}, classNames: mnist.train.classNames };
}

function digitlabOutputs(net: Network): number[][] {
  const ws = Workspace.for(net, IMAGES);
  for (let i = 0; i < IMAGES * 784; i++) ws.input[i] = mnist.test.images[i] / 255;
  const out = forward(net, ws, IMAGES);
  const classes = net.sizes[net.layerCount];
  return Array.from({ length: IMAGES }, (_, r) => Array.from(out.subarray(r * classes, (r + 1) * classes)));
}

/**
 * network2.py's own code (Nielsen, "Neural Networks and Deep Learning", ch. 3), the parts
 * that matter: the weight initialiser, `save`, `load` and `feedforward`, verbatim in spirit.
 */
const NETWORK2 = `
import json, sys
import numpy as np
def sigmoid(z): return 1.0/(1.0+np.exp(-z))
class QuadraticCost(object): pass
class CrossEntropyCost(object): pass
class Network(object):
    def __init__(self, sizes, cost=CrossEntropyCost):
        self.num_layers = len(sizes); self.sizes = sizes; self.cost = cost
        self.biases = [np.random.randn(y, 1) for y in sizes[1:]]
        self.weights = [np.random.randn(y, x)/np.sqrt(x) for x, y in zip(sizes[:-1], sizes[1:])]
    def feedforward(self, a):
        for b, w in zip(self.biases, self.weights):
            a = sigmoid(np.dot(w, a)+b)
        return a
    def save(self, filename):
        data = {"sizes": self.sizes, "weights": [w.tolist() for w in self.weights],
                "biases": [b.tolist() for b in self.biases], "cost": str(self.cost.__name__)}
        f = open(filename, "w"); json.dump(data, f); f.close()
def load(filename):
    f = open(filename, "r"); data = json.load(f); f.close()
    cost = getattr(sys.modules[__name__], data["cost"])
    net = Network(data["sizes"], cost=cost)
    net.weights = [np.array(w) for w in data["weights"]]
    net.biases = [np.array(b) for b in data["biases"]]
    return net
`;

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/** Runs network2.py code with `body` appended; images (IMAGES × 784, in [0,1]) are in images.json. */
function python(body: string): string {
  const r = spawnSync('python3', ['-c', NETWORK2 + body], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('a network2.py document round-trips bit-exact and its biases are column vectors', () => {
  const model = sigmoidModel([784, 16, 16, 10], 'quadratic');
  const text = serializeNielsen(model);
  const doc = JSON.parse(text);
  assert.deepEqual(Object.keys(doc).sort(), ['biases', 'cost', 'sizes', 'weights']);
  assert.equal(doc.cost, 'QuadraticCost');
  assert.deepEqual(doc.sizes, [784, 16, 16, 10]);
  assert.equal(doc.weights[0].length, 16);
  assert.equal(doc.weights[0][0].length, 784);
  assert.deepEqual(doc.biases[2][4], [Number(model.network.biases[2][4].toPrecision(9))], 'a one-number row');
  const back = parseNielsenText(text, 'net.json');
  assert.equal(back.cost, 'quadratic');
  assert.equal(back.settings, null);
  assert.deepEqual(back.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  for (let l = 0; l < 3; l++) {
    assert.deepEqual(back.network.weights[l], model.network.weights[l]);
    assert.deepEqual(back.network.biases[l], model.network.biases[l]);
  }
  assert.equal(parseNielsenText(serializeNielsen({ ...model, cost: 'cross-entropy' }), 'n').cost, 'cross-entropy');
});

test('only sigmoid networks export to network2.py', () => {
  const net = new Network({ sizes: [784, 8, 10], activation: 'relu', outputActivation: 'softmax' });
  assert.throws(() => serializeNielsen({ network: net, cost: 'cross-entropy', settings: null, metrics: {}, classNames: mnist.train.classNames }), /sigmoid neurons only; this model has relu hidden and softmax output/);
});

test('bad network2.py documents fail with the field named', () => {
  const good = JSON.parse(serializeNielsen(sigmoidModel([4, 3, 2])));
  const cases: [string, (d: any) => unknown, RegExp][] = [
    ['not JSON', () => 'nope', /not valid JSON/],
    ['an array', () => [1, 2], /expected a JSON object/],
    ['negative size', (d) => ({ ...d, sizes: [4, -3, 2] }), /"sizes"/],
    ['huge sizes', (d) => ({ ...d, sizes: [1_000_000, 1_000_000, 10] }), /more than the 50,000,000 allowed/],
    ['unknown cost', (d) => ({ ...d, cost: 'LogLikelihoodCost' }), /"cost" must be QuadraticCost or CrossEntropyCost/],
    ['flat biases', (d) => { d.biases[0] = d.biases[0].map((r: number[]) => r[0]); return d; }, /"biases\[0\]\[0\]" must be a one-number row/],
    ['missing bias layer', (d) => { d.biases.pop(); return d; }, /"biases" must hold 2 layers/],
    ['transposed weights', (d) => { d.weights[0] = [[1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1]]; return d; }, /"weights\[0\]" must hold 3 rows/],
    ['NaN weight', (d) => { d.weights[1][0][2] = 'NaN'; return d; }, /"weights\[1\]\[0\]\[2\]" must be a finite number/],
    ['Infinity (1e999)', () => JSON.stringify(good).replace(/"biases":\[\[\[[^\]]*\]/, '"biases":[[[1e999]'), /"biases\[0\]\[0\]" must be a finite number/],
  ];
  for (const [name, mutate, pattern] of cases) {
    const mutated = mutate(structuredClone(good));
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    assert.throws(() => parseNielsenText(text, 'n2.json'), (e: unknown) => {
      assert.ok(e instanceof DigitlabError, name);
      assert.match(e.message, /^n2\.json: /, name);
      assert.match(e.message, pattern, name);
      return true;
    });
  }
});

test('digitlab import/export --nielsen through the command line', async () => {
  const model = sigmoidModel([784, 30, 10]);
  const modelFile = join(dir, 'digitlab.json');
  await saveModel(modelFile, model);
  const exported = runCli(['export', '--model', modelFile, '--nielsen', join(dir, 'n2.json')]);
  assert.equal(exported.code, 0, exported.stderr);
  const imported = runCli(['import', '--nielsen', join(dir, 'n2.json'), '--out', join(dir, 'back.json'), '--class-names', 'a,b,c,d,e,f,g,h,i,j']);
  assert.equal(imported.code, 0, imported.stderr);
  const back = await loadModel(join(dir, 'back.json'));
  assert.deepEqual(back.network.weights[0], model.network.weights[0]);
  assert.equal(back.classNames[9], 'j');
  const wrongNames = runCli(['import', '--nielsen', join(dir, 'n2.json'), '--class-names', 'a,b']);
  assert.equal(wrongNames.code, 1);
  assert.match(wrongNames.stderr, /^digitlab: --class-names: the network has 10 outputs/);
  await writeFile(join(dir, 'broken.json'), '{"sizes": [784, 10], "cost": "QuadraticCost"}');
  const broken = runCli(['import', '--nielsen', join(dir, 'broken.json')]);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /^digitlab: broken\.json: field "biases" must hold 1 layers\n$/);
});

test('network2.py itself (Python + numpy) reads what digitlab exports and writes what digitlab imports', { skip: hasNumpy ? false : 'python3 with numpy not installed' }, async () => {
  const images = Array.from({ length: IMAGES }, (_, r) => Array.from(mnist.test.images.subarray(r * 784, (r + 1) * 784), (v) => v / 255));
  await writeFile(join(dir, 'images.json'), JSON.stringify(images));
  const feed = 'imgs = json.load(open("images.json"))\nprint(json.dumps([net.feedforward(np.array(x).reshape(784, 1)).ravel().tolist() for x in imgs]))\n';

  // digitlab → network2.py
  const model = sigmoidModel([784, 30, 10]);
  await writeFile(join(dir, 'to-python.json'), serializeNielsen(model));
  const theirs: number[][] = JSON.parse(python(`net = load("to-python.json")\n${feed}`));
  const ours = digitlabOutputs(model.network);
  for (let r = 0; r < IMAGES; r++) for (let j = 0; j < 10; j++) assert.ok(Math.abs(theirs[r][j] - ours[r][j]) <= 1e-5, `image ${r} class ${j}`);

  // network2.py → digitlab (its own initialiser and save)
  const saved: number[][] = JSON.parse(python(`np.random.seed(3)\nnet = Network([784, 20, 10], cost=QuadraticCost)\nnet.save("from-python.json")\n${feed}`));
  const imported = parseNielsenText(await readFile(join(dir, 'from-python.json'), 'utf8'), 'from-python.json');
  assert.equal(imported.cost, 'quadratic');
  const mine = digitlabOutputs(imported.network);
  for (let r = 0; r < IMAGES; r++) for (let j = 0; j < 10; j++) assert.ok(Math.abs(saved[r][j] - mine[r][j]) <= 1e-5, `image ${r} class ${j}`);
});
