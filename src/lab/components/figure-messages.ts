import type { MessageTables } from '../shared/i18n.js';

/**
 * The strings the figures themselves show (draw pad, network view, answer, weights), in
 * English and Russian: the Lab page's table includes them, and the embedded figures use
 * them alone. Terms follow the source document (LAB.md "Words").
 */
export const FIGURE_EN = {
  drawPad: 'Draw a digit',
  drawPadLabel: 'Drawing area: draw a digit with the mouse, a pen, a finger or the keyboard',
  drawPadKeys: 'Keyboard: the arrow keys move the brush (with Shift, three times as far); hold Space to paint while moving, or press Enter to put the brush down and again to lift it; Backspace undoes the last stroke, Delete clears the pad.',
  clear: 'Clear',
  undo: 'Undo',
  network: 'The network',
  networkLabel: 'Network diagram: input image, hidden layers, outputs',
  parameters: '{count} parameters (weights and biases)',
  answer: 'Answer',
  noAnswer: 'Draw a digit or pick a test image',
  announce: 'The network says {digit} ({confidence} sure)',
  outputs: 'Output neurons',
  neuronWeights: 'Neuron {neuron} of layer 1: weights',
  neuron: 'Layer {layer}, neuron {neuron}',
  inputLayer: 'Input layer: 784 pixels',
  inputPixel: 'Input pixel ({x}, {y}): activation a = {a}',
  weightedInput: 'weighted input z',
  bias: 'bias b',
  activationValue: 'activation a = {f}(z)',
  activationName: 'activation a',
  weightRange: 'bias {bias}, weights from {min} to {max}',
  pixelWeight: 'pixel ({x}, {y}): weight w = {w}',
  weightGradient: 'gradient ∂C/∂w = {gradient} for the input shown (this pixel a = {a}) and label {label}',
  gradientLabel: 'Label y for the gradient of the cost',
  weightGridsLabel: 'Weights of the first hidden layer, one 28×28 image per neuron',
  loadingModel: 'Loading the model…',
  modelFailed: 'Could not load the model: {message}',
  badNeuron: 'The first layer has no neuron {neuron} (it has 0–{max})',
  noNetwork: 'No <digitlab-network id="{id}"> on this page',
  speedLabel: 'Speed',
  paceWatch: 'watch every step',
  paceFull: 'full speed',
  watchRate: 'Steps per second (watch speed)',
  watchRateValue: '{rate}/s',
  watchStatus: 'Watch speed ({rate} steps/s): after every mini-batch step everything is redrawn — the network, the outputs, the weights and the curves',
} as const;

/** A figure message key. */
export type FigureKey = keyof typeof FIGURE_EN;

/** Russian: the source document's language and terms. */
export const FIGURE_RU: Readonly<Record<FigureKey, string>> = {
  drawPad: 'Нарисуйте цифру',
  drawPadLabel: 'Поле для рисования: нарисуйте цифру мышью, пером, пальцем или с клавиатуры',
  drawPadKeys: 'С клавиатуры: стрелки двигают кисть (с Shift — втрое дальше); удерживайте пробел, чтобы рисовать на ходу, или нажмите Enter, чтобы опустить кисть, и ещё раз, чтобы поднять; Backspace отменяет последний штрих, Delete очищает поле.',
  clear: 'Очистить',
  undo: 'Отменить',
  network: 'Сеть',
  networkLabel: 'Схема сети: входная картинка, скрытые слои, выходы',
  parameters: 'весов и смещений: {count}',
  answer: 'Ответ',
  noAnswer: 'Нарисуйте цифру или выберите тестовую картинку',
  announce: 'Сеть считает, что это {digit} (уверенность {confidence})',
  outputs: 'Выходные нейроны',
  neuronWeights: 'Нейрон {neuron} слоя 1: веса',
  neuron: 'Слой {layer}, нейрон {neuron}',
  inputLayer: 'Входной слой: 784 пикселя',
  inputPixel: 'Входной пиксель ({x}, {y}): активация a = {a}',
  weightedInput: 'взвешенная сумма z',
  bias: 'смещение b',
  activationValue: 'активация a = {f}(z)',
  activationName: 'активация a',
  weightRange: 'смещение {bias}, веса от {min} до {max}',
  pixelWeight: 'пиксель ({x}, {y}): вес w = {w}',
  weightGradient: 'градиент ∂C/∂w = {gradient} для показанного входа (этот пиксель a = {a}) и метки {label}',
  gradientLabel: 'Метка y для градиента функции стоимости',
  weightGridsLabel: 'Веса первого скрытого слоя: по картинке 28×28 на нейрон',
  loadingModel: 'Загружаем модель…',
  modelFailed: 'Не удалось загрузить модель: {message}',
  badNeuron: 'В первом слое нет нейрона {neuron} (есть нейроны 0–{max})',
  noNetwork: 'На странице нет <digitlab-network id="{id}">',
  speedLabel: 'Скорость',
  paceWatch: 'следить за каждым шагом',
  paceFull: 'полная',
  watchRate: 'Шагов в секунду (при слежении)',
  watchRateValue: '{rate}/с',
  watchStatus: 'Слежение за каждым шагом ({rate}\u00a0шаг/с): после каждого шага по мини-батчу обновляется всё — сеть, выходы, веса и кривые',
};

/** The figures' tables. */
export const FIGURE_MESSAGES: MessageTables<FigureKey> = { en: FIGURE_EN, ru: FIGURE_RU };
