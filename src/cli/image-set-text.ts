import type { ImageFolderSet } from '../data/image-folder-node.js';

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
