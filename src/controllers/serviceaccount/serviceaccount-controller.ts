/**
 * @module The ServiceAccount controller: every active namespace has a `default` ServiceAccount;
 * it is created when a namespace appears and re-created when deleted.
 */
import { isAlreadyExists, isForbidden, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Namespace, ServiceAccount } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import type { Controller, ControllerContext } from '../common/context.js';
import { onChange } from '../common/handlers.js';

/** The accounts every namespace gets (kube-controller-manager's --service-account names: default). */
const ACCOUNTS = ['default'];

export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount-controller';
  private readonly namespaces: SharedInformer<Namespace>;
  private readonly accounts: SharedInformer<ServiceAccount>;
  private readonly client: ResourceClient<ServiceAccount>;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.client = ctx.clientFor('service-account-controller').resource<ServiceAccount>(resources.serviceaccounts);
    this.namespaces = ctx.informers.informer<Namespace>(resources.namespaces);
    this.accounts = ctx.informers.informer<ServiceAccount>(resources.serviceaccounts);
    onChange(this.namespaces, (n) => this.queue.add(n.metadata.name ?? ''));
    this.accounts.addEventHandler({ onDelete: (sa) => { if (ACCOUNTS.includes(sa.metadata.name ?? '')) this.queue.add(sa.metadata.namespace ?? ''); } });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (ns) => this.sync(ns, signal), { workers: this.ctx.workers ?? 1, name: this.name, signal });
  }

  private async sync(ns: string, signal: AbortSignal): Promise<void> {
    const n = this.namespaces.store.get(ns);
    if (!n || n.metadata.deletionTimestamp || n.status?.phase === 'Terminating') return;
    for (const name of ACCOUNTS) {
      if (this.accounts.store.has(`${ns}/${name}`)) continue;
      try {
        await this.client.create({ metadata: { name, namespace: ns } }, { namespace: ns, signal });
      } catch (err) {
        // Exists already, or the namespace started terminating meanwhile.
        if (!isAlreadyExists(err) && !isForbidden(err) && !isNotFound(err)) throw err;
      }
    }
  }
}
