import { FIGURE_EN, FIGURE_RU } from '../../components/figure-messages.js';
import type { Language, MessageTables, MessageValues } from '../../shared/i18n.js';
import { DIGITS_RU } from './messages-ru.js';

/**
 * Every visible string of the "Your handwriting" page, English here and Russian in
 * messages-ru.ts (the same keys; the type checks it). Counted words have the plural forms
 * of `Intl.PluralRules` as `<key>_one / _few / _many / _other` (English uses one and other).
 */
export const DIGITS_EN = {
  drawPadLabel: FIGURE_EN.drawPadLabel,
  drawPadKeys: FIGURE_EN.drawPadKeys,
  clear: FIGURE_EN.clear,
  undo: FIGURE_EN.undo,
  title: 'digitlab — your handwriting',
  heading: 'Your handwriting',
  tagline: 'Draw your own digits, see how well the network reads them, and teach it your hand.',
  language: 'Language',
  backToLab: '← Back to the Lab',
  privacy: 'Your digits stay in this browser (IndexedDB): nothing is sent anywhere, and they are still here when you come back. Export them to keep a copy or to use them with the command line.',
  storageFailed: 'This browser does not let the page keep your digits ({message}): they will be gone when you leave. Export them before you go.',
  collectHeading: 'Draw your digits',
  collectHint: 'Draw a digit, then press the digit it is: it joins your set and the pad is cleared for the next one.',
  whichDigit: 'Which digit is it?',
  addAs: 'Add this drawing to your set as a {digit}',
  drawFirst: 'Draw a digit first, then press the digit it is.',
  added: 'Added your {digit}.',
  liveGuess: 'The network reads it as {digit}, {confidence} sure.',
  liveEmpty: 'The network’s reading appears here as you draw.',
  setHeading: 'Your set',
  setEmpty: 'No digits yet. Draw a few of each; ten of every digit is a good start.',
  digits_one: '{n} digit',
  digits_few: '{n} digits',
  digits_many: '{n} digits',
  digits_other: '{n} digits',
  classRow: 'Your {digit}s: {count}',
  deleteDigit: 'Delete this {digit} (number {id})',
  deleteAll: 'Delete all',
  confirmDeleteAll: 'Delete all {count} and the network fine-tuned on them from this browser? Export them first if you want to keep a copy.',
  deletedAll: 'Your set is empty.',
  transferHeading: 'Export and import',
  exportZip: 'Export as PNGs (zip)',
  exportIdx: 'Export as IDX files (zip)',
  importFiles: 'Import…',
  importHint: 'A zip of class folders 0/ … 9/ holding PNG images of any size (as the export makes), or MNIST’s IDX format: a zip of an images and a labels file, or the two files chosen together. The digits are added to your set.',
  cliHint: 'The command line reads the exported folder: digitlab eval --images my-digits',
  importing: 'Reading {file}…',
  imported_one: 'Added {n} digit from {file}.',
  imported_few: 'Added {n} digits from {file}.',
  imported_many: 'Added {n} digits from {file}.',
  imported_other: 'Added {n} digits from {file}.',
  importedBlank: 'Some of them ({n}) look blank.',
  nothingImported: 'Nothing was imported; your set is as it was.',
  problemNothing: 'No file was chosen.',
  problemOneFile: '{n} files were chosen: choose one zip, or an IDX images file together with its labels file.',
  problemTooBig: '{file} is larger than {megabytes} MB.',
  problemNotZip: '{file} is not a zip file (nor an IDX images file with its labels file).',
  problemEmpty: '{file} holds no files.',
  problemLoosePngsOnly: 'The zip holds {n} PNG images but no class folders: put each image in the folder of its digit, 0/ … 9/.',
  problemNoImages: 'The zip holds no class folders 0/ … 9/ and no PNG images.',
  problemNotDigitFolder: 'These folders are not named for a digit: {names}. Class folders are named 0 to 9, for the digit their images show.',
  problemLoosePngs: 'These images lie outside the class folders, so their digit is unknown: {names}.',
  problemEmptyClass: 'The class folder {folder}/ holds no PNG images.',
  problemTooMany: 'More than {max} images: too many for one set.',
  problemNotPng: '{path} is not a PNG image.',
  problemBrokenPng: '{path} is a damaged PNG image: it cannot be read.',
  problemIdxImages: 'An IDX labels file needs its images file (…-images-idx3-ubyte): choose both together.',
  problemIdxLabels: 'An IDX images file needs its labels file (…-labels-idx1-ubyte): choose both together.',
  problemIdxBroken: '{path} is not a readable IDX file of images or labels.',
  problemIdxShape: '{path} holds images of {rows}×{cols} pixels; digits here are 28×28.',
  problemIdxCounts: 'The images file holds {images} images but the labels file {labels} labels.',
  problemIdxLabelRange: '{path} holds a label that is not a digit from 0 to 9.',
  problemSetFull: 'Your set would then hold {total} digits, more than the {max} a set may hold here.',
  problemLayout: '{message}',
  readingHeading: 'How well it reads you',
  networkChoice: 'Network',
  pretrained: 'Pretrained (MNIST only)',
  fineTuned: 'Fine-tuned on your digits',
  modelLoading: 'Loading the pretrained network…',
  modelFailed: 'Could not load the pretrained network: {message}',
  readingEmpty: 'Add digits to your set to see how well the network reads you.',
  readingSummary: 'It reads {right} of your {count} right: {accuracy}.',
  readingHeldOut: 'Of the {n} it never trained on: {accuracy}.',
  readingTrained: 'The others it was trained on, so they flatter it.',
  perDigitCaption: 'Accuracy on your digits, per digit',
  digitColumn: 'Digit',
  yoursColumn: 'Yours',
  rightColumn: 'Read right',
  accuracyColumn: 'Accuracy',
  mistakesHeading: 'Its mistakes',
  noMistakes: 'No mistakes: it reads every one of your digits right.',
  mistake: 'Your {label}, read as {prediction}',
  mistakeConfidence: '{confidence} sure',
  heldOutMark: 'never trained on',
  teachHeading: 'Teach it your handwriting',
  teachText: 'Fine-tuning goes on training the pretrained network for {epochs} passes over {mnist} MNIST training images mixed with your digits, each of yours {copies} times, all but once distorted a little. About {holdout} of your digits of each kind are held out and never trained on: they show whether it learned your hand. MNIST’s test set shows what it forgot. Each run starts again from the pretrained network, so the same digits and seed give the same network.',
  seed: 'Seed',
  teach: 'Fine-tune',
  stop: 'Stop',
  teachNeedsDigits: 'Add digits to your set first (two or more of a digit, so that some can be held out).',
  teachLoading: 'Loading MNIST’s 70,000 images (55 MB, once)… {percent}',
  teachTraining: 'Fine-tuning: pass {epoch} of {epochs}, mini-batch {batch} of {batches}',
  teachDone: 'Fine-tuned in {seconds} s ({backend}).',
  teachStopped: 'Stopped before the end: the network in use is unchanged.',
  teachFailed: 'Fine-tuning failed: {message}',
  resultCaption: 'Before and after fine-tuning',
  measuredOn: 'Measured on',
  before: 'Before',
  after: 'After',
  heldOutRow: 'Your held-out digits ({n}, never trained on)',
  noHeldOut: 'No digit was held out: a digit needs two or more drawings for one to be held out.',
  mnistRow: 'MNIST’s test set ({n} images)',
  fineTunedOn: 'The last run fine-tuned the pretrained network on {trained} of your digits (seed {seed}).',
  downloadModel: 'Download the fine-tuned network (model.json)',
  courseLink: 'The course',
} as const;

/** A key of the page's messages. */
export type DigitsKey = keyof typeof DIGITS_EN;

/** The page's tables (the Russian one in messages-ru.ts). */
export const DIGITS_MESSAGES: MessageTables<DigitsKey> = { en: DIGITS_EN, ru: { ...DIGITS_RU, drawPadLabel: FIGURE_RU.drawPadLabel, drawPadKeys: FIGURE_RU.drawPadKeys, clear: FIGURE_RU.clear, undo: FIGURE_RU.undo } };

/** The keys of a counted word (`digits` → digits_one, digits_few, digits_many, digits_other). */
type Counted<K> = K extends `${infer S}_one` ? S : never;

/** Message `key` in the plural form `n` takes in `language`, with `{n}` filled (and any `values`). */
export function counted(t: (key: DigitsKey, values?: MessageValues) => string, language: Language, key: Counted<DigitsKey>, n: number, shown: string, values: MessageValues = {}): string {
  const rule = new Intl.PluralRules(language === 'ru' ? 'ru-RU' : 'en-US').select(n);
  const form = (['one', 'few', 'many'].includes(rule) ? rule : 'other') as 'one' | 'few' | 'many' | 'other';
  return t(`${key}_${form}` as DigitsKey, { ...values, n: shown });
}
