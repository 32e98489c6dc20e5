import './notice-area.css';

/**
 * The place for a page's passing notices — the Lab's invitation to the course, the offline
 * status: a column fixed at the bottom of the window, so that a notice coming or going never
 * moves the page (layout shift), and two notices stack instead of covering each other. A
 * spacer of the column's height ends the page, so that its last lines can still be scrolled
 * out from under the notices, and the page's scroll padding keeps a focused element above
 * them (focus not obscured). Made on first use.
 */
export function noticeArea(): HTMLElement {
  let area = document.getElementById('site-notices');
  if (area === null) {
    area = document.createElement('div');
    area.id = 'site-notices';
    area.className = 'site-notices';
    const spacer = document.createElement('div');
    spacer.className = 'site-notices-spacer';
    spacer.setAttribute('aria-hidden', 'true');
    document.body.append(spacer, area);
    const column = area;
    new ResizeObserver(() => {
      const height = `${column.offsetHeight}px`;
      spacer.style.height = height;
      // What the keyboard focuses (or a link scrolls to) stops above the notices, never under them.
      document.documentElement.style.scrollPaddingBottom = column.offsetHeight > 0 ? `calc(${height} + 12px)` : '';
    }).observe(column);
  }
  return area;
}
