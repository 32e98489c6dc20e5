// `npm run bench [-- --json] [--epochs N] [--skip tfjs,c,default,reference]`: see suite.ts.
import { parseBenchArgs, runBenchCommand } from './command.js';

process.exitCode = await runBenchCommand(parseBenchArgs(process.argv.slice(2)));
