// Runs the built CLI (dist/, built by `npm test` first) as a user would.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '../../dist/cli/precheck.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });

const request = (id: string, extra = '') =>
  `{"format":"imr-precheck/request@1","id":"${id}","decisionDate":"2016-06-01","services":[{"id":"t","kind":"transportation"${extra}}]${''}}`;
const overturnedTransport = (id: string) =>
  `{"format":"imr-precheck/request@1","id":"${id}","decisionDate":"2016-06-01","documentation":{"cannotUseOrdinaryTransport":true},"services":[{"id":"t","kind":"transportation"}]}`;
const dir = mkdtempSync(join(tmpdir(), 'precheck-'));

describe('precheck check', () => {
  it('prints a readable determination and exits 1 when a service is upheld', () => {
    const r = run(['check', 'examples/esi-no-mri-report.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('UPHELD');
    expect(r.stdout).toContain('To overturn, document:');
    expect(r.stderr).toBe('');
  });
  it('exits 0 when every service is overturned, 3 when only not-covered remain besides', () => {
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, overturnedTransport('ok'));
    expect(run(['check', ok]).status).toBe(0);
    const nc = join(dir, 'nc.json');
    writeFileSync(
      nc,
      `{"format":"imr-precheck/request@1","id":"nc","documentation":{"cannotUseOrdinaryTransport":true},"services":[{"id":"t","kind":"transportation"},{"id":"x","kind":"inpatient-stay"}]}`,
    );
    expect(run(['check', nc]).status).toBe(3);
  });
  it('streams JSON Lines from stdin in input order, with an error line for a bad request, exit 2', () => {
    const input = [
      overturnedTransport('a'),
      '{"format":"imr-precheck/request@1","id":"b","services":[{"id":"t","kind":"teleportation"}]}',
      request('c'),
    ].join('\n');
    const r = run(['check', '-', '--format', 'jsonl'], input);
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.request)).toEqual(['a', 'b', 'c']);
    expect(lines[1].error.issues[0]).toMatchObject({ path: 'services[0].kind', code: 'invalid-value' });
    expect(lines[2].services[0].prediction).toBe('upheld');
    expect(r.stderr).toContain('<stdin>#2:1:74: services[0].kind');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('reads a YAML stream separated by ---', () => {
    const yaml = `format: imr-precheck/request@1\nid: y1\nservices: [{ id: t, kind: transportation }]\n---\nformat: imr-precheck/request@1\nid: y2\nservices: [{ id: t, kind: transportation }]\n`;
    const r = run(['check', '-', '--format', 'jsonl'], yaml);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).request),
    ).toEqual(['y1', 'y2']);
  });
  it('prints a JSON array for several files and Markdown reports', () => {
    const r = run(['check', 'examples/esi-no-mri-report.yaml', 'examples/esi-overturned.yaml', '--format', 'json']);
    const parsed = JSON.parse(r.stdout);
    expect(parsed).toHaveLength(2);
    expect(parsed[0].format).toBe('imr-precheck/result@1');
    const md = run(['check', 'examples/esi-no-mri-report.yaml', '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# IMR pre-check: /);
    expect(md.stdout).toContain('| Service | Prediction | Guideline | Failing criteria |');
  });
  it('gives one clear line per problem, exit 2, for malformed files', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'format: imr-precheck/request@1\nid: bad\ndecisionDate: 2024-13-40\nservices:\n  - { id: e, kind: epidural-steroid-injection, levels: L6-7, colour: red }\n',
    );
    const r = run(['check', bad]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith(bad))).toBe(true);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `notes: "${'x'.repeat(5 * 1024 * 1024)}"\n`);
    const b = run(['check', big]);
    expect(b.status).toBe(2);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
    expect(run(['check', join(dir, 'missing.yaml')]).stderr).toContain('file not found');
  });
  it('stops quietly when the reader closes the pipe early', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => overturnedTransport(`p${i}`)).join('\n');
    const r = spawnSync('sh', ['-c', `node ${CLI} check - --format jsonl | head -c 10`], { input: lines, encoding: 'utf8' });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).toBe('');
  });
  it('rejects an unknown format option', () => {
    const r = run(['check', 'examples/esi-no-mri-report.yaml', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown --format "xml"');
  });
});
