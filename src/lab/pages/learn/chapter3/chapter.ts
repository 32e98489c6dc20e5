import '../../../components/backprop-figures.css';
import './handwriting.css';
import type { Chapter } from '../chapter.js';
import { SECTIONS } from './sections.js';

/** Chapter 3, backpropagation: its sections' figures (with their styles), in the text's order. */
const chapter: Chapter = { id: 'backprop', sections: SECTIONS };

export default chapter;
