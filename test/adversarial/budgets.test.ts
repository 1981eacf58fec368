// The budgets module on its own (what the CLI and a server call): each breach is one problem
// naming the budget and the path; readers stop at the byte budget and refuse bad UTF-8.
import { describe, it, expect } from 'vitest';
import { Readable } from 'node:stream';
import {
  BUDGETS,
  BudgetError,
  readStreamCapped,
  capIssues,
  checkRequestBudgets,
  checkStructure,
  decodeUtf8,
  excerpt,
  escapeControl,
  invalidUtf8Offset,
} from '../../src/request/budgets.js';
import { loadFileBytes, loadJson } from '../../src/request/load.js';
import { InputError } from '../../src/request/issues.js';
import { readLineBatches, readStreamSources, type Line } from '../../src/cli/io.js';
import { requestFromDocument } from '../../src/api.js';

const issuesOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err.issues.map((i) => `${i.line ?? ''}:${i.path}: ${i.message}`);
    throw err;
  }
  return [];
};

async function lines(chunks: Buffer[]): Promise<Line[]> {
  const out: Line[] = [];
  for await (const batch of readLineBatches(Readable.from(chunks))) out.push(...batch);
  return out;
}

describe('structural budgets', () => {
  it('names the depth budget and the path of the first node too deep', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`) as unknown;
    const [issue] = checkStructure(deep, 'f');
    expect(issue).toMatchObject({ path: `a${'[0]'.repeat(BUDGETS.depth - 1)}`, code: 'too-deep' });
    expect(issue!.message).toContain('budget: depth');
  });
  it('refuses long lists, long text and long keys by path', () => {
    expect(checkStructure({ d: Array(BUDGETS.arrayItems + 1).fill(1) }, 'f')[0]).toMatchObject({ path: 'd', code: 'too-many-items' });
    expect(checkStructure({ s: [{ label: 'x'.repeat(BUDGETS.stringChars + 1) }] }, 'f')[0]).toMatchObject({
      path: 's[0].label',
      code: 'too-long',
    });
    expect(checkStructure({ ['k'.repeat(BUDGETS.stringChars + 1)]: 1 }, 'f')[0]).toMatchObject({ code: 'too-long' });
    expect(checkStructure({ ok: ['x'.repeat(BUDGETS.stringChars)] }, 'f')).toEqual([]);
  });
  it('walks 10^5 levels without exhausting the stack', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(checkStructure(v, 'f')).toHaveLength(1);
  });
});

describe('request budgets', () => {
  const services = (n: number, chained: boolean) =>
    Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: 'physical-therapy', ...(chained && i > 0 ? { for: `s${i - 1}` } : {}) }));
  it('refuses more services than the budget, naming it', () => {
    expect(checkRequestBudgets({ services: services(BUDGETS.services + 1, false) }, 'f')).toEqual([
      expect.objectContaining({ path: 'services', code: 'too-many-services' }),
    ]);
    expect(checkRequestBudgets({ services: services(BUDGETS.services, false) }, 'f')).toEqual([]);
  });
  it('refuses a for: chain longer than the budget at the service that starts it', () => {
    expect(checkRequestBudgets({ services: services(BUDGETS.forChain + 1, true) }, 'f')).toEqual([]);
    const issues = checkRequestBudgets({ services: services(BUDGETS.forChain + 2, true) }, 'f', ['request']);
    expect(issues.map((i) => i.path)).toEqual([`request.services[${BUDGETS.forChain + 1}].for`]);
  });
  it('a missing kind names the field and what is allowed', () => {
    const doc = loadJson('{"format":"imr-precheck/request@1","id":"r","services":[{"id":"t"}]}', 'r.json');
    expect(issuesOf(() => requestFromDocument(doc))[0]).toMatch(
      /^1:services\[0\]\.kind: required field is missing; allowed: epidural-steroid-injection \| /,
    );
  });
});

describe('error volume', () => {
  it('keeps the first problems and counts the rest in "and N more"', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ file: 'f', path: `x[${i}]`, code: 'c', message: 'bad' }));
    const capped = capIssues(many);
    expect(capped).toHaveLength(BUDGETS.issues + 1);
    expect(capped.at(-1)!.message).toBe(`and ${500 - BUDGETS.issues} more problem(s) (at most ${BUDGETS.issues} are listed)`);
  });
  it('quotes at most a short excerpt, control characters escaped', () => {
    expect(excerpt('x'.repeat(900_000))).toHaveLength(BUDGETS.excerptChars);
    expect(escapeControl('\u001b[2J\u202e')).toBe('\\x1b[2J\\u202e');
    const doc = loadJson(
      JSON.stringify({ format: 'imr-precheck/request@1', id: 'r', services: [{ id: 't', kind: 'k'.repeat(10_000) }] }),
      'r.json',
    );
    expect(issuesOf(() => requestFromDocument(doc)).join('\n').length).toBeLessThan(3000);
  });
});

describe('bytes and encodings', () => {
  it('refuses invalid UTF-8 with the offset of the first bad byte, and accepts a BOM', () => {
    expect(() => decodeUtf8(Buffer.from([0x61, 0x62, 0xff]), 'f')).toThrow(/byte offset 2/);
    expect(invalidUtf8Offset(Buffer.from([0xe2, 0x82]))).toBe(0);
    expect(invalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(invalidUtf8Offset(Buffer.from('é€😀', 'utf8'))).toBe(-1);
    expect(decodeUtf8(Buffer.from('\ufeffa: 1', 'utf8'), 'f')).toBe('a: 1');
  });
  it('parses .json files as JSON only: a trailing comma is an error', () => {
    expect(issuesOf(() => loadFileBytes(Buffer.from('{"a": 1,}'), 'x.json'))[0]).toMatch(/not valid JSON/);
    expect(loadFileBytes(Buffer.from('{"a": 1}'), 'x.json')[0]!.data).toEqual({ a: 1 });
  });
  it('gives JSON errors a line and column', () => {
    const doc = loadJson('{\n "format": "imr-precheck/request@1",\n "id": "r",\n "services": [{"id": "t", "kind": "nope"}]\n}', 'r.json');
    expect(issuesOf(() => requestFromDocument(doc))[0]).toMatch(/^4:services\[0\]\.kind: /);
  });
});

describe('a capped stream (an HTTP body)', () => {
  it('is read whole under the budget and refused as soon as it passes it', async () => {
    expect((await readStreamCapped(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 'body')).toString()).toBe('abc');
    let chunksRead = 0;
    const endless = (async function* () {
      for (;;) {
        chunksRead++;
        yield Buffer.alloc(64 * 1024);
      }
    })();
    await expect(readStreamCapped(endless, 'body')).rejects.toBeInstanceOf(BudgetError);
    expect(chunksRead).toBe(Math.floor(BUDGETS.documentBytes / (64 * 1024)) + 1);
  });
});

describe('stream lines', () => {
  it('cuts lines on bytes, so a character split across chunks stays whole', async () => {
    const text = Buffer.from('é\nabc\n', 'utf8');
    expect(await lines([text.subarray(0, 1), text.subarray(1)])).toEqual(['é', 'abc']);
  });
  it('drops a line over the byte budget while reading it, in linear time, and reads on', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x78);
    const chunks = [...Array.from({ length: 300 }, () => chunk), Buffer.from('\nnext\n')]; // 19 MB in one line
    const start = performance.now();
    const out = await lines(chunks);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(out).toEqual([{ bad: expect.objectContaining({ code: 'too-large' }) }, 'next']);
  });
  it('skips a BOM at the start, strips CR, and refuses bad UTF-8 with its stream offset', async () => {
    const out = await lines([Buffer.from('\ufeffa\r\nb', 'utf8'), Buffer.from([0x0a, 0x63, 0xff, 0x0a])]);
    expect(out[0]).toBe('a');
    expect(out[1]).toBe('b');
    expect(out[2]).toEqual({ bad: { code: 'invalid-utf8', message: 'line 3 is not valid UTF-8 (byte offset 9 of the stream)' } });
  });
  it('refuses an over-long first line of a stream and still reads every request after it', async () => {
    const request = '{"format":"imr-precheck/request@1","id":"r","services":[{"id":"t","kind":"transportation"}]}';
    const input = Readable.from([Buffer.from(`{"id":"${'x'.repeat(BUDGETS.documentBytes)}"}\n${request}\n${request}\n`)]);
    const names: string[] = [];
    for await (const source of readStreamSources(input))
      names.push('doc' in source ? `${source.doc.name} ok` : `${source.name} ${source.issues[0]!.code}`);
    expect(names).toEqual(['<stdin>#1 too-large', '<stdin>#2 ok', '<stdin>#3 ok']);
  });
});
