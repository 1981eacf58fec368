// The HTTP API through fastify's inject: every route, bad bodies, limits, and log hygiene.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { injectedServer } from './injected-server.js';
import { resultSchema, errorResultSchema, problemSchema } from '../../src/server/result-schema.js';

const root = join(import.meta.dirname, '../..');
const esiYaml = readFileSync(join(root, 'examples/esi-no-mri-report.yaml'), 'utf8');
const MARKER = 'ZQX-PATIENT-MARKER-7731';
const { inject, logLines } = injectedServer();

const post = (url: string, payload: string | Buffer, type = 'application/json') =>
  inject({ method: 'POST', url, payload, headers: { 'content-type': type } });
const transport = (id: string, extra = '') =>
  `{"format":"imr-precheck/request@1","id":"${id}","decisionDate":"2016-06-01"${extra},"services":[{"id":"t","kind":"transportation"}]}`;

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body);
  expect(problemSchema.safeParse(body).success).toBe(true);
  expect(res.body).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
  return body as { detail: string; issues?: { path: string; code: string; message: string; line?: number }[] };
}

describe('POST /v1/check', () => {
  it('decides a YAML request and returns result@1', async () => {
    const res = await post('/v1/check', esiYaml, 'application/yaml');
    expect(res.statusCode).toBe(200);
    const result = JSON.parse(res.body);
    expect(resultSchema.safeParse(result).success).toBe(true);
    expect(result.services[0].prediction).toBe('upheld');
    // the OpenAPI result schema names every field the engine returns (it cannot drift unnoticed)
    expect(Object.keys(result).sort()).toEqual(
      Object.keys(resultSchema.shape)
        .filter((k) => k !== 'source')
        .sort(),
    );
    const serviceShape = resultSchema.shape.services.element.shape;
    for (const s of result.services) expect(Object.keys(s).every((k) => k in serviceShape)).toBe(true);
    expect(result.notices.at(-1)).toMatch(/^Edition status:/);
  });
  it('decides a JSON request, and renders Markdown on ?format=markdown', async () => {
    const json = await post('/v1/check', transport('j', ',"documentation":{"cannotUseOrdinaryTransport":true}'));
    expect(JSON.parse(json.body).services[0].prediction).toBe('overturned');
    const md = await post('/v1/check?format=markdown', esiYaml, 'text/yaml');
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toMatch(/^# IMR pre-check: example-esi-no-mri-report/);
    expect(md.body).toContain('**To overturn, document:**');
  });
  it('lists every validation issue with its path and line, as the CLI does', async () => {
    const bad =
      'format: imr-precheck/request@1\nid: bad\ndecisionDate: 2024-13-40\nservices:\n  - { id: e, kind: epidural-steroid-injection, levels: L6-7, colour: red }\n';
    const body = expectProblem(await post('/v1/check', bad, 'application/yaml'), 400);
    expect(body.issues!.map((i) => i.path).sort()).toEqual(['decisionDate', 'services[0].colour', 'services[0].levels']);
    expect(body.issues!.every((i) => typeof i.line === 'number')).toBe(true);
  });
  it('rejects invalid JSON with a clear message', async () => {
    const body = expectProblem(await post('/v1/check', '{"format": "imr-precheck/request@1", "id": '), 400);
    expect(body.issues![0]!.code).toBe('json-syntax');
  });
  it('rejects a YAML alias bomb quickly', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    const started = Date.now();
    const res = await post('/v1/check', bomb, 'application/yaml');
    expect(Date.now() - started).toBeLessThan(5000);
    expectProblem(res, 400);
  });
  it('answers 413 for a 2 MB body', async () => {
    const big = transport('big', `,"extensions":{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    const body = expectProblem(await post('/v1/check', big), 413);
    expect(body.detail).toMatch(/at most 1 MB/);
  });
  it('answers 415 for a content type it does not read, and for a JSON Lines body', async () => {
    expectProblem(await post('/v1/check', 'hello', 'text/plain'), 415);
    expectProblem(await post('/v1/check', transport('x'), 'application/x-ndjson'), 415);
  });
  it('answers 400 for an empty body and for two documents', async () => {
    expect(expectProblem(await post('/v1/check', '', 'application/yaml'), 400).issues![0]!.code).toBe('empty');
    expect(expectProblem(await post('/v1/check', `${esiYaml}\n---\n${esiYaml}`, 'application/yaml'), 400).issues![0]!.code).toBe(
      'multiple-documents',
    );
  });
});

describe('POST /v1/check:batch', () => {
  it('streams one result line per input line, in order, with error lines for bad ones', async () => {
    const lines = [transport('b1'), '{"format":"imr-precheck/request@1","id":"b2","services":[]}', 'not json', transport('b4')].join('\n');
    const res = await post('/v1/check:batch', `${lines}\n`, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const out = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out.map((o) => o.request)).toEqual(['b1', 'b2', null, 'b4']);
    expect(out.map((o) => o.source.line)).toEqual([1, 2, 3, 4]);
    expect(resultSchema.safeParse(out[0]).success).toBe(true);
    expect(errorResultSchema.safeParse(out[1]).success).toBe(true);
    expect(out[2].error.issues[0].code).toBe('json-syntax');
  });
  it('answers 415 for a JSON document', async () => {
    expectProblem(await post('/v1/check:batch', transport('x')), 415);
  });
});

describe('GET routes', () => {
  it('/healthz', async () => {
    const res = await inject({ url: '/healthz' });
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', rulePack: { hash: expect.stringMatching(/^sha256:/) } });
  });
  it('/v1/topics lists every topic with criteria, citations and editions', async () => {
    const body = JSON.parse((await inject({ url: '/v1/topics' })).body);
    const esi = body.topics.find((t: { id: string }) => t.id === 'epidural-steroid-injections');
    expect(esi.kinds).toContain('epidural-steroid-injection');
    expect(esi.criteria.length).toBeGreaterThan(3);
    expect(esi.criteria[0].citations[0].source).toBe('MTUS-CPMTG');
    expect(body.editions.encodedUntil).toBe('2017-12-01');
  });
  it('/v1/criteria gives the criteria for a service with text, citation and what to document', async () => {
    const res = await inject({ url: '/v1/criteria?kind=epidural-steroid-injection&region=lumbar&levels=L4-5&decisionDate=2016-06-01' });
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.topics).toEqual(['epidural-steroid-injections']);
    const corroborated = body.criteria.find((c: { id: string }) => c.id === 'esi.radiculopathy-corroborated');
    expect(corroborated).toMatchObject({ status: 'not-documented', citation: { source: 'MTUS-CPMTG', pages: '46' } });
    expect(corroborated.toDocument).toMatch(/MRI|EMG/);
    const mri = JSON.parse((await inject({ url: '/v1/criteria?kind=imaging&region=knee&modality=mri&decisionDate=2016-06-01' })).body);
    expect(mri.topics).toEqual(['knee-imaging']);
  });
  it('/v1/criteria rejects an unknown kind or region with the parameter named', async () => {
    const body = expectProblem(await inject({ url: '/v1/criteria?kind=imagin&region=kne' }), 400);
    expect(body.issues!.map((i) => i.path).sort()).toEqual(['kind', 'region']);
    expect(body.issues!.find((i) => i.path === 'kind')!.message).toMatch(/did you mean "imaging"/);
    expectProblem(await inject({ url: '/v1/criteria' }), 400);
  });
  it('/v1/openapi.json carries the request schema with its field descriptions', async () => {
    const doc = JSON.parse((await inject({ url: '/v1/openapi.json' })).body);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/check', '/v1/check:batch', '/v1/topics', '/v1/criteria', '/healthz']),
    );
    expect(doc.components.schemas.Request.properties.services.description).toMatch(/requested/);
    expect(doc.components.schemas.Result.properties.services).toBeDefined();
  });
  it('an unknown route is a 404 problem', async () => {
    expectProblem(await inject({ url: '/v2/nothing' }), 404);
  });
});

describe('logs', () => {
  it('never carry a request body or a patient field, only ids, timings, the pack hash and counts', async () => {
    const withMarker = `format: imr-precheck/request@1
id: log-test
decisionDate: 2016-06-01
patient: { age: 40, sex: female, extensions: { name: ${MARKER} } }
diagnoses: [${MARKER} lumbar radiculopathy]
services: [ { id: t, kind: transportation, label: ${MARKER} } ]
`;
    expect((await post('/v1/check', withMarker, 'application/yaml')).statusCode).toBe(200);
    const invalid = await post(
      '/v1/check',
      `{"format":"imr-precheck/request@1","id":"x","patient":{"sex":"${MARKER}"},"services":[{"id":"t","kind":"${MARKER}"}]}`,
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain(MARKER); // the caller sees what was wrong …
    await post('/v1/check:batch', `${transport('b', `,"diagnoses":["${MARKER}"]`)}\n{"id":"${MARKER}"\n`, 'application/x-ndjson');
    await post('/v1/check', `{"bad json ${MARKER}`);
    const logs = logLines.join('');
    expect(logs).toContain('"route":"/v1/check"');
    expect(logs).toMatch(/"outcome":\{"upheld":\d+,"overturned":\d+/);
    expect(logs).toContain('sha256:');
    expect(logs).not.toContain(MARKER); // … the log never does
  });
});
