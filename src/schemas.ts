// JSON Schemas of every document format, generated from the zod schemas (zod 4's own export),
// for editors: requests, cases, rule files, rule tests, catalog files, the pack manifest.
import { z } from 'zod';
import { requestSchema, caseDocumentSchema } from './request/schema.js';
import { ruleFileSchema, packFileSchema } from './rules/schema.js';
import { ruleTestsSchema } from './cases/schema.js';
import { sourceFileSchema } from './guidelines/catalog.js';
import { reasonsFileSchema } from './cases/reasons.js';

export const JSON_SCHEMAS = {
  request: { schema: requestSchema, title: 'imr-precheck/request@1' },
  case: { schema: caseDocumentSchema, title: 'imr-precheck/case@1' },
  'rule-file': { schema: ruleFileSchema, title: 'imr-precheck rule file (one guideline topic)' },
  'rule-tests': { schema: ruleTestsSchema, title: 'imr-precheck/rule-tests@1' },
  'guideline-source': { schema: sourceFileSchema, title: 'imr-precheck citation catalog: one guideline source' },
  'rule-pack': { schema: packFileSchema, title: 'imr-precheck rule pack manifest' },
  reasons: { schema: reasonsFileSchema, title: 'imr-precheck/reasons@1' },
} as const;

export type SchemaName = keyof typeof JSON_SCHEMAS;

export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { schema, title } = JSON_SCHEMAS[name];
  const generated = z.toJSONSchema(schema as z.ZodType, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: generated.$schema, $id: `https://imr-precheck.local/schemas/${name}.schema.json`, title, ...generated };
}

/** The file text shipped under schemas/ (stable formatting, trailing newline). */
export function schemaFileText(name: SchemaName): string {
  return `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
}
