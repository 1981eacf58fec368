// `precheck schema [name]`: prints a JSON Schema, or writes them all with --out.
import type { Command } from 'commander';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMAS, schemaFileText, type SchemaName } from '../../schemas.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(`print the JSON Schema of a document format (${Object.keys(JSON_SCHEMAS).join(', ')}), or write them all with --out`)
    .argument('[name]', 'which schema', 'request')
    .option('--out <dir>', 'write every schema to <dir>/<name>.schema.json')
    .action((name: string, opts: { out?: string }) => {
      if (opts.out) {
        mkdirSync(opts.out, { recursive: true });
        for (const n of Object.keys(JSON_SCHEMAS) as SchemaName[]) writeFileSync(join(opts.out, `${n}.schema.json`), schemaFileText(n));
        process.stderr.write(`wrote ${Object.keys(JSON_SCHEMAS).length} schemas to ${opts.out}\n`);
        return;
      }
      if (!(name in JSON_SCHEMAS)) {
        process.stderr.write(`precheck schema: unknown schema "${name}"; expected one of: ${Object.keys(JSON_SCHEMAS).join(', ')}\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(schemaFileText(name as SchemaName));
    });
}
