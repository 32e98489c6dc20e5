import { relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { COURSE_LINK_MESSAGES } from '../src/lab/components/course-link-messages.js';
import { EXPLAIN_MESSAGES } from '../src/lab/components/explain/messages.js';
import { LAB_MESSAGES } from '../src/lab/pages/lab/messages.js';
import { COURSE_MESSAGES } from '../src/lab/pages/learn/messages.js';
import { PAGE_DESCRIPTIONS } from '../src/lab/site/page-descriptions.js';

/** Each page (its path under src/lab) and the table its static HTML takes its words from. */
const PAGE_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'index.html': LAB_MESSAGES.en,
  'explain/index.html': EXPLAIN_MESSAGES.en,
  'learn/index.html': COURSE_MESSAGES.en,
};

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/**
 * Fills a page's static HTML with its English words at build time: each empty element marked
 * `data-i18n="key"` gets its text, `data-i18n-label` its aria-label, `data-i18n-title` its
 * title (all from the page's message table), the empty header link `id="course-link"` the
 * course link's words, and `<meta data-site-text>` its description.
 * The page's script writes the same words again (or the reader's language): until it runs, the
 * first paint already has the text's size, so nothing moves when the script arrives. A key a
 * table lacks fails the build.
 */
export function prefillPageText(root: string): Plugin {
  return {
    name: 'digitlab-prefill-page-text',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const page = relative(root, ctx.filename).split(sep).join('/');
        const words = (table: Readonly<Record<string, string>>, key: string): string => {
          const text = table[key];
          if (text === undefined) throw new Error(`${page}: no message "${key}" in its table`);
          return text;
        };
        let out = html.replace(/<meta([^>]*?) content="" data-site-text="(\w+)"([^>]*)>/g, (_, before: string, key: string, after: string) => `<meta${before} content="${escapeAttribute(words(PAGE_DESCRIPTIONS.en, key))}"${after}>`);
        const table = PAGE_TABLES[page];
        if (table === undefined) return out;
        out = out.replace(/<(\w+)([^<>]*?\sdata-i18n="(\w+)"[^<>]*)><\/\1>/g, (_, tag: string, attributes: string, key: string) => `<${tag}${attributes}>${escapeText(words(table, key))}</${tag}>`);
        out = out.replace(/(<a\b[^<>]*\sid="course-link"[^<>]*>)<\/a>/g, (_, open: string) => `${open}${escapeText(COURSE_LINK_MESSAGES.en.link)}</a>`);
        out = out.replace(/\sdata-i18n-label="(\w+)"/g, (whole, key: string) => `${whole} aria-label="${escapeAttribute(words(table, key))}"`);
        out = out.replace(/\sdata-i18n-title="(\w+)"/g, (whole, key: string) => `${whole} title="${escapeAttribute(words(table, key))}"`);
        return out;
      },
    },
  };
}
