/**
 * @module Assembles the served resources from the schema catalog: every ResourceDef gets a store
 * with its strategy (a resource-specific one where Kubernetes has special behaviour, the generic
 * one otherwise) and its registry subresources (status, scale, binding, eviction, finalize).
 */
import type { Backend } from '../../datastore/backend.js';
import type { ResourceDef } from '../../api/schema/types.js';
import { ResourceRegistry, type ServedResource, type Subresource } from './resources.js';
import { Store } from './generic/store.js';
import { BaseStrategy, StatusStrategy, type Strategy } from './rest/strategy.js';
import { approvalSubresource, finalizeSubresource, scaleSubresource, statusSubresource } from './subresources.js';
import { NamespaceStore, NamespaceStrategy } from './core/namespaces.js';
import { PodStrategy, preparePodStatusUpdate } from './core/pods.js';
import { bindPod, bindingSubresource, evictionSubresource } from './core/pod-subresources.js';
import { ConfigMapStrategy, SecretStrategy } from './core/config.js';
import { EndpointsStrategy, EventStrategy, LimitRangeStrategy, NodeStrategy, ResourceQuotaStrategy, ServiceAccountStrategy } from './core/misc.js';
import { PersistentVolumeClaimStrategy, PersistentVolumeStrategy } from './core/storage.js';
import { PodTemplateStrategy, ReplicationControllerStrategy } from './core/controllers.js';
import { ServiceStore, ServiceStrategy } from './core/services.js';
import { ComponentStatusStore } from './core/component-statuses.js';
import { ClusterIpAllocator, NodePortAllocator } from './core/allocators.js';
import { groupStrategy } from './groups.js';
import type { KubeObject } from '../../api/meta/object.js';
import type { RequestContext } from './rest/context.js';
import { type ObjectCodec, convertingCodec, jsonCodec } from '../storage/codec.js';
import { resourcePrefix } from '../storage/keys.js';
import { coreToEventsV1, eventsV1ToCore } from '../../api/conversion/events.js';
import { hpaV1ToV2, hpaV2ToV1 } from '../../api/conversion/hpa.js';
import { alwaysAllow, type Authorizer } from '../authorization/authorizer.js';
import { type TokenReviewer, VirtualCreateStore, reviewAnswers } from './reviews.js';
import { statusErrors } from '../../api/status.js';

export interface BuiltinOptions {
  /** --service-cidr (IPv4). */
  readonly serviceCidr: string;
  /** --service-node-port-range. */
  readonly nodePortBase: number;
  readonly nodePortSize: number;
  /** Watch cache history per resource. */
  readonly historyLimit?: number;
  /** Answers access reviews (default: everything allowed). */
  readonly authorizer?: Authorizer;
  /** Answers TokenReviews (absent: tokens are reported unauthenticated). */
  readonly tokenReviewer?: TokenReviewer;
  /** Wraps a resource's storage codec (encryption at rest); `prefix` is its key prefix. */
  readonly storageCodec?: (def: ResourceDef, prefix: string, codec: ObjectCodec) => ObjectCodec;
}

/** Resources served in a second shape over another's storage: their codec. */
function codecFor(def: ResourceDef): ObjectCodec | undefined {
  if (def.group === 'events.k8s.io' && def.plural === 'events') return convertingCodec(jsonCodec, eventsV1ToCore, coreToEventsV1);
  if (def.group === 'autoscaling' && def.version === 'v1' && def.plural === 'horizontalpodautoscalers') return convertingCodec(jsonCodec, hpaV1ToV2, hpaV2ToV1);
  return undefined;
}

const CORE: Readonly<Record<string, () => Strategy>> = {
  namespaces: () => new NamespaceStrategy(),
  pods: () => new PodStrategy(),
  services: () => new ServiceStrategy(),
  configmaps: () => new ConfigMapStrategy(),
  secrets: () => new SecretStrategy(),
  events: () => new EventStrategy(),
  nodes: () => new NodeStrategy(),
  replicationcontrollers: () => new ReplicationControllerStrategy(),
  persistentvolumeclaims: () => new PersistentVolumeClaimStrategy(),
  persistentvolumes: () => new PersistentVolumeStrategy(),
  podtemplates: () => new PodTemplateStrategy(),
  endpoints: () => new EndpointsStrategy(),
  limitranges: () => new LimitRangeStrategy(),
  resourcequotas: () => new ResourceQuotaStrategy(),
  serviceaccounts: () => new ServiceAccountStrategy(),
};

/** The strategy for a resource: specific where Kubernetes has one, generic otherwise. */
export function strategyFor(def: ResourceDef): Strategy {
  const make = def.group === '' ? CORE[def.plural] : undefined;
  if (make) return make();
  const specific = groupStrategy(def);
  if (specific) return specific;
  return new BaseStrategy({ namespaced: def.namespaced, hasStatus: def.subresources?.some((s) => s.name === 'status') ?? false });
}

class PodStatusStrategy extends StatusStrategy {
  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    const labels = next.metadata.labels;
    const annotations = next.metadata.annotations;
    super.prepareForUpdate(next, prev, ctx);
    // The kubelet may change a pod's labels and annotations through /status; not its owners.
    if (labels) next.metadata.labels = labels;
    if (annotations) next.metadata.annotations = annotations;
    preparePodStatusUpdate(next, prev);
  }
}

/** Builds the registry of every catalog resource on `backend`. */
export function builtinRegistry(backend: Backend, resources: readonly ResourceDef[], o: BuiltinOptions): ResourceRegistry {
  const registry = new ResourceRegistry();
  const allocators = {
    ips: new ClusterIpAllocator(backend, o.serviceCidr),
    ports: new NodePortAllocator(backend, o.nodePortBase, o.nodePortSize),
  };
  const reviews = reviewAnswers(o.authorizer ?? alwaysAllow, o.tokenReviewer);
  let pods: Store | undefined;
  for (const def of resources) {
    const strategy = strategyFor(def);
    const codec = o.storageCodec ? o.storageCodec(def, resourcePrefix(def.group, def.plural), codecFor(def) ?? jsonCodec) : codecFor(def);
    const so = { backend, resource: def, strategy, ...(o.historyLimit ? { historyLimit: o.historyLimit } : {}), ...(codec ? { codec } : {}) };
    const key = `${def.group}/${def.plural}`;
    const review = reviews[key];
    let store: Store;
    if (review) store = new VirtualCreateStore(so, review);
    else if (key === '/bindings') {
      store = new VirtualCreateStore(so, async (ctx, body) => {
        if (!pods) throw statusErrors.internal('pods are not served');
        await bindPod(pods, ctx, body.metadata.name ?? '', body);
        return body;
      });
    } else if (key === '/namespaces') store = new NamespaceStore(so);
    else if (key === '/services') store = new ServiceStore(so, allocators);
    else if (key === '/componentstatuses') store = new ComponentStatusStore(so);
    else store = new Store(so);
    if (key === '/pods') pods = store;
    const subs = new Map<string, Subresource>();
    for (const s of def.subresources ?? []) {
      if (s.name === 'status') subs.set('status', statusSubresource(store, key === '/pods' ? new PodStatusStrategy(strategy) : undefined));
      else if (s.name === 'scale') subs.set('scale', scaleSubresource(store));
      else if (s.name === 'finalize' && key === '/namespaces') subs.set('finalize', finalizeSubresource(store));
      else if (s.name === 'approval' && key === 'certificates.k8s.io/certificatesigningrequests') subs.set('approval', approvalSubresource(store));
      else if (s.name === 'binding' && key === '/pods') subs.set('binding', bindingSubresource(store));
      else if (s.name === 'eviction' && key === '/pods') subs.set('eviction', evictionSubresource(store, registry));
    }
    const served: ServedResource = { def, store, subresources: subs };
    registry.add(served);
  }
  return registry;
}
