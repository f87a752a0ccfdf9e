/**
 * @module The EndpointSlice controller: for every Service with a selector, EndpointSlices
 * (labelled `kubernetes.io/service-name`, managed-by `endpointslice-controller.k8s.io`, owned by
 * the Service) holding at most 100 endpoints each, one group per resolved port set, with the
 * ready/serving/terminating conditions of each pod. Terminating pods stay listed as not ready.
 */
import { isAlreadyExists, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Pod, Service } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey, type KubeObject } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { workerCount, type Controller, type ControllerContext } from '../common/context.js';
import { controllerRefTo } from '../common/pods.js';
import { canonical } from '../common/status.js';
import { isHeadless, portsFor, selectedPods, servicesFor, type ResolvedPort } from './service-pods.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
const MAX_ENDPOINTS = 100;

interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  targetRef: { kind: string; namespace: string; name: string; uid: string };
  nodeName?: string;
  hostname?: string;
}

export interface EndpointSlice extends KubeObject {
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints?: SliceEndpoint[];
  ports?: ResolvedPort[];
}

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  private readonly services: SharedInformer<Service>;
  private readonly pods: SharedInformer<Pod>;
  private readonly slices: SharedInformer<EndpointSlice>;
  private readonly client: ResourceClient<EndpointSlice>;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.client = ctx.clientFor('endpointslice-controller').resource<EndpointSlice>(resources.endpointslices);
    this.services = ctx.informers.informer<Service>(resources.services);
    this.pods = ctx.informers.informer<Pod>(resources.pods);
    this.slices = ctx.informers.informer<EndpointSlice>(resources.endpointslices);
    this.slices.addIndexers({ [SERVICE_NAME_LABEL]: (o) => (o.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY ? [`${o.metadata.namespace ?? ''}/${o.metadata.labels[SERVICE_NAME_LABEL] ?? ''}`] : []) });
    const svc = (s: Service): void => this.queue.add(objectKey(s));
    this.services.addEventHandler({ onAdd: svc, onUpdate: (_o, s) => svc(s), onDelete: svc });
    const pod = (p: Pod, old?: Pod): void => { for (const s of servicesFor(this.services, p, old?.metadata.labels)) svc(s); };
    this.pods.addEventHandler({ onAdd: (p) => pod(p), onUpdate: (o, p) => pod(p, o), onDelete: (p) => pod(p) });
    this.slices.addEventHandler({ onDelete: (s) => { const n = s.metadata.labels?.[SERVICE_NAME_LABEL]; if (n) this.queue.add(`${s.metadata.namespace ?? ''}/${n}`); } });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, 'endpointslice', 5), name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const svc = this.services.store.get(key);
    const existing = this.slices.store.byIndex(SERVICE_NAME_LABEL, key).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    // Without the Service (or its selector) the garbage collector removes owned slices; nothing to write.
    if (!svc || !svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) return;
    const desired = this.desired(svc);
    const labels: Record<string, string> = { ...svc.metadata.labels, [SERVICE_NAME_LABEL]: svc.metadata.name ?? '', [MANAGED_BY_LABEL]: MANAGED_BY };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    const ns = svc.metadata.namespace ?? '';
    for (let i = 0; i < Math.max(desired.length, existing.length); i++) {
      const want = desired[i];
      const have = existing[i];
      try {
        if (want && have) {
          if (canonical(have.endpoints ?? []) === canonical(want.endpoints) && canonical(have.ports ?? []) === canonical(want.ports) && canonical(have.metadata.labels ?? {}) === canonical(labels)) continue;
          await this.client.update({ ...have, metadata: { ...have.metadata, labels }, endpoints: want.endpoints, ports: want.ports }, { signal });
        } else if (want) {
          await this.client.create({
            metadata: { generateName: `${svc.metadata.name ?? ''}-`, namespace: ns, labels, ownerReferences: [controllerRefTo(svc, 'v1', 'Service')] },
            addressType: 'IPv4', endpoints: want.endpoints, ports: want.ports,
          }, { signal });
        } else if (have) {
          await this.client.delete(have.metadata.name ?? '', { namespace: ns, signal });
        }
      } catch (err) {
        if (!isNotFound(err) && !isAlreadyExists(err)) throw err;
      }
    }
  }

  /** Slices to have: endpoints grouped by port set, then cut into chunks of 100. */
  private desired(svc: Service): { endpoints: SliceEndpoint[]; ports: ResolvedPort[] }[] {
    const groups = new Map<string, { endpoints: SliceEndpoint[]; ports: ResolvedPort[] }>();
    for (const e of selectedPods(svc, this.pods)) {
      if (e.ip.includes(':')) continue;
      const ports = portsFor(svc, e.pod);
      const k = canonical(ports);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { endpoints: [], ports }));
      const ep: SliceEndpoint = {
        addresses: [e.ip], conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating },
        targetRef: { kind: 'Pod', namespace: e.pod.metadata.namespace ?? '', name: e.pod.metadata.name ?? '', uid: e.pod.metadata.uid ?? '' },
      };
      if (e.pod.spec?.nodeName) ep.nodeName = e.pod.spec.nodeName;
      if (e.pod.spec?.hostname && e.pod.spec.subdomain === svc.metadata.name) ep.hostname = e.pod.spec.hostname;
      g.endpoints.push(ep);
    }
    const out: { endpoints: SliceEndpoint[]; ports: ResolvedPort[] }[] = [];
    for (const g of groups.values()) {
      for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS) out.push({ endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS), ports: g.ports });
    }
    // A service selecting nothing still has one placeholder slice, as upstream keeps.
    if (out.length === 0) out.push({ endpoints: [], ports: [] });
    return out;
  }
}

