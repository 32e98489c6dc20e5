import { Rng } from '../../../core/rng.js';
import { fillNoiseImage } from '../../../experiments/noise-images.js';
import { DrawPad } from '../../components/draw-pad.js';
import type { Store } from '../../shared/store.js';
import { decodeStrokes, encodeStrokes } from '../../shared/stroke-codec.js';
import type { LabPageState } from './lab-store.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The white-noise image of seed `seed`: every pixel uniform in [0, 1], as bytes. */
export function noiseImage(seed: number): Uint8Array {
  const noise = new Float32Array(784);
  fillNoiseImage('uniform', new Rng(seed), noise);
  return Uint8Array.from(noise, (v) => Math.round(v * 255));
}

/**
 * The Lab's inputs besides the test images: the draw pad (Clear, Undo) and "Feed noise". One
 * input is in the address at a time — the drawing's strokes (`draw`), a noise image's seed
 * (`noise`) or a test image (`test`, test-images.ts) — and choosing one clears the others
 * (and the pad), so a shared link reopens what the network was shown: the strokes redrawn,
 * the noise made again from its seed. Returns the pad.
 */
export function mountInput(store: Store<LabPageState>): DrawPad {
  const pad = new DrawPad($<HTMLCanvasElement>('pad'), (pixels, final) =>
    store.set({ input: pixels, inputFinal: final, testImage: -1, noise: -1, ...(final ? { drawing: pixels === null ? '' : encodeStrokes(pad.strokes) } : {}) }),
  );
  const feedNoise = (seed: number): void => store.set({ noise: seed, input: noiseImage(seed), inputFinal: true, testImage: -1, drawing: '' });
  $('clear').addEventListener('click', () => pad.clear());
  $('undo').addEventListener('click', () => pad.undo());
  // A new seed each press; the image is the seed's, so the address can make it again.
  $('feed-noise').addEventListener('click', () => {
    pad.setStrokes([], false);
    feedNoise(crypto.getRandomValues(new Uint32Array(1))[0]);
  });
  store.watch(['testImage'], (s) => {
    if (s.testImage < 0) return;
    if (!pad.isEmpty) pad.setStrokes([], false);
    if (s.drawing !== '' || s.noise >= 0) store.set({ drawing: '', noise: -1 });
  });
  // The opening address: a drawing first, else a noise image (a test image waits for the test set).
  const s = store.state;
  const strokes = s.drawing === '' ? null : decodeStrokes(s.drawing);
  if (strokes !== null && strokes.length > 0) {
    store.set({ testImage: -1 });
    pad.setStrokes(strokes);
  } else if (s.noise >= 0) {
    store.set({ testImage: -1 });
    feedNoise(s.noise);
  }
  return pad;
}
