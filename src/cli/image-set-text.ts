import { DIGIT_CLASS_NAMES } from '../data/dataset.js';
import type { ImageFolderSet } from '../data/image-folder-node.js';
import { DigitlabError } from '../errors.js';
import type { Model } from '../model/model-file.js';

/** How many file names a warning lists before it says "and N more". */
const LISTED = 5;

/**
 * The warnings an image folder deserves, one line each (without the "warning: " prefix):
 * pictures with no ink (their input is meaningless) and files passed over (not PNG).
 */
export function imageSetWarnings(set: Pick<ImageFolderSet, 'blank' | 'skipped' | 'source'>): string[] {
  const lines: string[] = [];
  if (set.blank.length > 0) lines.push(`${set.source}: ${names(set.blank)} ${set.blank.length === 1 ? 'has' : 'have'} no ink (blank pages); ${set.blank.length === 1 ? 'it is' : 'they are'} read all the same`);
  if (set.skipped.length > 0) lines.push(`${set.source}: passed over ${names(set.skipped)} (only PNG files are read)`);
  return lines;
}

function names(list: readonly string[]): string {
  const shown = list.slice(0, LISTED).join(', ');
  return list.length > LISTED ? `${shown} and ${list.length - LISTED} more` : shown;
}

/**
 * Refuses a model that does not read digits the way an image folder labels them: 28×28 = 784
 * inputs and the ten classes "0" … "9" (a Fashion-MNIST model, say, would be scored against
 * the wrong names). `file` names the model in the message.
 */
export function checkDigitModel(model: Pick<Model, 'network' | 'classNames'>, file: string): void {
  const net = model.network;
  const classes = model.classNames;
  if (net.sizes[0] !== 784 || classes.length !== 10 || classes.some((name, i) => name !== DIGIT_CLASS_NAMES[i])) {
    throw new DigitlabError(
      `${file}: the model takes ${net.sizes[0]} inputs and answers ${classes.length <= 10 ? classes.join(', ') : `${classes.length} classes`}; ` +
        'an image folder holds 28×28 digits 0 to 9',
    );
  }
}
