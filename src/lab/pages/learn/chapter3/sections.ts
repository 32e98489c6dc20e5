import type { Section } from '../chapter.js';
import { average } from './average.js';
import { backwards } from './backwards.js';
import { chain } from './chain.js';
import { handwriting } from './handwriting.js';
import { indices } from './indices.js';
import { miniBatch } from './mini-batch.js';
import { threeWays } from './three-ways.js';
import { summary } from './summary.js';
import { wishes } from './wishes.js';

/** Chapter 3's sections, in the text's order. */
export const SECTIONS: readonly Section<never>[] = [wishes, threeWays, backwards, average, miniBatch, chain, indices, handwriting, summary] as Section<never>[];
