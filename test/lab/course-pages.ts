import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Language, type Screen, SCREENS, screenContext } from './harness.js';

/**
 * What the course's browser suites share: a fresh context at desktop or phone size in a
 * language, opening a course address until its figure is ready, the sideways-scrolling
 * measure and the pattern of a specification code (which no user may read).
 */

/** A specification code, which no user may read. */
export const SPEC_CODE = /\b[SB][0-9]{1,2}\b/;

/**
 * A fresh browser context (its own localStorage) at desktop (1280×800) or phone (390×844) size;
 * the phone asks for less motion. `axe`: the page's Content Security Policy lets the test add
 * axe-core's script (`phoneProblems`); nothing else of the page changes.
 */
export function courseContext(browser: Browser, language: Language, phone = false, axe = false): Promise<BrowserContext> {
  return screenContext(browser, phone ? SCREENS[1] : COURSE_DESKTOP, language, { bypassCSP: axe, reducedMotion: phone ? 'reduce' : 'no-preference' });
}

/** The desktop the course is looked at on (the phone is SCREENS' phone). */
const COURSE_DESKTOP: Screen = { viewport: { width: 1280, height: 800 }, mobile: false };

/** Opens `hash` of the course and waits for the page and, for a section, its figure; returns the milliseconds it took. */
export async function openCourse(page: Page, base: string, hash: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${base}learn/${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  if (/#[a-z]+\/[a-z-]+/.test(hash)) await page.waitForSelector('#figure[data-figure-ready="true"]', { timeout: 60_000 });
  return Date.now() - t0;
}

/** How many pixels the page is wider than its window (≤ 0: no sideways scrolling). */
export const sidewaysOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Records, in every page of `context`, the font of each text drawn on a canvas (fillText and
 * strokeText), by canvas, in the canvas's own pixels — so a test can say how big the text is
 * on the screen (see `phoneProblems`).
 */
export async function watchCanvasText(context: BrowserContext): Promise<void> {
  // A script as text: a function here would be compiled by tsx with helpers the page lacks.
  await context.addInitScript(CANVAS_TEXT_SCRIPT);
}

/** The page side of `watchCanvasText`: wraps fillText and strokeText, keeps each canvas's smallest font (times its transform's scale). */
const CANVAS_TEXT_SCRIPT = `(() => {
  const smallest = new WeakMap();
  const drawn = new Set();
  const note = (context) => {
    const px = Number((/(\\d+(?:\\.\\d+)?)px/.exec(context.font) || [])[1]);
    const canvas = context.canvas;
    if (!(canvas instanceof HTMLCanvasElement) || !Number.isFinite(px)) return;
    if (![...drawn].some((ref) => ref.deref() === canvas)) drawn.add(new WeakRef(canvas));
    const m = context.getTransform();
    const scaled = px * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    smallest.set(canvas, Math.min(smallest.get(canvas) ?? Infinity, scaled));
  };
  // A rectangle over the whole canvas starts a new drawing: what was drawn before is gone.
  for (const name of ['fillRect', 'clearRect']) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (x, y, w, h) {
      const m = this.getTransform();
      const canvas = this.canvas;
      if (canvas instanceof HTMLCanvasElement && m.a * x + m.e <= 0.5 && m.d * y + m.f <= 0.5 && m.a * (x + w) + m.e >= canvas.width - 0.5 && m.d * (y + h) + m.f >= canvas.height - 0.5) smallest.delete(canvas);
      return original.call(this, x, y, w, h);
    };
  }
  for (const name of ['fillText', 'strokeText']) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (...args) {
      note(this);
      return original.apply(this, args);
    };
  }
  window.canvasText = () =>
    [...drawn]
      .map((ref) => ref.deref())
      .filter((c) => c !== undefined && c.isConnected && smallest.has(c) && c.getBoundingClientRect().width > 0)
      .map((c) => ({
        where: c.tagName.toLowerCase() + '.' + [...c.classList].join('.') + '#' + c.id,
        px: (smallest.get(c) * c.getBoundingClientRect().width) / c.width,
        reported: c.dataset.fontPx === undefined ? null : (Number(c.dataset.fontPx) * c.getBoundingClientRect().width) / c.width,
      }));
})();`;

/** What a page must not have on a phone: elements past the window's edges, canvas text under 11 CSS px, small targets (axe's target-size rule). */
export interface PhoneProblems {
  /** Visible elements that reach past the window's left or right edge (a selector and their box). */
  readonly wide: string[];
  /** Canvases whose drawn text is under 11 CSS px, or that draw text without reporting their smallest font (`data-font-px`); SVG text under 11 CSS px. */
  readonly smallText: string[];
  /** axe-core's target-size violations (targets under 24 × 24 CSS px without the room around them). */
  readonly smallTargets: string[];
}

/** Measures `PhoneProblems` on the page as it is (axe-core is added to the page for the target-size rule). */
export async function phoneProblems(page: Page): Promise<PhoneProblems> {
  const wide = await page.evaluate(() => {
    const out: string[] = [];
    const reported: Element[] = [];
    const width = document.documentElement.clientWidth;
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      // Not shown: hidden for the eye (screen-reader text, KaTeX's MathML twin), or inside an element already reported.
      if (e.closest('.visually-hidden, .skip-link, [hidden], svg, .katex-mathml') !== null) continue;
      if (reported.some((r) => r.contains(e))) continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) {
        reported.push(e);
        const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}`;
        out.push(`${name} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
    }
    return out;
  });
  const text = await page.evaluate(() => (window as unknown as { canvasText?: () => { where: string; px: number; reported: number | null }[] }).canvasText?.() ?? []);
  // Text in an SVG: its font size times the SVG's scale on the screen.
  const svgText = await page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('svg text')]
      .filter((t) => t.getBoundingClientRect().width > 0 && t.closest('[hidden]') === null)
      .map((t) => ({ where: `svg text “${(t.textContent ?? '').slice(0, 20)}” in .${(t.closest('[class]') as Element | null)?.getAttribute('class') ?? ''}`, px: parseFloat(getComputedStyle(t).fontSize) * Math.abs(t.getScreenCTM()?.a ?? 1) }))
      .filter((t) => t.px < 11 - 0.05),
  );
  const smallText = text.filter((t) => t.px < 11 - 1e-9 || t.reported === null || t.reported > t.px + 0.05).map((t) => `${t.where}: ${t.px.toFixed(1)} px (reported ${t.reported?.toFixed(1) ?? 'nothing'})`);
  smallText.push(...svgText.map((t) => `${t.where}: ${t.px.toFixed(1)} px`));
  await page.addScriptTag({ path: AXE_PATH });
  const smallTargets = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['target-size'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')));
  });
  return { wide, smallText, smallTargets };
}

/** axe-core's browser build (a development dependency). */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
