import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DigitlabError } from '../errors.js';
import { type Model, parseModelText, serializeModel } from './model-file.js';
import { replaceProblem } from './output-path.js';

/**
 * Largest model file read: 512 MiB, about what V8 can hold as one string, and room for
 * MAX_PARAMETERS at ~10 characters a number.
 */
export const MAX_MODEL_FILE_BYTES = 512 * 1024 * 1024;

/** Reads and checks a model file; every problem is a DigitlabError naming the file. */
export async function loadModel(file: string): Promise<Model> {
  let text: string;
  try {
    // Size first: a file larger than any model is refused before it is read into memory.
    const size = (await stat(file)).size;
    if (size > MAX_MODEL_FILE_BYTES) {
      throw new DigitlabError(`${file}: ${size.toLocaleString('en-US')} bytes is larger than any model file (at most ${MAX_MODEL_FILE_BYTES.toLocaleString('en-US')})`);
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof DigitlabError) throw e;
    throw new DigitlabError(`${file}: cannot read the model file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseModelText(text, basename(file));
}

/** Saves a model atomically: the text goes to a temporary file beside `file`, renamed over it, so a reader (or a crash) sees the old model or the new one, never half. */
export async function saveModel(file: string, model: Model): Promise<void> {
  await writeFileAtomic(file, serializeModel(model));
}

/**
 * Writes a file so that readers see either the old content or the new, never a half:
 * the text goes to a temporary file in the same directory, which is then renamed over the
 * target (rename is atomic within one file system). A failure leaves the old file as it was.
 * A folder, a special file or a read-only file in its place is refused, not replaced.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const existing = await stat(file).catch(() => null);
  const problem = existing ? replaceProblem(existing) : null;
  if (problem) throw new DigitlabError(`${file}: cannot write (it ${problem})`);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw new DigitlabError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
