// bench/scale: an API latency probe that runs beside the load, as Kubernetes's SLOs measure it:
// single-object gets (a node, a pod), a mutating call (a ConfigMap update) and a namespaced
// list with a limit, one round at a time, each timed. Percentiles per kind and overall.
import type { Client } from '../../src/client/client.js';
import type { Node, Pod } from '../../src/client/kinds/core.js';
import { resources } from '../../src/client/resources.js';
import type { KubeObject } from '../../src/client/types.js';

export interface LatencySummary {
  count: number;
  errors: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
}

function summary(samples: number[], errors: number): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => +(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(1);
  return { count: s.length, errors, p50ms: at(0.5), p99ms: at(0.99), maxMs: +(s[s.length - 1] ?? 0).toFixed(1) };
}

/** Probes until stopped; `sample()` returns the summaries so far. */
export class ApiProbe {
  private readonly samples = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly client: Client, private readonly opts: { namespace: string; nodeNames: readonly string[]; podNames: () => readonly string[]; intervalMs: number }) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  results(): { byKind: Record<string, LatencySummary>; overall: LatencySummary } {
    const byKind: Record<string, LatencySummary> = {};
    const all: number[] = [];
    let errs = 0;
    for (const [k, v] of this.samples) {
      byKind[k] = summary(v, this.errors.get(k) ?? 0);
      all.push(...v);
      errs += this.errors.get(k) ?? 0;
    }
    return { byKind, overall: summary(all, errs) };
  }

  private async timed(kind: string, fn: () => Promise<unknown>): Promise<void> {
    const t0 = performance.now();
    try {
      await fn();
      const list = this.samples.get(kind) ?? [];
      list.push(performance.now() - t0);
      this.samples.set(kind, list);
    } catch {
      this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    }
  }

  private async run(): Promise<void> {
    const { namespace: ns } = this.opts;
    const nodes = this.client.resource<Node>(resources.nodes);
    const pods = this.client.resource<Pod>(resources.pods);
    const cms = this.client.resource<KubeObject & { data?: Record<string, string> }>(resources.configmaps);
    await cms.create({ metadata: { name: 'probe', namespace: ns }, data: { n: '0' } }).catch(() => undefined);
    let i = 0;
    while (!this.stopped) {
      const t0 = performance.now();
      const node = this.opts.nodeNames[i % Math.max(1, this.opts.nodeNames.length)] ?? '';
      const names = this.opts.podNames();
      const pod = names[(i * 7919) % Math.max(1, names.length)];
      await this.timed('get node', () => nodes.get(node));
      if (pod) await this.timed('get pod', () => pods.get(pod, { namespace: ns }));
      await this.timed('update configmap', () => cms.patch('probe', { data: { n: String(i) } }, { namespace: ns, type: 'merge' }));
      await this.timed('list pods (limit 100)', () => pods.list({ namespace: ns, limit: 100 }));
      i++;
      const wait = this.opts.intervalMs - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }
}
