/**
 * None of the private specification's item codes (a capital S or B and a number) in anything
 * a user of the CLI reads: every
 * command's --help, found by walking the command tree from `digitlab --help`, and the printed
 * output of the explain and experiment commands (their other tests check the rest of it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI, runCli } from '../cli/run-cli.js';

const run = promisify(execFile);

/** One of the private specification's item codes: a capital S or B and a number. */
const SPEC_CODE = /\b[SB][0-9]{1,2}\b/;

/** The subcommands listed under "Commands:" in a help text. */
function subcommands(help: string): string[] {
  const section = help.split(/\nCommands:\n/)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]).filter((name) => name !== 'help');
}

test('every command\'s --help is free of specification codes', async () => {
  const seen: string[] = [];
  // One level of the command tree at a time, its commands' --help run side by side.
  for (let level: string[][] = [[]]; level.length > 0; ) {
    const helps = await Promise.all(level.map((path) => help(path)));
    const next: string[][] = [];
    level.forEach((path, i) => {
      assert.doesNotMatch(helps[i], SPEC_CODE, `digitlab ${path.join(' ')} --help`);
      seen.push(path.join(' '));
      for (const name of subcommands(helps[i])) next.push([...path, name]);
    });
    level = next;
  }
  // The walk reached the commands this test is about, and their subcommands.
  for (const c of ['train', 'experiment noise', 'experiment neuron-inputs', 'experiment activations', 'explain nudges', 'explain chain']) assert.ok(seen.includes(c), `walked ${c}`);
});

/** The --help text of `digitlab ...path`. */
async function help(path: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...path, '--help'], { encoding: 'utf8' });
  return stdout;
}

test('the printed output of explain and experiment commands is free of specification codes', async () => {
  const out = await mkdtemp(join(tmpdir(), 'digitlab-codes-'));
  const runs = [
    ['explain', 'nudges', '--average', '300'],
    ['explain', 'nudges', '--untrained', '2', '--index', '4', '--average', '0'],
    ['explain', 'chain'],
    ['explain', 'descent'],
    ['experiment', 'neuron-inputs', '--steps', '5', '--out', join(out, 'ni')],
    ['experiment', 'noise', '--count', '50', '--out', join(out, 'noise')],
    ['experiment', 'activations', '--train-count', '600', '--epochs', '1', '--out', join(out, 'act')],
    ['experiment', 'activations', '--sweep', '--rates', '0.3', '--seeds', '1', '--train-count', '600', '--epochs', '1', '--out', join(out, 'sweep')],
  ];
  for (const args of runs) {
    const r = runCli(args);
    assert.equal(r.code, 0, `digitlab ${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stdout.length > 100, `digitlab ${args.join(' ')} printed its summary`);
    assert.doesNotMatch(r.stdout + r.stderr, SPEC_CODE, `digitlab ${args.join(' ')}`);
  }
});
