#!/usr/bin/env node
// The `digitlab` command: runs the TypeScript CLI through tsx's loader, so the sources are
// the program (no separate compile step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
