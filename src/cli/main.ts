#!/usr/bin/env node
// The `precheck` command line: one module per subcommand; exit codes and error printing live
// here, never in the library.
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerTest } from './commands/test.js';
import { registerLint } from './commands/lint.js';
import { registerSchema } from './commands/schema.js';
import { registerParseLetter } from './commands/parse-letter.js';
import { registerFacts } from './commands/facts.js';
import { registerServe } from './commands/serve.js';
import { registerDraft } from './commands/draft.js';
import { InputError } from '../request/issues.js';
import { printIssues } from './io.js';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('precheck')
  .description('Predicts whether a California workers\' compensation treatment request would survive Independent Medical Review, and which guideline criterion is missing if not.')
  .version(pkg.version)
  .showHelpAfterError()
  .exitOverride();

// A reader that stops early (`precheck check - | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  process.stderr.write(`precheck: cannot write the output: ${err.message}\n`);
  process.exit(4);
});

registerCheck(program);
registerTest(program);
registerLint(program);
registerFacts(program);
registerSchema(program);
registerParseLetter(program);
registerServe(program);
registerDraft(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof InputError) {
    printIssues(err.issues);
    process.exitCode = 2;
  } else {
    process.stderr.write(`precheck: internal error: ${(err as Error).message}\n`);
    process.exitCode = 4;
  }
}
