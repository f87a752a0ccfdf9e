/**
 * @module Raw HTTPS requests against a test server (for the paths kubectl never takes: malformed
 * bodies, odd content types, explicit Accept headers, watch streams).
 */
import { request } from 'node:https';
import type { TestServer } from './test-server.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  json(): unknown;
}

export function raw(ts: TestServer, method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Node sends DELETE bodies unframed unless a length is given.
    const headers = { ...(opts.headers ?? {}), ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}) };
    const req = request(`${ts.url}${path}`, { method, ca: ts.ca, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as unknown });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Opens a watch and collects parsed events until `until` returns true or `timeoutMs` passes. */
export function watchEvents(ts: TestServer, path: string, until: (events: unknown[]) => boolean, opts: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<{ status: number; events: unknown[] }> {
  return new Promise((resolve, reject) => {
    const events: unknown[] = [];
    let buf = '';
    let status = 0;
    const req = request(`${ts.url}${path}`, { method: 'GET', ca: ts.ca, headers: opts.headers ?? {} }, (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          if (line.trim()) events.push(JSON.parse(line));
        }
        if (until(events)) {
          req.destroy();
          resolve({ status, events });
        }
      });
      res.on('end', () => resolve({ status, events }));
    });
    const timer = setTimeout(() => { req.destroy(); resolve({ status, events }); }, opts.timeoutMs ?? 10_000);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e) => (events.length || status ? resolve({ status, events }) : reject(e)));
    req.end();
  });
}
