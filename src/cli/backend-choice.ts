import { fastBackendFactory } from '../fast/node.js';
import type { BackendFactory } from '../train/trainer.js';
import type { TrainingSettings } from '../model/training-settings.js';

/**
 * What `--backend` accepts: `wasm`, the fast WebAssembly kernels (the default, `auto`), or
 * `reference`, the plain TypeScript implementation they are tested against.
 */
export type BackendChoice = 'auto' | 'wasm' | 'reference';
/** The names accepted by `--backend`. */
export const BACKEND_NAMES: readonly BackendChoice[] = ['auto', 'wasm', 'reference'];

/** The backend factory for a `--backend` choice (undefined = the trainer's reference default). */
export async function backendFactory(choice: BackendChoice, settings: TrainingSettings): Promise<BackendFactory | undefined> {
  if (choice === 'reference') return undefined;
  // The fast backend (with dropout when the settings ask for it; two threads for wide networks).
  return fastBackendFactory(settings);
}
