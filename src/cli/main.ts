#!/usr/bin/env node
// The `precheck` command line: one module per subcommand; exit codes and error printing live
// here, never in the library.
import { Command, CommanderError } from 'commander';
import { InputError } from '../request/issues.js';
import { printIssues } from './io.js';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('precheck')
  .description(
    "Predicts whether a California workers' compensation treatment request would survive Independent Medical Review, and which guideline criterion is missing if not.",
  )
  .version(pkg.version)
  .showHelpAfterError()
  .exitOverride();

// A reader that stops early (`precheck check - | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  process.stderr.write(`precheck: cannot write the output: ${err.message}\n`);
  process.exit(4);
});

/**
 * Each subcommand's module, loaded only when that command runs (the bundle splits them): `check`
 * does not load the letter parser, the PDF reader, the drafter, the test harness or the server.
 * Help, a version request or an unknown command loads them all (help lists every command).
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  check: async () => (await import('./commands/check.js')).registerCheck,
  test: async () => (await import('./commands/test.js')).registerTest,
  lint: async () => (await import('./commands/lint.js')).registerLint,
  facts: async () => (await import('./commands/facts.js')).registerFacts,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  'parse-letter': async () => (await import('./commands/parse-letter.js')).registerParseLetter,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  draft: async () => (await import('./commands/draft.js')).registerDraft,
};
const named = process.argv[2];
const needed = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const register of await Promise.all(needed.map((name) => COMMANDS[name]!()))) register(program);

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
