// Hand-made hostile and broken inputs, each run through the built CLI in a child process as a
// user or an attacker would: exit 2, one line per problem naming the file (and path), no stack
// trace, and a bound on time and memory measured for that child. Bounds are generous: the
// machine is shared and noisy; what they catch is unbounded work (minutes, gigabytes).
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/precheck.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const MAX_SECONDS = 20;
const MAX_MB = 400;
const dir = mkdtempSync(join(tmpdir(), 'precheck-hostile-'));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  mb: number | undefined;
}

/** Runs a shell command line with `$CLI` set, measuring the child's wall time and peak memory. */
function sh(command: string, input?: string | Buffer): Run {
  const stats = join(dir, `time-${Math.random().toString(36).slice(2)}`);
  const node = `${process.execPath} --max-old-space-size=${MAX_MB}`;
  const wrapped = TIME ? `${TIME} -o ${stats} -f '%e %M' ${node} ${CLI} ${command}` : `${node} ${CLI} ${command}`;
  const start = Date.now();
  const r = spawnSync('bash', ['-c', wrapped], { input, encoding: 'utf8', cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  const seconds = (Date.now() - start) / 1000;
  let mb: number | undefined;
  if (TIME && existsSync(stats)) mb = Number(readFileSync(stats, 'utf8').trim().split(/\s+/).pop()) / 1024;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds, mb };
}

const file = (name: string, content: string | Buffer): string => {
  writeFileSync(join(dir, name), content);
  return name;
};

const REQUEST = {
  format: 'imr-precheck/request@1',
  id: 'r',
  decisionDate: '2016-06-01',
  documentation: { cannotUseOrdinaryTransport: true },
  services: [{ id: 't', kind: 'transportation' }],
};
const json = (patch: Record<string, unknown> = {}): string => JSON.stringify({ ...REQUEST, ...patch });
const yamlRequest =
  'format: imr-precheck/request@1\nid: r\ndecisionDate: 2016-06-01\ndocumentation: { cannotUseOrdinaryTransport: true }\nservices:\n  - { id: t, kind: transportation }\n';

/** The refusal every hostile input must get: exit 2, short lines naming the input, no stack, bounded. */
function expectRefused(r: Run, name: string, pattern?: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(21);
  for (const line of lines) {
    expect(line.startsWith(name), line).toBe(true);
    expect(line.length).toBeLessThan(2500);
  }
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+|internal error|RangeError|TypeError/);
  if (pattern) expect(r.stderr).toMatch(pattern);
  expect(r.seconds).toBeLessThan(MAX_SECONDS);
  if (r.mb !== undefined) expect(r.mb).toBeLessThan(MAX_MB);
}

beforeAll(() => {
  expect(existsSync(CLI)).toBe(true);
});

describe('hostile files are refused with one clear line, in bounded time and memory', { timeout: 90_000 }, () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a YAML alias bomb',
      () =>
        file(
          'bomb.yaml',
          `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from(
            { length: 9 },
            (_, i) =>
              `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(9)
                .fill(i === 0 ? '*a' : `*${'bcdefghij'[i - 1]}`)
                .join(',')}]`,
          ).join('\n')}\n`,
        ),
      /alias/i,
    ],
    ['a custom YAML tag', () => file('tag.yaml', `${yamlRequest}notes: !!js/function "function(){}"\n`), /tag/i],
    ['a local YAML tag', () => file('tag2.yaml', `${yamlRequest}id2: !evil x\n`), /tag/i],
    ['a __proto__ key in JSON', () => file('proto.json', json().replace('{', '{"__proto__":{"polluted":1},')), /__proto__/],
    ['a constructor key in YAML', () => file('proto.yaml', `${yamlRequest}constructor: { prototype: 1 }\n`), /constructor/],
    [
      'invalid UTF-8',
      () =>
        file(
          'latin1.yaml',
          Buffer.concat([Buffer.from(yamlRequest), Buffer.from('extensions: { note: "caf'), Buffer.from([0xe9]), Buffer.from('" }\n')]),
        ),
      /byte offset \d+/,
    ],
    ['a trailing comma in a .json file', () => file('comma.json', json().replace(/}$/, ',}')), /not valid JSON/],
    ['JSON nested 10,000 deep', () => file('deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`), /nesting deeper than \d+ levels/],
    [
      'YAML flow nesting 10,000 deep',
      () => file('deep.yaml', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
      /nesting deeper than \d+ levels/,
    ],
    [
      'YAML block nesting',
      () => file('deep-block.yaml', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n'),
      /nesting deeper than \d+ levels/,
    ],
    [
      'a list of 100,000 items',
      () => file('huge-array.json', json({ diagnoses: Array.from({ length: 100_000 }, () => ({ x: 1 })) })),
      /diagnoses: list of 100000 items; at most \d+/,
    ],
    [
      'a 900 KB invalid value',
      () => file('long-value.json', json({ services: [{ id: 't', kind: 'x'.repeat(900_000) }] })),
      /at most \d+ are allowed/,
    ],
    ['a 3 MB file', () => file('big.yaml', `notes: "${'x'.repeat(3 * 1024 * 1024)}"\n`), /MB/],
    ['a line of 2 MB', () => file('long-line.yaml', `id: ${'y'.repeat(2 * 1024 * 1024)}\n`), /MB/],
    ['a YAML key that is a list', () => file('list-key.yaml', `${yamlRequest}? [a, b]\n: 1\n`), /a key must be text/],
    [
      'a chain of 1,000 for: services',
      () =>
        file(
          'chain.json',
          json({
            services: [
              { id: 's0', kind: 'surgery' },
              ...Array.from({ length: 999 }, (_, i) => ({ id: `s${i + 1}`, kind: 'physical-therapy', for: `s${i}` })),
            ],
          }),
        ),
      /services; a request may hold at most \d+/,
    ],
    [
      'a for: chain of 12 links',
      () =>
        file(
          'chain12.json',
          json({
            services: [
              { id: 's0', kind: 'surgery' },
              ...Array.from({ length: 12 }, (_, i) => ({ id: `s${i + 1}`, kind: 'physical-therapy', for: `s${i}` })),
            ],
          }),
        ),
      /`for:` chain .* longer than \d+ links/,
    ],
    [
      'a missing kind',
      () => file('no-kind.yaml', 'format: imr-precheck/request@1\nid: r\nservices:\n  - id: t\n'),
      /no-kind\.yaml:4:\d+: services\[0\]\.kind: required field is missing; allowed: epidural-steroid-injection/,
    ],
    ['an empty file', () => file('empty.yaml', ''), /no request found/],
    ['a file of comments', () => file('comments.yaml', '# nothing here\n'), /no request found/],
    [
      '100,000 invalid items within the list budget',
      () => file('many-errors.json', json({ services: Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, kind: 'nope' })) })),
      /and \d+ more problem/,
    ],
  ];
  for (const [what, make, pattern] of cases) {
    it(`refuses ${what}`, () => {
      const name = make();
      expectRefused(sh(`check ${name}`), name, pattern);
    });
  }

  it('quotes at most a short excerpt of an invalid value', () => {
    const name = file('echo.json', json({ services: [{ id: 't', kind: `PATIENT-SECRET-${'z'.repeat(5000)}` }] }));
    const r = sh(`check ${name} --format jsonl`);
    expectRefused(r, name);
    expect(r.stderr.length).toBeLessThan(3000);
    expect(r.stdout.length).toBeLessThan(6000);
    expect(r.stdout).not.toContain('z'.repeat(100));
  });

  it('stops reading /dev/zero at the byte budget', () => {
    expectRefused(sh('check /dev/zero'), '/dev/zero', /more than 1 MB/);
  });

  it('stops reading an endless pipe at the byte budget', () => {
    const r = sh('check <(yes)');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^\/dev\/fd\/\d+: document is more than 1 MB/);
    expect(r.seconds).toBeLessThan(MAX_SECONDS);
    if (r.mb !== undefined) expect(r.mb).toBeLessThan(MAX_MB);
  });

  it('refuses /dev/null, an empty directory and empty stdin: no request found', () => {
    expectRefused(sh('check /dev/null'), '/dev/null', /no request found/);
    mkdirSync(join(dir, 'empty-dir'), { recursive: true });
    expectRefused(sh('check empty-dir'), 'empty-dir', /no request found/);
    expectRefused(sh('check -', ''), '<stdin>', /no request found/);
    expectRefused(sh('check - --format jsonl', '\n\n'), '<stdin>', /no request found/);
  });
});

describe('hostile streams', { timeout: 90_000 }, () => {
  it('refuses a 50 MB stdin line at the byte budget in linear time and flat memory', () => {
    const r = sh('check - --format jsonl', `{"id":"${'x'.repeat(50 * 1024 * 1024)}"}\n${json()}\n`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>#1: line 1 is more than 1 MB/);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { request: string | null; error?: unknown });
    expect(lines).toHaveLength(2);
    expect(lines[1]!.request).toBe('r'); // the next request is still decided
    expect(r.seconds).toBeLessThan(MAX_SECONDS);
    if (r.mb !== undefined) expect(r.mb).toBeLessThan(MAX_MB);
  });

  it('refuses invalid UTF-8 on stdin with the byte offset, and decides the next line', () => {
    const bad = Buffer.concat([Buffer.from('{"id":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n'), Buffer.from(`${json()}\n`)]);
    const r = sh('check - --format jsonl', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>#1: line 1 is not valid UTF-8 \(byte offset 10 of the stream\)/);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('accepts a byte-order mark at the start of stdin, as in files', () => {
    expect(sh('check -', `\ufeff${json()}\n`).status).toBe(0);
    expect(sh('check - --format jsonl', `\ufeff${json()}\n`).status).toBe(0);
    expect(sh(`check ${file('bom.json', `\ufeff${json()}`)}`).status).toBe(0);
  });

  it('accepts CRLF line ends in files and streams', () => {
    expect(sh(`check ${file('crlf.yaml', yamlRequest.replace(/\n/g, '\r\n'))}`).status).toBe(0);
    expect(sh('check -', yamlRequest.replace(/\n/g, '\r\n')).status).toBe(0);
    expect(sh('check - --format jsonl', `${json()}\r\n${json({ id: 'r2' })}\r\n`).status).toBe(0);
  });

  it('keeps the exit code of what was decided when the output is closed early', () => {
    const lines = [
      json({ id: 'bad', services: [{ id: 't', kind: 'nope' }] }),
      ...Array.from({ length: 3000 }, (_, i) => json({ id: `p${i}` })),
    ].join('\n');
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; ${process.execPath} ${CLI} check - --format jsonl 2>/dev/null | head -1 >/dev/null`],
      { input: lines, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
  });
});

describe('hostile text is shown, never obeyed', { timeout: 90_000 }, () => {
  it('escapes terminal control characters in text and Markdown output', () => {
    const name = file(
      'escape.json',
      json({ services: [{ id: 't', kind: 'transportation', label: '\u001b[2J\u001b[HOVERTURNED\r\nfake line' }] }),
    );
    for (const format of ['text', 'markdown']) {
      const r = sh(`check ${name} --format ${format}`);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).not.toContain('\r');
      expect(r.stdout).toContain('\\x1b[2J');
      expect(r.stdout).toContain('\\x0d\\x0afake line');
    }
  });

  it('escapes control characters in error messages', () => {
    const name = file('escape-error.json', json({ services: [{ id: 't', kind: '\u001b[31mred' }] }));
    const r = sh(`check ${name}`);
    expectRefused(r, name);
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('directories with broken entries', { timeout: 90_000 }, () => {
  it('reports a symlink cycle and a dangling link per entry and decides the rest', () => {
    const d = join(dir, 'links');
    mkdirSync(join(d, 'sub'), { recursive: true });
    writeFileSync(join(d, 'good.json'), json({ id: 'good' }));
    symlinkSync('..', join(d, 'sub', 'loop'));
    symlinkSync('missing.yaml', join(d, 'dangling.yaml'));
    symlinkSync('self.yaml', join(d, 'self.yaml'));
    const r = sh('check links --format jsonl');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('links/dangling.yaml: symbolic link to a missing file; skipped');
    expect(r.stderr).toContain('links/self.yaml: symbolic link cycle; skipped');
    expect(r.stderr).toMatch(/links\/sub\/loop: symbolic link cycle/);
    const decided = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { request: string | null; services?: unknown[] });
    expect(decided.filter((x) => x.services).map((x) => x.request)).toEqual(['good']);
  });
});

describe('check --help', { timeout: 90_000 }, () => {
  it('documents every exit code, 4 as internal error, and the limits', () => {
    const r = sh('check --help');
    expect(r.status).toBe(0);
    for (const code of ['0', '1', '2', '3']) expect(r.stdout).toMatch(new RegExp(`\\n\\s+${code}\\s+\\S`));
    expect(r.stdout).toMatch(/4\s+internal error/);
    expect(r.stdout).toMatch(/1 MB per request/);
    expect(r.stdout).toMatch(/services per request/);
    expect(r.stdout).toMatch(/`for:` chains 8 links long/);
  });
});
