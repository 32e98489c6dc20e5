import { constants, type Stats } from 'node:fs';
import { access, open, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DigitlabError } from '../errors.js';

/*
 * Checks that a run's outputs can be written, before the run: a model or checkpoint file
 * (written atomically by `writeFileAtomic`: a temporary file beside it, renamed over it) or
 * a folder of results (created with its parents). Node only. Nothing that exists is created,
 * truncated or changed: the one write is an empty probe file in the folder, removed at once,
 * which is the only test a read-only file system, a full inode table or a permission rule
 * cannot fool (as root, `access` says yes to folders that refuse writes).
 */

/** What `replaceProblem` reads of a file's `stat` (a `fs.Stats` has it). */
export interface FileKind {
  isFile(): boolean;
  isDirectory(): boolean;
  readonly mode: number;
}

/** Why an existing file may not be replaced, or null: not a regular file, or read-only. */
export function replaceProblem(stats: FileKind): string | null {
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (!stats.isFile()) return 'is not a regular file';
  // No write bit for anyone: a file its owner protected; root could replace it, but must not.
  if ((stats.mode & 0o222) === 0) return 'is read-only';
  return null;
}

/**
 * Throws a one-line DigitlabError ("--out m.json: is read-only") unless `file` can be written
 * as a file: a non-empty name, not a folder, in a folder that exists and takes new files, and
 * not a read-only or special file. `option` names where the path came from ("--out").
 */
export async function checkOutputFile(file: string, option: string): Promise<void> {
  const fail = (problem: string): never => {
    throw new DigitlabError(`${option} ${file === '' ? '""' : file}: ${problem}`);
  };
  if (file.trim() === '') fail('the file name is empty');
  if (/[/\\]$/.test(file)) fail('names a folder; give a file name');
  const existing = await statOrNull(file, fail);
  if (existing) {
    const problem = replaceProblem(existing);
    if (problem) fail(problem);
    if (!(await writable(file))) fail('is read-only (no permission to write it)');
  }
  const folder = dirname(resolve(file));
  const parent = await statOrNull(folder, fail);
  if (!parent) return fail(`the folder ${dirname(file)} does not exist`);
  if (!parent.isDirectory()) fail(`${dirname(file)} is not a folder`);
  await probe(folder, basename(file), fail);
}

/**
 * Throws a one-line DigitlabError ("--out results: is a file, not a folder") unless `dir` is
 * a folder that takes new files, or can be created (its nearest existing ancestor is a folder
 * that takes new folders). `option` names where the path came from ("--out").
 */
export async function checkOutputFolder(dir: string, option: string): Promise<void> {
  const fail = (problem: string): never => {
    throw new DigitlabError(`${option} ${dir === '' ? '""' : dir}: ${problem}`);
  };
  if (dir.trim() === '') fail('the folder name is empty');
  let at = resolve(dir);
  for (;;) {
    const found = await statOrNull(at, fail);
    if (found) {
      if (!found.isDirectory()) fail(at === resolve(dir) ? 'is a file, not a folder' : `${at} is a file, so the folder cannot be created`);
      await probe(at, 'folder', fail);
      return;
    }
    const up = dirname(at);
    if (up === at) fail('no part of the path exists');
    at = up;
  }
}

async function statOrNull(path: string, fail: (problem: string) => never): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') return fail(`part of the path ${path} is a file, not a folder`);
    return fail(`cannot look at ${path} (${code ?? (e as Error).message})`);
  }
}

async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Creates and removes an empty file in `folder`: the test that the folder takes new files. */
async function probe(folder: string, name: string, fail: (problem: string) => never): Promise<void> {
  const file = join(folder, `.${name}.${process.pid}.probe`);
  try {
    const handle = await open(file, 'wx');
    await handle.close();
    await unlink(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // a probe of our own, left by a crash: the folder does take files
    const why = code === 'EROFS' ? 'is on a read-only file system' : code === 'EACCES' || code === 'EPERM' ? 'does not let us write in it' : `cannot take new files (${code ?? (e as Error).message})`;
    fail(`the folder ${folder} ${why}`);
  }
}
