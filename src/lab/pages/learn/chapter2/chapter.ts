import type { Chapter, Section } from '../chapter.js';
import './chapter2.css';
import { cost } from './cost.js';
import { data } from './data.js';
import { descentCurve } from './descent-curve.js';
import { descentSurface } from './descent-surface.js';
import { firstLayer } from './first-layer.js';
import { noise } from './noise.js';
import { nudges } from './nudges.js';
import { random } from './random.js';
import { shuffled } from './shuffled.js';
import { smooth } from './smooth.js';
import { train } from './train.js';

/** Chapter 2, learning: its sections' figures, in the text's order. */
const chapter: Chapter = {
  id: 'learning',
  sections: [data, random, cost, descentCurve, descentSurface, nudges, smooth, train, firstLayer, noise, shuffled] as Section<never>[],
};

export default chapter;
