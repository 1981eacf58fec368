// The batch side of `precheck check` for claims staff: CSV, totals, one report per request,
// results that name their source, the exit policy, and the exit codes in --help.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvErrorRow, csvHeader } from '../../src/report/csv.js';

const CLI = join(import.meta.dirname, '../../dist/cli/precheck.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
const dir = mkdtempSync(join(tmpdir(), 'precheck-batch-'));
const UPHELD = 'examples/esi-no-mri-report.yaml';
const OVERTURNED = 'examples/esi-overturned.yaml';
const invalid = join(dir, 'bad.yaml');
writeFileSync(invalid, 'format: imr-precheck/request@1\nid: bad\nservices: []\n');

describe('precheck check for batches', () => {
  it('--format csv: a header, one row per service with its file, and a row per invalid request', () => {
    const r = run(['check', UPHELD, OVERTURNED, invalid, '--format', 'csv']);
    expect(r.status).toBe(2);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('request,file,line,service,kind,label,prediction,guideline,failing_criteria,error');
    expect(rows.filter((x) => x.startsWith('example-esi-no-mri-report,examples/esi-no-mri-report.yaml,,'))).toHaveLength(3);
    expect(rows[1]).toContain(
      ',upheld,"MTUS-CPMTG: Epidural steroid injections (ESIs), p. 46",esi.radiculopathy-corroborated (not documented),',
    );
    expect(rows.at(-1)).toMatch(/^bad,.*bad\.yaml,,,,,invalid,,,"services: expected at least 1 item/);
  });
  it('neutralizes spreadsheet formulas and quotes commas', () => {
    expect(csvErrorRow('=cmd()', { file: 'a,b.yaml' }, [{ file: 'x', path: '', code: 'c', message: '+1' }])).toBe(
      `'=cmd(),"a,b.yaml",,,,,invalid,,,'+1\r\n`,
    );
    expect(csvHeader()).toMatch(/^request,file,/);
  });
  it('ends a text or markdown run of several requests with totals per prediction and family', () => {
    const text = run(['check', UPHELD, OVERTURNED, invalid]);
    expect(text.stdout).toMatch(
      /Summary: 3 request\(s\), 1 invalid; 5 service\(s\): 3 upheld, 2 overturned, 0 not covered\n {2}injections: 2 upheld, 2 overturned, 0 not covered\n {2}physical-medicine: 1 upheld, 0 overturned, 0 not covered\n {2}invalid: .*bad\.yaml \(1 problem\(s\); see stderr\)\n$/,
    );
    const md = run(['check', UPHELD, OVERTURNED, '--format', 'markdown']);
    expect(md.stdout).toContain('## Summary');
    expect(md.stdout).toContain('| **all** | **3** | **2** | **0** |');
    expect(run(['check', UPHELD]).stdout).not.toContain('Summary:');
  }, 20_000);
  it('every result names the file (and line, for a stream) it came from', () => {
    const json = JSON.parse(run(['check', UPHELD, '--format', 'json']).stdout);
    expect(json.source).toEqual({ file: UPHELD });
    expect(run(['check', UPHELD]).stdout).toContain(`from ${UPHELD}`);
    const lines = readFileSync('examples/batch.jsonl', 'utf8').trim().split('\n');
    const stream = run(['check', '-', '--format', 'jsonl'], `${lines[0]}\n\n{"id": 1}\n${lines[1]}\n`)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(stream.map((o) => o.source)).toEqual([
      { file: '<stdin>', line: 1 },
      { file: '<stdin>', line: 3 },
      { file: '<stdin>', line: 4 },
    ]);
  }, 20_000);
  it('--out-dir writes one report per request, named after its file, without collisions', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, 'same.yaml'), readFileSync(UPHELD));
    writeFileSync(join(b, 'same.yaml'), readFileSync(OVERTURNED));
    const out = join(dir, 'reports');
    const r = run(['check', a, b, '--out-dir', out, '--format', 'markdown']);
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['same-2.md', 'same.md']);
    expect(readFileSync(join(out, 'same.md'), 'utf8')).toMatch(/^# IMR pre-check: example-esi-no-mri-report/);
    expect(readFileSync(join(out, 'same-2.md'), 'utf8')).toMatch(/^# IMR pre-check: example-esi-overturned/);
    expect(r.stdout).toMatch(/^## Summary/);
    expect(r.stderr).toContain('wrote 2 report(s)');
  });
  it('--fail-on sets the exit policy; the default stays as documented', () => {
    expect(run(['check', UPHELD]).status).toBe(1);
    expect(run(['check', UPHELD, '--fail-on', 'invalid']).status).toBe(0);
    expect(run(['check', UPHELD, invalid, '--fail-on', 'invalid']).status).toBe(2);
    expect(run(['check', UPHELD, invalid, '--fail-on', 'never']).status).toBe(0);
    const bad = run(['check', UPHELD, '--fail-on', 'sometimes']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected one of: upheld, invalid, never');
  }, 30_000);
  it('check --help lists the exit codes', () => {
    const help = run(['check', '--help']).stdout;
    for (const line of [
      /0 {2}every requested service predicted overturned/,
      /1 {2}at least one service predicted upheld/,
      /2 {2}invalid input/,
      /3 {2}only not-covered/,
      /--fail-on never/,
    ])
      expect(help).toMatch(line);
  });
});
