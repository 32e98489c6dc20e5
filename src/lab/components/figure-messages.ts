import type { MessageTables } from '../shared/i18n.js';

/**
 * The strings the figures themselves show (draw pad, network view, answer, weights), in
 * English and Russian: the Lab page's table includes them, and the embedded figures use
 * them alone. Terms follow the source document (LAB.md "Words").
 */
export const FIGURE_EN = {
  drawPad: 'Draw a digit',
  drawPadLabel: 'Drawing area: draw a digit with the mouse, a pen or a finger',
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
  weightedInput: 'weighted input z',
  bias: 'bias b',
  activationValue: 'activation a = {f}(z)',
  activationName: 'activation a',
  weightRange: 'bias {bias}, weights from {min} to {max}',
  pixelWeight: 'pixel ({x}, {y}): weight w = {w}',
  weightGridsLabel: 'Weights of the first hidden layer, one 28×28 image per neuron',
  loadingModel: 'Loading the model…',
  modelFailed: 'Could not load the model: {message}',
  badNeuron: 'The first layer has no neuron {neuron} (it has 0–{max})',
  noNetwork: 'No <digitlab-network id="{id}"> on this page',
} as const;

/** A figure message key. */
export type FigureKey = keyof typeof FIGURE_EN;

/** Russian: the source document's language and terms. */
export const FIGURE_RU: Readonly<Record<FigureKey, string>> = {
  drawPad: 'Нарисуйте цифру',
  drawPadLabel: 'Поле для рисования: нарисуйте цифру мышью, пером или пальцем',
  clear: 'Очистить',
  undo: 'Отменить',
  network: 'Сеть',
  networkLabel: 'Схема сети: входное изображение, скрытые слои, выходы',
  parameters: '{count} параметров (веса и смещения)',
  answer: 'Ответ',
  noAnswer: 'Нарисуйте цифру или выберите тестовое изображение',
  announce: 'Сеть считает, что это {digit} (уверенность {confidence})',
  outputs: 'Выходные нейроны',
  neuronWeights: 'Нейрон {neuron} слоя 1: веса',
  neuron: 'Слой {layer}, нейрон {neuron}',
  inputLayer: 'Входной слой: 784 пикселя',
  weightedInput: 'взвешенная сумма z',
  bias: 'смещение b',
  activationValue: 'активация a = {f}(z)',
  activationName: 'активация a',
  weightRange: 'смещение {bias}, веса от {min} до {max}',
  pixelWeight: 'пиксель ({x}, {y}): вес w = {w}',
  weightGridsLabel: 'Веса первого скрытого слоя: по картинке 28×28 на нейрон',
  loadingModel: 'Загрузка модели…',
  modelFailed: 'Не удалось загрузить модель: {message}',
  badNeuron: 'В первом слое нет нейрона {neuron} (есть 0–{max})',
  noNetwork: 'На странице нет <digitlab-network id="{id}">',
};

/** The figures' tables. */
export const FIGURE_MESSAGES: MessageTables<FigureKey> = { en: FIGURE_EN, ru: FIGURE_RU };
