/**
 * @module What every controller is built from: the API client, the shared informers, an event
 * recorder per component, and the indexes controllers share on those informers (one function
 * object per index name, since informers are shared).
 */
import type { Client } from '../../client/client.js';
import type { CertificateAuthority } from '../../pki/authority.js';
import { EventRecorder, type EventSink } from '../../client/event-recorder.js';
import type { InformerFactory } from '../../client/informer-factory.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ResourceType } from '../../client/resource-type.js';
import { byNodeName, byOwnerUid, NODE_NAME_INDEX, OWNER_UID_INDEX, type IndexFunc } from '../../client/store.js';
import { controllerOf, type KubeObject } from '../../client/types.js';

/** Shared by all controllers of one controller manager. */
export interface ControllerContext {
  /** Reads (informers, discovery) and events: the controller manager's own identity. */
  readonly client: Client;
  /**
   * The client a controller writes with, acting as its service account in kube-system
   * (kube-controller-manager's --use-service-account-credentials, which k3s sets), so RBAC's
   * `system:controller:<name>` roles apply.
   */
  clientFor(serviceAccount: string): Client;
  readonly informers: InformerFactory;
  /** An event recorder named after the component (`replicaset-controller`). */
  events(component: string): EventSink;
  /** Worker count for every controller (tests); default per controller. */
  readonly workers?: number;
  /** Worker counts by controller name (kube-controller-manager's --concurrent-*-syncs). */
  readonly workersByController?: Readonly<Record<string, number>>;
  /** The cluster CA bundle (PEM) for the root CA publisher. */
  readonly rootCaPem?: string;
  /** The CAs the CSR signer issues certificates with (client CA for client signers, server CA for serving). */
  readonly signing?: { readonly client: CertificateAuthority; readonly server: CertificateAuthority };
  /** Node CIDR allocation: the cluster CIDRs and mask size (absent: no allocation). */
  readonly nodeIpam?: { readonly clusterCidrs: readonly string[]; readonly maskSize?: number };
  /** Node lifecycle timing (grace period, monitor period). */
  readonly nodeLifecycle?: { readonly gracePeriodMs?: number; readonly monitorPeriodMs?: number };
  /** Pod GC: --terminated-pod-gc-threshold. */
  readonly podGc?: { readonly terminatedThreshold?: number };
}

/** How many workers the controller called `name` (kube-controller-manager's name) runs. */
export function workerCount(ctx: ControllerContext, name: string, byDefault: number): number {
  return ctx.workersByController?.[name] ?? ctx.workers ?? byDefault;
}

/** A running control loop. */
export interface Controller {
  readonly name: string;
  /** Runs until `signal` aborts; informers are started by the manager before this is called. */
  run(signal: AbortSignal): Promise<void>;
}

/** Builds a context over a client and informer factory. */
export function controllerContext(client: Client, informers: InformerFactory, opts: Pick<ControllerContext, 'workers' | 'workersByController' | 'rootCaPem' | 'nodeLifecycle' | 'podGc' | 'signing' | 'nodeIpam'> & {
  clientFor?: (serviceAccount: string) => Client;
} = {}): ControllerContext {
  const recorders = new Map<string, EventRecorder>();
  const clients = new Map<string, Client>();
  const { clientFor: make, ...rest } = opts;
  return {
    ...rest, client, informers,
    clientFor(sa) {
      let c = clients.get(sa);
      if (!c) clients.set(sa, (c = make ? make(sa) : client.withUserAgent(`k3ts/${sa}`)));
      return c;
    },
    events(component) {
      let r = recorders.get(component);
      if (!r) recorders.set(component, (r = new EventRecorder(client, component)));
      return r;
    },
  };
}

/** Objects without a controller ref, by namespace: the candidates for adoption. */
export const ORPHAN_NAMESPACE_INDEX = 'orphanNamespace';
const byOrphanNamespace: IndexFunc<KubeObject> = (o) => (controllerOf(o) ? [] : [o.metadata.namespace ?? '']);

/**
 * The informer for `type` with the indexes controllers use: owner uid, orphans by namespace,
 * and node name for pods.
 */
export function indexedInformer<T extends KubeObject>(ctx: ControllerContext, type: ResourceType): SharedInformer<T> {
  const inf = ctx.informers.informer<T>(type);
  const want: Record<string, IndexFunc<KubeObject>> = { [OWNER_UID_INDEX]: byOwnerUid, [ORPHAN_NAMESPACE_INDEX]: byOrphanNamespace };
  if (type.resource === 'pods') want[NODE_NAME_INDEX] = byNodeName;
  const missing: Record<string, IndexFunc<KubeObject>> = {};
  for (const [k, fn] of Object.entries(want)) if (!inf.store.hasIndex(k)) missing[k] = fn;
  inf.addIndexers(missing);
  return inf;
}

/** The objects an owner controls or could adopt: those with its uid in ownerReferences, plus orphans in its namespace. */
export function ownedOrOrphans<T extends KubeObject>(inf: SharedInformer<T>, owner: KubeObject): T[] {
  const owned = inf.store.byIndex(OWNER_UID_INDEX, owner.metadata.uid ?? '');
  const orphans = inf.store.byIndex(ORPHAN_NAMESPACE_INDEX, owner.metadata.namespace ?? '');
  return owned.length ? (orphans.length ? [...owned, ...orphans] : owned) : orphans;
}
