import type { BackendFactory } from '../train/trainer.js';
import type { TrainingSettings } from '../train/settings.js';

/** What `--backend` accepts: the fast kernels when available ("auto"), or the TypeScript reference. */
export type BackendChoice = 'auto' | 'reference';
/** The names accepted by `--backend`. */
export const BACKEND_NAMES: readonly BackendChoice[] = ['auto', 'reference'];

/** The backend factory for a `--backend` choice (undefined = the trainer's reference default). */
export async function backendFactory(choice: BackendChoice, _settings: TrainingSettings): Promise<BackendFactory | undefined> {
  if (choice === 'reference') return undefined;
  return undefined;
}
