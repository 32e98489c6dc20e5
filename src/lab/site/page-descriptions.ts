import type { MessageTables } from '../shared/i18n.js';

/**
 * Each page's description for search engines and link previews (`<meta name="description">`,
 * filled in by the build from the English table; scripts/site-html.ts).
 */
const EN = {
  labDescription: 'Draw a digit and watch a real neural network read it, neuron by neuron; then train it live in your browser on all 60,000 MNIST images.',
  courseDescription: 'A short course on the classic first neural network: in three chapters you draw, drag and guess, and every figure is computed live on real handwritten digits.',
  explainDescription: 'How a neural network learns, shown live: gradient descent on a cost surface, backpropagation as the chain rule, and the nudges each training image asks for.',
  digitsDescription: 'Your own handwriting: draw and label your digits, see how well a network trained on MNIST reads them, and teach it your hand — all in your browser, nothing sent anywhere.',
  experimentsDescription: 'Experiments with a small neural network on MNIST: hand-made detectors, shuffled labels, sigmoid against ReLU and more, each run in your browser.',
} as const;

/** The descriptions' keys. */
export type DescriptionKey = keyof typeof EN;

/** The pages' descriptions in English and Russian. */
export const PAGE_DESCRIPTIONS: MessageTables<DescriptionKey> = {
  en: EN,
  ru: {
    labDescription: 'Нарисуйте цифру и посмотрите, как настоящая нейронная сеть читает её, нейрон за нейроном; затем обучите её вживую в браузере на всех 60 000 изображений MNIST.',
    courseDescription: 'Короткий курс о классической первой нейронной сети: в трёх главах вы рисуете, двигаете и угадываете, а каждая иллюстрация считается вживую на настоящих рукописных цифрах.',
    explainDescription: 'Как обучается нейронная сеть, вживую: градиентный спуск по поверхности функции стоимости, обратное распространение ошибки как цепное правило и поправки, которых просит каждое обучающее изображение.',
    digitsDescription: 'Ваш почерк: нарисуйте и подпишите свои цифры, посмотрите, насколько хорошо их читает сеть, обученная на MNIST, и дообучите её под вашу руку — всё в браузере, ничего никуда не отправляется.',
    experimentsDescription: 'Эксперименты с небольшой нейронной сетью на MNIST: детекторы, собранные вручную, перемешанные метки, сигмоида против ReLU и другие — каждый запускается в браузере.',
  },
};
