// JSON Schemas of every document format, generated from the zod schemas (zod 4's own export),
// for editors: requests, cases, rule files, rule tests, catalog files, the pack manifest.
import { z } from 'zod';
import { requestSchema, caseDocumentSchema } from './request/schema.js';
import { ruleFileSchema, packFileSchema, conditionsFileSchema } from './rules/schema.js';
import { ruleTestsSchema } from './cases/schema.js';
import { sourceFileSchema } from './guidelines/catalog.js';
import { reasonsFileSchema } from './cases/reasons.js';
import { FACTS } from './facts/registry.js';
import { OPERATORS, OPERATOR_DESCRIPTIONS } from './rules/operators.js';
import { loadCatalog, loadNamedConditions, DEFAULT_GUIDELINES_DIR, DEFAULT_RULES_DIR } from './rules/pack.js';

export const JSON_SCHEMAS = {
  request: { schema: requestSchema, title: 'imr-precheck/request@1' },
  case: { schema: caseDocumentSchema, title: 'imr-precheck/case@1' },
  'rule-file': { schema: ruleFileSchema, title: 'imr-precheck rule file (one guideline topic)' },
  conditions: { schema: conditionsFileSchema, title: 'imr-precheck named shared conditions (rules/conditions.yaml)' },
  'rule-tests': { schema: ruleTestsSchema, title: 'imr-precheck/rule-tests@1' },
  'guideline-source': { schema: sourceFileSchema, title: 'imr-precheck citation catalog: one guideline source' },
  'rule-pack': { schema: packFileSchema, title: 'imr-precheck rule pack manifest' },
  reasons: { schema: reasonsFileSchema, title: 'imr-precheck/reasons@1' },
} as const;

export type SchemaName = keyof typeof JSON_SCHEMAS;

export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { schema, title } = JSON_SCHEMAS[name];
  const generated = z.toJSONSchema(schema as z.ZodType, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  if (name === 'rule-file' || name === 'conditions') enumerateRuleVocabulary(generated);
  return { $schema: generated.$schema, $id: `https://imr-precheck.local/schemas/${name}.schema.json`, title, ...generated };
}

const CITATION_PATTERN = '^[A-Z][A-Z-]+#[a-z0-9][a-z0-9.-]*$';

/**
 * Lists the facts, operators, named conditions and catalog references a rule file may name, each
 * with its meaning, so editors complete and explain them (`enum` with VS Code's
 * `enumDescriptions`); a parameterized fact's leaf gets the schema of its `params`.
 */
function enumerateRuleVocabulary(schema: Record<string, unknown>): void {
  const facts = [...FACTS.values()].sort((a, b) => a.id.localeCompare(b.id));
  const factEnum = {
    type: 'string',
    enum: facts.map((f) => f.id),
    enumDescriptions: facts.map((f) => `${f.type}${f.params ? ' (takes params)' : ''}: ${f.description}`),
  };
  const paramsRules = facts
    .filter((f) => f.params)
    .map((f) => ({
      if: { properties: { fact: { const: f.id } }, required: ['fact'] },
      then: { properties: { params: z.toJSONSchema(f.params!.schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) } },
    }));
  const operators = Object.keys(OPERATORS);
  const operatorEnum = { type: 'string', enum: operators, enumDescriptions: operators.map((o) => OPERATOR_DESCRIPTIONS[o] ?? '') };
  const { catalog } = loadCatalog(DEFAULT_GUIDELINES_DIR, []);
  const refs = catalog.allRefs().sort();
  const refDescriptions = refs.map((r) => {
    const c = catalog.resolve(r);
    return c ? `${c.source} ${c.section}${c.pages ? `, p. ${c.pages}` : ''}` : r;
  });
  const named = loadNamedConditions(DEFAULT_RULES_DIR, catalog, []).descriptions;
  const names = [...named.keys()].sort();
  const nameEnum = { type: 'string', enum: names, enumDescriptions: names.map((n) => named.get(n) ?? '') };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'string' && obj.pattern === CITATION_PATTERN) {
      obj.enum = refs;
      obj.enumDescriptions = refDescriptions;
    }
    const props = obj.properties as Record<string, unknown> | undefined;
    if (props && 'fact' in props) {
      props.fact = factEnum;
      if ('operator' in props) {
        props.operator = operatorEnum;
        if (paramsRules.length > 0) obj.allOf = paramsRules;
      }
    }
    // the named-condition reference `{ condition: name }` (a criterion's `condition` has siblings)
    if (props && Object.keys(props).length === 1 && 'condition' in props) props.condition = nameEnum;
    Object.values(obj).forEach(visit);
  };
  visit(schema);
}

/** The file text shipped under schemas/ (stable formatting, trailing newline). */
export function schemaFileText(name: SchemaName): string {
  return `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
}
