// The JSON Schemas shipped under schemas/ must equal what the code emits (run
// `precheck schema --out schemas` after changing a zod schema).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMAS, schemaFileText, type SchemaName } from '../src/schemas.js';

describe('shipped JSON Schemas', () => {
  for (const name of Object.keys(JSON_SCHEMAS) as SchemaName[]) {
    it(`schemas/${name}.schema.json is current`, () => {
      const shipped = readFileSync(join(import.meta.dirname, '..', 'schemas', `${name}.schema.json`), 'utf8');
      expect(shipped).toBe(schemaFileText(name));
    });
  }
  it('the request schema is closed (unknown fields rejected) and lists the spec fields', () => {
    const s = JSON.parse(schemaFileText('request')) as {
      additionalProperties: boolean;
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining([
        'format',
        'id',
        'decisionDate',
        'patient',
        'injury',
        'diagnoses',
        'symptoms',
        'exam',
        'studies',
        'treatments',
        'surgeries',
        'medications',
        'documentation',
        'services',
        'extensions',
      ]),
    );
    expect(s.required).toEqual(['format', 'id', 'services']);
  });
});
