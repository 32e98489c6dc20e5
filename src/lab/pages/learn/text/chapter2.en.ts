import type { ChapterText } from './course-text.js';

/** Chapter 2, learning: the cost function and gradient descent, on the real data. */
export const CHAPTER_2_EN: ChapterText = {
  title: 'Learning',
  intro:
    'The network of chapter 1 reads digits because its 13,002 numbers were set just right. Nobody set them. This chapter shows how a network finds them itself, from examples: by making one number — the cost — as small as it can.',
  sections: {
    data: {
      title: 'Examples with answers',
      paragraphs: [
        'A network learns from examples whose answers are known: pictures of handwritten digits, each with a label saying which digit it is. The MNIST collection has {train} of them for training, and {test} more kept aside.',
        'The network never trains on those {test}. We test it on them, to see whether it can read digits it has never seen: the share it gets right is its accuracy.',
      ],
      try: 'Browse both sets. Some of the handwriting is hard even for a person.',
    },
    random: {
      title: 'A random start',
      paragraphs: [
        'Before training, every weight and every bias is a random number. They are drawn from a seed, so the same seed always gives the same network — but a network that has learned nothing.',
      ],
      question: {
        prompt: 'What will an untrained network answer for your drawing?',
        choices: ['The right digit', 'Some digit, at random', 'Nothing: all ten outputs stay dark'],
        reveal:
          'This untrained network (seed {seed}) answers {answer}, {confidence} sure. On the 10,000 test images it is right {accuracy} of the time — about one in ten, as guessing would be. Try another seed: another random answer.',
      },
      try: 'Change the seed to get another random network.',
    },
    cost: {
      title: 'The cost of one answer',
      paragraphs: [
        'To get better, the network must be told how wrong it is. Say which digit you drew. For this one example, the wanted outputs are 1 for your digit and 0 for the nine others, and the cost is the sum of the squared differences between what the network gave and what was wanted: $C_0 = \\sum_j (a_j - y_j)^2$.',
        'It is small when the network is right and sure of it, large when it is wrong — or right but hesitant.',
        'The cost of the whole network is the average of this over all {train} training examples: one number that says how badly the network does. Learning means making that number small.',
      ],
      try: 'Pick the label of your drawing and compare the untrained network with the trained one.',
    },
    'descent-curve': {
      title: 'Rolling downhill',
      paragraphs: [
        'How do you find the lowest point of a function you cannot see all at once? Start anywhere, feel the slope, take a step downhill, and repeat. Make each step proportional to the slope: steps get shorter as the ground flattens, and you do not overshoot the bottom.',
        'Where you end depends on where you start. A function can have several valleys, and the ball rolls into the nearest one, which need not be the deepest.',
      ],
      try: 'Drop the ball anywhere on the curve.',
      question: {
        prompt: 'Where you are about to drop it, which valley will the ball end in?',
        choices: ['The valley on the left', 'The valley on the right'],
        reveal: 'It stopped at $w = {end}$ after {steps} steps, in the {side} valley: the one downhill of where it started{deepest}.',
      },
    },
    'descent-surface': {
      title: 'Downhill in 2 and in 13,002 dimensions',
      paragraphs: [
        'With two inputs, the function is a surface. The direction of steepest descent is the negative gradient, $-\\nabla C$: compute it, take a step along it, repeat.',
        'With 13,002 inputs nobody can draw the landscape, but the rule does not change. Stack all weights and biases into one long column $w$, compute the gradient of the cost there, and step: $w \\leftarrow w - \\eta \\nabla C(w)$. That is gradient descent; $\\eta$, the learning rate, is the step size.',
      ],
      try: 'Change the step size: too small crawls, too large overshoots and can fly away.',
      question: {
        prompt: 'Halve the step size. Will the ball reach the bottom in fewer steps or in more?',
        choices: ['Fewer', 'More', 'The same number'],
        reveal: 'With step size {eta} it needed {steps} steps; with {halfEta}, {halfSteps}. Smaller steps are safer, but there are more of them.',
      },
    },
    nudges: {
      title: '13,002 nudges',
      paragraphs: [
        'For the network, $-\\nabla C$ is a list of 13,002 numbers, one for each weight and bias. Each tells which way to nudge its parameter — its sign — and how much that parameter matters right now — its size.',
        'Here are the nudges your drawing asks for, for the weights into the first hidden layer, drawn like the weights themselves. The algorithm that computes all of them at once is backpropagation, the subject of chapter 3.',
      ],
      try: 'Change the label you claim and watch the nudges change.',
      question: {
        prompt: 'The weight from one of your most inked pixels to this neuron: should it go up or down?',
        choices: ['Up', 'Down', 'Stay as it is'],
        reveal: 'Its nudge is {nudge}: {direction}. {why}',
      },
    },
    smooth: {
      title: 'Why the cost must be smooth',
      paragraphs: [
        'Gradient descent needs a slope to follow. If neurons were simply on or off, a small change of a weight would change nothing at all, until suddenly it flipped an answer: the cost would be a staircase of flat steps, with no slope anywhere.',
        'That is why activations are continuous numbers between 0 and 1 rather than 0 or 1, and why the sigmoid is a smooth curve rather than a switch.',
      ],
      try: 'Move one weight and compare the cost of a network of on/off neurons with that of the real, smooth one.',
    },
    train: {
      title: 'Watch it learn',
      paragraphs: [
        'Now train a fresh network on all {train} training images. It goes through them in mini-batches of 100 and takes one step of gradient descent for each. One pass over all of them is an epoch.',
        'Watch the cost fall and the test accuracy rise, and your own drawing’s answer settle. At watch speed every step is drawn; at full speed the network trains as fast as this computer allows.',
      ],
      try: 'Start, pause, take single steps. Switch to full speed and back.',
    },
    'first-layer': {
      title: 'What the first layer learned',
      paragraphs: [
        'In chapter 1 we hoped the first hidden layer would learn to spot small edges. Now we can look. Each square shows one neuron’s 784 weights as a picture, after training.',
      ],
      question: {
        prompt: 'After training, what will the first-layer neurons’ weights look like?',
        choices: ['Clean edges and strokes', 'Blurry blobs that are hard to name', 'The same random noise as before training'],
        reveal:
          'Not edges. Training found whatever lowered the cost — {accuracy} of the test images right — and the patterns it found are loose and blurry, though no longer random. Honestly: the hope of chapter 1 does not come true here.',
      },
    },
    noise: {
      title: 'Noise in, a confident answer out',
      paragraphs: [
        'What does the network do with a picture that is not a digit at all? Nothing in its training ever told it that such pictures exist.',
      ],
      question: {
        prompt: 'Pure random static goes in. What comes out?',
        choices: ['No answer: all ten outputs stay low', 'All ten outputs about equal', 'One digit, confidently'],
        reveal:
          'For {count} noise images its top output averaged {meanConfidence}; on {confidentShare} of them it was more than 90 % sure; its favourite answer was {favourite}. A network like this knows nothing about how digits are written: it must answer something, and it does so with confidence.',
      },
      try: 'Feed more noise, or your own scribbles.',
    },
    shuffled: {
      title: 'Memorised, not learned',
      paragraphs: [
        'Shuffle the labels of the training images at random, so that picture and label no longer belong together, and train on that. What can the network possibly learn?',
      ],
      question: {
        prompt: 'After training on shuffled labels, how many training images will the network label “correctly” (as the shuffled labels say)?',
        choices: ['About 10 %, chance', 'About half', 'Nearly all of them'],
        reveal:
          'Training accuracy: {trainAccuracy}. Test accuracy: {testAccuracy}, no better than chance. A network with enough weights can memorise any labelling, but there is nothing to generalise. And look at the cost: on random labels it falls slowly, almost in a straight line; on real labels it drops fast.',
      },
    },
  },
};
