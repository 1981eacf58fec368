// One setup for the browser tests: `precheck serve`'s app on a free loopback port and Debian's
// chromium driven by playwright-core, started before the file's tests and closed after them.
import { beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Registers the hooks; `newPage` opens a fresh tab (listeners go on before `page.goto(url())`). */
export function serverAndBrowser(): { newPage: (options?: BrowserContextOptions) => Promise<Page>; url: () => string } {
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  let base = '';
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('browser tests need Chromium: apt-get install -y chromium (or set CHROMIUM_PATH); .ci/run installs it');
    app = await buildServer();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    newPage: (options) => browser!.newPage({ viewport: { width: 1400, height: 1000 }, ...options }),
    url: () => base,
  };
}
