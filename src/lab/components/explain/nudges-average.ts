import type { TrainingSetNudges } from '../../../explain/nudges.js';
import type { Translator } from '../../shared/i18n.js';
import { renderBars } from '../signed-bars.js';
import type { ExplainKey } from './messages.js';
import { drawMaps } from './nudge-maps.js';
import { pixelWishMap } from './pixel-wish-map.js';

/**
 * Section 6 of the nudges panel: every training image's nudges averaged, −∇C itself — the
 * step of full-batch gradient descent — with the cost and accuracy over those images, how much
 * of the images' wishes survives the average, how far this image and its mini-batch point the
 * same way, and the average wishes of every layer down to the pixels. `average` is null while
 * the Worker computes it; `status` then says so.
 */
export function renderAverage(container: HTMLElement, average: TrainingSetNudges | null, status: string, tr: Translator<ExplainKey>, format: (v: number) => string): void {
  const t = tr.t;
  const heading = document.createElement('h3');
  const lines = document.createElement('p');
  lines.className = 'readout';
  if (average === null) {
    heading.textContent = t('averageHeadingPending');
    lines.textContent = status;
    container.replaceChildren(heading, lines);
    container.dataset.state = 'pending';
    return;
  }
  heading.textContent = t('averageHeading', { count: tr.num(average.count) });
  lines.textContent = `${t('averageSummary', { cost: tr.num(average.cost, 5), accuracy: tr.pct(average.accuracy, 2), coherence: tr.num(average.coherence, 4) })} ${t('agreement', {
    image: tr.num(average.imageAgreement, 3),
    batch: tr.num(average.batchAgreement, 3),
  })}`;
  lines.dataset.cost = String(average.cost);
  lines.dataset.count = String(average.count);
  const grid = document.createElement('div');
  grid.className = 'nudges-grid';
  for (const { layer, wishes } of average.layerWishes) {
    const section = document.createElement('section');
    const title = document.createElement('h4');
    if (layer === 0) {
      title.textContent = t('averagePixelWishes');
      section.append(title, pixelWishMap(wishes, t('pixelWishesCaption'), (x, y, wish) => t('pixelWish', { x, y, wish: format(wish) })));
    } else {
      title.textContent = layer === average.layerWishes[0].layer ? t('averageOutputWishes') : t('averageLayerWishes', { layer });
      const bars = document.createElement('div');
      bars.className = 'compact';
      renderBars(bars, Array.from(wishes, (v, k) => ({ label: String(k), value: v })), format);
      section.append(title, bars);
    }
    grid.append(section);
  }
  const mapsTitle = document.createElement('h4');
  mapsTitle.textContent = t('averageGradientMaps');
  const maps = document.createElement('canvas');
  maps.width = 640;
  maps.height = 200;
  maps.className = 'maps';
  drawMaps(maps, average.weightNudges[0], (largest) => t('mapsScale', { value: format(largest) }));
  container.replaceChildren(heading, lines, grid, mapsTitle, maps);
  container.dataset.state = 'done';
}
