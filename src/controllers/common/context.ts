/**
 * @module What every controller is built from: the API client, the shared informers, an event
 * recorder per component, and the indexes controllers share on those informers (one function
 * object per index name, since informers are shared).
 */
import type { Client } from '../../client/client.js';
import { EventRecorder, type EventSink } from '../../client/event-recorder.js';
import type { InformerFactory } from '../../client/informer-factory.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ResourceType } from '../../client/resource-type.js';
import { byNodeName, byOwnerUid, NODE_NAME_INDEX, OWNER_UID_INDEX, type IndexFunc } from '../../client/store.js';
import { controllerOf, type KubeObject } from '../../client/types.js';

/** Shared by all controllers of one controller manager. */
export interface ControllerContext {
  readonly client: Client;
  readonly informers: InformerFactory;
  /** An event recorder named after the component (`replicaset-controller`). */
  events(component: string): EventSink;
  /** Worker count override (kube-controller-manager's --concurrent-* flags; default per controller). */
  readonly workers?: number;
}

/** A running control loop. */
export interface Controller {
  readonly name: string;
  /** Runs until `signal` aborts; informers are started by the manager before this is called. */
  run(signal: AbortSignal): Promise<void>;
}

/** Builds a context over a client and informer factory. */
export function controllerContext(client: Client, informers: InformerFactory, opts: { workers?: number } = {}): ControllerContext {
  const recorders = new Map<string, EventRecorder>();
  return {
    client, informers, ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
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
