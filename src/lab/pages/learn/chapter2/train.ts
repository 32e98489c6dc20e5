import type { Network } from '../../../../core/network.js';
import { curvePair } from '../../../components/curve-pair.js';
import { el } from '../../../components/figure-parts.js';
import { FIGURE_MESSAGES } from '../../../components/figure-messages.js';
import { OutputBars } from '../../../components/output-bars.js';
import { SpeedControl } from '../../../components/speed-control.js';
import { WeightGrids } from '../../../components/weight-grids.js';
import { Translator } from '../../../shared/i18n.js';
import type { Section } from '../chapter.js';
import { networkAnswer } from '../../../shared/inference.js';
import { everyFrame } from '../chapter1/forward.js';
import { splitCounts } from './data.js';
import { lesson } from './lesson.js';
import { LessonTraining, lessonSettings } from './train-session.js';

/**
 * Watch it learn: a fresh 784-16-16-10 network (the seed of "a random start") trained live on
 * all 60,000 training images by the Lab's training Worker, at watch speed by default (every
 * mini-batch step drawn) or full speed; the cost and test-accuracy curves on log mini-batch
 * axes, the first layer's 16 weight grids, and the learner's digit answered by the network as
 * it is now.
 */
export const train: Section = {
  id: 'train',
  deeper: { view: 'lab', hash: 'pace=watch' },
  cli: 'npx digitlab train --epochs 1',
  textValues: async (ctx) => ({ ...(await splitCounts(ctx)), batch: lessonSettings(lesson.seed).batchSize }),
  mount(host, ctx) {
    const status = el('p', 'muted train-status', ctx.f('loading', { percent: ctx.pct(0, 0) }));
    status.setAttribute('role', 'status');
    const buttons = el('div', 'buttons train-buttons');
    const make = (key: string, action: string, primary = false): HTMLButtonElement => {
      const b = el('button', primary ? 'primary' : '', ctx.f(key));
      b.type = 'button';
      b.dataset.action = action;
      b.disabled = true;
      buttons.append(b);
      return b;
    };
    const toggle = make('start', 'toggle', true);
    const step = make('step', 'step');
    const reset = make('reset', 'reset');
    const speedHost = el('div');
    const progress = el('p', 'train-progress', ctx.f('notStarted'));
    const charts = el('div', 'chart-row');
    const costHost = el('div', 'chart');
    const accuracyHost = el('div', 'chart');
    charts.append(costHost, accuracyHost);
    const lower = el('div', 'figure-row');
    const gridsCell = el('div', 'figure-cell train-grids');
    const gridsHost = el('div');
    gridsCell.append(el('h3', '', ctx.f('gridsHeading')), gridsHost);
    const digitCell = el('div', 'figure-cell answer-cell');
    ctx.digit.mountChooser(digitCell);
    const answer = el('div', 'answer-digit', '–');
    const live = el('p', 'visually-hidden');
    const bars = el('div');
    digitCell.append(el('h3', '', ctx.f('answerHeading')), answer, live, bars);
    lower.append(gridsCell, digitCell);
    host.append(status, buttons, speedHost, progress, charts, lower);

    const pair = curvePair({ cost: costHost, accuracy: accuracyHost }, { cost: ctx.f('costChart'), accuracy: ctx.f('accuracyChart'), axis: ctx.f('axis') }, { num: ctx.num, pct: ctx.pct }, { x: 'log', cost: 'log' });
    const series = [{ id: 'main', label: ctx.f('run'), colour: '#7fd4ff' }];
    const grids = new WeightGrids(gridsHost, (j) => ctx.f('neuronGrid', { j }), () => {});
    grids.palette = ctx.palette;
    const outputs = new OutputBars(bars, answer, live);
    outputs.format = (v) => ctx.num(v, 2);
    let network: Network | null = null;
    let lastTest: { batches: number; accuracy: number } | null = null;
    let last = { batches: 0, epoch: 0, examples: 0, cost: NaN };

    const drawDigit = (): void => {
      const pixels = ctx.digit.pixels;
      if (network === null || pixels === null) {
        outputs.render(null, null, ctx.f('noDigit'));
        return;
      }
      const { outputs: out, answer } = networkAnswer(network, pixels);
      outputs.render(out, answer, '');
      bars.dataset.value = Array.from(out).join(',');
    };
    const showProgress = (): void => {
      progress.textContent = ctx.f('progress', {
        batches: ctx.num(last.batches),
        epoch: last.epoch,
        examples: ctx.num(last.examples),
        cost: Number.isNaN(last.cost) ? '–' : ctx.num(last.cost, 4),
        accuracy: lastTest === null ? '–' : ctx.pct(lastTest.accuracy, 1),
      });
      progress.dataset.batches = String(last.batches);
      progress.dataset.seed = String(session.settings.seed);
      progress.dataset.cost = String(last.cost);
      progress.dataset.accuracy = String(lastTest?.accuracy ?? NaN);
      progress.dataset.testBatches = String(lastTest?.batches ?? NaN);
    };
    const running = (on: boolean): void => {
      toggle.textContent = ctx.f(on ? 'pause' : 'start');
      toggle.dataset.running = String(on);
    };
    const session = new LessonTraining(ctx, lesson.seed, {
      loading: (f) => (status.textContent = ctx.f('loading', { percent: ctx.pct(f, 0) })),
      ready: (trainCount, testCount, backend) => {
        status.textContent = ctx.f('ready', { train: ctx.num(trainCount), test: ctx.num(testCount), backend, seed: session.settings.seed, eta: ctx.num(session.settings.learningRate, 1), batch: session.settings.batchSize });
        for (const b of [toggle, step, reset]) b.disabled = false;
        host.dataset.ready = 'true';
      },
      progress: (m, points) => {
        last = { batches: m.batches, epoch: m.epoch, examples: m.examplesSeen, cost: m.cost };
        for (const [x, y] of points) pair.cost.add('main', x, y);
        showProgress();
        if (m.batches >= 10) ctx.done();
      },
      test: (batches, accuracy) => {
        lastTest = { batches, accuracy };
        pair.accuracy.add('main', batches, accuracy);
        showProgress();
      },
      network: (net, batches) => {
        network = net;
        if (batches > 0) lesson.trained = { network: net, batches, seed: session.settings.seed };
        grids.render(net.weights[0], net.sizes[1], net.sizes[0]);
        gridsHost.dataset.batches = String(batches);
        bars.dataset.batches = String(batches);
        drawDigit();
      },
      running,
      error: (message) => (status.textContent = ctx.f('failed', { message })),
    });
    const restart = (): void => {
      pair.cost.reset(series);
      pair.accuracy.reset(series);
      lastTest = null;
      last = { batches: 0, epoch: 0, examples: 0, cost: NaN };
      progress.textContent = ctx.f('notStarted');
    };
    restart();
    const speed = new SpeedControl(speedHost, new Translator(FIGURE_MESSAGES, ctx.language), session.speed, (values) => {
      session.setSpeed(values);
      for (const chart of [pair.cost, pair.accuracy]) chart.redrawInterval = values.pace === 'watch' ? 0 : 250;
    });
    for (const chart of [pair.cost, pair.accuracy]) chart.redrawInterval = 0;
    void speed;
    toggle.addEventListener('click', () => session.toggle());
    step.addEventListener('click', () => session.step());
    reset.addEventListener('click', () => {
      restart();
      session.reset(lesson.seed);
      running(false);
    });
    ctx.signal.addEventListener('abort', () => session.stop());
    everyFrame(ctx.digit.watch, drawDigit);
  },
};
