// A TypeDoc plugin (typedoc.json → plugin): the doc comments cite the specification's codes
// (S1–S29, B1–B10) for the people who maintain the code; readers of the API reference never
// see them. "(S10)" and "(S18, S24–S29)" go; "(S15: random, …)" becomes "(random, …)".
// Any code left after that is reported as a warning, which typedoc.json turns into an error.
import { Converter } from 'typedoc';

const CODE = String.raw`[SB]\d{1,2}(?:[–-][SB]?\d{1,2})?`;
const CODE_LIST = String.raw`${CODE}(?:,\s*${CODE})*`;
const ALONE = new RegExp(String.raw`\s*\(${CODE_LIST}\)`, 'g');
const LEADING = new RegExp(String.raw`\(${CODE_LIST}:\s*`, 'g');
const ANY = new RegExp(String.raw`\b${CODE}\b`);

/** The text without specification codes. */
export function stripSpecCodes(text) {
  return text.replace(ALONE, '').replace(LEADING, '(');
}

/** TypeDoc's entry point for plugins. */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const comment = reflection.comment;
      if (comment === undefined) continue;
      for (const parts of [comment.summary, ...comment.blockTags.map((tag) => tag.content)]) {
        for (const part of parts) {
          if (part.kind !== 'text' && part.kind !== 'code') continue;
          if (part.kind === 'text') part.text = stripSpecCodes(part.text);
          if (ANY.test(part.text)) app.logger.warn(`${reflection.getFriendlyFullName()}: a specification code is left in "${part.text.trim()}"`);
        }
      }
    }
  });
}
