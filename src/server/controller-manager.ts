/**
 * @module The server's controller manager: the controllers of src/controllers run only while
 * this server holds the Lease kube-system/kube-controller-manager (so one server runs them when
 * several share a datastore, and another takes over within about 15 s when it dies). Reads go
 * through the in-process client as system:kube-controller-manager; each controller writes as
 * its own kube-system service account, as k3s runs kube-controller-manager with
 * --use-service-account-credentials. Each leadership term builds fresh caches and queues.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { logger } from '../base/log.js';
import type { ApiServer } from '../apiserver/apiserver.js';
import { inProcessClient, type Client } from '../client/client.js';
import { LeaderElector } from '../client/leader-election.js';
import { ControllerManager, type ControllerManagerOptions, unavailableControllers } from '../controllers/manager.js';
import type { CertificateAuthority } from '../pki/authority.js';
import type { ControllerManagerConfig } from './config.js';

const log = logger('server');

const MANAGER_USER = { name: 'system:kube-controller-manager', groups: ['system:authenticated'] };

/** The in-process identity of a controller's service account. */
function serviceAccountUser(sa: string): { name: string; groups: string[] } {
  return { name: `system:serviceaccount:kube-system:${sa}`, groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] };
}

export interface ControllerManagerSettings {
  /** The server CA bundle (kube-root-ca.crt) and the CAs the CSR signer uses. */
  readonly serverCa: CertificateAuthority;
  readonly clientCa: CertificateAuthority;
  /** --cluster-cidr, for node pod CIDR allocation. */
  readonly clusterCidrs: readonly string[];
  /** Leader election periods (tests shorten them); Kubernetes's 15 s / 10 s / 2 s by default. */
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
  /** --controllers (default all). */
  readonly controllers?: readonly string[];
  /** What --kube-controller-manager-arg set (timings, thresholds, worker counts). */
  readonly args?: ControllerManagerConfig;
}

/** The ControllerManager options --kube-controller-manager-arg sets; unset ones keep the controllers' defaults. */
function tuning(s: ControllerManagerSettings): Pick<ControllerManagerOptions, 'nodeLifecycle' | 'podGc' | 'nodeIpam' | 'workersByController'> {
  const a = s.args;
  return {
    nodeLifecycle: {
      ...(a?.nodeMonitorGracePeriodMs !== undefined ? { gracePeriodMs: a.nodeMonitorGracePeriodMs } : {}),
      ...(a?.nodeMonitorPeriodMs !== undefined ? { monitorPeriodMs: a.nodeMonitorPeriodMs } : {}),
      ...(a?.nodeStartupGracePeriodMs !== undefined ? { startupGracePeriodMs: a.nodeStartupGracePeriodMs } : {}),
      rates: {
        ...(a?.evictionRate !== undefined ? { evictionRate: a.evictionRate } : {}),
        ...(a?.secondaryEvictionRate !== undefined ? { secondaryEvictionRate: a.secondaryEvictionRate } : {}),
        ...(a?.unhealthyZoneThreshold !== undefined ? { unhealthyZoneThreshold: a.unhealthyZoneThreshold } : {}),
        ...(a?.largeClusterSizeThreshold !== undefined ? { largeClusterThreshold: a.largeClusterSizeThreshold } : {}),
      },
    },
    podGc: a?.terminatedPodGcThreshold !== undefined ? { terminatedThreshold: a.terminatedPodGcThreshold } : {},
    nodeIpam: { clusterCidrs: s.clusterCidrs, ...(a?.nodeCidrMaskSize !== undefined ? { maskSize: a.nodeCidrMaskSize } : {}) },
    workersByController: a?.workers ?? {},
  };
}

export interface RunningControllerManager {
  readonly elector: LeaderElector;
  stop(): Promise<void>;
}

/** Starts campaigning for the controller manager lease; returns the teardown. */
export function startControllerManager(api: ApiServer, s: ControllerManagerSettings): RunningControllerManager {
  const ctl = new AbortController();
  const reader = inProcessClient(api.handler, { user: MANAGER_USER, userAgent: 'k3ts/kube-controller-manager' });
  const clients: Client[] = [reader];
  const perAccount = new Map<string, Client>();
  const clientFor = (sa: string): Client => {
    let c = perAccount.get(sa);
    if (!c) {
      c = inProcessClient(api.handler, { user: serviceAccountUser(sa), userAgent: `k3ts/${sa}` });
      perAccount.set(sa, c);
      clients.push(c);
    }
    return c;
  };
  const identity = `${hostname()}_${randomUUID()}`;
  const controllers = s.controllers ?? s.args?.controllers;
  const missing = unavailableControllers(controllers ?? []);
  if (missing.length) log.warn(`--kube-controller-manager-arg controllers: k3ts has no ${missing.join(', ')} controller${missing.length > 1 ? 's' : ''}; ignoring ${missing.length > 1 ? 'them' : 'it'}`);
  const leaseDurationMs = s.leaseDurationMs ?? s.args?.leaseDurationMs;
  const renewDeadlineMs = s.renewDeadlineMs ?? s.args?.renewDeadlineMs;
  const retryPeriodMs = s.retryPeriodMs ?? s.args?.retryPeriodMs;
  const elector = new LeaderElector({
    client: reader, namespace: 'kube-system', name: 'kube-controller-manager', identity,
    ...(leaseDurationMs !== undefined ? { leaseDurationMs } : {}),
    ...(renewDeadlineMs !== undefined ? { renewDeadlineMs } : {}),
    ...(retryPeriodMs !== undefined ? { retryPeriodMs } : {}),
    onStartedLeading: (signal) => new ControllerManager({
      client: reader, clientFor, rootCaPem: s.serverCa.bundlePem, signing: { client: s.clientCa, server: s.serverCa },
      ...tuning(s), ...(controllers ? { controllers } : {}),
    }).run(signal),
    onNewLeader: (who) => { if (who !== identity) log.info(`the controller manager runs on ${who}`); },
  });
  const running = elector.run(ctl.signal);
  api.registerComponent('controller-manager', async () => {
    if (!elector.isLeader() && !elector.leader()) throw new Error('no controller manager holds the kube-controller-manager lease');
  });
  return {
    elector,
    async stop() {
      ctl.abort();
      await running;
      for (const c of clients) c.close();
    },
  };
}
