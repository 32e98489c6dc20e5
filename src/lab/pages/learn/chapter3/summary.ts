import { parameterCount, SEED_ARCHITECTURE } from '../../../../core/network.js';
import { el } from '../../../components/figure-parts.js';
import type { Deeper, Section } from '../chapter.js';
import { loadCourseText, loadSourceMap } from '../text/load.js';
import { doneSections } from '../progress.js';


/** Where to go next: each full tool, with the words of the text that say what waits there. */
const NEXT: readonly { readonly deeper: Deeper; readonly key: string }[] = [
  { deeper: { view: 'lab' }, key: 'Lab' },
  { deeper: { view: 'experiments' }, key: 'Experiments' },
  { deeper: { view: 'explain' }, key: 'Explain' },
  { deeper: { view: 'digits' }, key: 'Handwriting' },
];

/**
 * What you now know: the closing section. The source's map walked back — every idea of the
 * three lessons in their order, grouped by chapter, each a link to the section that taught it
 * (ticked when done) — and where to go next: the Lab, Experiments, How it learns and the
 * page where the network learns the learner's own handwriting. Done when the learner follows
 * one of its links.
 */
export const summary: Section = {
  id: 'summary',
  deeper: { view: 'lab' },
  cli: null,
  textValues: (ctx) => ({ parameters: ctx.num(parameterCount(SEED_ARCHITECTURE.sizes)) }),
  async mount(host, ctx) {
    const [ideas, chapters] = await Promise.all([loadSourceMap(ctx.language), loadCourseText(ctx.language)]);
    const done = doneSections();
    const map = el('section', 'summary-map');
    map.append(el('h3', '', ctx.f('mapHeading')));
    // The chapters' ids in the source's order (the first part of a section's route).
    const ids = ['network', 'learning', 'backprop'];
    chapters.forEach((chapter, i) => {
      const prefix = `${ids[i]}/`;
      const mine = ideas.filter((idea) => idea.section.startsWith(prefix));
      if (mine.length === 0) return;
      map.append(el('h4', '', ctx.f('chapterHeading', { n: i + 1, title: chapter.title })));
      const list = el('ol', 'summary-ideas');
      for (const idea of mine) {
        const item = el('li');
        const link = el('a', '', idea.idea);
        link.href = `#${idea.section}`;
        link.dataset.route = idea.section;
        item.append(link);
        if (done.has(idea.section)) {
          item.classList.add('done');
          item.append(el('span', 'visually-hidden', ` (${ctx.f('doneMark')})`));
        }
        list.append(item);
      }
      map.append(list);
    });
    const next = el('section', 'summary-next');
    next.append(el('h3', '', ctx.f('nextHeading')));
    const cards = el('ul', 'summary-cards');
    for (const { deeper, key } of NEXT) {
      const card = el('li');
      const link = el('a', 'summary-tool', ctx.f(`next${key}`));
      link.href = ctx.toolHref(deeper);
      link.dataset.view = deeper.view;
      card.append(link, el('p', '', ctx.f(`next${key}Text`)));
      cards.append(card);
    }
    next.append(cards);
    host.append(map, next);
    // Following a link is what the section asks: the route links move inside the course, the tools' open their pages.
    host.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a') !== null) ctx.done();
    });
  },
};
