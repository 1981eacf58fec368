// The examples in docs/request-format.md are valid: every YAML block that is a request (or a
// part of one, merged into a minimal request) passes the validator the CLI uses.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkText } from '../../src/api.js';

const doc = readFileSync(join(import.meta.dirname, '../../docs/request-format.md'), 'utf8');
const blocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
const base = { format: 'imr-precheck/request@1', id: 'doc-example', decisionDate: '2016-06-01', services: [{ id: 's', kind: 'other' }] };

describe('docs/request-format.md examples', () => {
  const requestParts = blocks.filter((b) => !b.includes('…') && !b.includes('imr-precheck/case@1'));
  it('has examples for every part of the request', () => {
    const keys = new Set(requestParts.flatMap((b) => Object.keys(parse(b) as object)));
    for (const k of [
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
    ])
      expect(keys).toContain(k);
  });
  requestParts.forEach((block, i) => {
    it(`example ${i + 1} (${block.split('\n')[0]}) is valid`, () => {
      const part = parse(block) as Record<string, unknown>;
      const request = { ...base, ...part };
      expect(() => checkText(JSON.stringify(request), `example-${i + 1}`)).not.toThrow();
    });
  });
});
