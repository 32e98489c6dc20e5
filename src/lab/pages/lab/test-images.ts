import type { Dataset } from '../../../data/dataset.js';
import { TestPicker } from '../../components/test-picker.js';
import { imageAt } from '../../shared/data-loader.js';
import { type DataSetName, dataSetSource, shownClassNames } from '../../shared/data-sets.js';
import type { Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import type { LabPageState } from './lab-store.js';
import type { MessageKey } from './messages.js';

/**
 * The test-image picker of the Lab: loads the chosen data set's 10,000 test images through
 * `fetchTestSet` (the training Worker's; again when the data set changes; a set chosen later
 * wins over one still arriving), shows them in the picker, and makes a picked image the input.
 * Returns the first load.
 */
export function mountTestImages(store: Store<LabPageState>, tr: () => Translator<MessageKey>, fetchTestSet: (dataSet: DataSetName) => Promise<Dataset>): () => Promise<void> {
  const className = (label: number): string => shownClassNames(dataSetSource(store.state.dataSet), tr().language)[label] ?? String(label);
  const text = () => ({
    imageLabel: (index: number, label: number) => tr().t('pickImage', { index, label: className(label) }),
    trueLabel: (label: number) => tr().t('trueLabel', { label: className(label) }),
  });
  const picker = new TestPicker(document.getElementById('picker') as HTMLElement, text(), (index) => {
    const testSet = store.state.testSet;
    if (testSet) store.set({ testImage: index, input: imageAt(testSet, index), inputFinal: true });
  });
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    const dataSet = store.state.dataSet;
    try {
      const testSet = await fetchTestSet(dataSet);
      if (mine !== generation) return;
      picker.setData(testSet);
      const i = store.state.testImage;
      const picked = i >= 0 && i < testSet.count;
      if (picked) picker.select(i);
      store.set({ testSet, ...(picked ? { input: imageAt(testSet, i), inputFinal: true } : {}) });
    } catch (error) {
      if (mine === generation) store.set({ dataStatus: { kind: 'failed', message: String(error) } });
    }
  }

  store.watch(['testImage'], (s) => {
    if (s.testImage === -1) picker.select(-1);
  });
  store.watch(['language', 'dataSet'], () => picker.setText(text()));
  store.watch(['dataSet'], () => void load());
  return load;
}
