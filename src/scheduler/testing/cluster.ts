/**
 * @module Test helper: a real API server (in-memory datastore, HTTPS on port 0) with a client,
 * node and pod builders, and a running scheduler, all stopped when the test ends.
 */
import { waitFor } from '../../base/async.js';
import { setLogSink } from '../../base/log.js';
import { startTestServer, type TestServer } from '../../apiserver/testing/test-server.js';
import { clientFromKubeconfig, type Client } from '../../client/client.js';
import type { Container, Node, Pod, PodSpec } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import type { CoreEvent } from '../../client/kinds/core.js';
import { Scheduler, type SchedulerOptions } from '../scheduler.js';

export interface TestCluster {
  readonly server: TestServer;
  readonly client: Client;
  readonly pods: ResourceClient<Pod>;
  readonly nodes: ResourceClient<Node>;
  readonly scheduler: Scheduler;
  /** Starts the scheduler (tests create objects first when they want them in the initial list). */
  start(): void;
  /** Waits until the pod is bound; returns its node. */
  boundNode(name: string, ns?: string): Promise<string>;
  /** Waits for a FailedScheduling event about the pod; returns its message. */
  failedMessage(name: string, opts?: { ns?: string; contains?: string }): Promise<string>;
}

/** Builds a Ready node with the given allocatable, labels and taints. */
export function testNode(name: string, o: { cpu?: string; memory?: string; pods?: string; labels?: Record<string, string>; taints?: NonNullable<Node['spec']>['taints']; unschedulable?: boolean } = {}): Node {
  const alloc = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', 'ephemeral-storage': '100Gi' };
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: alloc, allocatable: alloc, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

/** Builds a pod with one container; `requests` like { cpu: '500m' }. */
export function testPod(name: string, o: { ns?: string; requests?: Record<string, string>; labels?: Record<string, string>; spec?: Partial<PodSpec>; container?: Partial<Container> } = {}): Pod {
  const c: Container = { name: 'c', image: 'busybox', ...(o.requests ? { resources: { requests: o.requests } } : {}), ...(o.container ?? {}) };
  return { metadata: { name, namespace: o.ns ?? 'default', ...(o.labels ? { labels: o.labels } : {}) }, spec: { containers: [c], ...(o.spec ?? {}) } };
}

export async function startTestCluster(t: { after(fn: () => unknown): void }, opts: Omit<SchedulerOptions, 'client'> = {}): Promise<TestCluster> {
  const prev = setLogSink({ write: () => undefined });
  t.after(() => { setLogSink(prev); });
  const server = await startTestServer();
  t.after(() => server.close());
  const client = clientFromKubeconfig(server.kubeconfig);
  t.after(() => client.close());
  const scheduler = new Scheduler({ client, queue: { initialBackoffMs: 100, maxBackoffMs: 500 }, ...opts });
  const ctl = new AbortController();
  let run: Promise<void> | undefined;
  t.after(async () => { ctl.abort(); await run; });
  const pods = client.resource<Pod>(resources.pods);
  const events = client.resource<CoreEvent>(resources.events);
  return {
    server, client, pods, nodes: client.resource<Node>(resources.nodes), scheduler,
    start: () => { run ??= scheduler.run(ctl.signal); },
    boundNode: (name, ns = 'default') => waitFor(async () => (await pods.get(name, { namespace: ns })).spec?.nodeName || undefined, { what: `pod ${name} bound`, timeoutMs: 20_000 }),
    failedMessage: (name, o = {}) => waitFor(async () => {
      const list = await events.list({ namespace: o.ns ?? 'default', fieldSelector: `involvedObject.name=${name},reason=FailedScheduling` });
      return list.items.map((e) => e.message ?? '').find((m) => !o.contains || m.includes(o.contains));
    }, { what: `FailedScheduling event for ${name}`, timeoutMs: 20_000 }),
  };
}
