// `precheck serve`: the HTTP API and the physician's web page on fastify. Bodies are read as
// text and go through the CLI's own loader and validator, so the API gives the same errors.
// Logs carry ids, routes, timings, the rule-pack hash and outcome counts; never a body, never a
// patient field, never an issue message (messages quote the values they reject).
import type { FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { Readable } from 'node:stream';
import { loadDocuments } from '../request/load.js';
import { InputError, type InputIssue } from '../request/issues.js';
import { requestFromDocument, checkRequest } from '../api.js';
import { isValidDate } from '../request/schema.js';
import { rulePack as defaultPack, type RulePack } from '../rules/pack.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { editionStatus } from '../report/editions.js';
import { decideLine, errorResult } from '../cli/decide-line.js';
import { isBad, readLineBatches } from '../cli/io.js';
import { criteriaFor, topicList, type CriteriaQuery } from './criteria.js';
import { openApiDocument } from './openapi.js';
import { PROBLEM_TYPE, invalidRequest, problem, type Problem } from './problem.js';
import { registerWebPage } from './web.js';
import { draftRequest, DRAFT_WARNING, type ServicesFrom } from '../draft/draft.js';

export const BODY_LIMIT = 1024 * 1024;
/** A batch is streamed and decided line by line; this bounds its total size and so its time. */
export const BATCH_LIMIT = 64 * 1024 * 1024;
export const REQUEST_TIMEOUT_MS = 30_000;

const DOCUMENT_TYPES = ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
const LINES_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines'];
/** Clinical text (a progress note, RFA or letter summary) for /v1/draft. */
const NOTE_TYPES = ['text/plain'];
const SERVICES_FROM: readonly ServicesFrom[] = ['auto', 'rfa', 'letter', 'none'];

export interface ServerOptions {
  pack?: RulePack;
  /** fastify/pino logger options; false for none (tests pass a stream to capture). */
  logger?: FastifyServerOptions['logger'];
}

function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type(PROBLEM_TYPE).send(p);
}

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  // loaded here, not at the top, so the other commands do not pay for loading the framework
  const { default: Fastify, LogController } = await import('fastify');
  const pack = options.pack ?? defaultPack();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: REQUEST_TIMEOUT_MS,
    // one line per request from the onResponse hook below, in place of fastify's two
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });

  // bodies stay text: the request loader parses JSON and YAML with its own limits and line numbers
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(DOCUMENT_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(LINES_TYPES, (_req, payload, done) => done(null, payload));
  // a note is read as text too, marked so that no other route takes it for a request
  app.addContentTypeParser(NOTE_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, new NoteText(String(body))));

  app.addHook('onRequest', async (req) => {
    (req as { startedAt?: bigint }).startedAt = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (req, reply) => {
    const started = (req as { startedAt?: bigint }).startedAt;
    const ms = started ? Number(process.hrtime.bigint() - started) / 1e6 : undefined;
    const outcome = (reply as { outcome?: Record<string, number> }).outcome;
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: ms && Math.round(ms * 10) / 10,
        rulePack: pack.hash.slice(0, 19),
        ...(outcome ? { outcome } : {}),
      },
      'request',
    );
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string; name?: string; message?: string }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413)
      return sendProblem(reply, problem(413, 'too-large', 'Request body too large', `a request may be at most ${BODY_LIMIT / 1048576} MB`));
    if (status === 415)
      return sendProblem(
        reply,
        problem(
          415,
          'unsupported-media-type',
          'Unsupported content type',
          `send a request as ${DOCUMENT_TYPES.join(', ')}; a batch as ${LINES_TYPES.join(', ')}; a note to draft from as ${NOTE_TYPES.join(', ')}`,
        ),
      );
    if (status >= 400 && status < 500) {
      req.log.info({ code: err.code }, 'client error');
      return sendProblem(reply, problem(status, 'bad-request', 'Bad request', err.code ? `${err.code}` : 'the request could not be read'));
    }
    req.log.error({ err: { name: err.name, code: err.code } }, 'internal error');
    return sendProblem(
      reply,
      problem(500, 'internal', 'Internal error', 'the request could not be decided; the error is logged with this request id: ' + req.id),
    );
  });
  app.setNotFoundHandler((_req, reply) =>
    sendProblem(reply, problem(404, 'not-found', 'Not found', 'no such route; see /v1/openapi.json')),
  );

  const needText = (body: unknown): string | undefined => (typeof body === 'string' ? body : undefined);
  const wrongType = (reply: FastifyReply, expected: string[]): FastifyReply =>
    sendProblem(reply, problem(415, 'unsupported-media-type', 'Unsupported content type', `send this route ${expected.join(', ')}`));

  app.post('/v1/check', async (req, reply) => {
    const body = needText(req.body); // a NoteText (text/plain) is not a request
    if (body === undefined) return wrongType(reply, DOCUMENT_TYPES);
    try {
      const docs = loadDocuments(body, '<body>');
      if (docs.length !== 1) {
        return sendProblem(
          reply,
          invalidRequest([
            {
              file: '<body>',
              path: '',
              code: docs.length === 0 ? 'empty' : 'multiple-documents',
              message:
                docs.length === 0
                  ? 'no request in the body'
                  : `${docs.length} documents in the body; send one request, or use /v1/check:batch`,
            },
          ]),
        );
      }
      const request = requestFromDocument(docs[0]!);
      const result = checkRequest(request, { pack });
      (reply as { outcome?: Record<string, number> }).outcome = countOutcomes(result.services);
      const format = (req.query as { format?: string }).format;
      if (format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(renderMarkdown(result, pack.catalog, request));
      if (format === 'text') return reply.type('text/plain; charset=utf-8').send(renderText(result, pack.catalog));
      return result;
    } catch (err) {
      if (err instanceof InputError) {
        req.log.info({ issues: err.issues.length, codes: [...new Set(err.issues.map((i) => i.code))] }, 'invalid request');
        return sendProblem(reply, invalidRequest(err.issues));
      }
      throw err;
    }
  });

  app.post('/v1/draft', async (req, reply) => {
    if (!(req.body instanceof NoteText)) return wrongType(reply, NOTE_TYPES);
    const note = req.body.text;
    const q = req.query as { servicesFrom?: string; noteDate?: string; id?: string };
    const issues = draftQueryIssues(q);
    if (note.trim() === '')
      issues.unshift({
        file: '<body>',
        path: '',
        code: 'empty',
        message: 'no text in the body; paste a progress note, RFA or letter summary',
      });
    if (issues.length > 0) {
      req.log.info({ issues: issues.length, codes: issues.map((i) => i.code) }, 'invalid draft input');
      return sendProblem(reply, problem(400, 'invalid-note', 'Nothing to draft from', `${issues.length} problem(s)`, issues));
    }
    const draft = draftRequest(note, {
      id: q.id ?? 'web-draft',
      servicesFrom: (q.servicesFrom ?? 'auto') as ServicesFrom,
      ...(q.noteDate ? { noteDate: q.noteDate } : {}),
    });
    (reply as { outcome?: Record<string, number> }).outcome = draftCounts(draft.request, draft.warnings);
    return { format: 'imr-precheck/draft@1', warning: DRAFT_WARNING, warnings: draft.warnings, request: draft.request, text: draft.text };
  });

  app.post('/v1/check::batch', async (req, reply) => {
    if (typeof req.body === 'string' || !req.body || req.body instanceof NoteText) return wrongType(reply, LINES_TYPES);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BATCH_LIMIT)
      return sendProblem(reply, problem(413, 'too-large', 'Batch too large', `a batch may be at most ${BATCH_LIMIT / 1048576} MB`));
    const input = req.body as NodeJS.ReadableStream;
    const outcome: Record<string, number> = { upheld: 0, overturned: 0, notCovered: 0, invalid: 0 };
    (reply as { outcome?: Record<string, number> }).outcome = outcome;
    async function* results(): AsyncGenerator<string> {
      let count = 0;
      let lineNo = 0;
      let bytes = 0;
      for await (const batch of readLineBatches(input)) {
        const out: string[] = [];
        for (const line of batch) {
          if (isBad(line)) {
            // a line the reader refused (invalid UTF-8, over the size budget): an error result in its place
            lineNo++;
            count++;
            outcome.invalid!++;
            const name = `<body>#${count}`;
            out.push(
              `${JSON.stringify({ ...errorResult(name, [{ file: name, path: '', ...line.bad }], null), source: { file: '<body>', line: lineNo } })}\n`,
            );
            continue;
          }
          bytes += Buffer.byteLength(line) + 1;
          if (bytes > BATCH_LIMIT) {
            out.push(
              `${JSON.stringify(problem(413, 'too-large', 'Batch too large', `the batch passed ${BATCH_LIMIT / 1048576} MB; lines after ${count} were not read`))}\n`,
            );
            yield out.join('');
            return;
          }
          lineNo++;
          if (line.trim() === '') continue;
          count++;
          const o = decideLine(`<body>#${count}`, line, pack, { file: '<body>', line: lineNo });
          if (o.invalid) outcome.invalid!++;
          else if (o.upheld) outcome.upheld!++;
          else if (o.notCovered) outcome.notCovered!++;
          else outcome.overturned!++;
          out.push(o.text);
        }
        if (out.length > 0) yield out.join('');
      }
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(results()));
  });

  app.get('/v1/topics', async () => ({
    rulePack: { version: pack.version, hash: pack.hash },
    editions: editionStatus(pack),
    sources: pack.catalog.allSources().map((s) => ({ id: s.id, title: s.title })),
    topics: topicList(pack),
  }));

  app.get('/v1/criteria', async (req, reply) => {
    const q = req.query as CriteriaQuery;
    if (!q.kind)
      return sendProblem(
        reply,
        invalidRequest([
          {
            file: '<query>',
            path: 'kind',
            code: 'missing',
            message: 'the query parameter kind is required (a service kind, e.g. epidural-steroid-injection or imaging)',
          },
        ]),
      );
    try {
      return criteriaFor(q, pack);
    } catch (err) {
      if (err instanceof InputError) return sendProblem(reply, invalidRequest(err.issues));
      throw err;
    }
  });

  app.get('/healthz', async () => ({ status: 'ok', rulePack: { version: pack.version, hash: pack.hash }, topics: pack.topics.length }));
  app.get('/v1/editions', async () => editionStatus(pack));
  const openapi = openApiDocument(pack);
  app.get('/v1/openapi.json', async () => openapi);

  registerWebPage(app);
  return app;
}

/** The body of a text/plain request: clinical text, never a request document. */
class NoteText {
  constructor(readonly text: string) {}
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function draftQueryIssues(q: { servicesFrom?: string; noteDate?: string; id?: string }): InputIssue[] {
  const issues: InputIssue[] = [];
  if (q.servicesFrom !== undefined && !(SERVICES_FROM as readonly string[]).includes(q.servicesFrom)) {
    issues.push({
      file: '<query>',
      path: 'servicesFrom',
      code: 'invalid-value',
      message: `unknown servicesFrom "${q.servicesFrom}"; expected one of: ${SERVICES_FROM.join(', ')}`,
    });
  }
  if (q.noteDate !== undefined && (!ISO_DATE.test(q.noteDate) || !isValidDate(q.noteDate))) {
    issues.push({
      file: '<query>',
      path: 'noteDate',
      code: 'invalid-value',
      message: `noteDate "${q.noteDate}" is not a date; expected YYYY-MM-DD`,
    });
  }
  if (q.id !== undefined && !/^[A-Za-z0-9._-]{1,100}$/.test(q.id)) {
    issues.push({ file: '<query>', path: 'id', code: 'invalid-value', message: 'id: letters, digits, ".", "_" and "-", at most 100' });
  }
  return issues;
}

/** What the log may say about a draft: how many items of each section, never their words. */
function draftCounts(request: Record<string, unknown>, warnings: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = { warnings: warnings.length };
  for (const k of ['services', 'symptoms', 'exam', 'studies', 'treatments', 'surgeries', 'medications', 'diagnoses']) {
    const v = request[k];
    if (Array.isArray(v)) counts[k] = v.length;
  }
  return counts;
}

function countOutcomes(services: readonly { prediction: string }[]): Record<string, number> {
  const counts: Record<string, number> = { upheld: 0, overturned: 0, notCovered: 0 };
  for (const s of services) counts[s.prediction === 'not-covered' ? 'notCovered' : s.prediction]!++;
  return counts;
}
