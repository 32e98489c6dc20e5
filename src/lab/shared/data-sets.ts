import { DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES, IDX_FILE_NAMES } from '../../data/dataset.js';
import type { Language } from './i18n.js';

/** The data sets the Lab trains on. */
export type DataSetName = 'mnist' | 'fashion';
/** All data sets, for the form and the URL state. */
export const DATA_SETS: readonly DataSetName[] = ['mnist', 'fashion'];

/** Where a data set's four IDX files are served and what its classes are called. */
export interface DataSetSource {
  /** Shown in messages ("Loading Fashion-MNIST…"). */
  readonly title: string;
  /** Folder of the gzipped files (`<name>.gz`), relative to the site's root, ending in "/". */
  readonly path: string;
  /** Class names, index = label: the data set's own (a trained model keeps these). */
  readonly classNames: readonly string[];
  /** The same names as a Russian page shows them. */
  readonly classNamesRu: readonly string[];
  /** The pretrained model was trained on this data set. */
  readonly pretrained: boolean;
}

const SOURCES: Readonly<Record<DataSetName, DataSetSource>> = {
  mnist: { title: 'MNIST', path: 'data/', classNames: DIGIT_CLASS_NAMES, classNamesRu: DIGIT_CLASS_NAMES, pretrained: true },
  fashion: {
    title: 'Fashion-MNIST',
    path: 'data/fashion/',
    classNames: FASHION_CLASS_NAMES,
    classNamesRu: ['Футболка/топ', 'Брюки', 'Пуловер', 'Платье', 'Пальто', 'Сандалии', 'Рубашка', 'Кроссовки', 'Сумка', 'Ботинки'],
    pretrained: false,
  },
};

/** How the Lab fetches and names the data set `name`. */
export function dataSetSource(name: DataSetName): DataSetSource {
  return SOURCES[name];
}

/** The class names a page in `language` shows for `source`'s labels. */
export function shownClassNames(source: DataSetSource, language: Language): readonly string[] {
  return language === 'ru' ? source.classNamesRu : source.classNames;
}

/**
 * The URL of one of a data set's four IDX files, gzipped (`file`: an IDX_FILE_NAMES value),
 * under `root`, the site's root URL (`siteRoot()` on a page; a Worker gets it from its page).
 */
export function dataFileUrl(root: string, source: DataSetSource, file: (typeof IDX_FILE_NAMES)[keyof typeof IDX_FILE_NAMES]): string {
  return new URL(`${source.path}${file}.gz`, root).href;
}
