// The physician's page: static files read once at start-up and served from memory (nothing
// from a CDN). web/index.html and web/style.css are sources; dist/web/app.js is built by esbuild.
import type { FastifyInstance } from 'fastify';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../rules/pack.js';

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: join(PROJECT_ROOT, 'web', 'index.html'), type: 'text/html; charset=utf-8' },
  '/style.css': { file: join(PROJECT_ROOT, 'web', 'style.css'), type: 'text/css; charset=utf-8' },
  '/app.js': { file: join(PROJECT_ROOT, 'dist', 'web', 'app.js'), type: 'text/javascript; charset=utf-8' },
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function registerWebPage(app: FastifyInstance): void {
  for (const [url, asset] of Object.entries(ASSETS)) {
    if (!existsSync(asset.file)) continue; // e.g. before the first build: the API still serves
    const body = readFileSync(asset.file);
    app.get(url, async (_req, reply) => reply.headers(SECURITY_HEADERS).type(asset.type).send(body));
  }
}
