import type { Chapter, Section } from '../chapter.js';
import { outputs } from './outputs.js';
import { pixels } from './pixels.js';

/** Chapter 1, the network: its sections' figures, in the text's order. */
const chapter: Chapter = {
  id: 'network',
  sections: [pixels, outputs] as Section<never>[],
};

export default chapter;
