// A keep-alive HTTPS client for the benchmark: timed requests and latency percentiles.
import { Agent, request } from 'node:https';

export interface Timed {
  readonly status: number;
  readonly ms: number;
  readonly body: string;
}

export class BenchClient {
  readonly agent: Agent;
  constructor(readonly base: string, readonly ca: string, maxSockets = 64) {
    this.agent = new Agent({ keepAlive: true, maxSockets, ca });
  }

  send(method: string, path: string, body?: unknown, contentType = 'application/json', keepBody = false): Promise<Timed> {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(`${this.base}${path}`, { method, agent: this.agent, headers: data ? { 'content-type': contentType, 'content-length': data.length } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => { if (keepBody) chunks.push(c); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: keepBody ? Buffer.concat(chunks).toString() : '' }));
      });
      req.on('error', reject);
      req.end(data);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `count` operations with `concurrency` in flight; returns ops/s and latency percentiles. */
export async function load(count: number, concurrency: number, op: (i: number) => Promise<Timed>): Promise<{ opsPerSec: number; p50: number; p99: number; errors: number }> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const r = await op(i);
      if (r.status >= 300) errors++;
      lat.push(r.ms);
    }
  }));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { opsPerSec: count / secs, p50: percentile(lat, 50), p99: percentile(lat, 99), errors };
}
