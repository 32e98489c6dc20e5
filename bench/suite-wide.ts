import { cpus, loadavg } from 'node:os';
import { runTsChild } from './children.js';
import type { EpochMeasurement } from './measurement.js';
import { median } from './measurement.js';
import { type PeerName, peerMissing, runPeer } from './python-peers.js';
import { RECIPES, type RecipeName, WIDE_NETWORKS } from './recipes.js';
import { type Contestant, formatRatio, ratioStats, type RatioStats, runRounds, type Samples } from './rounds.js';

/** Options of the wide suite. */
export interface WideOptions {
  /** Rounds per network and recipe (each tool once per round). */
  readonly rounds: number;
  /** Leave out peers: numpy, torch. */
  readonly skip: readonly string[];
  /** Only these networks (e.g. "784-512-512-10"); empty = all four. */
  readonly networks: readonly string[];
  readonly log: (message: string) => void;
}

/** One network in one recipe: every tool's samples and the peers' ratios to digitlab. */
export interface WideCase {
  readonly sizes: string;
  readonly recipe: RecipeName;
  readonly samples: Samples[];
  /** Peer name → its time / digitlab's per round (above 1 = digitlab faster). */
  readonly ratios: Record<string, RatioStats | null>;
}

/** The wide suite's result. */
export interface WideResult {
  readonly cpu: string;
  /** 1-minute load average before and after the run. */
  readonly load: readonly [number, number];
  readonly rounds: number;
  readonly cases: WideCase[];
}

const PEERS: readonly PeerName[] = ['numpy', 'torch'];
const PEER_TITLES: Readonly<Record<PeerName, string>> = { numpy: 'numpy (OpenBLAS, 2 threads)', torch: 'PyTorch (2 threads)' };

/**
 * `npm run bench -- --suite wide`: 784-16-16-10, 784-100-10, 784-256-256-10 and
 * 784-512-512-10, each in the seed's recipe and the modern one (bench/recipes.ts), trained by
 * digitlab (its own process: one warm-up epoch, one timed), numpy and PyTorch (bench/peers/
 * mlp.py: 50 warm-up mini-batches, one timed epoch) in alternation, `rounds` rounds each.
 * A missing peer is skipped with the reason.
 */
export async function runWideSuite(options: WideOptions): Promise<WideResult> {
  const load0 = loadavg()[0];
  const peers: { name: PeerName; missing: string | null }[] = [];
  for (const name of PEERS) peers.push({ name, missing: options.skip.includes(name) ? `--skip ${name}` : await peerMissing(name) });
  for (const p of peers) if (p.missing) options.log(`${PEER_TITLES[p.name]} skipped: ${p.missing}`);
  const cases: WideCase[] = [];
  const networks = WIDE_NETWORKS.filter((sizes) => options.networks.length === 0 || options.networks.includes(sizes.join('-')));
  for (const sizes of networks) {
    for (const recipe of RECIPES) {
      options.log(`${sizes.join('-')}, ${recipe} recipe:`);
      const contestants: Contestant[] = [
        {
          name: 'digitlab',
          run: async () => (await runTsChild<EpochMeasurement>('./measure-wide.ts', ['--sizes', sizes.join(','), '--recipe', recipe, '--epochs', '1', '--warmup', '1'])).secondsPerEpoch,
        },
        ...peers.map((p): Contestant => ({ name: p.name, run: async () => (p.missing ? { skipped: p.missing } : runPeer(p.name, sizes, recipe, 50)) })),
      ];
      const samples = await runRounds(contestants, options.rounds, options.log);
      const ratios: Record<string, RatioStats | null> = {};
      for (const s of samples.slice(1)) ratios[s.name] = ratioStats(samples[0], s);
      cases.push({ sizes: sizes.join('-'), recipe, samples, ratios });
    }
  }
  return { cpu: cpus()[0]?.model ?? 'unknown', load: [load0, loadavg()[0]], rounds: options.rounds, cases };
}

/** The report: one line per network and recipe. */
export function formatWideReport(r: WideResult): string {
  const lines = [`CPU: ${r.cpu}, ${cpus().length} cores; load average (1 min) ${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after; ${r.rounds} rounds, tools alternating within each round.`, ''];
  const header = ['network', 'recipe', 'digitlab s/epoch', 'numpy s/epoch', 'torch s/epoch', 'numpy / digitlab', 'torch / digitlab'];
  const rows = r.cases.map((c) => {
    const med = (name: string): string => {
      const s = c.samples.find((x) => x.name === name);
      return s && s.secondsPerEpoch.length > 0 ? median(s.secondsPerEpoch).toFixed(3) : 'skipped';
    };
    return [c.sizes, c.recipe, med('digitlab'), med('numpy'), med('torch'), formatRatio(c.ratios.numpy ?? null), formatRatio(c.ratios.torch ?? null)];
  });
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((row) => row[i].length)));
  const fmt = (row: string[]): string => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  lines.push('', 'Ratios: the peer\'s seconds per epoch over digitlab\'s in the same round, median (range); above 1 = digitlab is faster.');
  const skipped = r.cases[0]?.samples.filter((s) => s.skipped) ?? [];
  for (const s of skipped) lines.push(`${s.name} skipped: ${s.skipped}`);
  return lines.join('\n');
}

/** `--json`: flat keys, e.g. `784-512-512-10.seed.numpy.ratio.median`. */
export function flattenWide(r: WideResult): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = { cpu: r.cpu, 'load.before': r.load[0], 'load.after': r.load[1], rounds: r.rounds };
  for (const c of r.cases) {
    const key = `${c.sizes}.${c.recipe}`;
    for (const s of c.samples) {
      out[`${key}.${s.name}.secondsPerEpoch`] = s.secondsPerEpoch.length > 0 ? median(s.secondsPerEpoch) : null;
      out[`${key}.${s.name}.rounds`] = s.secondsPerEpoch.join(',');
      if (s.skipped) out[`${key}.${s.name}.skipped`] = s.skipped;
    }
    for (const [name, stats] of Object.entries(c.ratios)) {
      out[`${key}.${name}.ratio.median`] = stats?.median ?? null;
      out[`${key}.${name}.ratio.min`] = stats?.min ?? null;
      out[`${key}.${name}.ratio.max`] = stats?.max ?? null;
    }
  }
  return out;
}
