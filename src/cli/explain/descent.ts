import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_RUNS, type DescentResult, type DescentRun, descentExplorable } from '../../explain/descent.js';
import { type Landscape, LANDSCAPE_NAMES, type LandscapeName, landscapeByName } from '../../explain/landscapes.js';
import { SERIES_COLORS, writeLineChart } from '../charts.js';
import { integerOption } from '../options.js';
import { writeCostMap } from '../surface-png.js';
import { note, num, outputDirectory, toJson } from './output.js';

interface DescentOptions {
  landscape: LandscapeName | 'both';
  lr?: number[];
  start?: number[];
  steps: number;
  out?: string;
  json?: boolean;
}

/** `digitlab explain descent` (gradient descent on a smooth curve or surface). */
export function registerDescent(parent: Command): void {
  parent
    .command('descent')
    .description('gradient descent on a 1-D cost curve and a 2-D cost surface: too small, right and too large learning rates; different starts, different minima')
    .option('--landscape <name>', `curve, surface or both`, (v: string) => {
      if (v !== 'both' && !(LANDSCAPE_NAMES as readonly string[]).includes(v)) throw new InvalidArgumentError('Must be curve, surface or both.');
      return v;
    }, 'both')
    .option('--lr <numbers>', 'learning rates to compare, comma-separated (default: a built-in set per landscape)', numberList)
    .option('--start <point>', 'the start: "w" on the curve, "x,y" on the surface (default per landscape)', numberList)
    .option('--steps <n>', 'most steps per run', integerOption(1, 100_000), 100)
    .option('--out <dir>', 'write descent-curve.png and descent-surface.png here')
    .option('--json', 'print the paths as JSON')
    .action(async (o: DescentOptions) => {
      const names: LandscapeName[] = o.landscape === 'both' ? ['curve', 'surface'] : [o.landscape];
      const results = names.map((name) => {
        const landscape = landscapeByName(name);
        return { landscape, result: descentExplorable(landscape, runsFor(landscape, o), { maxSteps: o.steps }) };
      });
      if (o.json) process.stdout.write(toJson(results.map((r) => r.result), 6) + '\n');
      else for (const r of results) printTable(r.landscape, r.result, runsFor(r.landscape, o));
      if (o.out) {
        const at = await outputDirectory(o.out);
        for (const r of results) {
          const file = at(`descent-${r.landscape.name}.png`);
          await (r.landscape.dimension === 1 ? drawCurve(file, r.landscape, r.result, runsFor(r.landscape, o)) : drawSurface(file, r.landscape, r.result, runsFor(r.landscape, o)));
          note(`wrote ${file}`);
        }
      }
    });
}

function numberList(v: string): number[] {
  const xs = v.split(',').map((s) => Number(s.trim()));
  if (xs.length === 0 || xs.some((x) => !Number.isFinite(x))) throw new InvalidArgumentError('Expected numbers separated by commas, e.g. 0.1,0.5.');
  return xs;
}

function runsFor(landscape: Landscape, o: DescentOptions): DescentRun[] {
  const defaults = DEFAULT_RUNS[landscape.name];
  if (!o.lr && !o.start) return [...defaults.rates, ...defaults.starts];
  const start = o.start ?? defaults.rates[0].start;
  if (start.length !== landscape.dimension) throw new InvalidArgumentError(`--start needs ${landscape.dimension} number(s) for the ${landscape.name}`);
  const rates = o.lr ?? defaults.rates.map((r) => r.learningRate);
  return rates.map((learningRate) => ({ start, learningRate, caption: `η = ${learningRate}` }));
}

function printTable(landscape: Landscape, r: DescentResult, runs: readonly DescentRun[]): void {
  const point = (p: readonly number[]): string => `(${p.map((x) => x.toFixed(3)).join(', ')})`;
  console.log(`\n${landscape.name === 'curve' ? 'C(w) = w²/10 + 2·sin(w) + 3' : 'C(x, y) = x²/20 + y²/8 + 4 − three Gaussian dips'}; step: p ← p − η·∇C(p)`);
  console.log(`local minima: ${r.minima.map((m, i) => `#${i} ${point(m.point)} C=${m.cost.toFixed(4)}`).join('   ')}`);
  console.log(['start'.padEnd(18), 'η'.padStart(6), 'steps'.padStart(6), 'outcome'.padEnd(12), 'end'.padEnd(20), 'C(end)'.padStart(12), 'minimum'.padStart(8), '  note'].join(' '));
  r.paths.forEach((p, i) => {
    const end = p.points[p.points.length - 1];
    console.log(
      [
        point(p.start).padEnd(18),
        String(p.learningRate).padStart(6),
        String(p.points.length - 1).padStart(6),
        p.outcome.padEnd(12),
        point(end.point).padEnd(20),
        num(end.cost, 5, 12),
        (p.minimum >= 0 ? `#${p.minimum}` : '—').padStart(8),
        '  ' + (runs[i].caption ?? ''),
      ].join(' '),
    );
  });
}

async function drawCurve(file: string, landscape: Landscape, r: DescentResult, runs: readonly DescentRun[]): Promise<void> {
  const [lo, hi] = landscape.domain[0];
  const xs = Array.from({ length: 401 }, (_, i) => lo + ((hi - lo) * i) / 400);
  const inside = (w: number): boolean => w >= lo && w <= hi;
  await writeLineChart(file, {
    title: 'Gradient descent on C(w): w ← w − η·C′(w) (first 30 steps of each run, 10 of a wild one)',
    xLabel: 'w',
    yLabel: 'C(w)',
    width: 1000,
    height: 560,
    series: [
      { label: 'C(w)', x: xs, y: xs.map((w) => landscape.value([w])), color: '#bbbbbb' },
      ...r.paths.map((p, i) => {
        // The first 30 steps (10 for a wild run): enough to see each behaviour without one run hiding the rest.
        const shown = p.outcome === 'oscillating' || p.outcome === 'diverged' ? 11 : 31;
        const pts = p.points.slice(0, shown).filter((q) => inside(q.point[0]));
        return {
          label: `start ${p.start[0]}, ${runs[i].caption ?? `η = ${p.learningRate}`} → ${p.outcome}`,
          x: pts.map((q) => q.point[0]),
          y: pts.map((q) => q.cost),
          color: SERIES_COLORS[i % SERIES_COLORS.length],
          dashed: i >= 4,
        };
      }),
    ],
  });
}

async function drawSurface(file: string, landscape: Landscape, r: DescentResult, runs: readonly DescentRun[]): Promise<void> {
  const [[x0, x1], [y0, y1]] = landscape.domain;
  const n = 101;
  const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, i) => y0 + ((y1 - y0) * i) / (n - 1));
  await writeCostMap(file, {
    xs,
    ys,
    costs: ys.map((y) => xs.map((x) => landscape.value([x, y]))),
    title: 'Gradient descent on C(x, y): p ← p − η·∇C(p)',
    xLabel: 'x',
    yLabel: 'y',
    width: 860,
    height: 760,
    marks: r.minima.map((m) => [m.point[0], m.point[1]] as [number, number]),
    paths: r.paths.map((p, i) => ({
      label: `(${p.start.join(', ')}) ${runs[i].caption ?? `η = ${p.learningRate}`}`,
      points: p.points.map((q) => [q.point[0], q.point[1]] as [number, number]),
      color: ['#ff4b4b', '#4dff88', '#ffb000', '#00e5ff', '#ff80ff', '#c8ff60', '#ffd0a0', '#9aa0ff'][i % 8],
    })),
  });
}
