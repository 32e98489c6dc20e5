import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runChild } from './children.js';
import type { RecipeName } from './recipes.js';

/** A Python peer of the wide bench. */
export type PeerName = 'numpy' | 'torch';

/**
 * Which interpreter runs each peer: numpy from the `python3` on the PATH; PyTorch from Debian's
 * `/usr/bin/python3` with `python3-torch` (install `libopenblas0-pthread` too, or it calls the
 * slow reference BLAS).
 */
const PYTHON: Readonly<Record<PeerName, string>> = { numpy: 'python3', torch: '/usr/bin/python3' };
const MODULE: Readonly<Record<PeerName, string>> = { numpy: 'numpy', torch: 'torch' };
const SCRIPT = fileURLToPath(new URL('./peers/mlp.py', import.meta.url));

/**
 * The environment for a peer: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which this machine may
 * set for old OpenBLAS builds, slow a current one down, so they are left out for the peers.
 */
function peerEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** Whether the peer's interpreter and library are there: null if so, else why not. */
export async function peerMissing(peer: PeerName): Promise<string | null> {
  if (PYTHON[peer].startsWith('/') && !existsSync(PYTHON[peer])) return `${PYTHON[peer]} not found`;
  try {
    const out = await runChild(PYTHON[peer], ['-c', `import ${MODULE[peer]}`], undefined, peerEnvironment());
    return out.code === 0 ? null : `${PYTHON[peer]} cannot import ${MODULE[peer]}${peer === 'torch' ? ' (apt-get install python3-torch libopenblas0-pthread)' : ''}`;
  } catch {
    return `${PYTHON[peer]} not found`;
  }
}

/** One round of a peer: seconds per full epoch after `warmup` untimed mini-batches. */
export async function runPeer(peer: PeerName, sizes: readonly number[], recipe: RecipeName, warmup: number): Promise<number | { skipped: string }> {
  const out = await runChild(PYTHON[peer], [SCRIPT, '--framework', peer, '--sizes', sizes.join(','), '--recipe', recipe, '--warmup', String(warmup), '--epochs', '1'], undefined, peerEnvironment());
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.code !== 0 || !line.startsWith('{')) return { skipped: `${peer} failed (exit ${out.code}): ${out.stderr.trim().split('\n').slice(-2).join(' ')}` };
  return (JSON.parse(line) as { secondsPerEpoch: number }).secondsPerEpoch;
}
