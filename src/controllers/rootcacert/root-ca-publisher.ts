/**
 * @module The root CA publisher: a `kube-root-ca.crt` ConfigMap in every namespace holding the
 * CA bundle that signs the API server's certificate (key `ca.crt`), kept equal to it, and
 * re-created when deleted, so pods can verify https://kubernetes.default.svc.
 */
import { isAlreadyExists, isForbidden, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ConfigMap, Namespace } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import type { Controller, ControllerContext } from '../common/context.js';
import { onChange } from '../common/handlers.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION = 'The CA bundle that verifies the API server at its in-cluster addresses (the kubernetes service). Other uses may differ between distributions.';

export class RootCaPublisher implements Controller {
  readonly name = 'root-ca-cert-publisher';
  private readonly namespaces: SharedInformer<Namespace>;
  private readonly configMaps: SharedInformer<ConfigMap>;
  private readonly client: ResourceClient<ConfigMap>;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext, private readonly caPem: string) {
    this.client = ctx.clientFor('root-ca-cert-publisher').resource<ConfigMap>(resources.configmaps);
    this.namespaces = ctx.informers.informer<Namespace>(resources.namespaces);
    this.configMaps = ctx.informers.informer<ConfigMap>(resources.configmaps);
    onChange(this.namespaces, (n) => this.queue.add(n.metadata.name ?? ''));
    const onCm = (cm: ConfigMap): void => { if (cm.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(cm.metadata.namespace ?? ''); };
    this.configMaps.addEventHandler({ onUpdate: (_o, cm) => onCm(cm), onDelete: onCm });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (ns) => this.sync(ns, signal), { workers: this.ctx.workers ?? 1, name: this.name, signal });
  }

  private async sync(ns: string, signal: AbortSignal): Promise<void> {
    const n = this.namespaces.store.get(ns);
    if (!n || n.metadata.deletionTimestamp || n.status?.phase === 'Terminating') return;
    const cur = this.configMaps.store.get(`${ns}/${ROOT_CA_CONFIGMAP}`);
    try {
      if (!cur) {
        await this.client.create({ metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { 'kubernetes.io/description': DESCRIPTION } }, data: { 'ca.crt': this.caPem } }, { namespace: ns, signal });
      } else if (cur.data?.['ca.crt'] !== this.caPem || Object.keys(cur.data ?? {}).length !== 1) {
        await this.client.update({ ...cur, data: { 'ca.crt': this.caPem } }, { signal });
      }
    } catch (err) {
      if (!isAlreadyExists(err) && !isForbidden(err) && !isNotFound(err)) throw err;
    }
  }
}
