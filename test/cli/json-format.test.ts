// `check --format json`: one object for one request (the contract), an array for several.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '../../dist/cli/precheck.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });

describe('precheck check --format json', () => {
  it('prints one result object, not an array, for one request', () => {
    const r = run(['check', 'examples/esi-overturned.yaml', '--format', 'json']);
    const parsed = JSON.parse(r.stdout);
    expect(Array.isArray(parsed)).toBe(false);
    expect(parsed.format).toBe('imr-precheck/result@1');
    expect(parsed.request).toBe('example-esi-overturned');
  });
  it('prints an array in input order for several requests', () => {
    const r = run([
      'check',
      'examples/esi-overturned.yaml',
      'examples/esi-no-mri-report.yaml',
      'examples/facet-therapeutic.yaml',
      '--format',
      'json',
    ]);
    const parsed = JSON.parse(r.stdout) as { request: string }[];
    expect(parsed.map((p) => p.request)).toEqual(['example-esi-overturned', 'example-esi-no-mri-report', expect.any(String)]);
  });
  it('prints one error object for one invalid request', () => {
    const r = run(['check', '-', '--format', 'json'], '{"format":"imr-precheck/request@1","id":"x","services":[]}');
    expect(r.status).toBe(2);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.error.issues[0].path).toBe('services');
  });
});
