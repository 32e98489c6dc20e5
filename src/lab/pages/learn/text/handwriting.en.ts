import type { SectionText } from './course-text.js';

/** The section that closes chapter 3 (and the course) in English: the network meets the learner's own handwriting. */
export const HANDWRITING_EN: Readonly<Record<string, SectionText>> = {
  handwriting: {
    title: 'The network meets your handwriting',
    paragraphs: [
      'Every accuracy so far was measured on MNIST’s {test} test images. The network never trained on them, but they come from the same collection as its training images: the same kind of writers, each digit scanned, scaled and centred the same way. Your own handwriting is new in a way those images are not.',
      'So measure it. Draw your own digits, say which is which, and count how many the network reads right — digit by digit, with each mistake and how sure it was. Your digits stay in your browser.',
      'Then teach it your hand. Fine-tuning is the training of this chapter — mini-batches, backpropagation, a step down the gradient — started from the trained network, on MNIST mixed with a few of your digits. Some of yours are held out and never trained on: they show what it learned. MNIST’s test set shows what it forgot.',
    ],
    try: 'Open your digits, draw a few of each, then come back: this figure reads them with the network of this course.',
    figure: {
      heading: 'How often the pretrained network reads right',
      mnist: 'MNIST’s {count} test images',
      yours: 'Your {count} digits',
      none: 'You have no digits of your own here yet.',
      noStorage: 'This browser keeps no digits for this site.',
      fineTuned: 'Fine-tuned on your digits (seed {seed}): the {count} it never trained on {before} → {after}; MNIST’s test images {mnistBefore} → {mnistAfter}.',
      open: 'Open your digits →',
      loading: 'Reading your digits…',
    },
  },
};
