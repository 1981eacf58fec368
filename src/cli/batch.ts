// What `precheck check` adds for runs over many requests: where each result came from, totals
// per prediction and per family at the end, one report file per request, and the exit policy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { RequestResult } from '../engine/result.js';
import type { InputIssue } from '../request/issues.js';
import { familyOf, FAMILIES } from '../cases/families.js';
import type { SourceRef } from '../report/csv.js';

export const FAIL_ON = ['upheld', 'invalid', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const EXIT_CODES_HELP = `
Exit codes (with the default --fail-on upheld):
  0  every requested service predicted overturned
  1  at least one service predicted upheld (the reports are still written)
  2  invalid input (message: file, line, path, problem), or no request found (empty file,
     empty stdin, directory without requests)
  3  only not-covered services besides overturned ones
  4  internal error (a bug in precheck; please report it with the input)
--fail-on invalid: exit 2 on invalid input, otherwise 0 (upheld predictions do not fail a script)
--fail-on never:   exit 0 whatever the predictions and inputs (problems still go to stderr)
`;

/** `file` or `file#N` (N-th document of a stream) → where a result came from. */
export function sourceRef(name: string, line?: number): SourceRef & { document?: number } {
  const m = /^(.*)#(\d+)$/.exec(name);
  const ref: SourceRef & { document?: number } = { file: m ? m[1]! : name };
  if (line !== undefined) ref.line = line;
  else if (m) ref.document = Number(m[2]);
  return ref;
}

/** A result with its source, placed after the request id. */
export function withSource(result: RequestResult, source: SourceRef): RequestResult & { source: SourceRef } {
  const { format, request, ...rest } = result;
  return { format, request, source, ...rest };
}

export function policyExitCode(documented: number, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  if (failOn === 'invalid') return documented === 2 ? 2 : 0;
  return documented;
}

type Counts = { upheld: number; overturned: number; 'not-covered': number };
const zero = (): Counts => ({ upheld: 0, overturned: 0, 'not-covered': 0 });

export class BatchSummary {
  requests = 0;
  services = 0;
  readonly total = zero();
  readonly families = new Map<string, Counts>();
  readonly invalid: { name: string; problems: number }[] = [];

  add(result: RequestResult): void {
    this.requests++;
    for (const s of result.services) {
      this.services++;
      this.total[s.prediction]++;
      const family = familyOf(s.kind);
      if (!this.families.has(family)) this.families.set(family, zero());
      this.families.get(family)![s.prediction]++;
    }
  }

  addInvalid(name: string, issues: readonly InputIssue[]): void {
    this.requests++;
    this.invalid.push({ name, problems: issues.length });
  }

  /** Worth printing: more than one request, or any that could not be read. */
  get worthShowing(): boolean {
    return this.requests > 1 || this.invalid.length > 0;
  }

  private familyRows(): [string, Counts][] {
    return FAMILIES.filter((f) => this.families.has(f)).map((f) => [f, this.families.get(f)!]);
  }

  text(): string {
    const c = (x: Counts): string => `${x.upheld} upheld, ${x.overturned} overturned, ${x['not-covered']} not covered`;
    const lines = [`Summary: ${this.requests} request(s), ${this.invalid.length} invalid; ${this.services} service(s): ${c(this.total)}`];
    for (const [family, counts] of this.familyRows()) lines.push(`  ${family}: ${c(counts)}`);
    for (const i of this.invalid) lines.push(`  invalid: ${i.name} (${i.problems} problem(s); see stderr)`);
    return `${lines.join('\n')}\n`;
  }

  markdown(): string {
    const lines = [
      '## Summary',
      '',
      `${this.requests} request(s), ${this.invalid.length} invalid, ${this.services} service(s).`,
      '',
      '| Family | Upheld | Overturned | Not covered |',
      '|---|---|---|---|',
    ];
    for (const [family, x] of this.familyRows()) lines.push(`| ${family} | ${x.upheld} | ${x.overturned} | ${x['not-covered']} |`);
    lines.push(`| **all** | **${this.total.upheld}** | **${this.total.overturned}** | **${this.total['not-covered']}** |`);
    if (this.invalid.length > 0)
      lines.push('', 'Invalid inputs:', '', ...this.invalid.map((i) => `- \`${i.name}\`: ${i.problems} problem(s)`));
    return `${lines.join('\n')}\n`;
  }
}

/** One report file per request under a directory; names from the input file or the request id. */
export class OutDir {
  private readonly used = new Set<string>();
  written = 0;

  constructor(
    readonly dir: string,
    private readonly ext: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  write(source: SourceRef & { document?: number }, requestId: string, text: string): void {
    const fromFile = source.file.startsWith('<') ? requestId : basename(source.file, extname(source.file));
    const stem =
      (source.document !== undefined && !source.file.startsWith('<') ? `${fromFile}-${source.document}` : fromFile).replace(
        /[^A-Za-z0-9._-]/g,
        '_',
      ) || 'request';
    let name = `${stem}.${this.ext}`;
    // unique within this run (two files of the same name in different folders); a rerun overwrites
    for (let n = 2; this.used.has(name); n++) name = `${stem}-${n}.${this.ext}`;
    this.used.add(name);
    writeFileSync(join(this.dir, name), text);
    this.written++;
  }
}
