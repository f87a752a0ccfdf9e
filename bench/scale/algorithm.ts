// bench/scale: the scheduler's own decision rate, without the API server: the default profile
// over an in-memory cache of N nodes, placing P ReplicaSet-owned pods one after another (each
// assumed on its node, as the scheduler does before binding). This is the ceiling the
// scheduler puts on throughput; the end-to-end run shows what the API server leaves of it.
import { OfflineCluster, pod } from '../../src/scheduler/testing/offline.js';

export interface AlgorithmResult {
  podsPerSec: number;
  usPerPod: number;
}

export function algorithmThroughput(nodes: number, pods: number): AlgorithmResult {
  const c = new OfflineCluster();
  for (let i = 0; i < nodes; i++) c.node(`n${i}`, { cpu: '32', pods: '110' });
  const per = 1000;
  for (let r = 0; r * per < pods; r++) c.replicaSets.upsert({ metadata: { name: `rs-${r}`, namespace: 'default' }, spec: { selector: { matchLabels: { app: `a${r}` } } } });
  const t0 = performance.now();
  for (let i = 0; i < pods; i++) {
    const r = Math.floor(i / per);
    const p = pod(`p${i}`, { labels: { app: `a${r}` }, cpu: '10m' });
    p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${r}`, uid: `rs-${r}`, controller: true }];
    if (!c.schedule(p).node) throw new Error(`pod ${i} did not fit`);
  }
  const ms = performance.now() - t0;
  return { podsPerSec: Math.round((pods / ms) * 1000), usPerPod: Math.round((ms / pods) * 1000) };
}
