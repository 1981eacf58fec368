import { describe, it, expect } from 'vitest';
import { loadDocuments, loadJson, findDuplicateJsonKey, MAX_DOCUMENT_BYTES } from '../../src/request/load.js';
import { validateRequest } from '../../src/request/validate.js';
import { InputError, formatIssue } from '../../src/request/issues.js';

function problems(text: string, file = 'req.yaml'): string[] {
  try {
    for (const doc of loadDocuments(text, file)) validateRequest(doc);
    return [];
  } catch (err) {
    if (err instanceof InputError) return err.issues.map(formatIssue);
    throw err;
  }
}

const base = `format: imr-precheck/request@1
id: t1
services:
  - { id: esi, kind: epidural-steroid-injection, levels: L4-5 }
`;

describe('request validation errors', () => {
  it('accepts a minimal request', () => {
    expect(problems(base)).toEqual([]);
  });
  it('names file, line, path, the value and what is allowed for a bad level', () => {
    const [msg] = problems(base.replace('levels: L4-5', 'levels: L6-7'));
    expect(msg).toMatch(/^req\.yaml:4:\d+: services\[0\]\.levels: invalid level: "L6-7"/);
    expect(msg).toContain('C2-3 … L5-S1');
  });
  it('suggests the field meant by a typo and lists the allowed ones', () => {
    const [msg] = problems(base.replace('levels: L4-5', 'levles: L4-5'));
    expect(msg).toContain('services[0].levles: unknown field "levles"; did you mean "levels"?');
    expect(msg).toContain('extensions');
  });
  it('allows anything under extensions', () => {
    expect(problems(`${base}extensions: { anything: [1, 2] }\n`)).toEqual([]);
  });
  it('rejects impossible dates', () => {
    const [msg] = problems(`${base}decisionDate: 2024-02-30\n`);
    expect(msg).toContain('decisionDate: invalid date "2024-02-30"');
  });
  it('reports several problems at once, one line each', () => {
    const text = base.replace('levels: L4-5', 'levels: L6-7, side: both') + 'patient: { sex: mail }\n';
    const msgs = problems(text);
    expect(msgs.length).toBe(3);
    expect(msgs.some((m) => m.includes('patient.sex'))).toBe(true);
    expect(msgs.some((m) => m.includes('services[0].side'))).toBe(true);
  });
  it('names a missing required field', () => {
    expect(problems('format: imr-precheck/request@1\nid: x\n')).toEqual([
      'req.yaml:1:1: services: required field is missing (expected array)',
    ]);
  });
  it('rejects a "for:" that names no service, and a cycle', () => {
    expect(problems(base + '  - { id: fl, kind: fluoroscopic-guidance, for: nope }\n')[0]).toContain(
      'services[1].for: "for: nope" names no service',
    );
    expect(problems(base + '  - { id: a, kind: iv-sedation, for: b }\n  - { id: b, kind: iv-sedation, for: a }\n')[0]).toContain(
      'loops back',
    );
  });
  it('rejects an injection purpose outside the vocabulary', () => {
    expect(problems(base.replace('levels: L4-5', 'levels: L4-5, purpose: diagnositc'))[0]).toContain('expected diagnostic | therapeutic');
  });
});

describe('safe YAML and JSON loading', () => {
  it('refuses a billion-laughs alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(() => loadDocuments(bomb, 'bomb.yaml')).toThrow(/alias/i);
  });
  it('refuses custom and binary tags', () => {
    expect(() => loadDocuments('a: !!binary aGVsbG8=\n', 't.yaml')).toThrow(/tags/);
    expect(() => loadDocuments('a: !foo x\n', 't.yaml')).toThrow(/tag/i);
  });
  it('refuses prototype keys in YAML and JSON', () => {
    expect(() => loadDocuments('__proto__: { polluted: 1 }\n', 'p.yaml')).toThrow(/"__proto__" is not allowed/);
    expect(() => loadJson('{"constructor": {"x": 1}}', 'p.json')).toThrow(/"constructor" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('refuses duplicate keys instead of dropping one', () => {
    expect(() => loadDocuments('a: 1\na: 2\n', 'd.yaml')).toThrow();
    expect(() => loadJson('{"id": "a", "services": [{"id": "x", "id": "y"}]}', 'd.json')).toThrow(
      /services\[0\]\.id: this key appears twice/,
    );
    expect(findDuplicateJsonKey('{"a": {"b": 1}, "b": {"a": 2}}')).toBeUndefined();
  });
  it('refuses a document over the size limit', () => {
    const big = `notes: "${'x'.repeat(MAX_DOCUMENT_BYTES + 10)}"\n`;
    expect(() => loadDocuments(big, 'big.yaml')).toThrow(/at most 1 MB/);
  });
  it('refuses several documents in one request file but reads them as a stream', () => {
    expect(() => loadDocuments(`${base}---\n${base}`, 'two.yaml')).toThrow(/2 YAML documents/);
    expect(loadDocuments(`${base}---\n${base}`, 'two.yaml', { stream: true })).toHaveLength(2);
  });
  it('reports YAML syntax errors with a line', () => {
    const [msg] = (() => {
      try {
        loadDocuments('a: [1, 2\nb: 3\n', 's.yaml');
        return [];
      } catch (e) {
        return (e as InputError).issues.map(formatIssue);
      }
    })();
    expect(msg).toMatch(/^s\.yaml:\d+:\d+: /);
  });
});
