import type { ChapterText } from './course-text.js';

/** Chapter 3, backpropagation: how the gradient is computed, from intuition to the chain rule. */
export const CHAPTER_3_EN: ChapterText = {
  title: 'Backpropagation',
  intro:
    'Gradient descent needs the gradient: 13,002 numbers saying how the cost changes with each weight and bias. Backpropagation computes them all in one backward sweep through the network. First the intuition, on your own drawing; then the calculus, with every number in view.',
  sections: {
    wishes: {
      title: 'What one image wants',
      paragraphs: [
        'Take one training example: your drawing, with the label you gave it. Early in training the ten outputs are far from what they should be. The right digit’s output should go up; every other one should go down.',
        'And not all equally: each should change in proportion to how far it is from its target. For our cost that wished change is $2(y_j - a_j)$. These are the image’s wishes for the ten outputs.',
      ],
      try: 'Try an untrained network and a trained one: whose wishes are bigger?',
      question: {
        prompt: 'Which of the ten outputs wishes for the biggest change?',
        choices: ['The right digit’s output', 'The brightest wrong output', 'All wish the same'],
        reveal: 'The biggest wish is output {digit}’s: {wish} (its activation is {activation}, its target {target}). {why}',
      },
    },
    'three-ways': {
      title: 'Three ways to raise an output',
      paragraphs: [
        'Focus on the output that should go up. Its activation is $\\sigma(w_1 a_1 + \\dots + w_{16} a_{16} + b)$, so there are three ways to raise it.',
        'Raise its bias $b$. Raise its weights $w_k$ — and those from bright neurons count most, because each weight is multiplied by its neuron’s activation: neurons that fire together wire together. Or change the previous layer’s activations $a_k$: up where the weight is positive, down where it is negative.',
        'The activations cannot be set directly — they come from the weights and biases further back. That is where the next section goes.',
      ],
      try: 'Pull each lever by the same small amount and compare how far the output moves.',
    },
    backwards: {
      title: 'Wishes flow backwards',
      paragraphs: [
        'Each of the ten outputs has its own wishes for the 16 neurons of the last hidden layer — some want a neuron brighter, some dimmer. Add up the wishes of all ten, each through its weight, and you know how that hidden layer as a whole should change.',
        'Now that layer is in the place the outputs were: its wishes flow on to the layer before it, and from there to the pixels. One layer at a time, backwards through the network: that is backpropagation.',
      ],
      try: 'Step back one layer at a time, from the outputs to the pixels.',
    },
    average: {
      title: 'Average over all examples: −∇C',
      paragraphs: [
        'One image’s wishes pull the network toward that image alone: a 2 wants the 2-output up, a 7 wants it down. Do the same for every training image and average the nudges each one wants for each weight and bias.',
        'That average is exactly $-\\nabla C$, the negative gradient of the cost: the direction of steepest descent from chapter 2, now computed.',
      ],
      try: 'Average over more and more images and compare with the gradient computed directly.',
    },
    'mini-batch': {
      title: 'Mini-batches: a drunk, fast walk',
      paragraphs: [
        'Averaging over all 60,000 images for every single step is slow. Instead: shuffle the training images, cut them into mini-batches of 100, and take a step after each mini-batch.',
        'A mini-batch’s gradient is not the true gradient, but it is a fair estimate, and 600 times cheaper. The path wobbles like a drunkard’s instead of walking carefully downhill — and gets down much sooner. This is stochastic gradient descent.',
      ],
      question: {
        prompt: 'Count the images each method has looked at. Which gets to a low cost first?',
        choices: ['Full-batch gradient descent', 'Mini-batch gradient descent', 'They arrive together'],
        reveal: 'Mini-batches reached the cost {target} after {sgdExamples} images; full batches needed {fullExamples}, {ratio} times as many. {after}',
      },
    },
    chain: {
      title: 'The chain rule, one neuron per layer',
      paragraphs: [
        'Now the calculus. Shrink the network to one neuron per layer: four neurons, three weights, three biases. For the last link, with the wanted output $y$: $C_0 = (a^{(L)} - y)^2$, $z^{(L)} = w^{(L)} a^{(L-1)} + b^{(L)}$, $a^{(L)} = \\sigma(z^{(L)})$.',
        'Nudge $w^{(L)}$: that moves $z^{(L)}$, which moves $a^{(L)}$, which moves the cost. The chain rule multiplies the three rates of change: $\\dfrac{\\partial C_0}{\\partial w^{(L)}} = \\dfrac{\\partial z^{(L)}}{\\partial w^{(L)}} \\dfrac{\\partial a^{(L)}}{\\partial z^{(L)}} \\dfrac{\\partial C_0}{\\partial a^{(L)}} = a^{(L-1)}\\, \\sigma\'(z^{(L)})\\, 2(a^{(L)} - y)$.',
        'Each factor is a number you can see below. So is the check: the slope measured directly, $\\dfrac{C_0(w + h) - C_0(w - h)}{2h}$.',
      ],
      try: 'Change the weights, biases, input and target, and step through the chain link by link.',
      question: {
        prompt: 'Set the previous neuron’s activation $a^{(L-1)}$ to 0. What happens to $\\partial C_0 / \\partial w^{(L)}$?',
        choices: ['It becomes 0', 'It doubles', 'Nothing changes'],
        reveal: 'It is now {derivative}. A weight from a neuron that does not fire has no effect on the cost, so the gradient leaves it alone: neurons that fire together wire together.',
      },
    },
    indices: {
      title: 'Many neurons: indices j and k',
      paragraphs: [
        'With many neurons per layer nothing new happens — only indices. $w^{(L)}_{jk}$ is the weight from neuron $k$ of layer $L-1$ to neuron $j$ of layer $L$, and $\\dfrac{\\partial C_0}{\\partial w^{(L)}_{jk}} = a^{(L-1)}_k\\, \\sigma\'(z^{(L)}_j)\\, \\dfrac{\\partial C_0}{\\partial a^{(L)}_j}$.',
        'One thing is new: a neuron of the layer before feeds every neuron of layer $L$, so its effect on the cost is the sum of all those paths — the wishes added up of the “Wishes flow backwards” section: $\\dfrac{\\partial C_0}{\\partial a^{(L-1)}_k} = \\sum_j w^{(L)}_{jk}\\, \\sigma\'(z^{(L)}_j)\\, \\dfrac{\\partial C_0}{\\partial a^{(L)}_j}$.',
        'These two rules, applied layer after layer, give every one of the 13,002 components of $\\nabla C$.',
      ],
      try: 'Pick a weight of the real network: its formula fills with your drawing’s numbers and is compared with the engine’s backpropagation.',
    },
  },
};
