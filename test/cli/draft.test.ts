// `precheck draft` and `precheck check --draft`, run from the built CLI as a user would.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';

const CLI = join(import.meta.dirname, '../../dist/cli/precheck.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
const NOTE = 'examples/progress-note-lumbar-esi.txt';

describe('precheck draft', () => {
  it('drafts the example note: facts with their words, services from the RFA lines, a warning to confirm', () => {
    const r = run(['draft', NOTE]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('must be confirmed');
    const request = parse(r.stdout) as Record<string, any>;
    expect(request.format).toBe('imr-precheck/request@1');
    expect(request.services.map((s: any) => s.kind)).toEqual(['epidural-steroid-injection', 'fluoroscopic-guidance']);
    const slr = request.exam.find((e: any) => e.finding === 'straight-leg-raise');
    expect(slr).toMatchObject({ result: 'positive', side: 'left' });
    expect(slr.extensions.evidence[0]).toMatchObject({ line: 16, column: 1, quote: 'Straight leg raise' });
    expect(request.studies[0]).toMatchObject({ type: 'mri', region: 'lumbar', officialReport: true });
  });
  it('reads standard input and writes JSON', () => {
    const r = run(['draft', '-', '--format', 'json', '--services-from', 'none'], 'He denies numbness. Straight leg raise was negative.');
    expect(r.status).toBe(0);
    const request = JSON.parse(r.stdout);
    expect(request.symptoms).toEqual([expect.objectContaining({ kind: 'numbness', result: 'negative' })]);
    expect(request.services[0].extensions.placeholder).toBe(true);
    expect(r.stderr).toContain('no requested service found');
  });
  it('says clearly what is wrong with its arguments', () => {
    expect(run(['draft', 'no-such-file.txt']).stderr).toMatch(/no-such-file\.txt: file not found/);
    expect(run(['draft', NOTE, '--services-from', 'fax']).status).toBe(2);
  });
});

describe('precheck check --draft', () => {
  it('drafts, decides, shows the drafted words behind each criterion, and warns', () => {
    const r = run(['check', '--draft', NOTE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OVERTURNED');
    expect(r.stdout).toMatch(/esi\.radiculopathy-on-exam \(met\): 16:\d+ "Sensation"/);
    expect(r.stderr).toContain('WARNING');
  });
});

describe('quotesFor', () => {
  it('finds the words behind a list item and behind a documentation field', async () => {
    const { quotesFor } = await import('../../src/cli/commands/draft.js');
    const request = {
      studies: [{ type: 'mri', extensions: { evidence: [{ line: 3, column: 1, quote: 'MRI' }] } }],
      documentation: { redFlags: [], extensions: { evidence: { redFlags: { line: 9, column: 5, quote: 'no red flags' } } } },
    };
    expect(quotesFor(request, 'studies[0].officialReport = false')).toEqual(['3:1 "MRI"']);
    expect(quotesFor(request, 'documentation.redFlags = []')).toEqual(['9:5 "no red flags"']);
    expect(quotesFor(request, 'exam: no sensory finding recorded')).toEqual([]);
  });
});
