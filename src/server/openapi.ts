// The OpenAPI 3.1 document of the HTTP API, with every body schema generated from the zod
// schemas the engine validates with (request) or checks its results against (result).
import { z } from 'zod';
import { requestSchema } from '../request/schema.js';
import type { RulePack } from '../rules/pack.js';
import { resultSchema, errorResultSchema, problemSchema, draftResultSchema, evidenceSchema } from './result-schema.js';
import { MAX_DRAFT_CHARS } from '../draft/source.js';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The draft's request is a Request (by reference, not a second copy of the schema). */
function draftResult(): Record<string, unknown> {
  const schema = toSchema(draftResultSchema, 'output') as { properties: Record<string, Record<string, unknown>> };
  schema.properties.request = { $ref: '#/components/schemas/Request', description: schema.properties.request!.description };
  return schema;
}

export function openApiDocument(pack: RulePack): Record<string, unknown> {
  const requestBody = {
    required: true,
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/Request' } },
      'application/yaml': { schema: { $ref: '#/components/schemas/Request' } },
    },
  };
  const query = (name: string, description: string, required = false) => ({
    name,
    in: 'query',
    required,
    description,
    schema: { type: 'string' },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'imr-precheck',
      version: pack.version,
      description: `Predicts whether a California workers' compensation treatment request would survive Independent Medical Review. Rule pack ${pack.hash}.`,
    },
    servers: [{ url: 'http://127.0.0.1:8787' }],
    paths: {
      '/v1/check': {
        post: {
          summary: 'Decide one request (JSON or YAML)',
          parameters: [query('format', 'json (default) | markdown | text')],
          requestBody,
          responses: {
            200: {
              description: 'The determination',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Result' } },
                'text/markdown': { schema: { type: 'string' } },
              },
            },
            400: problemResponse('Invalid request: every issue with its path'),
            413: problemResponse('Body larger than 1 MB'),
            415: problemResponse('Content type is not JSON or YAML'),
          },
        },
      },
      '/v1/draft': {
        post: {
          summary:
            'Draft a request from clinical text (a progress note, RFA or letter summary), every drafted field with its source words; nothing is decided',
          description: `The body is the text itself. Text beyond ${MAX_DRAFT_CHARS} characters is not read (a warning says so). Review the draft, then send it to /v1/check.`,
          parameters: [
            query('servicesFrom', 'where the requested services come from: auto (default) | rfa | letter | none'),
            query('noteDate', "the note's date (YYYY-MM-DD), for relative dates; read from the text when absent"),
            query('id', 'the drafted request id (default web-draft)'),
          ],
          requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string' } } } },
          responses: {
            200: {
              description: 'The draft, to review',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/DraftResult' } } },
            },
            400: problemResponse('Empty text, or an invalid query parameter'),
            413: problemResponse('Body larger than 1 MB'),
            415: problemResponse('Content type is not text/plain'),
          },
        },
      },
      '/v1/check:batch': {
        post: {
          summary: 'Decide a JSON Lines stream of requests; results stream back one line each, in order',
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: { $ref: '#/components/schemas/Request' } } } },
          responses: {
            200: {
              description: 'One result (or error result) per input line',
              content: {
                'application/x-ndjson': {
                  schema: { oneOf: [{ $ref: '#/components/schemas/Result' }, { $ref: '#/components/schemas/ErrorResult' }] },
                },
              },
            },
            413: problemResponse('Batch larger than the limit'),
            415: problemResponse('Content type is not JSON Lines'),
          },
        },
      },
      '/v1/topics': {
        get: { summary: 'Every rule topic with its criteria, citations and editions', responses: { 200: { description: 'Topics' } } },
      },
      '/v1/criteria': {
        get: {
          summary: 'The criteria the rules will ask for a service, each with text, citation and what to document',
          parameters: [
            query('kind', 'service kind, e.g. epidural-steroid-injection', true),
            query('region', 'body region'),
            query('modality', 'imaging modality'),
            query('levels', 'spinal levels'),
            query('side', 'left | right | bilateral'),
            query('approach', 'injection approach'),
            query('purpose', 'diagnostic | therapeutic'),
            query('quantity', 'how many'),
            query('decisionDate', 'YYYY-MM-DD'),
          ],
          responses: {
            200: { description: 'Criteria for the service' },
            400: problemResponse('Invalid query: every issue with its parameter'),
          },
        },
      },
      '/v1/editions': {
        get: { summary: 'The guideline editions the rule pack encodes', responses: { 200: { description: 'Edition status' } } },
      },
      '/healthz': { get: { summary: 'Liveness, with the rule-pack hash', responses: { 200: { description: 'ok' } } } },
    },
    components: {
      schemas: {
        Request: toSchema(requestSchema, 'input'),
        Result: toSchema(resultSchema, 'output'),
        ErrorResult: toSchema(errorResultSchema, 'output'),
        Problem: toSchema(problemSchema, 'output'),
        DraftResult: draftResult(),
        Evidence: toSchema(evidenceSchema, 'output'),
      },
    },
  };
}
