/**
 * @module ComponentStatus (deprecated, still what `kubectl get cs` reads): computed at each
 * request, never stored. The datastore answers as etcd-0, as kube-apiserver reports its etcd.
 * The scheduler and controller manager register their own checks when they exist.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';
import { Store, type StoreOptions } from '../generic/store.js';
import type { RequestContext } from '../rest/context.js';

/** A named health probe: resolves when healthy, throws with the reason otherwise. */
export type ComponentProbe = () => Promise<void>;

export class ComponentStatusStore extends Store {
  private readonly probes = new Map<string, ComponentProbe>();

  constructor(o: StoreOptions) {
    super(o);
    this.probes.set('etcd-0', async () => { await o.backend.currentRevision(); });
  }

  /** Adds (or replaces) a component reported by `kubectl get componentstatuses`. */
  register(name: string, probe: ComponentProbe): void {
    this.probes.set(name, probe);
  }

  private async status(name: string, probe: ComponentProbe): Promise<KubeObject> {
    let condition: Record<string, string>;
    try {
      await probe();
      condition = { type: 'Healthy', status: 'True', message: 'ok' };
    } catch (e) {
      condition = { type: 'Healthy', status: 'False', error: e instanceof Error ? e.message : String(e) };
    }
    // Computed objects were never created: upstream shows a zero (null) creationTimestamp.
    const metadata = { name, creationTimestamp: null } as unknown as KubeObject['metadata'];
    return { kind: 'ComponentStatus', apiVersion: 'v1', metadata, conditions: [condition] };
  }

  /** Every component's current status, by name. */
  async computeAll(): Promise<KubeObject[]> {
    return Promise.all([...this.probes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, p]) => this.status(n, p)));
  }

  override async get(_ctx: RequestContext, name: string): Promise<KubeObject> {
    const probe = this.probes.get(name);
    if (!probe) throw statusErrors.notFound({ resource: 'componentstatuses', group: '' }, name);
    return this.status(name, probe);
  }
}
