// `precheck facts [--json]`: the facts rule conditions may read — id, type, meaning, the request
// fields each reads and the module that derives it — so rule authors need not read TypeScript.
import type { Command } from 'commander';
import { z } from 'zod';
import { FACT_MODULES } from '../../facts/registry.js';

/** `params`: the JSON Schema of a parameterized fact's params (absent for a plain fact). */
interface FactRow {
  id: string;
  type: string;
  description: string;
  reads: readonly string[];
  module: string;
  params?: unknown;
}

export function factRows(): FactRow[] {
  return Object.entries(FACT_MODULES)
    .flatMap(([module, defs]) =>
      defs.map((d) => ({
        id: d.id,
        type: d.type,
        description: d.description,
        reads: d.reads,
        module: `src/facts/${module}.ts`,
        ...(d.params ? { params: z.toJSONSchema(d.params.schema, { io: 'input', unrepresentable: 'any' }) } : {}),
      })),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function registerFacts(program: Command): void {
  program
    .command('facts')
    .description('list the facts rule conditions may read: id, type, meaning, the request fields it reads, and its module')
    .option('--json', 'print JSON (one array of facts)')
    .option('--filter <text>', 'only facts whose id contains the text')
    .action((opts: { json?: boolean; filter?: string }) => {
      const rows = factRows().filter((r) => !opts.filter || r.id.includes(opts.filter));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) {
        process.stdout.write(
          `${r.id}  (${r.type}${r.params ? ', takes params' : ''})  ${r.module}\n  ${r.description}\n  reads: ${r.reads.join(', ') || '—'}\n`,
        );
        if (r.params) process.stdout.write(`  params: ${JSON.stringify((r.params as { properties?: unknown }).properties ?? r.params)}\n`);
      }
      process.stdout.write(`${rows.length} fact(s)\n`);
    });
}
