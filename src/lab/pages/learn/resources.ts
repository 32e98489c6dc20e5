import type { Network } from '../../../core/network.js';
import type { Dataset } from '../../../data/dataset.js';
import { loadSplit } from '../../shared/data-loader.js';
import { loadPretrained } from '../../shared/model-loader.js';
import { siteRoot } from '../../site/site-root.js';

/**
 * What the course's figures share, fetched once per visit and only when a figure first asks:
 * the pretrained network (beside the page's parent: the Lab's root) and the MNIST splits
 * through the shared data loader.
 */
let model: Promise<Network> | null = null;
const splits = new Map<'train' | 'test', Promise<Dataset>>();

/** The pretrained 784-16-16-10 network. */
export function pretrained(): Promise<Network> {
  model ??= loadPretrained(siteRoot()).then((m) => m.network);
  model.catch(() => (model = null));
  return model;
}

/** One split of MNIST (10,000 test or 60,000 training images). */
export function mnistSplit(split: 'train' | 'test'): Promise<Dataset> {
  let data = splits.get(split);
  if (data === undefined) {
    data = loadSplit(siteRoot(), 'mnist', split);
    splits.set(split, data);
    data.catch(() => splits.delete(split));
  }
  return data;
}
