/**
 * @module A whole simulated cluster for controller tests: the real API server behind the real
 * HTTPS listener (kubectl reaches it through a kubeconfig), and in the same process the
 * controller manager, the scheduler and N simulated nodes, all talking to the API server through
 * the in-process client. Stopped in reverse order when the test ends.
 */
import { setLogSink } from '../../src/base/log.js';
import { startTestServer, type TestServer } from '../../src/apiserver/testing/test-server.js';
import { inProcessClient, type Client } from '../../src/client/client.js';
import { microTime, type Lease } from '../../src/client/kinds/coordination.js';
import type { Node, Taint } from '../../src/client/kinds/core.js';
import { resources } from '../../src/client/resources.js';
import { isConflict } from '../../src/client/errors.js';
import { EventRecorder } from '../../src/client/event-recorder.js';
import { InformerFactory } from '../../src/client/informer-factory.js';
import { ControllerManager } from '../../src/controllers/manager.js';
import { createCa, type CertificateAuthority } from '../../src/pki/authority.js';
import { generateEcKey } from '../../src/pki/keys.js';
import type { NodeLifecycleOptions } from '../../src/controllers/nodelifecycle/node-lifecycle-controller.js';
import { SimulatedNodes, type SimulatedNodesOptions } from '../../src/kubelet/simulated/simulated-nodes.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { kubectlPath } from './harness.js';
import { runKubectl, type KubectlResult } from '../../src/apiserver/testing/kubectl.js';

export interface SimCluster {
  readonly srv: TestServer;
  /** The CAs the CSR signer uses. */
  readonly signing: { readonly client: CertificateAuthority; readonly server: CertificateAuthority };
  readonly client: Client;
  readonly nodes: SimulatedNodes;
  readonly scheduler: Scheduler;
  /** Runs a kubectl (default: the newest installed) against the cluster. */
  kubectl(args: readonly string[], opts?: { input?: string; timeoutMs?: number; minor?: number }): Promise<KubectlResult>;
}

export interface SimClusterOptions {
  readonly nodes?: number;
  readonly nodeOptions?: Partial<Omit<SimulatedNodesOptions, 'client' | 'informers' | 'count'>>;
  readonly controllers?: readonly string[];
  readonly nodeLifecycle?: NodeLifecycleOptions;
  readonly nodeIpam?: { readonly clusterCidrs: readonly string[]; readonly maskSize?: number };
  /** Keep component logs (default: silenced). */
  readonly logs?: boolean;
}

/** The newest kubectl installed (1.33 first). */
export function newestKubectl(): string | undefined {
  for (let m = 33; m >= 27; m--) {
    const p = kubectlPath(m);
    if (p) return p;
  }
  return undefined;
}

export async function startSimCluster(t: { after(fn: () => unknown): void }, opts: SimClusterOptions = {}): Promise<SimCluster> {
  if (!opts.logs) {
    const prev = setLogSink({ write: () => undefined });
    t.after(() => { setLogSink(prev); });
  }
  const srv = await startTestServer();
  const client = inProcessClient(srv.server.handler, { user: { name: 'system:kube-controller-manager', groups: ['system:masters', 'system:authenticated'] } });
  const informers = new InformerFactory(client);
  const ctl = new AbortController();
  const signing = { client: createCa('k3s-client-ca@test', await generateEcKey(), { now: new Date() }), server: createCa('k3s-server-ca@test', await generateEcKey(), { now: new Date() }) };
  const manager = new ControllerManager({
    client, informers, rootCaPem: srv.ca, signing, ...(opts.controllers ? { controllers: opts.controllers } : {}), ...(opts.nodeLifecycle ? { nodeLifecycle: opts.nodeLifecycle } : {}),
    ...(opts.nodeIpam ? { nodeIpam: opts.nodeIpam } : {}),
  });
  const scheduler = new Scheduler({ client, informers, events: new EventRecorder(client, 'default-scheduler') });
  const nodes = new SimulatedNodes({ client, informers, count: opts.nodes ?? 3, ...opts.nodeOptions });
  const running = [manager.run(ctl.signal), scheduler.run(ctl.signal), nodes.run(ctl.signal)];
  t.after(async () => {
    ctl.abort();
    await Promise.allSettled(running);
    await informers.stopped();
    client.close();
    await srv.close();
  });
  await informers.waitForSync(ctl.signal);
  const bin = newestKubectl();
  return {
    srv, client, nodes, scheduler, signing,
    async kubectl(args, o = {}) {
      const path = o.minor !== undefined ? kubectlPath(o.minor) : bin;
      if (!path) throw new Error('kubectl is not installed');
      return runKubectl(path, { kubeconfig: srv.kubeconfig, dir: srv.dir }, args, o);
    },
  };
}

/** The cluster's node names, sorted. */
export async function nodeNames(c: SimCluster): Promise<string[]> {
  const r = await c.kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}']);
  return r.stdout.split(' ').filter(Boolean).sort();
}

/**
 * A Ready node without a kubelet: the test renews its heartbeat Lease until `stop()`, which
 * is how a node looks to the control plane when its kubelet dies.
 */
export async function manualNode(c: { readonly client: Client }, name: string, opts: { taints?: Taint[] } = {}): Promise<{ stop(): void }> {
  const nodes = c.client.resource<Node>(resources.nodes);
  const leases = c.client.resource<Lease>(resources.leases);
  const made = await nodes.create({ metadata: { name, labels: { 'kubernetes.io/hostname': name } }, ...(opts.taints ? { spec: { taints: opts.taints } } : {}) });
  const t = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const status = {
    capacity: { cpu: '8', memory: '16Gi', pods: '110' }, allocatable: { cpu: '8', memory: '16Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True' as const, reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: t, lastTransitionTime: t }],
  };
  // Node IPAM may write the new node's pod CIDR first: retry on the fresh object.
  for (let current = made; ;) {
    try {
      await nodes.updateStatus({ ...current, status });
      break;
    } catch (err) {
      if (!isConflict(err)) throw err;
      current = await nodes.get(name);
    }
  }
  let lease = await leases.create({ metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTime() } });
  const timer = setInterval(() => {
    void leases.update({ ...lease, spec: { ...lease.spec, renewTime: microTime() } }).then((l) => { lease = l; }, () => undefined);
  }, 300);
  return { stop: () => clearInterval(timer) };
}
