import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lighthouse (npm `lighthouse`, run through npx at a pinned version) on pages of a running
 * site, with the mobile preset and the desktop one, against the Chromium the tests drive.
 * Prints the four category scores, the layout shift, the largest paint and the elements
 * that shifted, per page and preset. Usage:
 *
 *   node --import tsx scripts/lighthouse.ts http://127.0.0.1:8000/a/ http://127.0.0.1:8000/a/learn/
 *
 * Serve `site/` with a plain static server first (`node --import tsx scripts/plain-host.ts`).
 * `--runs N` runs each page and preset N times and prints each run and the median of each
 * score (performance moves with the machine's load). Reports (JSON) go to .tmp/lighthouse/.
 */
const LIGHTHOUSE = 'lighthouse@12.8.2';
const CHROME = process.env.DIGITLAB_CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(import.meta.dirname ?? '.', '..', '.tmp', 'lighthouse');

interface Audit {
  readonly numericValue?: number;
  readonly score: number | null;
  readonly details?: { readonly items?: readonly { readonly node?: { readonly snippet?: string; readonly selector?: string }; readonly score?: number }[] };
}
interface Report {
  readonly categories: Readonly<Record<string, { readonly score: number | null; readonly auditRefs: readonly { readonly id: string; readonly weight: number }[] }>>;
  readonly audits: Readonly<Record<string, Audit>>;
}

/** One Lighthouse run of `url` with `preset`, its JSON report written to `file`; returns the report. */
function run(url: string, preset: 'mobile' | 'desktop', file: string): Report {
  const args = [
    '--yes',
    LIGHTHOUSE,
    url,
    `--chrome-path=${CHROME}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--output=json',
    `--output-path=${file}`,
    '--quiet',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
const urls = args;
if (urls.length === 0) {
  console.error('usage: scripts/lighthouse.ts URL…');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const pct = (score: number | null | undefined): string => (score === null || score === undefined ? '–' : String(Math.round(score * 100)));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const url of urls) {
  for (const preset of ['mobile', 'desktop'] as const) {
    const scores: Record<string, number[]> = {};
    for (let i = 0; i < runs; i++) {
      const name = `${new URL(url).pathname.replace(/[^a-z0-9]+/gi, '_')}-${preset}${runs > 1 ? `-${i + 1}` : ''}.json`;
      const report = run(url, preset, join(OUT, name));
      const c = report.categories;
      const cls = report.audits['cumulative-layout-shift']?.numericValue ?? NaN;
      const lcp = (report.audits['largest-contentful-paint']?.numericValue ?? NaN) / 1000;
      console.log(
        `${url} ${preset}: performance ${pct(c.performance?.score)}, accessibility ${pct(c.accessibility?.score)}, best practices ${pct(c['best-practices']?.score)}, SEO ${pct(c.seo?.score)}; layout shift ${cls.toFixed(3)}, largest paint ${lcp.toFixed(1)} s`,
      );
      for (const key of ['accessibility', 'best-practices', 'seo']) {
        for (const ref of c[key]?.auditRefs ?? []) {
          const score = report.audits[ref.id]?.score;
          if (ref.weight > 0 && score !== null && score !== undefined && score < 1) console.log(`  ${key} loses on: ${ref.id}`);
        }
    }
    for (const item of report.audits['layout-shifts']?.details?.items ?? []) console.log(`  shift ${(item.score ?? 0).toFixed(3)}: ${item.node?.selector ?? ''} ${item.node?.snippet?.slice(0, 100) ?? ''}`);
    for (const [key, value] of Object.entries({ ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, (v.score ?? 0) * 100])), cls, lcp, tbt: report.audits['total-blocking-time']?.numericValue ?? NaN })) (scores[key] ??= []).push(value);
    }
    if (runs > 1) {
      const m = (key: string): number => median(scores[key] ?? [NaN]);
      console.log(`MEDIAN of ${runs} ${url} ${preset}: performance ${Math.round(m('performance'))} (${(scores.performance ?? []).map(Math.round).join(', ')}), accessibility ${Math.round(m('accessibility'))}, best practices ${Math.round(m('best-practices'))}, SEO ${Math.round(m('seo'))}; layout shift ${m('cls').toFixed(3)}, largest paint ${m('lcp').toFixed(1)} s, blocking time ${Math.round(m('tbt'))} ms`);
    }
  }
}
