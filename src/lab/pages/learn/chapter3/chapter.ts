import '../../../components/backprop-figures.css';
import type { Chapter, Section } from '../chapter.js';
import { average } from './average.js';
import { backwards } from './backwards.js';
import { chain } from './chain.js';
import { indices } from './indices.js';
import { miniBatch } from './mini-batch.js';
import { threeWays } from './three-ways.js';
import { wishes } from './wishes.js';

/** Chapter 3, backpropagation: its sections' figures, in the text's order. */
const chapter: Chapter = {
  id: 'backprop',
  sections: [wishes, threeWays, backwards, average, miniBatch, chain, indices] as Section<never>[],
};

export default chapter;
