// Watch fan-out: N HTTPS watch streams on one collection; one update is timestamped and the
// time until each watcher receives its event is measured.
import { Agent, request } from 'node:https';
import { percentile } from './client.js';

export async function watchFanout(base: string, ca: string, watchers: number, update: () => Promise<void>): Promise<{ watchers: number; received: number; p50: number; p99: number; max: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: watchers + 8, ca });
  const arrivals: number[] = [];
  let started = 0;
  let t0 = 0;
  const reqs: ReturnType<typeof request>[] = [];
  const ready = new Promise<void>((resolveReady) => {
    for (let i = 0; i < watchers; i++) {
      const req = request(`${base}/api/v1/namespaces/bench/configmaps?watch=1&resourceVersion=0&fieldSelector=metadata.name%3Dfanout`, { agent }, (res) => {
        let buf = '';
        let sawInitial = false;
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          let nl;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (!sawInitial) {
              sawInitial = true;
              if (++started === watchers) resolveReady();
              continue;
            }
            if (line.includes('"MODIFIED"') && t0) arrivals.push(performance.now() - t0);
          }
        });
      });
      req.on('error', () => undefined);
      req.end();
      reqs.push(req);
    }
  });
  await ready;
  t0 = performance.now();
  await update();
  const deadline = Date.now() + 30_000;
  while (arrivals.length < watchers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  for (const r of reqs) r.destroy();
  agent.destroy();
  arrivals.sort((a, b) => a - b);
  return { watchers, received: arrivals.length, p50: percentile(arrivals, 50), p99: percentile(arrivals, 99), max: arrivals.at(-1) ?? 0 };
}
