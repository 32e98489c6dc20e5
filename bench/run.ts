// `npm run bench [-- --suite default|wide] [--json] [--rounds N] [--skip tfjs,c,default,reference,numpy,torch]`:
// see suite.ts (the default suite) and suite-wide.ts.
import { DigitlabError } from '../src/errors.js';
import { parseBenchArgs, runBenchCommand } from './command.js';

try {
  process.exitCode = await runBenchCommand(parseBenchArgs(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof DigitlabError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
