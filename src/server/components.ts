/**
 * @module The server's in-process components on the scheduling side: the scheduler, run only
 * while this server holds the Lease kube-system/kube-scheduler (so one server schedules when
 * several share a datastore; --disable-scheduler leaves it out), and the simulated nodes of
 * --simulate-nodes. Both reach the API server through the in-process client and share one
 * set of informers, started here and stopped in reverse.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { logger } from '../base/log.js';
import type { ApiServer } from '../apiserver/apiserver.js';
import { inProcessClient } from '../client/client.js';
import { InformerFactory } from '../client/informer-factory.js';
import { LeaderElector } from '../client/leader-election.js';
import { SimulatedNodes } from '../kubelet/simulated/simulated-nodes.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { ServerConfig } from './config.js';

const log = logger('server');

/**
 * Who the components act as. The scheduler is system:kube-scheduler, authorized by the RBAC
 * bootstrap policy as upstream; the simulated kubelets share one client for many nodes, which
 * the Node authorizer (one identity per node) cannot express, so they run as system:masters.
 */
const SCHEDULER_USER = { name: 'system:kube-scheduler', groups: ['system:authenticated'] };
const SIMULATOR_USER = { name: 'system:k3ts-simulated-nodes', groups: ['system:masters', 'system:authenticated'] };

export interface RunningComponents {
  /** The scheduler's elector, when the scheduler is enabled. */
  readonly elector: LeaderElector | undefined;
  readonly simulated: SimulatedNodes | undefined;
  stop(): Promise<void>;
}

export interface ComponentTiming {
  /** Leader election periods (tests shorten them); Kubernetes's 15 s / 10 s / 2 s by default. */
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
}

/** Starts the scheduler's leader election and the simulated nodes; returns their teardown. */
export function startSchedulingComponents(api: ApiServer, config: ServerConfig, timing: ComponentTiming = {}): RunningComponents {
  const ctl = new AbortController();
  const reader = inProcessClient(api.handler, { userAgent: 'k3ts/informers' });
  const informers = new InformerFactory(reader);
  const runs: Promise<void>[] = [];
  const clients = [reader];
  let elector: LeaderElector | undefined;
  if (!config.components.disableScheduler) {
    const client = inProcessClient(api.handler, { user: SCHEDULER_USER, userAgent: 'k3ts/scheduler' });
    clients.push(client);
    const identity = `${hostname()}_${randomUUID()}`;
    elector = new LeaderElector({
      client, namespace: 'kube-system', name: 'kube-scheduler', identity, ...timing,
      // Each term gets a fresh scheduler (cache and queue rebuilt from the shared informers).
      onStartedLeading: (signal) => new Scheduler({ client, informers }).run(signal),
      onNewLeader: (who) => { if (who !== identity) log.info(`the scheduler runs on ${who}`); },
    });
    runs.push(elector.run(ctl.signal));
    const running = elector;
    api.registerComponent('scheduler', async () => {
      if (!running.isLeader() && !running.leader()) throw new Error('no scheduler holds the kube-scheduler lease');
    });
  }
  let simulated: SimulatedNodes | undefined;
  const sim = config.simulation;
  if (sim.nodes > 0) {
    const client = inProcessClient(api.handler, { user: SIMULATOR_USER, userAgent: 'k3ts/simulated-kubelet' });
    clients.push(client);
    simulated = new SimulatedNodes({
      client, informers, count: sim.nodes, namePrefix: sim.namePrefix, capacity: sim.capacity, zones: sim.zones,
      labels: Object.fromEntries(sim.labels.map((l) => [l.key, l.value])),
      taints: sim.taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })),
      clusterCidr: config.networking.clusterCidrs.find((c) => !c.includes(':')) ?? '10.42.0.0/16',
    });
    runs.push(simulated.run(ctl.signal));
  }
  informers.start(ctl.signal);
  return {
    elector, simulated,
    async stop() {
      ctl.abort();
      await Promise.allSettled(runs);
      await informers.stopped();
      for (const c of clients) c.close();
    },
  };
}
