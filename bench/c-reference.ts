import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { onPath, ROOT, runChild } from './children.js';

/** What the hand-written C reference (`../shared/bench/c-reference.sh`) reports. */
export interface CReferenceResult {
  readonly secondsPerEpoch: number;
  readonly testAccuracy: number;
  readonly peakRssMB: number;
}

/**
 * Where the C reference lives: `../shared/bench/` beside the repository root (as in CI), or one
 * level further up (a git worktree in a subfolder of the workplace).
 */
export const C_REFERENCE_SCRIPT = [join(ROOT, '..', 'shared', 'bench', 'c-reference.sh'), join(ROOT, '..', '..', 'shared', 'bench', 'c-reference.sh')].find((p) => existsSync(p)) ?? join(ROOT, '..', 'shared', 'bench', 'c-reference.sh');

/**
 * Builds and runs the dense, single-threaded C reference (gcc -O3 -march=native) of the
 * seed's task for `epochs` epochs, or returns why it cannot (no script, no gcc). Note its
 * learning rate is 3.0 (Nielsen's), so its accuracy is not comparable to digitlab's default;
 * its seconds per epoch are.
 */
export async function runCReference(epochs: number): Promise<CReferenceResult | { skipped: string }> {
  if (!existsSync(C_REFERENCE_SCRIPT)) return { skipped: `${C_REFERENCE_SCRIPT} not found` };
  if (!onPath('gcc')) return { skipped: 'gcc not found' };
  const out = await runChild('bash', [C_REFERENCE_SCRIPT, '--epochs', String(epochs)]);
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.code !== 0 || !line.startsWith('{')) return { skipped: `c-reference.sh failed (exit ${out.code}): ${out.stderr.trim().slice(-300)}` };
  const parsed = JSON.parse(line) as { median_epoch_s: number; acc: number[]; ru_maxrss_mb: number };
  return { secondsPerEpoch: parsed.median_epoch_s, testAccuracy: parsed.acc[parsed.acc.length - 1], peakRssMB: parsed.ru_maxrss_mb };
}
