/**
 * @module The Endpoints controller: for every Service with a selector, an Endpoints object of
 * the same name listing the selected pods' IPs (ready ones in `addresses`, others in
 * `notReadyAddresses`, unless publishNotReadyAddresses) grouped into subsets by resolved port
 * set; hostnames for pods in the service's subdomain; labels copied from the Service.
 */
import { isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { EndpointAddress, Endpoints, EndpointSubset, Pod, Service } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey, splitKey } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { workerCount, type Controller, type ControllerContext } from '../common/context.js';
import { canonical } from '../common/status.js';
import { isHeadless, portsFor, selectedPods, servicesFor } from './service-pods.js';

export class EndpointsController implements Controller {
  readonly name = 'endpoints-controller';
  private readonly services: SharedInformer<Service>;
  private readonly pods: SharedInformer<Pod>;
  private readonly endpoints: SharedInformer<Endpoints>;
  private readonly client: ResourceClient<Endpoints>;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.client = ctx.clientFor('endpoint-controller').resource<Endpoints>(resources.endpoints);
    this.services = ctx.informers.informer<Service>(resources.services);
    this.pods = ctx.informers.informer<Pod>(resources.pods);
    this.endpoints = ctx.informers.informer<Endpoints>(resources.endpoints);
    const svc = (s: Service): void => this.queue.add(objectKey(s));
    this.services.addEventHandler({ onAdd: svc, onUpdate: (_o, s) => svc(s), onDelete: svc });
    const pod = (p: Pod, old?: Pod): void => { for (const s of servicesFor(this.services, p, old?.metadata.labels)) svc(s); };
    this.pods.addEventHandler({ onAdd: (p) => pod(p), onUpdate: (o, p) => pod(p, o), onDelete: (p) => pod(p) });
    this.endpoints.addEventHandler({ onDelete: (e) => { if (this.services.store.has(objectKey(e))) this.queue.add(objectKey(e)); } });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, 'endpoint', 5), name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const svc = this.services.store.get(key);
    const { namespace, name } = splitKey(key);
    if (!svc) {
      // The Service is gone: its Endpoints go too.
      if (this.endpoints.store.has(key)) await this.client.delete(name, { namespace, signal }).catch((e: unknown) => { if (!isNotFound(e)) throw e; });
      return;
    }
    if (!svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) return;
    const subsets = this.subsets(svc);
    const labels: Record<string, string> = { ...svc.metadata.labels };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    const cur = this.endpoints.store.get(key);
    if (cur && canonical(cur.subsets ?? []) === canonical(subsets) && canonical(cur.metadata.labels ?? {}) === canonical(labels)) return;
    const body: Endpoints = { metadata: { name, namespace, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': new Date().toISOString().replace(/\.\d+Z$/, 'Z') } }, subsets };
    try {
      if (cur) await this.client.update({ ...cur, metadata: { ...cur.metadata, labels, annotations: { ...cur.metadata.annotations, ...body.metadata.annotations } }, subsets }, { signal });
      else await this.client.create(body, { signal });
    } catch (err) {
      // A namespace being deleted takes its Endpoints with it; conflicts retry from the queue.
      if (!isNotFound(err)) throw err;
    }
  }

  /** Subsets grouped by port set (RepackSubsets), addresses sorted by IP. */
  private subsets(svc: Service): EndpointSubset[] {
    const groups = new Map<string, EndpointSubset>();
    for (const e of selectedPods(svc, this.pods)) {
      if (e.terminating && !svc.spec?.publishNotReadyAddresses) continue;
      const ports = portsFor(svc, e.pod);
      if ((svc.spec?.ports ?? []).length > 0 && ports.length === 0) continue;
      const k = canonical(ports);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = ports.length ? { ports } : {}));
      const addr: EndpointAddress = {
        ip: e.ip,
        targetRef: { kind: 'Pod', namespace: e.pod.metadata.namespace ?? '', name: e.pod.metadata.name ?? '', uid: e.pod.metadata.uid ?? '' },
      };
      if (e.pod.spec?.nodeName) addr.nodeName = e.pod.spec.nodeName;
      if (e.pod.spec?.hostname && e.pod.spec.subdomain === svc.metadata.name) addr.hostname = e.pod.spec.hostname;
      if (e.ready) (g.addresses ??= []).push(addr);
      else (g.notReadyAddresses ??= []).push(addr);
    }
    return [...groups.values()];
  }
}
