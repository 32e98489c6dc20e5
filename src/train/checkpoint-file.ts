import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DigitlabError } from '../errors.js';
import { writeFileAtomic } from '../model/model-io.js';
import { type Checkpoint, parseCheckpointText, serializeCheckpoint } from './checkpoint.js';

/** Largest checkpoint file read (bytes): ample for MAX_PARAMETERS with Adam's two moments. */
export const MAX_CHECKPOINT_BYTES = 512 * 1024 * 1024;

/** Saves a checkpoint atomically (a reader sees the previous checkpoint or this one, never half). Node only. */
export async function saveCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await writeFileAtomic(file, serializeCheckpoint(checkpoint));
}

/** Reads and checks a checkpoint file; every problem is a DigitlabError naming the file. Node only. */
export async function loadCheckpoint(file: string): Promise<Checkpoint> {
  let text: string;
  try {
    // Size first: a huge file is refused before it is read into memory.
    const size = (await stat(file)).size;
    if (size > MAX_CHECKPOINT_BYTES) throw new DigitlabError(`${file}: ${size.toLocaleString('en-US')} bytes is larger than any checkpoint`);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof DigitlabError) throw e;
    throw new DigitlabError(`${file}: cannot read the checkpoint (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseCheckpointText(text, basename(file));
}
