// Type-checked (strict, skipLibCheck off) against the package's shipped .d.ts files. Every
// expect-error directive below must meet a real error: were the declarations missing or
// `any`, tsc would report the directive as unused and the check would fail.
import {
  Network, Rng, SEED_ARCHITECTURE, Trainer, createFastBackend, fetchKernels, kernelsUrl, parseModelText, resolveSettings,
  serializeModel, DigitlabError, type DatasetPair, type EpochEvent, type Model, type TrainingEvent, type TrainingSettings,
} from 'digitlab';
import { fastBackendFactory, loadMnist, loadModel, readPngAsMnist, saveModel } from 'digitlab/node';
import type { InferenceDetail, NetworkElement } from 'digitlab/embed';

const settings: TrainingSettings = resolveSettings({ epochs: 2, optimizer: 'adam', learningRate: 0.001 });
// @ts-expect-error epochs is a number
resolveSettings({ epochs: 'two' });
// @ts-expect-error there is no such optimizer
resolveSettings({ optimizer: 'lbfgs' });

export async function run(): Promise<number> {
  const data: DatasetPair = await loadMnist();
  const epochs: EpochEvent[] = [];
  const trainer = new Trainer(settings, data, {
    backend: await fastBackendFactory(),
    listener: (event: TrainingEvent) => {
      if (event.type === 'epoch') epochs.push(event);
      // @ts-expect-error a batch event has no test accuracy
      else console.log(event.testAccuracy);
    },
  });
  trainer.runEpoch();
  const network: Network = trainer.network();
  const model: Model = { network, cost: settings.cost, settings, metrics: { epochs: 1 }, classNames: data.train.classNames };
  await saveModel('typed-model.json', model);
  const again: Model = parseModelText(serializeModel(await loadModel('typed-model.json')), 'typed-model.json');
  const pixels: Uint8Array = await readPngAsMnist('digit.png');
  const browserBackend = createFastBackend(await fetchKernels(kernelsUrl()));
  const fresh = Network.random(SEED_ARCHITECTURE, 'xavier', new Rng(1));
  if (!(again.network.sizes.length === fresh.sizes.length)) throw new DigitlabError('shape changed');
  void browserBackend;
  return (epochs[0]?.testAccuracy ?? 0) + pixels.length;
}

// The embeddable figures' types (digitlab/embed) type-check too.
export function answerOf(detail: InferenceDetail, element: NetworkElement): string {
  return `${element.id}: ${detail.classNames[detail.answer] ?? '?'}`;
}
