// POST /v1/draft through fastify's inject: a physician's note in, a request draft out, every
// drafted field with its source words; the same budgets, problem+json errors and log hygiene
// as the other routes.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { injectedServer } from './injected-server.js';
import { draftResultSchema, evidenceSchema, problemSchema } from '../../src/server/result-schema.js';
import { requestSchema } from '../../src/request/schema.js';

const root = join(import.meta.dirname, '../..');
const note = readFileSync(join(root, 'examples/progress-note-lumbar-esi.txt'), 'utf8');
const MARKER = 'ZQX-NOTE-MARKER-5521';
const { inject, logLines } = injectedServer();

const post = (url: string, payload: string, type = 'text/plain; charset=utf-8') =>
  inject({ method: 'POST', url, payload, headers: { 'content-type': type } });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body);
  expect(problemSchema.safeParse(body).success).toBe(true);
  expect(res.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
  return body as { detail: string; issues?: { path: string; code: string; message: string }[] };
}

type Span = { line: number; column: number; quote: string };

/** Every evidence span anywhere in the draft, with the path of the object that carries it. */
function spans(node: unknown, path = ''): { path: string; span: Span }[] {
  if (node === null || typeof node !== 'object') return [];
  const out: { path: string; span: Span }[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'evidence' && path.endsWith('extensions')) {
      const list = Array.isArray(v) ? v : Object.values(v as object);
      for (const s of list) out.push({ path, span: s as Span });
    } else out.push(...spans(v, `${path}.${k}`));
  }
  return out;
}

describe('POST /v1/draft', () => {
  it('drafts the shipped physician note: a valid request whose every evidence quotes the text at its line and column', async () => {
    const res = await post('/v1/draft', note);
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expect(draftResultSchema.safeParse(body).success).toBe(true);
    expect(body.warning).toMatch(/must be confirmed/);
    expect(requestSchema.safeParse(body.request).success).toBe(true);
    const r = body.request;
    expect(r.id).toBe('web-draft');
    expect(r.services[0]).toMatchObject({ kind: 'epidural-steroid-injection', levels: 'L4-5', side: 'left' });
    expect(r.exam.map((e: { finding: string }) => e.finding)).toContain('sensory-deficit');
    expect(r.studies[0]).toMatchObject({ type: 'mri', region: 'lumbar' });
    // nothing is dropped: the sentences nothing was drafted from stay in the notes
    expect(r.documentation.notes).toContain('He denies bowel or bladder dysfunction.');
    const all = spans(r);
    expect(all.length).toBeGreaterThan(20);
    const lines = body.text.split('\n');
    for (const { span } of all) {
      expect(evidenceSchema.safeParse(span).success).toBe(true);
      expect(lines[span.line - 1].slice(span.column - 1, span.column - 1 + span.quote.length)).toBe(span.quote);
    }
    // the evidence the page shows for the ESI's level quotes the RFA line it came from
    expect(r.services[0].extensions.evidence[0].quote).toContain('L4-5 transforaminal epidural steroid injection');
  });
  it('takes the id and the note date from the query, and refuses invalid ones with the parameter named', async () => {
    const ok = JSON.parse((await post('/v1/draft?id=pr2-0314&noteDate=2024-03-14&servicesFrom=none', note)).body);
    expect(ok.request.id).toBe('pr2-0314');
    expect(ok.request.services).toEqual([expect.objectContaining({ kind: 'other' })]); // servicesFrom=none: placeholder
    expect(ok.warnings.join(' ')).toMatch(/no requested service found/);
    const bad = expectProblem(await post('/v1/draft?servicesFrom=fax&noteDate=2024-02-31&id=a%20b', note), 400);
    expect(bad.issues!.map((i) => i.path).sort()).toEqual(['id', 'noteDate', 'servicesFrom']);
  });
  it('answers 400 for an empty or blank note', async () => {
    expect(expectProblem(await post('/v1/draft', ''), 400).issues![0]!.code).toBe('empty');
    expect(expectProblem(await post('/v1/draft', ' \n\t\n'), 400).issues![0]!.code).toBe('empty');
  });
  it('answers 413 for a note over 1 MB, and reads at most the draft budget of a note under it', async () => {
    const body = expectProblem(await post('/v1/draft', note.repeat(Math.ceil((1.1 * 1024 * 1024) / note.length))), 413);
    expect(body.detail).toMatch(/at most 1 MB/);
    const long = JSON.parse((await post('/v1/draft', note.repeat(Math.ceil(300_000 / note.length)))).body);
    expect(long.warnings[0]).toMatch(/only the first 200000 were read/);
  });
  it('answers 415 for a content type it does not read; /v1/check and the batch refuse a note', async () => {
    expectProblem(await post('/v1/draft', JSON.stringify({ text: note }), 'application/json'), 415);
    expectProblem(await post('/v1/draft', 'note: text', 'application/yaml'), 415);
    expectProblem(await post('/v1/draft', note, 'application/x-ndjson'), 415);
    expectProblem(await post('/v1/check', note), 415);
    expectProblem(await post('/v1/check:batch', note), 415);
  });
  it('is described in the OpenAPI document with its draft and evidence schemas', async () => {
    const doc = JSON.parse((await inject({ url: '/v1/openapi.json' })).body);
    const route = doc.paths['/v1/draft'].post;
    expect(Object.keys(route.requestBody.content)).toEqual(['text/plain']);
    expect(Object.keys(route.responses).sort()).toEqual(['200', '400', '413', '415']);
    expect(doc.components.schemas.DraftResult.properties.request.$ref).toBe('#/components/schemas/Request');
    expect(doc.components.schemas.Evidence.required).toEqual(['line', 'column', 'quote']);
  });
  it('never logs the note or its drafted words, only counts', async () => {
    const withMarker = `${note}\nHe works as a ${MARKER} operator. ${MARKER} denies numbness.\n`;
    expect((await post('/v1/draft', withMarker)).statusCode).toBe(200);
    await post('/v1/draft?servicesFrom=' + MARKER, note);
    const logs = logLines.join('');
    expect(logs).toContain('"route":"/v1/draft"');
    expect(logs).toMatch(/"outcome":\{"warnings":\d+,"services":\d+/);
    expect(logs).not.toContain(MARKER);
  });
});
