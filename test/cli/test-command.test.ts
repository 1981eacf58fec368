// Runs the built CLI (dist/, built by `npm test` first) as a rule author would.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '../../dist/cli/precheck.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
const dir = mkdtempSync(join(tmpdir(), 'precheck-test-'));
const SEEDS = ['test', 'test/cases/seeds', '--no-snapshot'];

describe('precheck test --reasons', () => {
  it('passes on the seed letters with the project reasons file', () => {
    const r = run(SEEDS);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Reason agreement (');
  });
  it('fails, naming the file and line, when the reasons file cannot be parsed', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'items:\n  - letter: X\n    reasons: [unclosed\n');
    const r = run([...SEEDS, '--reasons', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Reason agreement: ${bad} could not be read:`);
    expect(r.stdout).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `));
  });
  it('fails when a reasons file named on the command line does not exist', () => {
    const r = run([...SEEDS, '--reasons', join(dir, 'missing.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('no such file');
  });
  it('with --format json, prints the problems on stderr and fails', () => {
    const bad = join(dir, 'bad-json.yaml');
    writeFileSync(bad, 'items: [\n');
    const r = run([...SEEDS, '--format', 'json', '--reasons', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(bad);
  });
});
