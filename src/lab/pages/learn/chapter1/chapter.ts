import type { Chapter, Section } from '../chapter.js';
import { detector } from './detector.js';
import { fn } from './function.js';
import { hope } from './hope.js';
import { layers } from './layers.js';
import { matrix } from './matrix.js';
import { outputs } from './outputs.js';
import { parameters } from './parameters.js';
import { pixels } from './pixels.js';
import { relu } from './relu.js';
import { sigmoidBias } from './sigmoid-bias.js';
import { weightedSum } from './weighted-sum.js';

/** Chapter 1, the network: its sections' figures, in the text's order. */
const chapter: Chapter = {
  id: 'network',
  sections: [pixels, outputs, layers, hope, weightedSum, detector, sigmoidBias, parameters, matrix, fn, relu] as Section<never>[],
};

export default chapter;
