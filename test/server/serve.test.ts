// `precheck serve` as a user starts it: loopback by default, and SIGTERM lets an in-flight
// request finish before the process exits.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '../../dist/cli/precheck.js');
const line = (id: string) =>
  `{"format":"imr-precheck/request@1","id":"${id}","decisionDate":"2016-06-01","services":[{"id":"t","kind":"transportation"}]}\n`;

describe('precheck serve', () => {
  it('listens on 127.0.0.1 and finishes an in-flight batch on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const health = await fetch(`${url}healthz`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${url}v1/check:batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.write(line('first'));
      // the request is in flight: stop the server, then finish sending
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(line('second')), 300);
      }, 300);
    });
    expect(
      body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).request),
    ).toEqual(['first', 'second']);
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM, finishing in-flight requests');
  }, 20_000);
});
