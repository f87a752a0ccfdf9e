/**
 * @module A whole simulated cluster for controller tests: the real API server behind the real
 * HTTPS listener (kubectl reaches it through a kubeconfig), and in the same process the
 * controller manager, the scheduler and N simulated nodes, all talking to the API server through
 * the in-process client. Stopped in reverse order when the test ends.
 */
import { setLogSink } from '../../src/base/log.js';
import { startTestServer, type TestServer } from '../../src/apiserver/testing/test-server.js';
import { inProcessClient, type Client } from '../../src/client/client.js';
import { EventRecorder } from '../../src/client/event-recorder.js';
import { InformerFactory } from '../../src/client/informer-factory.js';
import { ControllerManager } from '../../src/controllers/manager.js';
import { SimulatedNodes, type SimulatedNodesOptions } from '../../src/kubelet/simulated/simulated-nodes.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { kubectlPath } from './harness.js';
import { runKubectl, type KubectlResult } from '../../src/apiserver/testing/kubectl.js';

export interface SimCluster {
  readonly srv: TestServer;
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
  const manager = new ControllerManager({ client, informers, ...(opts.controllers ? { controllers: opts.controllers } : {}) });
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
    srv, client, nodes, scheduler,
    async kubectl(args, o = {}) {
      const path = o.minor !== undefined ? kubectlPath(o.minor) : bin;
      if (!path) throw new Error('kubectl is not installed');
      return runKubectl(path, { kubeconfig: srv.kubeconfig, dir: srv.dir }, args, o);
    },
  };
}
