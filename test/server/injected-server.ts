// One setup for the HTTP API tests: the app through fastify's inject, with every log line kept
// so a test can check that no request content reaches the logs.
import { beforeAll, afterAll } from 'vitest';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/server/app.js';

export function injectedServer(): { inject: (options: InjectOptions | string) => Promise<LightMyRequestResponse>; logLines: string[] } {
  const logLines: string[] = [];
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildServer({ logger: { level: 'debug', stream } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return { inject: (options) => app!.inject(options), logLines };
}
