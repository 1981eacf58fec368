// `precheck serve`: the HTTP API and the web page on loopback by default. SIGINT/SIGTERM close
// the listener and let in-flight requests finish before the process exits.
import type { Command } from 'commander';
import { buildServer } from '../../server/app.js';

export const DEFAULT_PORT = 8787;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the web page and the HTTP API (POST /v1/check, /v1/check:batch, /v1/draft; GET /v1/criteria, /v1/topics, /v1/openapi.json, /healthz)',
    )
    .option('--host <host>', 'address to listen on (loopback by default; another address exposes the server to the network)', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', String(DEFAULT_PORT))
    .option('--quiet', 'no request log on standard error')
    .action(async (opts: { host: string; port: string; quiet?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`precheck serve: invalid --port "${opts.port}"; expected 0 … 65535\n`);
        process.exitCode = 2;
        return;
      }
      const app = await buildServer({ logger: opts.quiet ? false : { level: 'info', stream: process.stderr } });
      try {
        await app.listen({ host: opts.host, port });
      } catch (err) {
        process.stderr.write(`precheck serve: cannot listen on ${opts.host}:${port}: ${(err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      const address = app.server.address();
      const shown =
        typeof address === 'object' && address
          ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`
          : String(address);
      process.stderr.write(`precheck serve: listening on ${shown} (web page at /, API under /v1, Ctrl-C to stop)\n`);
      if (!['127.0.0.1', '::1', 'localhost'].includes(opts.host)) {
        process.stderr.write(
          `precheck serve: warning: listening on ${opts.host}, not loopback: other machines can reach this server and the records sent to it\n`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
          process.stderr.write(`precheck serve: ${signal}, finishing in-flight requests (again to stop at once)\n`);
          process.once(signal, () => process.exit(130));
          void app.close().then(resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}
