import type { ChapterText } from './course-text.js';

/** Chapter 1, the network: what the 784 → 16 → 16 → 10 network is and what it computes. */
export const CHAPTER_1_EN: ChapterText = {
  title: 'The network',
  intro:
    'You read a sloppy 3 without effort, however the pen moved. Writing a program that does the same — 784 pixels in, one digit out — is another matter. This chapter builds the program that can: a neural network. By the end you will know every number inside it.',
  sections: {
    pixels: {
      title: 'A picture is 784 numbers',
      paragraphs: [
        'Draw a digit in the box. The network never sees your strokes. It sees a grid of 28 × 28 pixels — 784 in all — and each pixel is a number between 0 (black) and 1 (full ink).',
        'Each of these numbers is held by a neuron. For now, a neuron is simply a thing that holds a number, its activation. The 784 input neurons make the first layer of the network: picture each as a bulb that glows as brightly as its pixel.',
        'Before it reaches the network your drawing is shrunk into a 20 × 20 box and centred in the grid, the way the images the network learned from were prepared.',
      ],
      try: 'Point at a pixel (or move to it with the arrow keys) to read its activation.',
      figure: {
        gridLabel: 'The input layer: 28 × 28 pixels, each one neuron',
        pixel: 'Pixel in column {x}, row {y}: activation {a}',
        idle: 'Point at a pixel, or focus the grid and use the arrow keys.',
        padHeading: 'Your drawing',
        gridHeading: 'What the network sees',
      },
    },
    outputs: {
      title: 'Ten outputs: the brightest is the answer',
      paragraphs: [
        'The last layer has ten neurons, one for each digit from 0 to 9. Each one’s activation, again between 0 and 1, says how sure the network is that the picture shows that digit.',
        'The brightest output is the network’s answer. This network has already been trained; draw something and read its ten numbers.',
      ],
      try: 'Draw different digits, and some that are not digits at all. Which outputs light up?',
      figure: {
        answer: 'The network’s answer',
        noAnswer: 'Draw a digit to get an answer',
        announce: 'The network says {digit}',
        outputs: 'The ten output neurons',
      },
    },
    layers: {
      title: 'Layers in between',
      paragraphs: [
        'Between the pixels and the answer sit two hidden layers of 16 neurons each. Sixteen is a choice, not a law: small enough to draw, big enough to work. In the Lab you can pick other sizes and more layers.',
        'The activations of one layer decide the activations of the next. Draw, and watch the light travel: from the pixels, through both hidden layers, to the ten outputs.',
      ],
      try: 'Point at any neuron to read its activation.',
    },
    hope: {
      title: 'The hope: edges, loops, digits',
      paragraphs: [
        'Why layers at all? Think how you might recognise digits by parts: a 9 is a loop on top and a line on the right; an 8 is a loop on top of another loop; a 4 is three strokes.',
        'So one might hope that each neuron of the second hidden layer stands for one such part — lit whenever a loop sits on top — and each neuron of the first hidden layer for a small edge that the parts are made of. Pixels → edges → loops and strokes → digits.',
        'It is only a hope: nobody tells the network to work this way. In the next chapter we look at what it really learned.',
      ],
      try: 'Draw a 9, then an 8 in the second box. Do they light up the same second-layer neurons, as a shared “loop on top” would?',
    },
    'weighted-sum': {
      title: 'One neuron: a weighted sum',
      paragraphs: [
        'Take one neuron of the first hidden layer. It is connected to all 784 pixels, and each connection has a weight: a number, positive or negative. The neuron multiplies every pixel by its weight and adds it all up: $w_1 a_1 + w_2 a_2 + \\dots + w_{784} a_{784}$.',
        'There is one weight per pixel, so the weights can be drawn as a 28 × 28 picture of their own: green where a weight is positive, red where it is negative, brighter the larger it is. Where green meets your ink the sum grows; where red meets it, the sum shrinks.',
      ],
      try: 'Pick a neuron and draw. Point at a pixel to see its weight, its activation and their product.',
    },
    detector: {
      title: 'Paint a detector',
      paragraphs: [
        'Set every weight to zero except a green patch, and the sum just adds up the ink inside the patch. Put red weights around the green ones and the sum is largest when the middle is inked and the border around it is empty: an edge detector, made by hand.',
      ],
      try: 'Paint green and red weights, then draw: the weighted sum answers at once.',
      question: {
        prompt: 'Paint a green bar across the top of the grid. Which digits will give it the larger sum: sevens or ones?',
        choices: ['Sevens', 'Ones', 'About the same'],
        reveal:
          'Over the {sevens} sevens and {ones} ones of the test set, your weights give sevens an average sum of {sevenSum} and ones {oneSum}. A seven has a stroke across the top; a one mostly does not.',
      },
    },
    'sigmoid-bias': {
      title: 'Squash it, shift it',
      paragraphs: [
        'A weighted sum can be any number, but an activation must lie between 0 and 1. The sigmoid function squashes it there: $\\sigma(z) = \\dfrac{1}{1 + e^{-z}}$. Large negative sums give almost 0, large positive ones almost 1, and around zero it changes fastest.',
        'The bias is one more number, added to the sum before squashing: $a = \\sigma(w_1 a_1 + \\dots + w_{784} a_{784} + b)$. A negative bias means “light up only when the sum is clearly large”: it sets the neuron’s threshold.',
      ],
      try: 'Drag the bias and watch where this neuron’s sum lands on the curve.',
      question: {
        prompt: 'Set this neuron’s bias to −10. How often will it light up (activation above 0.5) on the 10,000 test images?',
        choices: ['Almost never', 'About half the time', 'Almost always'],
        reveal: 'With the bias at {bias}, it lights up for {share} of the test images (with its trained bias {trainedBias}: {trainedShare}). The bias moves the threshold the weighted sum must cross.',
      },
    },
    parameters: {
      title: '13,002 knobs',
      paragraphs: [
        'Each neuron of the first hidden layer has 784 weights and one bias, so that layer alone has 784 × 16 weights and 16 biases. The second hidden layer adds 16 × 16 weights and 16 biases, the output layer 16 × 10 and 10.',
        'In all, {total} numbers decide what the network does. Learning means finding values for every one of them that make the network read digits. Imagine setting them by hand.',
      ],
      try: 'Change the sizes of the hidden layers and watch the count.',
      question: {
        prompt: 'Make both hidden layers 32 neurons wide instead of 16. How many weights and biases will the network have?',
        choices: ['About twice as many', 'About four times as many', 'About the same'],
        reveal: '784 × 32 + 32 × 32 + 32 × 10 weights and 32 + 32 + 10 biases: {total}, {ratio} times as many. Almost all of them sit between the pixels and the first hidden layer, which grows with its width.',
      },
    },
    matrix: {
      title: 'The same thing as a matrix',
      paragraphs: [
        'Writing the sums neuron by neuron is long. Put the 784 activations into a column $a$, the layer’s weights into a matrix $W$ with one row per neuron (16 rows of 784), and its biases into a column $b$. Then the whole layer is one line:',
        '$a\' = \\sigma(W a + b)$ — multiply, add, and squash each entry.',
        'This is also how the program computes it, and why it is fast: computers are very good at multiplying matrices.',
      ],
      try: 'Here are the real numbers for your drawing. Point at a row of $W$ to follow one neuron’s sum.',
    },
    function: {
      title: 'The network is one function',
      paragraphs: [
        'Put the layers together and the whole network is a single function: 784 numbers in, 10 numbers out, shaped by its 13,002 parameters. It is complicated — if it were simple, it could not read handwriting — but it is just a function.',
        'Change any one parameter and the function changes with it.',
      ],
      try: 'Pick any of the parameters and drag its value: the ten outputs follow.',
    },
    relu: {
      title: 'Sigmoid or ReLU',
      paragraphs: [
        'The sigmoid imitates the soft firing of a biological neuron and was used in the early networks. Most networks today use a simpler function, ReLU: $\\mathrm{ReLU}(z) = \\max(0, z)$ — nothing below the threshold, the sum itself above it.',
        'Here two networks that differ only in that function train from the same start, each with the step size that suits it best.',
      ],
      try: 'Start both and compare their test accuracy as they learn.',
      question: {
        prompt: 'Which network will reach 90 % test accuracy after fewer training images?',
        choices: ['Sigmoid', 'ReLU', 'Both at the same time'],
        reveal: '{first} got there first: after {firstExamples} images, against {secondExamples} for {second}.',
      },
    },
  },
};
