import type { HiddenActivationName } from '../../core/activations.js';
import type { CostName } from '../../core/costs.js';
import type { InitName } from '../../core/init.js';
import type { OptimizerName } from '../../core/optimizers.js';
import type { AugmentName } from '../../data/augment.js';
import { DigitlabError } from '../../errors.js';
import type { ScheduleName } from '../../train/schedule.js';
import type { DataSetName } from '../shared/data-sets.js';
import { LAB_LIMITS } from '../shared/setting-limits.js';

/** The training settings the form edits (the names of the Lab's state). */
export interface TrainingFormValues {
  /** The data set trained on and shown (the pretrained model knows only MNIST). */
  dataSet: DataSetName;
  /** Hidden layer sizes (the input 784 and output 10 are fixed). */
  hidden: number[];
  activation: HiddenActivationName;
  cost: CostName;
  /** 'auto': the run layer's choice for the activation (He for ReLU, Xavier otherwise). */
  init: InitName | 'auto';
  optimizer: OptimizerName;
  /** η, or null for the run layer's default for the network. */
  learningRate: number | null;
  batchSize: number;
  seed: number;
  /** L2 penalty λ (weight decay; 0 = none). */
  l2: number;
  /** Probability of dropping each hidden neuron in a training step (0 = none). */
  dropout: number;
  /** Learning-rate schedule over the run's planned epochs. */
  schedule: ScheduleName;
  /** On-the-fly distortion of the training images. */
  augment: AugmentName;
}
type Editable = TrainingFormValues;

/** What the buttons ask for. */
export type TrainingCommand = 'toggle' | 'step' | 'reset' | 'compare' | 'pretrained';

/**
 * The training controls: a form for the data set, layers, activation, cost, initial weights, optimizer,
 * learning rate, mini-batch size and seed, and the Start/Pause, Step, Reset, Sigmoid-vs-ReLU
 * and back-to-pretrained buttons. It reads and writes values only; what they mean is the
 * caller's business.
 */
export class TrainingControls {
  private readonly form: HTMLFormElement;
  private readonly toggleButton: HTMLButtonElement;

  /** Wires the form `form`; `onSettings` gets a changed, parsed form; `onCommand` a button. */
  constructor(
    form: HTMLFormElement,
    private readonly onSettings: (values: Editable) => void,
    private readonly onCommand: (command: TrainingCommand) => void,
    private readonly onError: (message: string) => void,
  ) {
    this.form = form;
    this.toggleButton = form.querySelector('[data-command="toggle"]') as HTMLButtonElement;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', () => {
      try {
        this.onSettings(this.read());
      } catch (error) {
        this.onError(error instanceof Error ? error.message : String(error));
      }
    });
    for (const button of form.querySelectorAll<HTMLButtonElement>('[data-command]')) {
      button.addEventListener('click', () => this.onCommand(button.dataset.command as TrainingCommand));
    }
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  }

  /** Shows `state`'s settings in the form. */
  write(state: Editable): void {
    this.field('data').value = state.dataSet;
    this.field('layers').value = state.hidden.join(',');
    this.field('activation').value = state.activation;
    this.field('cost').value = state.cost;
    this.field('init').value = state.init;
    this.field('optimizer').value = state.optimizer;
    this.field('lr').value = state.learningRate === null ? '' : String(state.learningRate);
    this.field('batch').value = String(state.batchSize);
    this.field('seed').value = String(state.seed);
    this.field('l2').value = String(state.l2);
    this.field('dropout').value = String(state.dropout);
    this.field('schedule').value = state.schedule;
    this.field('augment').value = state.augment;
  }

  /** Reads the form; throws a DigitlabError naming a field that does not parse. */
  read(): Editable {
    const number = (name: string, what: string): number => {
      const n = Number(this.field(name).value);
      if (this.field(name).value.trim() === '' || !Number.isFinite(n)) throw new DigitlabError(`${what}: "${this.field(name).value}" is not a number`);
      return n;
    };
    const layersText = this.field('layers').value.trim();
    const hidden = layersText === '' ? [] : layersText.split(/[\s,]+/).map(Number);
    const { layerSize, hiddenLayers } = LAB_LIMITS;
    if (hidden.some((n) => !Number.isInteger(n) || n < layerSize.min || n > layerSize.max) || hidden.length > hiddenLayers.max) {
      throw new DigitlabError(`layers: "${layersText}" must be up to ${hiddenLayers.max} whole numbers from ${layerSize.min} to ${layerSize.max}`);
    }
    return {
      dataSet: this.field('data').value as Editable['dataSet'],
      hidden,
      activation: this.field('activation').value as Editable['activation'],
      cost: this.field('cost').value as Editable['cost'],
      init: this.field('init').value as Editable['init'],
      optimizer: this.field('optimizer').value as Editable['optimizer'],
      learningRate: this.field('lr').value.trim() === '' ? null : number('lr', 'learning rate'),
      batchSize: number('batch', 'batch size'),
      seed: number('seed', 'seed'),
      l2: number('l2', 'L2'),
      dropout: number('dropout', 'dropout'),
      schedule: this.field('schedule').value as Editable['schedule'],
      augment: this.field('augment').value as Editable['augment'],
    };
  }

  /** Shows what an empty learning-rate field stands for (e.g. "auto: 4.5"). */
  showDefaultRate(text: string): void {
    (this.field('lr') as HTMLInputElement).placeholder = text;
  }

  /** Shows whether training runs (the toggle's text and pressed state). */
  setRunning(running: boolean, startText: string, pauseText: string): void {
    this.toggleButton.textContent = running ? pauseText : startText;
    this.toggleButton.setAttribute('aria-pressed', String(running));
  }
}
