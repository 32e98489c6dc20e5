/**
 * Every visible string of the Lab, one table per language. The English table defines the
 * keys; the Russian one must have the same keys (the type checks it). `{name}` marks a
 * value filled in by `format`. Terms follow the source document (LAB.md "Words").
 */
export const EN = {
  title: 'digitlab — the Lab',
  heading: 'digitlab',
  tagline: 'Draw a digit, watch the network think, train it live.',
  language: 'Language',
  drawPad: 'Draw a digit',
  drawPadLabel: 'Drawing area: draw a digit with the mouse, a pen or a finger',
  clear: 'Clear',
  undo: 'Undo',
  seen: 'What the network sees (28×28)',
  network: 'The network',
  networkLabel: 'Network diagram: input image, hidden layers, outputs',
  parameters: '{count} parameters (weights and biases)',
  showAllConnections: 'Show all connections',
  answer: 'Answer',
  noAnswer: 'Draw a digit or pick a test image',
  announce: 'The network says {digit} ({confidence} sure)',
  outputs: 'Output neurons',
  testImages: 'Real MNIST test images',
  testIndex: 'Test image number',
  previous: 'Previous',
  next: 'Next',
  random: 'Random',
  trueLabel: 'Label: {label}',
  pickImage: 'Test image {index}, label {label}',
  loadingData: 'Loading MNIST… {percent}',
  dataReady: 'MNIST loaded: {train} training and {test} test images',
  dataFailed: 'Could not load MNIST: {message}',
  training: 'Training',
  hiddenLayers: 'Hidden layers',
  hiddenLayersHint: 'sizes, comma-separated (e.g. 16,16)',
  activation: 'Activation',
  cost: 'Cost function',
  init: 'Initial weights',
  optimizer: 'Optimizer',
  learningRate: 'Learning rate η',
  batchSize: 'Mini-batch size',
  seed: 'Seed',
  start: 'Start',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  compare: 'Sigmoid vs ReLU',
  compareHint: 'Two runs at once, identical except for the activation',
  usePretrained: 'Back to the pretrained model',
  status: 'Epoch {epoch} · mini-batch {batch} of {batches} · {examples} examples seen',
  statusIdle: 'Not started: the pretrained model answers. Press Start to train a fresh network.',
  speed: '{eps} epochs/s ({backend})',
  testAccuracy: 'Test accuracy',
  costCurve: 'Cost (mean over recent mini-batches)',
  miniBatches: 'mini-batches',
  badSettings: 'Settings: {message}',
  diverged: 'Training stopped: {message}',
  weights: 'Weights of the first hidden layer',
  weightsHint: 'Each square is one neuron’s 784 incoming weights as a 28×28 image: {positive} positive, {negative} negative, brightness = |w|. Click to enlarge.',
  palette: 'Colours',
  paletteGreenRed: 'green / red',
  paletteBlueOrange: 'blue / orange (colour-blind safe)',
  green: 'green',
  red: 'red',
  blue: 'blue',
  orange: 'orange',
  neuronWeights: 'Neuron {neuron} of layer 1: weights',
  close: 'Close',
  neuron: 'Layer {layer}, neuron {neuron}',
  inputLayer: 'Input layer: 784 pixels',
  weightedInput: 'weighted input z',
  bias: 'bias b',
  activationValue: 'activation a = {f}(z)',
  weightRange: 'bias {bias}, weights from {min} to {max}',
  pretrained: 'pretrained model',
  run: 'run',
  sigmoidRun: 'sigmoid',
  reluRun: 'ReLU',
} as const;

/** A message key. */
export type MessageKey = keyof typeof EN;
/** A complete message table. */
export type Messages = Readonly<Record<MessageKey, string>>;

/** Russian: the source document's language and terms. */
export const RU: Messages = {
  title: 'digitlab — лаборатория',
  heading: 'digitlab',
  tagline: 'Нарисуйте цифру, посмотрите, как думает сеть, обучите её вживую.',
  language: 'Язык',
  drawPad: 'Нарисуйте цифру',
  drawPadLabel: 'Поле для рисования: нарисуйте цифру мышью, пером или пальцем',
  clear: 'Очистить',
  undo: 'Отменить',
  seen: 'Что видит сеть (28×28)',
  network: 'Сеть',
  networkLabel: 'Схема сети: входное изображение, скрытые слои, выходы',
  parameters: '{count} параметров (веса и смещения)',
  showAllConnections: 'Показать все связи',
  answer: 'Ответ',
  noAnswer: 'Нарисуйте цифру или выберите тестовое изображение',
  announce: 'Сеть считает, что это {digit} (уверенность {confidence})',
  outputs: 'Выходные нейроны',
  testImages: 'Настоящие тестовые изображения MNIST',
  testIndex: 'Номер тестового изображения',
  previous: 'Предыдущее',
  next: 'Следующее',
  random: 'Случайное',
  trueLabel: 'Метка: {label}',
  pickImage: 'Тестовое изображение {index}, метка {label}',
  loadingData: 'Загрузка MNIST… {percent}',
  dataReady: 'MNIST загружен: {train} обучающих и {test} тестовых изображений',
  dataFailed: 'Не удалось загрузить MNIST: {message}',
  training: 'Обучение',
  hiddenLayers: 'Скрытые слои',
  hiddenLayersHint: 'размеры через запятую (например, 16,16)',
  activation: 'Функция активации',
  cost: 'Функция стоимости',
  init: 'Начальные веса',
  optimizer: 'Оптимизатор',
  learningRate: 'Скорость обучения η',
  batchSize: 'Размер мини-батча',
  seed: 'Зерно (seed)',
  start: 'Старт',
  pause: 'Пауза',
  step: 'Шаг',
  reset: 'Сброс',
  compare: 'Сигмоида против ReLU',
  compareHint: 'Два обучения сразу, отличаются только функцией активации',
  usePretrained: 'Вернуть обученную модель',
  status: 'Эпоха {epoch} · мини-батч {batch} из {batches} · просмотрено примеров: {examples}',
  statusIdle: 'Обучение не начато: отвечает заранее обученная модель. Нажмите «Старт», чтобы обучить новую сеть.',
  speed: '{eps} эпох/с ({backend})',
  testAccuracy: 'Точность на тесте',
  costCurve: 'Стоимость (среднее по последним мини-батчам)',
  miniBatches: 'мини-батчи',
  badSettings: 'Настройки: {message}',
  diverged: 'Обучение остановлено: {message}',
  weights: 'Веса первого скрытого слоя',
  weightsHint: 'Каждый квадрат — 784 входных веса одного нейрона в виде картинки 28×28: {positive} — положительные, {negative} — отрицательные, яркость = |w|. Нажмите, чтобы увеличить.',
  palette: 'Цвета',
  paletteGreenRed: 'зелёный / красный',
  paletteBlueOrange: 'синий / оранжевый (для дальтоников)',
  green: 'зелёный',
  red: 'красный',
  blue: 'синий',
  orange: 'оранжевый',
  neuronWeights: 'Нейрон {neuron} слоя 1: веса',
  close: 'Закрыть',
  neuron: 'Слой {layer}, нейрон {neuron}',
  inputLayer: 'Входной слой: 784 пикселя',
  weightedInput: 'взвешенная сумма z',
  bias: 'смещение b',
  activationValue: 'активация a = {f}(z)',
  weightRange: 'смещение {bias}, веса от {min} до {max}',
  pretrained: 'обученная модель',
  run: 'обучение',
  sigmoidRun: 'сигмоида',
  reluRun: 'ReLU',
};

/** The languages the Lab speaks. */
export type Language = 'en' | 'ru';
/** All languages, for the switcher. */
export const LANGUAGES: readonly Language[] = ['en', 'ru'];
const TABLES: Readonly<Record<Language, Messages>> = { en: EN, ru: RU };

/** The language to start in: Russian when the browser prefers it, English otherwise. */
export function languageFromNavigator(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru') return 'ru';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** The message `key` in `language` with `{name}` placeholders filled from `values`. */
export function format(language: Language, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return TABLES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A number in the language's style (thin separators in Russian, commas in English). */
export function formatNumber(language: Language, n: number, fractionDigits = 0): string {
  return n.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}
