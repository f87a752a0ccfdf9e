/**
 * @module The ResourceQuota admission plugin and its usage tracking (plugin/pkg/admission/
 * resourcequota and the resourcequota controller): usage is counted from the watch caches of
 * the namespace's objects, plus what was admitted but not yet seen there, so a burst of
 * creates cannot slip past a quota. Admissions in one namespace are serialized. Exceeding a
 * quota is a 403 `exceeded quota: <name>, requested: ..., used: ..., limited: ...`; a pod that
 * leaves a constrained compute resource undeclared is refused too. A control loop keeps every
 * quota's `status.hard` and `status.used` current (`kubectl describe quota`).
 */
import { isPlainObject, jsonEqual, objectAt, type KubeObject } from '../../../../api/meta/object.js';
import { Quantity } from '../../../../api/quantity.js';
import { systemContext } from '../../../registry/rest/context.js';
import type { ResourceRegistry } from '../../../registry/resources.js';
import { ObjectView } from '../../../security/object-view.js';
import { Reconciler } from '../../../security/reconciler.js';
import type { AdmissionAttributes, Operation, ValidatingPlugin } from '../../admission.js';
import { forbidden } from '../forbidden.js';
import { addTo, type ResourceList, resourceList } from '../resources.js';
import { formatList, missingDeclarations, quotaSelects, resourcesFor, usageOf } from './usage.js';

/** An admitted change not yet visible in the caches. */
interface Pending {
  readonly group: string;
  readonly resource: string;
  readonly namespace: string;
  readonly name: string;
  /** The object's resourceVersion before the change ('' for a create). */
  readonly prevRv: string;
  readonly delta: ResourceList;
  readonly at: number;
}

const PENDING_TTL_MS = 10_000;
const COMPUTE_KEYS = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'ephemeral-storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage'];

function subtractNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of a) {
    const d = v.sub(b.get(k) ?? Quantity.zero());
    if (d.sign() > 0) out.set(k, d);
  }
  return out;
}

export class QuotaTracker {
  private readonly views = new Map<string, ObjectView | undefined>();
  private readonly quotas: ObjectView | undefined;
  private readonly pending = new Map<string, Pending[]>();
  private readonly locks = new Map<string, Promise<void>>();
  private readonly loop: Reconciler | undefined;

  constructor(private readonly registry: ResourceRegistry) {
    this.quotas = this.view('', 'resourcequotas');
    const followed = ['resourcequotas', 'pods', 'services', 'persistentvolumeclaims', 'configmaps', 'secrets'].map((r) => this.view('', r)).filter((v): v is ObjectView => v !== undefined);
    if (this.quotas) this.loop = new Reconciler('resourcequota-status', followed, () => this.syncStatus(), 50);
  }

  private view(group: string, resource: string): ObjectView | undefined {
    const key = `${group}/${resource}`;
    if (!this.views.has(key)) {
      const served = this.registry.all().find((r) => r.def.group === group && r.def.plural === resource);
      this.views.set(key, served ? new ObjectView(served.store) : undefined);
    }
    return this.views.get(key);
  }

  /** Current usage counted by `quota` in its namespace (caches plus pending admissions). */
  async usage(quota: KubeObject, opts: { withPending: boolean }): Promise<ResourceList> {
    const ns = quota.metadata.namespace ?? '';
    const hard = resourceList(objectAt(quota, 'spec')?.['hard']);
    const used: ResourceList = new Map();
    for (const { group, resource } of resourcesFor([...hard.keys()])) {
      const view = this.view(group, resource);
      if (!view) continue;
      await view.ready();
      for (const obj of view.list(ns)) if (quotaSelects(quota, group, resource, obj)) addTo(used, usageOf(group, resource, obj));
    }
    if (opts.withPending) for (const p of this.pendingFor(quota)) addTo(used, p.delta);
    const out: ResourceList = new Map();
    for (const k of hard.keys()) out.set(k, used.get(k) ?? Quantity.zero());
    return out;
  }

  /** Pending admissions of a quota that the caches have not caught up with yet. */
  private pendingFor(quota: KubeObject): Pending[] {
    const key = `${quota.metadata.namespace ?? ''}/${quota.metadata.name ?? ''}`;
    const now = Date.now();
    const left = (this.pending.get(key) ?? []).filter((p) => {
      if (now - p.at > PENDING_TTL_MS) return false;
      const seen = this.view(p.group, p.resource)?.cached(p.namespace, p.name);
      return !seen || (seen.metadata.resourceVersion ?? '') === p.prevRv;
    });
    if (left.length) this.pending.set(key, left);
    else this.pending.delete(key);
    return left;
  }

  private async locked<T>(ns: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(ns) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((r) => { release = r; });
    const chained = prev.then(() => mine);
    this.locks.set(ns, chained);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (this.locks.get(ns) === chained) this.locks.delete(ns);
    }
  }

  /** The admission plugin. */
  plugin(): ValidatingPlugin {
    return {
      name: 'ResourceQuota',
      handles: (op: Operation) => op === 'CREATE' || op === 'UPDATE',
      validate: (a) => this.admit(a),
    };
  }

  private async admit(a: AdmissionAttributes): Promise<void> {
    if (a.subresource || !a.object || !a.namespace || !this.quotas) return;
    await this.quotas.ready();
    const quotas = this.quotas.list(a.namespace);
    if (!quotas.length) return;
    const next = usageOf(a.group, a.resource, a.object);
    const prev = a.operation === 'UPDATE' && a.oldObject ? usageOf(a.group, a.resource, a.oldObject) : new Map();
    const delta = subtractNonNegative(next, prev);
    if (!delta.size) return;
    await this.locked(a.namespace, async () => {
      const matched: KubeObject[] = [];
      for (const q of quotas) {
        if (!quotaSelects(q, a.group, a.resource, a.object as KubeObject)) continue;
        const hard = resourceList(objectAt(q, 'spec')?.['hard']);
        const name = q.metadata.name ?? '';
        if (a.group === '' && a.resource === 'pods' && a.operation === 'CREATE') {
          const missing = missingDeclarations(a.object as KubeObject, [...hard.keys()].filter((k) => COMPUTE_KEYS.includes(k)));
          if (missing) throw forbidden(a, `failed quota: ${name}: must specify ${missing}`);
        }
        const relevant = [...delta.keys()].filter((k) => hard.has(k));
        if (!relevant.length) continue;
        const used = await this.usage(q, { withPending: true });
        const exceeded = relevant.filter((k) => (used.get(k) ?? Quantity.zero()).add(delta.get(k) ?? Quantity.zero()).cmp(hard.get(k) ?? Quantity.zero()) > 0);
        if (exceeded.length) {
          throw forbidden(a, `exceeded quota: ${name}, requested: ${formatList(delta, exceeded)}, used: ${formatList(used, exceeded)}, limited: ${formatList(hard, exceeded)}`);
        }
        matched.push(q);
      }
      if (a.dryRun) return;
      for (const q of matched) {
        const key = `${q.metadata.namespace ?? ''}/${q.metadata.name ?? ''}`;
        const p: Pending = {
          group: a.group, resource: a.resource, namespace: a.namespace, name: a.object?.metadata.name ?? '',
          prevRv: a.operation === 'UPDATE' ? a.oldObject?.metadata.resourceVersion ?? '' : '', delta, at: Date.now(),
        };
        this.pending.set(key, [...(this.pending.get(key) ?? []), p]);
      }
      // The status follows once the caches show the new object.
      this.loop?.schedule(50);
    });
  }

  /** Starts the status loop. */
  start(): Promise<void> {
    return this.loop?.start() ?? Promise.resolve();
  }

  private async syncStatus(): Promise<void> {
    const quotas = this.quotas;
    if (!quotas) return;
    const status = this.registry.get('', 'v1', 'resourcequotas')?.subresources.get('status');
    if (!status?.update) return;
    for (const q of quotas.list()) {
      const hardRaw = objectAt(q, 'spec')?.['hard'];
      const used = await this.usage(q, { withPending: false });
      const want = { hard: isPlainObject(hardRaw) ? hardRaw : {}, used: Object.fromEntries([...used].map(([k, v]) => [k, v.toString()])) };
      if (jsonEqual(q['status'], want)) continue;
      const ns = q.metadata.namespace ?? '';
      await status.update(systemContext(ns), q.metadata.name ?? '', (cur) => {
        const out = { ...cur, status: want };
        delete out.metadata.resourceVersion;
        return out;
      }, {}).catch(() => this.loop?.schedule(500));
    }
  }

  stop(): void {
    this.loop?.stop();
  }
}
